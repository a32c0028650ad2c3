-- DESIGN §5 ACTIVE: active -> confirmation only (no write); none -> ACTIVE_NEW_CONTACT review;
-- inactive -> REACTIVATION_CANDIDATE review (auto-reactivation of CUPOLA is disabled entirely).
-- Salesforce reactivation exists behind the allow_reactivation var, off by default (§6).
with messages as (
    select * from {{ ref('int_messages__matched') }}
    where is_routable = 1 and cupola_state <> 'ambiguous' and determination = 'ACTIVE'
),

cupola as (
    select * from {{ ref('int_cupola__matches') }}
),

confirm_rows as (
    select
        messages.message_id, 'cupola' as system, 'org_person' as object,
        cast(cupola.org_person_id as {{ string_type() }}) as record_id, 'confirm_active' as action,
        'record_only' as gate, 'CONFIRMATION_ONLY' as gate_reason, '{}' as payload,
        {{ json_obj([('status', 'cupola.status')]) }} as prior
    from messages
    inner join cupola on cupola.message_id = messages.message_id
    where messages.cupola_state = 'active' and cupola.is_active = 1
),

reactivation_rows as (
    select
        messages.message_id, 'cupola' as system, 'org_person' as object,
        cast(cupola.org_person_id as {{ string_type() }}) as record_id, 'review' as action, 'review' as gate,
        'REACTIVATION_CANDIDATE' as gate_reason, '{}' as payload,
        {{ json_obj([('status', 'cupola.status')]) }} as prior
    from messages
    inner join cupola on cupola.message_id = messages.message_id
    where messages.cupola_state = 'inactive'
),

new_contact_rows as (
    select
        message_id, 'cupola' as system, 'org_person' as object, cast(null as {{ string_type() }}) as record_id,
        'review' as action, 'review' as gate, 'ACTIVE_NEW_CONTACT' as gate_reason, '{}' as payload, '{}' as prior
    from messages
    where cupola_state = 'none'
),

crm_reactivation as (
    select
        messages.message_id, crm.system, crm.record_type as object, crm.record_id,
        case when crm.is_multipub_linked = 1 then 'skip' else 'reactivate' end as action,
        case when crm.is_multipub_linked = 1 then 'skip' else 'auto' end as gate,
        case when crm.is_multipub_linked = 1 then 'Skipped (Multipub/Marketing owns this contact)' end as gate_reason,
        {{ json_field('crm.status_field', 'crm.active_status') }} as payload,
        {{ json_field('crm.status_field', 'crm.status') }} as prior
    from messages
    inner join {{ ref('int_crm__matches') }} as crm on crm.message_id = messages.message_id
    where {{ var_flag('allow_reactivation') }} = 1 and crm.is_active = 0
),

unioned as (
    select * from confirm_rows
    union all select * from reactivation_rows
    union all select * from new_contact_rows
    union all select * from crm_reactivation
)

select * from unioned
