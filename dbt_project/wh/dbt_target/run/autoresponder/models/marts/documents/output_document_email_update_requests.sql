
    

    create  table
      "w"."marts"."output_document_email_update_requests__dbt_tmp"
  
    
    as (
      -- email changes of Multipub-linked people, for Marketing / SFMC to apply (DESIGN §5)
select
    a.message_id,
    a.lookup_email as old_email,
    m.new_email,
    a.record_id as subscription_id,
    m.first_name,
    m.last_name,
    m.org_name,
    m.evidence
from "w"."marts"."fct_actions" as a
inner join "w"."intermediate"."int_messages__matched" as m on m.message_id = a.message_id
where a.system = 'multipub' and a.action = 'update_email'
    );
    
  