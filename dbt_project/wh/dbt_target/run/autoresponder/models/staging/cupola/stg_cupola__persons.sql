
  
  create view "w"."staging"."stg_cupola__persons__dbt_tmp" as (
    select
    person_id,
    first_name,
    last_name,
    nullif(lower(trim(email)), '') as email,
    phone
from "w"."raw"."cupola_persons"
  );
