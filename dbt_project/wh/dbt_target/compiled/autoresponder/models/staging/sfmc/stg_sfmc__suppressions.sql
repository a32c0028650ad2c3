select
    nullif(lower(trim(email)), '') as email,
    list_name,
    reason,
    added_at
from "w"."raw"."sfmc_suppressions"