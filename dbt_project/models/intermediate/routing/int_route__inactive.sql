-- DESIGN §5 INACTIVE rows (left / retired / deceased / moved_to_other_org), and the original
-- contact of a REPLACEMENT, which follows the same rows. §6 CRM (Salesforce) flips, §7 Multipub flags.
with messages as (
    select * from {{ ref('int_messages__matched') }}
    where is_routable = 1 and cupola_state <> 'ambiguous'
        and determination in ('INACTIVE', 'REPLACEMENT')
),

cupola as (
    select * from {{ ref('int_cupola__matches') }}
),

-- CUPOLA: active -> MarkPersonInactive for each active row (auto);
-- inactive -> record only (skipped_already_inactive_at_org); none -> inactive_no_cupola_match review
cupola_rows as (
    select
        messages.message_id, 'cupola' as system, 'org_person' as object,
        cast(cupola.org_person_id as {{ string_type() }}) as record_id, 'mark_inactive' as action,
        case when messages.cupola_state = 'active' then 'auto' else 'record_only' end as gate,
        case when messages.cupola_state = 'active' then null else 'ALREADY_INACTIVE_AT_ORG' end as gate_reason,
        {{ json_obj([('status', "'Inactive'")]) }} as payload,
        {{ json_obj([('status', 'cupola.status')]) }} as prior
    from messages
    inner join cupola on cupola.message_id = messages.message_id
    where (messages.cupola_state = 'active' and cupola.is_active = 1)
        or messages.cupola_state = 'inactive'
),

cupola_none as (
    select
        message_id, 'cupola' as system, 'org_person' as object, cast(null as {{ string_type() }}) as record_id,
        'review' as action, 'review' as gate, 'INACTIVE_NO_CUPOLA_MATCH' as gate_reason,
        '{}' as payload, '{}' as prior
    from messages
    where cupola_state = 'none'
),

-- Hodor mirrors CUPOLA through Prospect Import rows; nothing when CUPOLA has no row
hodor_rows as (
    select
        messages.message_id, 'hodor' as system, 'prospect' as object, cast(hodor.prospect_id as {{ string_type() }}) as record_id,
        'mark_inactive' as action,
        case when messages.cupola_state = 'active' then 'auto' else 'record_only' end as gate,
        case when messages.cupola_state = 'active' then null else 'ALREADY_INACTIVE_AT_ORG' end as gate_reason,
        {{ json_obj([('status', "'Inactive'")]) }} as payload,
        {{ json_obj([('status', 'hodor.status')]) }} as prior
    from messages
    inner join {{ ref('int_hodor__matches') }} as hodor on hodor.message_id = messages.message_id
    where messages.cupola_state in ('active', 'inactive')
),

-- the CRM status flip (Salesforce Contact / Lead, every CRM of int_crm__records) applies
-- whatever the CUPOLA state (§6)
crm_rows as (
    select
        messages.message_id, crm.system, crm.record_type as object, crm.record_id,
        case when crm.is_multipub_linked = 1 then 'skip' when crm.is_active = 0 then 'skip'
            else 'mark_inactive' end as action,
        case when crm.is_multipub_linked = 1 or crm.is_active = 0 then 'skip' else 'auto' end as gate,
        case when crm.is_multipub_linked = 1 then 'Skipped (Multipub/Marketing owns this contact)'
            when crm.is_active = 0 then 'ALREADY_IN_TARGET_STATE' end as gate_reason,
        {{ json_field('crm.status_field', 'crm.inactive_status') }} as payload,
        {{ json_field('crm.status_field', 'crm.status') }} as prior
    from messages
    inner join {{ ref('int_crm__matches') }} as crm on crm.message_id = messages.message_id
),

-- Multipub is never written: flagged candidates go to the multipub_audit review loop (§7)
multipub_rows as (
    select
        messages.message_id, 'multipub' as system, 'subscription' as object,
        cast(mp.subscription_id as {{ string_type() }}) as record_id, 'flag' as action, 'review' as gate,
        'MULTIPUB_AUDIT' as gate_reason,
        {{ json_obj([('active_subscription', 'mp.is_active_subscription'),
                     ('ambiguous_subscriber', 'mp.is_ambiguous_subscriber'),
                     ('expired_within_12_months', 'mp.is_expired_within_12_months'),
                     ('single_issue_within_12_months', 'mp.is_single_issue_within_12_months')]) }} as payload,
        {{ json_obj([('end_date', 'cast(mp.end_date as ' ~ string_type() ~ ')'), ('status', 'mp.status'),
                     ('subscriber_id', 'mp.subscriber_id')]) }} as prior
    from messages
    inner join {{ ref('int_multipub__matches') }} as mp on mp.message_id = messages.message_id
    where messages.is_multipub_flagged = 1
),

-- a suppression row for Marketing when CUPOLA inactivates the person
sfmc_rows as (
    select
        message_id, 'sfmc' as system, 'suppression' as object, lookup_email as record_id, 'suppress' as action,
        case when is_suppressed = 1 then 'skip' else 'auto' end as gate,
        case when is_suppressed = 1 then 'ALREADY_SUPPRESSED' end as gate_reason,
        {{ json_obj([('email', 'lookup_email'), ('reason', 'reason')]) }} as payload,
        '{}' as prior
    from messages
    where cupola_state = 'active'
),

-- moved to another organisation: a research row for IP4 (inactive_new_org)
new_org_rows as (
    select
        message_id, 'cupola' as system, 'org_person' as object, cast(null as {{ string_type() }}) as record_id,
        'review' as action, 'review' as gate, 'NEW_ORG_RESEARCH' as gate_reason,
        {{ json_obj([('new_email', 'new_email'), ('new_org', 'new_org')]) }} as payload, '{}' as prior
    from messages
    where reason = 'moved_to_other_org'
),

unioned as (
    select * from cupola_rows
    union all select * from cupola_none
    union all select * from hodor_rows
    union all select * from crm_rows
    union all select * from multipub_rows
    union all select * from sfmc_rows
    union all select * from new_org_rows
)

select * from unioned
