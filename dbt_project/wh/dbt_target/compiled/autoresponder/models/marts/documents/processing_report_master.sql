-- the master processing report: one row per landed message with its outcome and actions
with actions as (
    select
        message_id,
        sum(case when gate = 'auto' then 1 else 0 end) as count_auto,
        sum(case when gate = 'review' then 1 else 0 end) as count_review,
        sum(case when gate = 'record_only' then 1 else 0 end) as count_record_only,
        sum(case when gate = 'skip' then 1 else 0 end) as count_skip
    from "w"."marts"."fct_actions"
    group by message_id
)

select
    o.run_id,
    o.message_id,
    m.file_path,
    m.from_email,
    o.lookup_email,
    m.subject,
    m.sent_at,
    o.determination,
    o.reason,
    m.method,
    m.confidence,
    o.cupola_state,
    o.outcome,
    o.review_reason,
    coalesce(a.count_auto, 0) as count_auto,
    coalesce(a.count_review, 0) as count_review,
    coalesce(a.count_record_only, 0) as count_record_only,
    coalesce(a.count_skip, 0) as count_skip,
    m.parse_error,
    o.evidence
from "w"."marts"."fct_message_outcomes" as o
inner join "w"."intermediate"."int_messages__matched" as m on m.message_id = o.message_id
left join actions as a on a.message_id = o.message_id