
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  -- DESIGN §5: auto-reactivation of inactive CUPOLA rows is disabled; alternates never auto-added
select *
from "w"."marts"."fct_actions"
where system = 'cupola' and gate = 'auto' and action in ('reactivate', 'create')
  
  
      
    ) dbt_internal_test