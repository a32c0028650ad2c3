
  
  create view "w"."staging"."stg_salesforce__leads__dbt_tmp" as (
    -- Lead is_active = Status not in ('Disqualified', 'Inactive', '') (DESIGN §6)
select
    "Id" as record_id,
    'Lead' as record_type,
    "FirstName" as first_name,
    "LastName" as last_name,
    nullif(lower(trim("Email")), '') as email,
    "Title" as title,
    "Company" as company,
    "Status" as status,
    case when coalesce("Status", '') in ('Disqualified', 'Inactive', '') then 0 else 1 end as is_active,
    "LastModifiedDate" as last_modified_at
from "w"."raw"."sf_lead"
  );
