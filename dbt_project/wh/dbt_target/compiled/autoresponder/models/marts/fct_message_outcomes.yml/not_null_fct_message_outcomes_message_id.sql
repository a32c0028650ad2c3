
    
    



select message_id
from "w"."marts"."fct_message_outcomes"
where message_id is null


