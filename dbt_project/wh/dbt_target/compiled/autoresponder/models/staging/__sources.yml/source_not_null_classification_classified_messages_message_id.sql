
    
    



select message_id
from "w"."classification"."classified_messages"
where message_id is null


