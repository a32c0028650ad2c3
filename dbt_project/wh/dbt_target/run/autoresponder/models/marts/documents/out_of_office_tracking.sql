
    

    create  table
      "w"."marts"."out_of_office_tracking__dbt_tmp"
  
    
    as (
      -- out-of-office replies, tracked apart from inactivations (DESIGN §5): never inactivates
select
    m.message_id,
    m.lookup_email,
    m.first_name,
    m.last_name,
    m.org_name,
    m.cupola_state,
    m.return_date,
    m.sent_at,
    m.evidence
from "w"."intermediate"."int_messages__matched" as m
where m.determination = 'OUT_OF_OFFICE'
    );
    
  