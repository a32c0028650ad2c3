
  
  create view "w"."staging"."stg_cupola__orgs__dbt_tmp" as (
    select
    org_id,
    org_name,
    lower(trim(website_domain)) as website_domain
from "w"."raw"."cupola_orgs"
  );
