select
    org_id,
    org_name,
    lower(trim(website_domain)) as website_domain
from {{ source('raw', 'cupola_orgs') }}
