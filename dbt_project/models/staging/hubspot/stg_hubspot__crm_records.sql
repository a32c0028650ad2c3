-- HubSpot contacts (the search-API snapshot raw.hubspot_contacts) as CRM records for the union
-- `int_crm__records` (issue 12). Built only when HubSpot is a CRM target of the run (the var
-- `crm_systems`, set from the systems registry): a run without HubSpot never reads its table.
-- A status flip sets `hs_lead_status` (UNQUALIFIED / OPEN); HubSpot contacts are never Multipub's.
{{ config(enabled=('hubspot' in var('crm_systems'))) }}

select
    'hubspot' as system,
    id as record_id,
    'contact' as record_type,
    firstname as first_name,
    lastname as last_name,
    {{ norm_email('email') }} as email,
    jobtitle as title,
    associatedcompanyid as account_id,
    cast(null as {{ string_type() }}) as account_name,
    company,
    hs_lead_status as status,
    case when coalesce(hs_lead_status, '') = 'UNQUALIFIED' then 0 else 1 end as is_active,
    lastmodifieddate as last_modified_at,
    0 as is_multipub_linkable,
    'hs_lead_status' as status_field,
    'UNQUALIFIED' as inactive_status,
    'OPEN' as active_status,
    'email' as email_field,
    'jobtitle' as title_field
from {{ source('raw', 'hubspot_contacts') }}
