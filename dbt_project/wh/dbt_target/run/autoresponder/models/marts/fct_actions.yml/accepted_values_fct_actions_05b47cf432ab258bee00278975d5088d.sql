
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    

with all_values as (

    select
        object as value_field,
        count(*) as n_records

    from "w"."marts"."fct_actions"
    group by object

)

select *
from all_values
where value_field not in (
    'org_person','prospect','Contact','Lead','Account','subscription','suppression'
)



  
  
      
    ) dbt_internal_test