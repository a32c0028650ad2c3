select
    org_id,
    org_name,
    lower(trim(website_domain)) as website_domain
from "w"."raw"."cupola_orgs"