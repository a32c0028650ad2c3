
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  -- DESIGN §6: a Multipub-linked Contact gets a skip row, never a write; Multipub itself never written
select a.*
from "w"."marts"."fct_actions" as a
left join "w"."intermediate"."int_salesforce__matches" as sf
    on sf.message_id = a.message_id and sf.record_id = a.record_id
where a.gate = 'auto' and ((a.system = 'salesforce' and sf.is_multipub_linked = 1) or a.system = 'multipub')
  
  
      
    ) dbt_internal_test