-- Salesforce Contacts and Leads as CRM records for the union `int_crm__records` (issue 12): the
-- field each write sets and the values a status flip writes (DESIGN §6)
with contacts as (
    select * from {{ ref('stg_salesforce__contacts') }}
),

leads as (
    select * from {{ ref('stg_salesforce__leads') }}
),

accounts as (
    select * from {{ ref('stg_salesforce__accounts') }}
),

records as (
    select
        contacts.record_id, contacts.record_type, contacts.first_name, contacts.last_name, contacts.email,
        contacts.title, contacts.account_id, accounts.account_name, cast(null as {{ string_type() }}) as company,
        contacts.status, contacts.is_active, contacts.last_modified_at,
        1 as is_multipub_linkable,
        'Contact_Status__c' as status_field, 'Inactive' as inactive_status, 'Active' as active_status
    from contacts
    left join accounts on accounts.account_id = contacts.account_id
    union all
    select
        record_id, record_type, first_name, last_name, email, title, cast(null as {{ string_type() }}) as account_id,
        cast(null as {{ string_type() }}) as account_name, company, status, is_active, last_modified_at,
        0 as is_multipub_linkable,
        'Status' as status_field, 'Inactive' as inactive_status, 'Open - Not Contacted' as active_status
    from leads
)

select
    'salesforce' as system,
    records.*,
    'Email' as email_field,
    'Title' as title_field
from records
