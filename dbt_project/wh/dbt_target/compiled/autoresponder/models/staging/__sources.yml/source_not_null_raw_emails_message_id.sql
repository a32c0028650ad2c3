
    
    



select message_id
from "w"."raw"."emails"
where message_id is null


