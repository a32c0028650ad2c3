
    
    

with all_values as (

    select
        action as value_field,
        count(*) as n_records

    from "w"."marts"."fct_actions"
    group by action

)

select *
from all_values
where value_field not in (
    'mark_inactive','update_email','update_title','reactivate','create','confirm_active','flag','suppress','review','skip'
)


