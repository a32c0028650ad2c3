-- Every CRM target's contact records in one shape (issue 12): one staging model per CRM system
-- (`stg_<system>__crm_records`), listed in the var `crm_systems`, which each run sets from the
-- systems registry, so a CRM without a snapshot (HubSpot not configured) is not read at all.
-- A view: its readers take the few records of the run's lookup emails (int_crm__matches) or one
-- column (int_route__replacement); a table copied every CRM record on each build (600k at 100k)
{{ config(materialized='view') }}
{% for system in var('crm_systems') %}
select
    system, record_id, record_type, first_name, last_name, email, title, account_id, account_name, company,
    status, is_active, last_modified_at, is_multipub_linkable, status_field, inactive_status, active_status,
    email_field, title_field
from {{ ref('stg_' ~ system ~ '__crm_records') }}
{% if not loop.last %}union all{% endif %}
{% endfor %}
