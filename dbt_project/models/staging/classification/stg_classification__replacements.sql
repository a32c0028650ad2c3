with source as (
    select * from {{ source('classification', 'replacements') }}
)

select
    message_id,
    ordinal,
    nullif(trim(name), '') as replacement_name,
    {{ norm_email('email') }} as replacement_email,
    nullif(trim(title), '') as replacement_title
from source
