
    
    

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


