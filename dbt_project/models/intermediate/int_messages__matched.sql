-- one row per message: what each system knows of its lookup email
with messages as (
    select * from {{ ref('int_messages__lookup_email') }}
),

cupola as (
    select * from {{ ref('int_cupola__state') }}
),

hodor as (
    select message_id, count(*) as count_hodor from {{ ref('int_hodor__matches') }} group by message_id
),

crm as (  -- every CRM target (int_crm__records)
    select message_id, count(*) as count_crm,
        sum(case when system = 'salesforce' then 1 else 0 end) as count_salesforce
    from {{ ref('int_crm__matches') }} group by message_id
),

multipub as (
    select message_id, count(*) as count_multipub, max(is_flagged) as is_multipub_flagged,
        max(is_ambiguous_subscriber) as is_multipub_ambiguous
    from {{ ref('int_multipub__matches') }} group by message_id
),

sfmc as (
    select distinct messages.message_id
    from messages
    inner join {{ ref('stg_sfmc__suppressions') }} as suppressions on suppressions.email = messages.lookup_email
),

cupola_names as (
    select message_id, min(first_name) as first_name, min(last_name) as last_name, min(org_name) as org_name
    from {{ ref('int_cupola__matches') }} group by message_id
)

select
    messages.*,
    cupola.cupola_state,
    cupola.count_cupola_rows,
    cupola.count_cupola_active_rows,
    coalesce(hodor.count_hodor, 0) as count_hodor,
    coalesce(crm.count_salesforce, 0) as count_salesforce,
    coalesce(crm.count_crm, 0) as count_crm,
    coalesce(multipub.count_multipub, 0) as count_multipub,
    coalesce(multipub.is_multipub_flagged, 0) as is_multipub_flagged,
    coalesce(multipub.is_multipub_ambiguous, 0) as is_multipub_ambiguous,
    case when sfmc.message_id is not null then 1 else 0 end as is_suppressed,
    case when cupola.cupola_state <> 'none' or hodor.count_hodor > 0 or crm.count_crm > 0
        or multipub.count_multipub > 0 or sfmc.message_id is not null then 1 else 0 end as has_any_match,
    case when messages.determination <> 'UNKNOWN' and (cupola.cupola_state <> 'none' or hodor.count_hodor > 0
        or crm.count_crm > 0 or multipub.count_multipub > 0 or sfmc.message_id is not null)
        then 1 else 0 end as is_routable,
    cupola_names.first_name,
    cupola_names.last_name,
    cupola_names.org_name
from messages
left join cupola on cupola.message_id = messages.message_id
left join hodor on hodor.message_id = messages.message_id
left join crm on crm.message_id = messages.message_id
left join multipub on multipub.message_id = messages.message_id
left join sfmc on sfmc.message_id = messages.message_id
left join cupola_names on cupola_names.message_id = messages.message_id
