-- DESIGN §5 EMAIL_UPDATE / TITLE_UPDATE: writes only when CUPOLA has an active row (active-only
-- gate, §6); inactive -> UPDATE_ON_INACTIVE review, none -> ACTIVE_NEW_CONTACT review, no write anywhere
with messages as (
    select * from {{ ref('int_messages__matched') }}
    where is_routable = 1 and cupola_state <> 'ambiguous'
        and determination in ('EMAIL_UPDATE', 'TITLE_UPDATE')
),

active as (
    select * from messages where cupola_state = 'active'
),

cupola_rows as (
    select
        active.message_id, 'cupola' as system, 'org_person' as object,
        cast(cupola.org_person_id as {{ string_type() }}) as record_id,
        case when active.determination = 'EMAIL_UPDATE' then 'update_email' else 'update_title' end as action,
        case
            when active.new_email is null and active.new_title is null then 'review'
            when coalesce(active.new_email, cupola.email, '') = coalesce(cupola.email, '')
                and coalesce(active.new_title, cupola.position, '') = coalesce(cupola.position, '') then 'record_only'
            else 'auto' end as gate,
        case
            when active.new_email is null and active.new_title is null then 'NO_NEW_VALUE_STATED'
            when coalesce(active.new_email, cupola.email, '') = coalesce(cupola.email, '')
                and coalesce(active.new_title, cupola.position, '') = coalesce(cupola.position, '')
                then 'ALREADY_IN_TARGET_STATE' end as gate_reason,
        {{ json_obj([('email', 'active.new_email'), ('position', 'active.new_title')]) }} as payload,
        {{ json_obj([('email', 'cupola.email'), ('position', 'cupola.position')]) }} as prior
    from active
    inner join {{ ref('int_cupola__matches') }} as cupola on cupola.message_id = active.message_id
    where cupola.is_active = 1
),

crm_email as (
    select
        active.message_id, crm.system, crm.record_type as object, crm.record_id,
        case when crm.is_multipub_linked = 1 or crm.email = active.new_email then 'skip' else 'update_email' end as action,
        case when crm.is_multipub_linked = 1 or crm.email = active.new_email then 'skip' else 'auto' end as gate,
        case when crm.is_multipub_linked = 1 then 'Skipped (Multipub/Marketing owns this contact)'
            when crm.email = active.new_email then 'ALREADY_IN_TARGET_STATE' end as gate_reason,
        {{ json_field('crm.email_field', 'active.new_email') }} as payload,
        {{ json_field('crm.email_field', 'crm.email') }} as prior
    from active
    inner join {{ ref('int_crm__matches') }} as crm on crm.message_id = active.message_id
    where active.new_email is not null
),

crm_title as (
    select
        active.message_id, crm.system, crm.record_type as object, crm.record_id,
        case when crm.is_multipub_linked = 1 or crm.title = active.new_title then 'skip' else 'update_title' end as action,
        case when crm.is_multipub_linked = 1 or crm.title = active.new_title then 'skip' else 'auto' end as gate,
        case when crm.is_multipub_linked = 1 then 'Skipped (Multipub/Marketing owns this contact)'
            when crm.title = active.new_title then 'ALREADY_IN_TARGET_STATE' end as gate_reason,
        {{ json_field('crm.title_field', 'active.new_title') }} as payload,
        {{ json_field('crm.title_field', 'crm.title') }} as prior
    from active
    inner join {{ ref('int_crm__matches') }} as crm on crm.message_id = active.message_id
    where active.new_title is not null
),

hodor_rows as (
    select
        active.message_id, 'hodor' as system, 'prospect' as object, cast(hodor.prospect_id as {{ string_type() }}) as record_id,
        case when active.determination = 'EMAIL_UPDATE' then 'update_email' else 'update_title' end as action,
        'auto' as gate, cast(null as {{ string_type() }}) as gate_reason,
        {{ json_obj([('email', 'active.new_email'), ('title', 'active.new_title')]) }} as payload,
        {{ json_obj([('email', 'hodor.email'), ('title', 'hodor.title')]) }} as prior
    from active
    inner join {{ ref('int_hodor__matches') }} as hodor on hodor.message_id = active.message_id
    where active.new_email is not null or active.new_title is not null
),

-- email changes of Multipub-linked people: a request for Marketing/SFMC, Multipub never written
multipub_rows as (
    select
        active.message_id, 'multipub' as system, 'subscription' as object,
        cast(mp.subscription_id as {{ string_type() }}) as record_id, 'update_email' as action, 'review' as gate,
        'MARKETING_EMAIL_UPDATE_REQUEST' as gate_reason,
        {{ json_obj([('email', 'active.new_email')]) }} as payload,
        {{ json_obj([('email', 'mp.email')]) }} as prior
    from active
    inner join {{ ref('int_multipub__matches') }} as mp on mp.message_id = active.message_id
    where active.new_email is not null
),

not_active as (
    select
        message_id, 'cupola' as system, 'org_person' as object, cast(null as {{ string_type() }}) as record_id,
        'review' as action, 'review' as gate,
        case when cupola_state = 'inactive' then 'UPDATE_ON_INACTIVE' else 'ACTIVE_NEW_CONTACT' end as gate_reason,
        {{ json_obj([('email', 'new_email'), ('position', 'new_title')]) }} as payload, '{}' as prior
    from messages
    where cupola_state in ('inactive', 'none')
),

unioned as (
    select * from cupola_rows
    union all select * from crm_email
    union all select * from crm_title
    union all select * from hodor_rows
    union all select * from multipub_rows
    union all select * from not_active
),

-- DESIGN §5 gate: a new address on a domain the organisation does not already use is never
-- written automatically (a hijacked or spoofed "my new address is …"); every write of the message
-- goes to review instead
foreign_new_email as (
    select message_id from messages
    where new_email is not null and {{ in_org_domains('messages.message_id', 'messages.new_email') }} = 0
),

-- DESIGN §5 gate: a new address that already belongs to somebody else (int_messages__new_email_owners)
new_email_in_use as (
    select distinct message_id from {{ ref('int_messages__new_email_owners') }}
)

select
    unioned.message_id, unioned.system, unioned.object, unioned.record_id, unioned.action,
    case when unioned.gate = 'auto' and (foreign_new_email.message_id is not null or new_email_in_use.message_id is not null)
        then 'review' else unioned.gate end as gate,
    case when unioned.gate = 'auto' and foreign_new_email.message_id is not null then 'NEW_EMAIL_FOREIGN_DOMAIN'
        when unioned.gate = 'auto' and new_email_in_use.message_id is not null then 'NEW_EMAIL_IN_USE'
        else unioned.gate_reason end as gate_reason,
    unioned.payload,
    unioned.prior
from unioned
left join foreign_new_email on foreign_new_email.message_id = unioned.message_id
left join new_email_in_use on new_email_in_use.message_id = unioned.message_id
