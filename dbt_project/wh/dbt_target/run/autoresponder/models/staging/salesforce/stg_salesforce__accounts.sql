
  
  create view "w"."staging"."stg_salesforce__accounts__dbt_tmp" as (
    select
    "Id" as account_id,
    "Name" as account_name
from "w"."raw"."sf_account"
  );
