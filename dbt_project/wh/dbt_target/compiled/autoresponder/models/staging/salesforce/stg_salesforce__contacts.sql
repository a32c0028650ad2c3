select
    "Id" as record_id,
    'Contact' as record_type,
    "FirstName" as first_name,
    "LastName" as last_name,
    nullif(lower(trim("Email")), '') as email,
    "Title" as title,
    "AccountId" as account_id,
    "Contact_Status__c" as status,
    case when coalesce("Contact_Status__c", '') = 'Inactive' then 0 else 1 end as is_active,
    "LastModifiedDate" as last_modified_at
from "w"."raw"."sf_contact"