
    
    



select idempotency_key
from "w"."marts"."fct_actions"
where idempotency_key is null


