
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    

with all_values as (

    select
        determination as value_field,
        count(*) as n_records

    from "w"."marts"."fct_message_outcomes"
    group by determination

)

select *
from all_values
where value_field not in (
    'ACTIVE','INACTIVE','EMAIL_UPDATE','TITLE_UPDATE','REPLACEMENT','BOUNCE','OUT_OF_OFFICE','UNKNOWN'
)



  
  
      
    ) dbt_internal_test