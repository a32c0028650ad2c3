
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    

with all_values as (

    select
        outcome as value_field,
        count(*) as n_records

    from "w"."marts"."fct_message_outcomes"
    group by outcome

)

select *
from all_values
where value_field not in (
    'auto_update','confirm_only','manual_review','record_only','skipped_unknown','skipped_no_contact'
)



  
  
      
    ) dbt_internal_test