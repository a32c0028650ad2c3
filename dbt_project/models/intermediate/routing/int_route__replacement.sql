-- DESIGN §5 REPLACEMENT: the original follows int_route__inactive; each alternate contact is a
-- manual research entry (alternate_contacts), never auto-added to CUPOLA; only when
-- auto_add_replacements is on (§6): a Salesforce Contact (Account found or created by name) when an
-- Account fits (the CUPOLA org or the original Contact's Account), else a minimal Lead (seed
-- crm_connectors.md) with the fallback required fields: LastName = the name after its first word,
-- else the whole name, else the address's local part; Company = the original Lead's Company, else the
-- replacement's email domain. Never on a foreign domain (review REPLACEMENT_FOREIGN_DOMAIN).
-- When HubSpot is a CRM target (var `crm_systems`), the same gates create a HubSpot contact
-- (`batch/create`: email, firstname, lastname, jobtitle, company), skipped when HubSpot holds the
-- address already (ALREADY_IN_HUBSPOT).
with messages as (
    select * from {{ ref('int_messages__matched') }}
    where is_routable = 1 and cupola_state <> 'ambiguous' and determination = 'REPLACEMENT'
),

alternates as (
    select * from {{ ref('stg_classification__replacements') }}
),

original_org as (
    select message_id, min(org_name) as org_name from {{ ref('int_cupola__matches') }} group by message_id
),

original_sf as (
    select message_id, min(account_name) as account_name, min(company) as company
    from {{ ref('int_crm__matches') }} where system = 'salesforce' group by message_id
),

existing_sf as (
    select distinct email from {{ ref('int_crm__records') }} where system = 'salesforce' and email is not null
),

existing_hs as (
    select distinct email from {{ ref('int_crm__records') }} where system = 'hubspot' and email is not null
),

original_hs as (
    select message_id, min(company) as company
    from {{ ref('int_crm__matches') }} where system = 'hubspot' group by message_id
),

candidates as (
    select
        messages.message_id,
        alternates.ordinal,
        alternates.replacement_name,
        alternates.replacement_email,
        alternates.replacement_title,
        coalesce(original_org.org_name, original_sf.account_name) as account_name,
        original_sf.company as original_company,
        coalesce(original_sf.company, {{ email_domain('alternates.replacement_email') }}) as lead_company,
        case when existing_sf.email is not null then 1 else 0 end as is_in_salesforce,
        case when existing_hs.email is not null then 1 else 0 end as is_in_hubspot,
        coalesce(original_hs.company, original_org.org_name, original_sf.account_name, original_sf.company) as hubspot_company,
        {{ in_org_domains('messages.message_id', 'alternates.replacement_email') }} as is_in_org_domain
    from messages
    inner join alternates on alternates.message_id = messages.message_id
    left join original_org on original_org.message_id = messages.message_id
    left join original_sf on original_sf.message_id = messages.message_id
    left join existing_sf on existing_sf.email = alternates.replacement_email
    left join existing_hs on existing_hs.email = alternates.replacement_email
    left join original_hs on original_hs.message_id = messages.message_id
),

research_rows as (
    select
        message_id, 'cupola' as system, 'org_person' as object, cast(null as {{ string_type() }}) as record_id,
        'create' as action, 'review' as gate, 'ALTERNATE_CONTACT_RESEARCH' as gate_reason,
        {{ json_obj([('email', 'replacement_email'), ('name', 'replacement_name'),
                     ('org_name', 'coalesce(account_name, original_company)'), ('title', 'replacement_title')]) }} as payload,
        '{}' as prior
    from candidates
),

salesforce_create as (
    select
        message_id, 'salesforce' as system,
        case when account_name is null then 'Lead' else 'Contact' end as object,
        cast(null as {{ string_type() }}) as record_id,
        {{ replacement_create_gates('is_in_salesforce', 'ALREADY_IN_SALESFORCE') }},
        case when account_name is null then
            {{ json_obj([('Company', 'lead_company'),
                         ('Email', 'replacement_email'),
                         ('FirstName', "nullif(trim(" ~ first_word('replacement_name') ~ "), '')"),
                         ('LastName', "coalesce(nullif(trim(" ~ after_first_word('replacement_name') ~ "), ''), "
                                      ~ "nullif(trim(replacement_name), ''), "
                                      ~ "replace(replacement_email, concat('@', " ~ email_domain('replacement_email') ~ "), ''))"),
                         ('Title', 'replacement_title')]) }}
        else
            {{ json_obj([('AccountName', 'account_name'), ('Contact_Status__c', "'Active'"),
                         ('Email', 'replacement_email'),
                         ('FirstName', "nullif(trim(" ~ first_word('replacement_name') ~ "), '')"),
                         ('LastName', "coalesce(nullif(trim(" ~ after_first_word('replacement_name') ~ "), ''), replacement_name, replacement_email)"),
                         ('Title', 'replacement_title')]) }}
        end as payload,
        '{}' as prior
    from candidates
    where {{ var_flag('auto_add_replacements') }} = 1
),

{% if 'hubspot' in var('crm_systems') %}
hubspot_create as (
    select
        message_id, 'hubspot' as system, 'contact' as object, cast(null as {{ string_type() }}) as record_id,
        {{ replacement_create_gates('is_in_hubspot', 'ALREADY_IN_HUBSPOT') }},
        {{ json_obj([('company', 'hubspot_company'),
                     ('email', 'replacement_email'),
                     ('firstname', "nullif(trim(" ~ first_word('replacement_name') ~ "), '')"),
                     ('jobtitle', 'replacement_title'),
                     ('lastname', "coalesce(nullif(trim(" ~ after_first_word('replacement_name') ~ "), ''), "
                                  ~ "nullif(trim(replacement_name), ''))")]) }} as payload,
        '{}' as prior
    from candidates
    where {{ var_flag('auto_add_replacements') }} = 1
),
{% endif %}

unioned as (
    select * from research_rows
    union all select * from salesforce_create
    {% if 'hubspot' in var('crm_systems') %}union all select * from hubspot_create{% endif %}
)

select * from unioned
