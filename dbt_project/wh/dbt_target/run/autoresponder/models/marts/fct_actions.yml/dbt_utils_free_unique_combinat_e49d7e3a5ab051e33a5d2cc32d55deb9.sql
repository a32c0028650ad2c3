
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
select system, idempotency_key, count(*) as n
from "w"."marts"."fct_actions"
group by system, idempotency_key
having count(*) > 1

  
  
      
    ) dbt_internal_test