{# cross-warehouse helpers: DuckDB (embedded default) and SQL Server (production, dbt-sqlserver).
   dbt-sqlserver no longer falls back to fabric__, so each has an explicit sqlserver__ version. #}

{% macro as_of_date() -%}
    cast('{{ var("as_of") }}' as date)
{%- endmacro %}

{% macro norm_email(col) -%}
    nullif(lower(trim({{ col }})), '')
{%- endmacro %}

{% macro sha256_hex(expr) -%}
    {{ return(adapter.dispatch('sha256_hex', 'autoresponder')(expr)) }}
{%- endmacro %}
{% macro default__sha256_hex(expr) -%} sha256({{ expr }}) {%- endmacro %}
{% macro sqlserver__sha256_hex(expr) -%}
    {# hash UTF-8 bytes, as Python's idempotency_key does (nvarchar would hash UTF-16) #}
    lower(convert(varchar(64), hashbytes('SHA2_256',
        convert(varchar(max), {{ expr }} collate Latin1_General_100_CI_AS_SC_UTF8)), 2))
{%- endmacro %}

{# a JSON object from (key, sql expression) pairs; keys must be given in sorted order so the
   text is canonical (the idempotency key hashes it) #}
{% macro json_obj(pairs) -%}
    {{ return(adapter.dispatch('json_obj', 'autoresponder')(pairs)) }}
{%- endmacro %}
{% macro default__json_obj(pairs) -%}
    {%- if pairs | length == 0 -%} '{}' {%- else -%}
    cast(json_object({% for k, v in pairs %}'{{ k }}', {{ v }}{% if not loop.last %}, {% endif %}{% endfor %}) as varchar)
    {%- endif -%}
{%- endmacro %}
{% macro sqlserver__json_obj(pairs) -%}
    {%- if pairs | length == 0 -%} '{}' {%- else -%}
    json_object({% for k, v in pairs %}'{{ k }}': {{ v }}{% if not loop.last %}, {% endif %}{% endfor %} null on null)
    {%- endif -%}
{%- endmacro %}

{% macro months_before(date_expr, n) -%}
    {{ return(adapter.dispatch('months_before', 'autoresponder')(date_expr, n)) }}
{%- endmacro %}
{% macro default__months_before(date_expr, n) -%} ({{ date_expr }} - interval {{ n }} month) {%- endmacro %}
{% macro sqlserver__months_before(date_expr, n) -%} dateadd(month, -{{ n }}, {{ date_expr }}) {%- endmacro %}

{% macro var_flag(name) -%}
    {%- if var(name) in (true, 'true', 'True', '1', 1) -%} 1 {%- else -%} 0 {%- endif -%}
{%- endmacro %}

{% macro our_domain_list() -%}
    {%- for d in var('our_domains') -%}'{{ d | lower }}'{% if not loop.last %}, {% endif %}{%- endfor -%}
{%- endmacro %}

{% macro email_domain(col) -%}
    {{ return(adapter.dispatch('email_domain', 'autoresponder')(col)) }}
{%- endmacro %}
{% macro default__email_domain(col) -%} split_part({{ col }}, '@', 2) {%- endmacro %}
{% macro sqlserver__email_domain(col) -%}
    substring({{ col }}, charindex('@', {{ col }}) + 1, len({{ col }}))
{%- endmacro %}

{# webmail hosts are nobody's organisation: an address there never proves "same org" #}
{% macro webmail_domain_list() -%}
    {%- for d in var('webmail_domains') -%}'{{ d | lower }}'{% if not loop.last %}, {% endif %}{%- endfor -%}
{%- endmacro %}

{# 1 when the address's host is one of the message's organisation domains (or a sub/parent domain) #}
{% macro in_org_domains(message_id_col, email_col) -%}
    case when exists (
        select 1 from {{ ref('int_messages__org_domains') }} as od
        where od.message_id = {{ message_id_col }}
            and ({{ email_domain(email_col) }} = od.domain
                or {{ email_domain(email_col) }} like concat('%.', od.domain)
                or od.domain like concat('%.', {{ email_domain(email_col) }}))
    ) then 1 else 0 end
{%- endmacro %}

{# a text type for casts: DuckDB's varchar has no length; SQL Server's plain varchar is varchar(30) #}
{% macro string_type() -%}
    {{ return(adapter.dispatch('string_type', 'autoresponder')()) }}
{%- endmacro %}
{% macro default__string_type() -%} varchar {%- endmacro %}
{% macro sqlserver__string_type() -%} nvarchar(4000) {%- endmacro %}

{# a boolean column as a condition: SQL Server's bit must be compared #}
{% macro is_true(col) -%}
    {{ return(adapter.dispatch('is_true', 'autoresponder')(col)) }}
{%- endmacro %}
{% macro default__is_true(col) -%} {{ col }} {%- endmacro %}
{% macro sqlserver__is_true(col) -%} {{ col }} = 1 {%- endmacro %}

{# the text from 1-based position `start` to the end (SQL Server's substring needs a length) #}
{% macro substring_from(expr, start) -%}
    {{ return(adapter.dispatch('substring_from', 'autoresponder')(expr, start)) }}
{%- endmacro %}
{% macro default__substring_from(expr, start) -%} substr({{ expr }}, {{ start }}) {%- endmacro %}
{% macro sqlserver__substring_from(expr, start) -%}
    substring({{ expr }}, {{ start }}, datalength({{ expr }}))
{%- endmacro %}

{# a name's first word, and the rest after the first space (first name / last name of a replacement) #}
{% macro first_word(col) -%}
    {{ return(adapter.dispatch('first_word', 'autoresponder')(col)) }}
{%- endmacro %}
{% macro default__first_word(col) -%} split_part({{ col }}, ' ', 1) {%- endmacro %}
{% macro sqlserver__first_word(col) -%}
    left({{ col }}, charindex(' ', concat({{ col }}, ' ')) - 1)
{%- endmacro %}

{% macro after_first_word(col) -%}
    {{ return(adapter.dispatch('after_first_word', 'autoresponder')(col)) }}
{%- endmacro %}
{% macro default__after_first_word(col) -%} substr({{ col }}, length(split_part({{ col }}, ' ', 1)) + 2) {%- endmacro %}
{% macro sqlserver__after_first_word(col) -%}
    substring({{ col }}, charindex(' ', concat({{ col }}, ' ')) + 1, datalength({{ col }}))
{%- endmacro %}

{# a one-key JSON object whose key is a column (a CRM's own field name, int_crm__records) #}
{% macro json_field(key_expr, value_expr) -%}
    {{ return(adapter.dispatch('json_field', 'autoresponder')(key_expr, value_expr)) }}
{%- endmacro %}
{% macro default__json_field(key_expr, value_expr) -%}
    cast(json_object(cast({{ key_expr }} as varchar), {{ value_expr }}) as varchar)
{%- endmacro %}
{# T-SQL's JSON_OBJECT takes only literal keys: the same text, built with STRING_ESCAPE #}
{% macro sqlserver__json_field(key_expr, value_expr) -%}
    concat('{"', string_escape({{ key_expr }}, 'json'), '":',
        case when {{ value_expr }} is null then 'null'
            else concat('"', string_escape({{ value_expr }}, 'json'), '"') end, '}')
{%- endmacro %}
