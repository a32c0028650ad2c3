
    
    

with all_values as (

    select
        system as value_field,
        count(*) as n_records

    from "w"."marts"."fct_actions"
    group by system

)

select *
from all_values
where value_field not in (
    'cupola','hodor','salesforce','hubspot','multipub','sfmc'
)


