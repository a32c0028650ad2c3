-- one row per message whose outcome is manual_review: the consolidated list for IP4 (DESIGN §5, §9).
-- A message a reviewer decided (approve / reject, `autoresponder serve`) is no longer open, and a
-- reply with the same fingerprint as a rejected one (same person, determination, reason and new
-- values) is not asked about again (issue 10). The reviewer fills `approve` (yes / no) and uploads it.
with outcomes as (
    select * from {{ ref('fct_message_outcomes') }}
),

messages as (
    select * from {{ ref('int_messages__matched') }}
),

decisions as (
    select * from {{ source('review', 'human_review_decisions') }}
),

candidates as (
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
        messages.duplicate_of,
        {{ sha256_hex("concat_ws('|', coalesce(outcomes.lookup_email, ''), coalesce(outcomes.determination, ''),
            coalesce(outcomes.reason, ''), coalesce(outcomes.review_reason, ''), coalesce(messages.new_email, ''),
            coalesce(messages.new_title, ''))") }} as review_fingerprint
    from outcomes
    inner join messages on messages.message_id = outcomes.message_id
    where outcomes.outcome = 'manual_review'
)

select candidates.*, '' as approve
from candidates
where not exists (select 1 from decisions where decisions.message_id = candidates.message_id)
    and not exists (select 1 from decisions where decisions.decision = 'reject'
                    and decisions.fingerprint = candidates.review_fingerprint)
