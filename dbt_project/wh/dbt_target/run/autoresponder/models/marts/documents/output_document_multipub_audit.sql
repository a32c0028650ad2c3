
    

    create  table
      "w"."marts"."output_document_multipub_audit__dbt_tmp"
  
    
    as (
      -- INACTIVE / REPLACEMENT candidates Multipub flags (DESIGN §7); Multipub is never changed
select
    m.message_id,
    m.determination,
    m.reason,
    m.lookup_email,
    mp.subscription_id,
    mp.subscriber_id,
    mp.first_name,
    mp.last_name,
    mp.company,
    mp.product_code,
    mp.subscription_type,
    mp.status as subscription_status,
    mp.start_date,
    mp.end_date,
    mp.last_issue_date,
    mp.is_active_subscription,
    mp.is_expired_within_12_months,
    mp.is_single_issue_within_12_months,
    mp.is_ambiguous_subscriber,
    '' as decision
from "w"."intermediate"."int_messages__matched" as m
inner join "w"."intermediate"."int_multipub__matches" as mp on mp.message_id = m.message_id
where m.is_routable = 1 and m.cupola_state <> 'ambiguous'
    and m.determination in ('INACTIVE', 'REPLACEMENT') and m.is_multipub_flagged = 1
    );
    
  