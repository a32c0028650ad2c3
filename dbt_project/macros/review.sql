{# Reviewers' decisions (issue 10, DESIGN §7), written by `autoresponder serve` and read by the
   routing models. The one definition of these tables: created before every dbt invocation
   (on-run-start) so the models can always read them, declared as the `review` source
   (models/staging/__sources.yml); python_ops/autoresponder/review/service.py only writes rows and
   refuses uploads (409) until a run has created them. #}

{% macro ensure_review_tables() -%}
    {{ return(adapter.dispatch('ensure_review_tables', 'autoresponder')()) }}
{%- endmacro %}

{% macro default__ensure_review_tables() -%}
create schema if not exists review;
create table if not exists review.uploads (
    upload_id varchar primary key, kind varchar not null, file_name varchar, file_sha256 varchar not null,
    uploaded_by varchar not null, uploaded_at timestamp not null, row_count integer, stored_path varchar);
create table if not exists review.multipub_decisions (
    message_id varchar not null, subscription_id varchar not null, lookup_email varchar, decision varchar not null,
    upload_id varchar not null, decided_by varchar not null, decided_at timestamp not null,
    notified_upload_id varchar, primary key (message_id, subscription_id));
create table if not exists review.human_review_decisions (
    message_id varchar primary key, decision varchar not null, fingerprint varchar, review_reason varchar,
    upload_id varchar not null, decided_by varchar not null, decided_at timestamp not null);
{%- endmacro %}

{% macro sqlserver__ensure_review_tables() -%}
if schema_id('review') is null exec('create schema review');
if object_id('review.uploads') is null create table review.uploads (
    upload_id varchar(64) primary key, kind varchar(32) not null, file_name nvarchar(400),
    file_sha256 varchar(64) not null, uploaded_by nvarchar(200) not null, uploaded_at datetime2 not null,
    row_count int, stored_path nvarchar(1000));
if object_id('review.multipub_decisions') is null create table review.multipub_decisions (
    message_id nvarchar(450) not null, subscription_id nvarchar(200) not null, lookup_email nvarchar(320),
    decision varchar(8) not null, upload_id varchar(64) not null, decided_by nvarchar(200) not null,
    decided_at datetime2 not null, notified_upload_id varchar(64), primary key (message_id, subscription_id));
if object_id('review.human_review_decisions') is null create table review.human_review_decisions (
    message_id nvarchar(450) primary key, decision varchar(8) not null, fingerprint varchar(64),
    review_reason varchar(64), upload_id varchar(64) not null, decided_by nvarchar(200) not null,
    decided_at datetime2 not null);
{%- endmacro %}

{# DESIGN §5 out of office: `date_expr` plus `n` business days (Monday to Friday); a weekend date
   first moves back to its Friday, so Saturday + 1 is Monday #}
{% macro add_business_days(date_expr, n) -%}
    {{ return(adapter.dispatch('add_business_days', 'autoresponder')(date_expr, n)) }}
{%- endmacro %}

{% macro default__add_business_days(date_expr, n) -%}
    {%- if n | int == 0 -%} cast({{ date_expr }} as date) {%- else -%}
    cast(cast({{ date_expr }} as date)
        - cast(greatest(isodow(cast({{ date_expr }} as date)) - 5, 0) as integer)
        + cast({{ n }} + 2 * ((least(isodow(cast({{ date_expr }} as date)), 5) - 1 + {{ n }}) // 5) as integer)
        as date)
    {%- endif -%}
{%- endmacro %}

{% macro sqlserver__add_business_days(date_expr, n) -%}
    {# (datediff(day, '19000101', d) % 7) is 0 on Monday whatever DATEFIRST says #}
    {%- set dow0 = "(datediff(day, '19000101', cast(" ~ date_expr ~ " as date)) % 7)" -%}
    {%- if n | int == 0 -%} cast({{ date_expr }} as date) {%- else -%}
    dateadd(day, {{ n }} + 2 * ((case when {{ dow0 }} > 4 then 4 else {{ dow0 }} end + {{ n }}) / 5)
        - case when {{ dow0 }} > 4 then {{ dow0 }} - 4 else 0 end, cast({{ date_expr }} as date))
    {%- endif -%}
{%- endmacro %}
