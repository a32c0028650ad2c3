
    

    create  table
      "w"."marts"."output_document_inactive_no_cupola_match__dbt_tmp"
  
    
    as (
      -- IP4 manual review of people CUPOLA does not hold as active: new contacts, reactivation
-- candidates and departures with no CUPOLA row (DESIGN §5); never auto-created or reactivated
with actions as (
    select * from "w"."marts"."fct_actions"
    where gate_reason in ('ACTIVE_NEW_CONTACT', 'REACTIVATION_CANDIDATE', 'INACTIVE_NO_CUPOLA_MATCH')
),

messages as (
    select * from "w"."intermediate"."int_messages__matched"
)

select
    actions.run_id,
    actions.message_id,
    actions.gate_reason as review_reason,
    actions.determination,
    actions.reason,
    actions.lookup_email,
    actions.record_id as org_person_id,
    messages.first_name,
    messages.last_name,
    messages.org_name,
    messages.new_email,
    messages.new_title,
    messages.subject,
    messages.evidence
from actions
inner join messages on messages.message_id = actions.message_id
    );
    
  