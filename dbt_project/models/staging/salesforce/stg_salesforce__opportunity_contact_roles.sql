select
    "Id" as contact_role_id,
    "OpportunityId" as opportunity_id,
    "ContactId" as contact_id,
    case when {{ is_true('"IsPrimary"') }} then 1 else 0 end as is_primary,
    "Role" as contact_role
from {{ source('raw', 'sf_opportunitycontactrole') }}
