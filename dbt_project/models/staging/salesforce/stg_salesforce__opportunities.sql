select
    "Id" as opportunity_id,
    "AccountId" as account_id,
    "Name" as opportunity_name,
    "StageName" as stage_name,
    "CloseDate" as close_date,
    case when {{ is_true('"IsClosed"') }} then 1 else 0 end as is_closed,
    "LastModifiedDate" as last_modified_at
from {{ source('raw', 'sf_opportunity') }}
