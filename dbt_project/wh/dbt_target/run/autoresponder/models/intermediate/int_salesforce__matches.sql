
    

    create  table
      "w"."intermediate"."int_salesforce__matches__dbt_tmp"
  
    
    as (
      -- Salesforce Contacts and Leads of each lookup email with their record type and the
-- Multipub link: a Contact is Multipub-linked when Multipub has the same email (DESIGN §6)
with lookup as (
    select message_id, lookup_email from "w"."intermediate"."int_messages__lookup_email"
),

records as (
    select record_id, record_type, first_name, last_name, email, title, account_id, null as company,
        status, is_active, last_modified_at
    from "w"."staging"."stg_salesforce__contacts"
    union all
    select record_id, record_type, first_name, last_name, email, title, null as account_id, company,
        status, is_active, last_modified_at
    from "w"."staging"."stg_salesforce__leads"
),

multipub_emails as (
    select distinct email from "w"."staging"."stg_multipub__subscriptions" where email is not null
),

accounts as (
    select * from "w"."staging"."stg_salesforce__accounts"
)

select
    lookup.message_id,
    records.*,
    accounts.account_name,
    case when records.record_type = 'Contact' and multipub_emails.email is not null then 1 else 0 end
        as is_multipub_linked
from lookup
inner join records on records.email = lookup.lookup_email
left join multipub_emails on multipub_emails.email = records.email
left join accounts on accounts.account_id = records.account_id
    );
    
  