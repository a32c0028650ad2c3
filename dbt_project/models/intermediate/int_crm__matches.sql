-- CRM records (every CRM target, int_crm__records) of each lookup email, with the Multipub link:
-- a Salesforce Contact is Multipub-linked when Multipub has the same email (DESIGN §6)
with lookup as (
    select message_id, lookup_email from {{ ref('int_messages__lookup_email') }}
),

records as (
    select * from {{ ref('int_crm__records') }}
),

multipub_emails as (
    select distinct email from {{ ref('stg_multipub__subscriptions') }} where email is not null
)

select
    lookup.message_id,
    records.*,
    case when records.is_multipub_linkable = 1 and multipub_emails.email is not null then 1 else 0 end
        as is_multipub_linked
from lookup
inner join records on records.email = lookup.lookup_email
left join multipub_emails on multipub_emails.email = records.email
