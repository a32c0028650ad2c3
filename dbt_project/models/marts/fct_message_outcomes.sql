-- one row per message (DESIGN §11). outcome = the first that holds of: skipped_unknown,
-- skipped_no_contact, auto_update (any auto write), manual_review (any review row), record_only,
-- confirm_only (record_bounce rows do not count). review_reason is set when the outcome is manual_review (the most pressing
-- review reason of the message). A confirm_active row is record-keeping of a confirmation, so it yields confirm_only.
with messages as (
    select * from {{ ref('int_messages__matched') }}
),

-- a recorded hard bounce (record_bounce) is a fact kept on the record, not an update: the bounce
-- itself stays a manual review with reason BOUNCE (DESIGN §5), whatever gate that write got
actions as (
    select * from {{ ref('fct_actions') }} where action <> 'record_bounce'
),

per_message as (
    select
        message_id,
        max(case when gate = 'auto' then 1 else 0 end) as has_auto,
        max(case when gate = 'review' then 1 else 0 end) as has_review,
        max(case when gate = 'record_only' and action <> 'confirm_active' then 1 else 0 end) as has_record_only,
        max(case when action = 'confirm_active' then 1 else 0 end) as has_confirm,
        min(case when gate = 'review' then
            case gate_reason
                when 'SENDER_NOT_AUTHENTICATED' then '01SENDER_NOT_AUTHENTICATED'
                when 'DUPLICATE_MESSAGE_ID' then '01DUPLICATE_MESSAGE_ID'
                when 'IDENTITY_MISMATCH' then '01IDENTITY_MISMATCH'
                when 'LOW_CONFIDENCE' then '01LOW_CONFIDENCE'
                when 'NEW_EMAIL_FOREIGN_DOMAIN' then '01NEW_EMAIL_FOREIGN_DOMAIN'
                when 'NEW_EMAIL_IN_USE' then '01NEW_EMAIL_IN_USE'
                when 'AMBIGUOUS_MATCH' then '02AMBIGUOUS_MATCH'
                when 'BOUNCE' then '03BOUNCE'
                when 'OUT_OF_OFFICE' then '04OUT_OF_OFFICE'
                when 'UPDATE_ON_INACTIVE' then '05UPDATE_ON_INACTIVE'
                when 'ACTIVE_NEW_CONTACT' then '06ACTIVE_NEW_CONTACT'
                when 'REACTIVATION_CANDIDATE' then '07REACTIVATION_CANDIDATE'
                when 'INACTIVE_NO_CUPOLA_MATCH' then '08INACTIVE_NO_CUPOLA_MATCH'
                when 'NEW_ORG_RESEARCH' then '09NEW_ORG_RESEARCH'
                when 'ALTERNATE_CONTACT_RESEARCH' then '10ALTERNATE_CONTACT_RESEARCH'
                when 'MULTIPUB_AUDIT' then '11MULTIPUB_AUDIT'
                when 'MARKETING_EMAIL_UPDATE_REQUEST' then '12MARKETING_EMAIL_UPDATE_REQUEST'
                else concat('99', gate_reason) end
            end) as first_review_reason
    from actions
    group by message_id
),

final as (
    select
        messages.run_id,  -- the run that landed the message
        messages.message_id,
        messages.determination,
        messages.reason,
        messages.lookup_email,
        messages.cupola_state,
        case
            when messages.determination = 'UNKNOWN' then 'skipped_unknown'
            when messages.has_any_match = 0 then 'skipped_no_contact'
            when per_message.has_auto = 1 then 'auto_update'
            when per_message.has_review = 1 then 'manual_review'
            when per_message.has_record_only = 1 then 'record_only'
            else 'confirm_only'
        end as outcome,
        case when messages.determination <> 'UNKNOWN' and messages.has_any_match = 1
            and coalesce(per_message.has_auto, 0) = 0 and per_message.has_review = 1
            then {{ substring_from('per_message.first_review_reason', 3) }} end as review_reason,
        messages.evidence,
        messages.parse_error
    from messages
    left join per_message on per_message.message_id = messages.message_id
)

select * from final
