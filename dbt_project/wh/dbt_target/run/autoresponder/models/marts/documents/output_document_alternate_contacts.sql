
    

    create  table
      "w"."marts"."output_document_alternate_contacts__dbt_tmp"
  
    
    as (
      -- each alternate contact a REPLACEMENT reply names: a manual research entry (DESIGN §5)
select
    m.message_id,
    m.lookup_email as original_email,
    m.first_name as original_first_name,
    m.last_name as original_last_name,
    m.org_name,
    r.ordinal,
    r.replacement_name,
    r.replacement_email,
    r.replacement_title,
    m.evidence
from "w"."intermediate"."int_messages__matched" as m
inner join "w"."staging"."stg_classification__replacements" as r on r.message_id = m.message_id
where m.determination = 'REPLACEMENT' and m.is_routable = 1 and m.cupola_state <> 'ambiguous'
    );
    
  