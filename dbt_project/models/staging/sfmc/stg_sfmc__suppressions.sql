select
    {{ norm_email('email') }} as email,
    list_name,
    reason,
    added_at
from {{ source('raw', 'sfmc_suppressions') }}
