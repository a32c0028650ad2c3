-- one row per (message, domain the person's organisation already uses): the lookup email's own
-- domain (not a webmail host), the website domain of each CUPOLA org the person is active at, and
-- the email domains of every active person at those orgs. An address change or a replacement on
-- any other domain is never automatic (DESIGN §5 gates: NEW_EMAIL_FOREIGN_DOMAIN).
with lookup as (
    select message_id, lookup_email from {{ ref('int_messages__lookup_email') }}
    where lookup_email is not null
),

active_orgs as (
    select distinct message_id, org_id from {{ ref('int_cupola__matches') }} where is_active = 1
),

org_persons as (
    select * from {{ ref('stg_cupola__org_persons') }}
),

persons as (
    select * from {{ ref('stg_cupola__persons') }}
),

sender_domain as (
    select message_id, lower({{ email_domain('lookup_email') }}) as domain from lookup
),

website_domain as (
    select active_orgs.message_id, lower(trim(orgs.website_domain)) as domain
    from active_orgs
    inner join {{ ref('stg_cupola__orgs') }} as orgs on orgs.org_id = active_orgs.org_id
),

-- each org's colleague domains once (a few per org), then per message: joining the messages to
-- every active person of their orgs first made (messages x persons per org) rows to deduplicate
org_domain as (
    select distinct org_persons.org_id,
        lower({{ email_domain('coalesce(org_persons.email, persons.email)') }}) as domain
    from org_persons
    left join persons on persons.person_id = org_persons.person_id
    where org_persons.is_active = 1
),

colleague_domain as (
    select active_orgs.message_id, org_domain.domain
    from active_orgs
    inner join org_domain on org_domain.org_id = active_orgs.org_id
),

unioned as (
    select * from sender_domain
    union all select * from website_domain
    union all select * from colleague_domain
)

select distinct message_id, domain
from unioned
where domain is not null and domain <> '' and domain not in ({{ webmail_domain_list() }})
