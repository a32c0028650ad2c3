
    
    

with all_values as (

    select
        cupola_state as value_field,
        count(*) as n_records

    from "w"."marts"."fct_message_outcomes"
    group by cupola_state

)

select *
from all_values
where value_field not in (
    'active','inactive','none','ambiguous'
)


