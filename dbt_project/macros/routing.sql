{#- The gates of a CRM contact created for a replacement (int_route__replacement), one definition
    for every CRM: `skip` when the CRM holds the address already (`already_reason`) or none was
    stated, `review` on a foreign domain (never created there), else `auto`. Gives the three columns
    action, gate, gate_reason of a candidates row that has replacement_email and is_in_org_domain. -#}
{% macro replacement_create_gates(is_in_crm, already_reason) -%}
        case when {{ is_in_crm }} = 1 or replacement_email is null then 'skip' else 'create' end as action,
        case when {{ is_in_crm }} = 1 or replacement_email is null then 'skip'
            when is_in_org_domain = 0 then 'review' else 'auto' end as gate,
        case when {{ is_in_crm }} = 1 then '{{ already_reason }}'
            when replacement_email is null then 'NO_EMAIL_STATED'
            when is_in_org_domain = 0 then 'REPLACEMENT_FOREIGN_DOMAIN' end as gate_reason
{%- endmacro %}
