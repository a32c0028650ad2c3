-- one row per message whose outcome is manual_review: the consolidated list for IP4 (DESIGN §5, §9)
with outcomes as (
    select * from {{ ref('fct_message_outcomes') }}
),

messages as (
    select * from {{ ref('int_messages__matched') }}
)

select
    outcomes.run_id,
    outcomes.message_id,
    outcomes.review_reason,
    outcomes.determination,
    outcomes.reason,
    outcomes.lookup_email,
    outcomes.cupola_state,
    messages.first_name,
    messages.last_name,
    messages.org_name,
    messages.subject,
    messages.sent_at,
    messages.return_date,
    messages.new_email,
    messages.new_title,
    messages.bounce_kind,
    messages.bounce_status,
    messages.bounce_diagnostic,
    outcomes.evidence,
    -- DUPLICATE_MESSAGE_ID: the key of the message that landed first under the same Message-ID
    messages.duplicate_of
from outcomes
inner join messages on messages.message_id = outcomes.message_id
where outcomes.outcome = 'manual_review'
