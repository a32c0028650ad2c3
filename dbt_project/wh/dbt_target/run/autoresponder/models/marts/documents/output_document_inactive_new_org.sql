
    

    create  table
      "w"."marts"."output_document_inactive_new_org__dbt_tmp"
  
    
    as (
      -- research rows for people who moved to another organisation (DESIGN §5 moved_to_other_org)
select
    m.message_id,
    m.lookup_email,
    m.first_name,
    m.last_name,
    m.org_name as old_org_name,
    m.new_org,
    m.new_email,
    m.cupola_state,
    m.evidence
from "w"."intermediate"."int_messages__matched" as m
where m.is_routable = 1 and m.determination = 'INACTIVE' and m.reason = 'moved_to_other_org'
    );
    
  