
    
    

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


