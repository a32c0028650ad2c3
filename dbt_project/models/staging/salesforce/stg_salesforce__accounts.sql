select
    "Id" as account_id,
    "Name" as account_name
from {{ source('raw', 'sf_account') }}
