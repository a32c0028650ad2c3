select
    person_id,
    first_name,
    last_name,
    nullif(lower(trim(email)), '') as email,
    phone
from "w"."raw"."cupola_persons"