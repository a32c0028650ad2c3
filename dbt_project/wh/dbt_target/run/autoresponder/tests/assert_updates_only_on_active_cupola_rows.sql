
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  -- DESIGN §6 active-only gate: email / title writes only when CUPOLA has an active row
select a.*
from "w"."marts"."fct_actions" as a
inner join "w"."intermediate"."int_messages__matched" as m on m.message_id = a.message_id
where a.gate = 'auto' and a.action in ('update_email', 'update_title') and m.cupola_state <> 'active'
  
  
      
    ) dbt_internal_test