
    
    



select message_id
from "w"."marts"."fct_actions"
where message_id is null


