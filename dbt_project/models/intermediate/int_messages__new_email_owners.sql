-- one row per (message, somebody else who already holds the message's stated new address): another
-- CUPOLA person (org-person or person email), or a CRM record under another name. An address change
-- to such an address is never automatic (DESIGN §5 gate NEW_EMAIL_IN_USE): a colleague's or a shared
-- mailbox taken for the person's own, or a hijacked mailbox redirecting the person's research to an
-- address the attacker reads. The person's own second record already carrying the address (same
-- CUPOLA person, or a CRM record with the person's name) is not somebody else.
with stated as (
    select message_id, new_email from {{ ref('int_messages__lookup_email') }}
    where new_email is not null
),

own as (
    select message_id, person_id, lower(coalesce(first_name, '')) as first_name,
        lower(coalesce(last_name, '')) as last_name
    from {{ ref('int_cupola__matches') }}
),

cupola_holders as (
    select org_persons.person_id, coalesce(org_persons.email, persons.email) as email
    from {{ ref('stg_cupola__org_persons') }} as org_persons
    left join {{ ref('stg_cupola__persons') }} as persons on persons.person_id = org_persons.person_id
    union
    select person_id, email from {{ ref('stg_cupola__persons') }}
),

cupola_owners as (
    select distinct stated.message_id, 'cupola' as system, cast(cupola_holders.person_id as {{ string_type() }}) as record_id
    from stated
    inner join cupola_holders on cupola_holders.email = stated.new_email
    where not exists (
        select 1 from own where own.message_id = stated.message_id and own.person_id = cupola_holders.person_id)
),

crm_owners as (
    select distinct stated.message_id, records.system, records.record_id
    from stated
    inner join {{ ref('int_crm__records') }} as records on records.email = stated.new_email
    where not exists (
        select 1 from own where own.message_id = stated.message_id
            and own.first_name = lower(coalesce(records.first_name, ''))
            and own.last_name = lower(coalesce(records.last_name, '')))
)

select * from cupola_owners
union all
select * from crm_owners
