-- metadata of every review row, for the CUPOLA owner's audit (DESIGN §9); the idempotency key tells apart the rows
-- of one message that share a null record id (one research row per alternate contact)
select
    run_id, message_id, determination, reason, lookup_email, system, object, record_id, action,
    gate_reason as review_reason, payload, prior, idempotency_key
from {{ ref('fct_actions') }}
where gate = 'review'
