-- The Opportunity a thread maps to (seed crm_connectors.md, V1.4: Task WhatId), per matched Contact:
-- 1. an open Opportunity on which the Contact has an OpportunityContactRole (the primary role first,
--    then the most recently modified deal, then the lowest Id), else
-- 2. the single open Opportunity of the Contact's Account (none when the Account has several).
-- Leads map to none: Salesforce refuses a WhatId beside a Lead WhoId.
with contacts as (
    select message_id, record_id, account_id
    from {{ ref('int_crm__matches') }}
    where system = 'salesforce' and record_type = 'Contact'
),

open_deals as (
    select * from {{ ref('stg_salesforce__opportunities') }} where is_closed = 0
),

by_role as (
    select
        contacts.message_id,
        contacts.record_id,
        open_deals.opportunity_id,
        row_number() over (
            partition by contacts.message_id, contacts.record_id
            order by roles.is_primary desc, open_deals.last_modified_at desc, open_deals.opportunity_id
        ) as rank_in_contact
    from contacts
    inner join {{ ref('stg_salesforce__opportunity_contact_roles') }} as roles on roles.contact_id = contacts.record_id
    inner join open_deals on open_deals.opportunity_id = roles.opportunity_id
),

single_account_deal as (
    select account_id, min(opportunity_id) as opportunity_id
    from open_deals
    where account_id is not null
    group by account_id
    having count(*) = 1
),

linked as (
    select
        contacts.message_id,
        contacts.record_id,
        coalesce(by_role.opportunity_id, single_account_deal.opportunity_id) as opportunity_id,
        case when by_role.opportunity_id is not null then 'contact_role' else 'account_single_open' end as link_basis
    from contacts
    left join by_role on by_role.message_id = contacts.message_id and by_role.record_id = contacts.record_id
        and by_role.rank_in_contact = 1
    left join single_account_deal on single_account_deal.account_id = contacts.account_id
)

select * from linked where opportunity_id is not null
