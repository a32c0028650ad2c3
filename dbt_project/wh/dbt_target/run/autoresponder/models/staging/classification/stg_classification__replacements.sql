
  
  create view "w"."staging"."stg_classification__replacements__dbt_tmp" as (
    with source as (
    select * from "w"."classification"."replacements"
)

select
    message_id,
    ordinal,
    nullif(trim(name), '') as replacement_name,
    nullif(lower(trim(email)), '') as replacement_email,
    nullif(trim(title), '') as replacement_title
from source
  );
