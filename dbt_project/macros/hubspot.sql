-- HubSpot's hard bounce reason option of an RFC 3463 status column: `reasons` is the list of
-- (status prefix, option) pairs, longest prefix first (var `hubspot_bounce`, from systems/hubspot/bounces.py)
{% macro hubspot_bounce_reason(col, reasons) -%}
    case{% for prefix, option in reasons %} when trim({{ col }}) like '{{ prefix }}%' then '{{ option }}'{% endfor %} else 'OTHER' end
{%- endmacro %}
