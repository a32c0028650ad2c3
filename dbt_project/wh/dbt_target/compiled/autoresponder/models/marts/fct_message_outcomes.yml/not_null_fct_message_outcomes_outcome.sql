
    
    



select outcome
from "w"."marts"."fct_message_outcomes"
where outcome is null


