select
    person_id,
    first_name,
    last_name,
    {{ norm_email('email') }} as email,
    phone
from {{ source('raw', 'cupola_persons') }}
