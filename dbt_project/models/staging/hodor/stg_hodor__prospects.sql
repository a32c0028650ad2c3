select
    prospect_id,
    first_name,
    last_name,
    {{ norm_email('email') }} as email,
    phone,
    company,
    title,
    status
from {{ source('raw', 'hodor_prospects') }}
