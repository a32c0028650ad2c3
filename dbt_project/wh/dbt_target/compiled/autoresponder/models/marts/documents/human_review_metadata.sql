-- metadata of every review row, for the CUPOLA owner's audit (DESIGN §9)
select
    run_id, message_id, determination, reason, lookup_email, system, object, record_id, action,
    gate_reason as review_reason, payload, prior
from "w"."marts"."fct_actions"
where gate = 'review'