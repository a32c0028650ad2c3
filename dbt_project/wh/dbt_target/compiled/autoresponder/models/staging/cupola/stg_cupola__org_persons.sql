select
    org_person_id,
    person_id,
    org_id,
    position,
    nullif(lower(trim(email)), '') as email,
    status,
    case when lower(trim(status)) = 'active' then 1 else 0 end as is_active,
    status_change_date
from "w"."raw"."cupola_org_persons"