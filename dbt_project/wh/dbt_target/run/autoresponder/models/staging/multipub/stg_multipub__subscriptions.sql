
  
  create view "w"."staging"."stg_multipub__subscriptions__dbt_tmp" as (
    select
    subscription_id,
    subscriber_id,
    nullif(lower(trim(email)), '') as email,
    first_name,
    last_name,
    company,
    product_code,
    lower(trim(subscription_type)) as subscription_type,
    lower(trim(status)) as status,
    start_date,
    end_date,
    last_issue_date
from "w"."raw"."multipub_subscriptions"
  );
