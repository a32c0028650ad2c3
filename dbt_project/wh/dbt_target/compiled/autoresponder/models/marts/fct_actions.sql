-- one row per planned action (DESIGN §11): the union of the routing models, then the gates that
-- hold for every route: a spoofed reply cannot write (§10 SENDER_NOT_AUTHENTICATED)
with routes as (
    select * from "w"."intermediate"."int_route__inactive"
    union all select * from "w"."intermediate"."int_route__update"
    union all select * from "w"."intermediate"."int_route__active"
    union all select * from "w"."intermediate"."int_route__replacement"
    union all select * from "w"."intermediate"."int_route__review"
),

messages as (
    select * from "w"."intermediate"."int_messages__matched"
),

gated as (
    select
        routes.*,
        messages.determination,
        messages.reason,
        messages.lookup_email,
        case when messages.is_sender_not_authenticated = 1 and routes.gate = 'auto' then 'review'
            else routes.gate end as final_gate,
        case when messages.is_sender_not_authenticated = 1 and routes.gate = 'auto' then 'SENDER_NOT_AUTHENTICATED'
            else routes.gate_reason end as final_gate_reason
    from routes
    inner join messages on messages.message_id = routes.message_id
),

final as (
    select
        '20261203T103343448Z' as run_id,
        message_id,
        determination,
        reason,
        lookup_email,
        system,
        object,
        record_id,
        action,
        final_gate as gate,
        final_gate_reason as gate_reason,
        payload,
        prior,
        sha256(concat_ws('|', system, object, coalesce(record_id, ''), action, payload, message_id))
            as idempotency_key
    from gated
)

select * from final