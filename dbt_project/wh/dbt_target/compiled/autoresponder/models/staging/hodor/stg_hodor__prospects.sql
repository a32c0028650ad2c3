select
    prospect_id,
    first_name,
    last_name,
    nullif(lower(trim(email)), '') as email,
    phone,
    company,
    title,
    status
from "w"."raw"."hodor_prospects"