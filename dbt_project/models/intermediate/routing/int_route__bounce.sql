-- DESIGN §6 hard bounces recorded where Salesforce users look: EmailBouncedDate (the DSN's date) and
-- EmailBouncedReason (the DSN's diagnostic, cut to the field's 255 characters) on each matched Contact
-- or Lead. A factual write that deactivates nothing; the bounce itself still goes to review
-- (int_route__review). Behind the record_bounces flag (on by default); a Multipub-linked Contact is
-- never written. The prior is read live by the writer (the logged prior that rollback restores).
-- HubSpot contacts (when HubSpot is a CRM target) get HubSpot's own pair instead, behind the same
-- flag: the hard bounce reason option and "<status> <diagnostic>" (var `hubspot_bounce`, from
-- systems/hubspot/bounces.py and its settings: properties, status prefix -> option, longest first).
with messages as (
    select * from {{ ref('int_messages__matched') }}
    where is_routable = 1 and determination = 'BOUNCE' and bounce_kind = 'hard'
),

bounce_rows as (
    select
        messages.message_id, 'salesforce' as system, sf.record_type as object, sf.record_id,
        case when sf.is_multipub_linked = 1 then 'skip' else 'record_bounce' end as action,
        case when sf.is_multipub_linked = 1 then 'skip' else 'auto' end as gate,
        case when sf.is_multipub_linked = 1 then 'Skipped (Multipub/Marketing owns this contact)' end as gate_reason,
        {{ json_obj([('EmailBouncedDate', sf_datetime('coalesce(messages.sent_at, ' ~ as_of_date() ~ ')')),
                     ('EmailBouncedReason',
                      "left(coalesce(nullif(trim(messages.bounce_diagnostic), ''), messages.bounce_status, 'hard bounce'), 255)")]) }}
            as payload,
        '{}' as prior
    from messages
    inner join {{ ref('int_crm__matches') }} as sf on sf.message_id = messages.message_id and sf.system = 'salesforce'
    where {{ var_flag('record_bounces') }} = 1
)
{%- set hs = var('hubspot_bounce') if 'hubspot' in var('crm_systems') else none %}
{%- if hs and hs['properties'] %}
,

hubspot_rows as (
    select
        messages.message_id, 'hubspot' as system, hs.record_type as object, hs.record_id,
        'record_bounce' as action, 'auto' as gate, cast(null as {{ string_type() }}) as gate_reason,
        {{ json_obj([(hs['properties'][0],
                      hubspot_bounce_reason('messages.bounce_status', hs['reasons'])),
                     (hs['properties'][1],
                      "left(concat_ws(' ', nullif(trim(messages.bounce_status), ''), "
                      ~ "nullif(trim(messages.bounce_diagnostic), '')), 255)")]) }} as payload,
        '{}' as prior
    from messages
    inner join {{ ref('int_crm__matches') }} as hs on hs.message_id = messages.message_id and hs.system = 'hubspot'
    where {{ var_flag('record_bounces') }} = 1
)

select * from bounce_rows
union all
select * from hubspot_rows
{%- else %}

select * from bounce_rows
{%- endif %}
