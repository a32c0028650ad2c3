
  
  create view "w"."staging"."stg_hodor__prospects__dbt_tmp" as (
    select
    prospect_id,
    first_name,
    last_name,
    nullif(lower(trim(email)), '') as email,
    phone,
    company,
    title,
    status
from "w"."raw"."hodor_prospects"
  );
