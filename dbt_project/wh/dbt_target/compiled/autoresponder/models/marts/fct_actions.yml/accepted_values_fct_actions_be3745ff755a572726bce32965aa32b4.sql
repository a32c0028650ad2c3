
    
    

with all_values as (

    select
        gate as value_field,
        count(*) as n_records

    from "w"."marts"."fct_actions"
    group by gate

)

select *
from all_values
where value_field not in (
    'auto','review','record_only','skip'
)


