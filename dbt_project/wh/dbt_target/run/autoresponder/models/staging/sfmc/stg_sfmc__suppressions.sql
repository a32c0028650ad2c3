
  
  create view "w"."staging"."stg_sfmc__suppressions__dbt_tmp" as (
    select
    nullif(lower(trim(email)), '') as email,
    list_name,
    reason,
    added_at
from "w"."raw"."sfmc_suppressions"
  );
