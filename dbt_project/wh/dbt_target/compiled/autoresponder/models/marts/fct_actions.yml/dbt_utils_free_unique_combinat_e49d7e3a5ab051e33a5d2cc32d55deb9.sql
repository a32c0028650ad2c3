
select system, idempotency_key, count(*) as n
from "w"."marts"."fct_actions"
group by system, idempotency_key
having count(*) > 1
