with lookup as (
    select message_id, lookup_email from "w"."intermediate"."int_messages__lookup_email"
)

select lookup.message_id, prospects.*
from lookup
inner join "w"."staging"."stg_hodor__prospects" as prospects on prospects.email = lookup.lookup_email