{# Salesforce objects that only the API sync lands (systems/salesforce/sync.py): a run from a CSV
   export (Data Loader: Account, Contact, Lead) has no Opportunity tables, so they are created empty
   with the columns the staging models read. The sync replaces them with the describe-driven
   table on its first full read (a new column triggers a full re-read). #}

{% macro ensure_salesforce_tables() -%}
    {{ return(adapter.dispatch('ensure_salesforce_tables', 'autoresponder')()) }}
{%- endmacro %}

{% macro default__ensure_salesforce_tables() -%}
create schema if not exists raw;
create table if not exists raw.sf_opportunity (
    "Id" varchar, "AccountId" varchar, "Name" varchar, "StageName" varchar, "CloseDate" date,
    "IsClosed" boolean, "LastModifiedDate" timestamp);
create table if not exists raw.sf_opportunitycontactrole (
    "Id" varchar, "OpportunityId" varchar, "ContactId" varchar, "IsPrimary" boolean, "Role" varchar,
    "LastModifiedDate" timestamp);
{%- endmacro %}

{% macro sqlserver__ensure_salesforce_tables() -%}
if schema_id('raw') is null exec('create schema raw');
if object_id('raw.sf_opportunity') is null create table raw.sf_opportunity (
    Id varchar(18), AccountId varchar(18), Name nvarchar(120), StageName nvarchar(255), CloseDate date,
    IsClosed bit, LastModifiedDate datetime2);
if object_id('raw.sf_opportunitycontactrole') is null create table raw.sf_opportunitycontactrole (
    Id varchar(18), OpportunityId varchar(18), ContactId varchar(18), IsPrimary bit, Role nvarchar(255),
    LastModifiedDate datetime2);
{%- endmacro %}

{# a Salesforce datetime literal (`2026-11-16T09:00:06.000+0000`, UTC), as the API returns it #}
{% macro sf_datetime(col) -%}
    {{ return(adapter.dispatch('sf_datetime', 'autoresponder')(col)) }}
{%- endmacro %}
{% macro default__sf_datetime(col) -%} strftime(cast({{ col }} as timestamp), '%Y-%m-%dT%H:%M:%S.000+0000') {%- endmacro %}
{% macro sqlserver__sf_datetime(col) -%} concat(format(cast({{ col }} as datetime2), 'yyyy-MM-dd''T''HH:mm:ss'), '.000+0000') {%- endmacro %}

{# the Monday of the ISO week of a date #}
{% macro iso_week_start(date_expr) -%}
    {{ return(adapter.dispatch('iso_week_start', 'autoresponder')(date_expr)) }}
{%- endmacro %}
{% macro default__iso_week_start(date_expr) -%} cast(date_trunc('week', cast({{ date_expr }} as date)) as date) {%- endmacro %}
{% macro sqlserver__iso_week_start(date_expr) -%}
    {# (datediff(day, '19000101', d) % 7) is 0 on Monday whatever DATEFIRST says #}
    dateadd(day, -(datediff(day, '19000101', cast({{ date_expr }} as date)) % 7), cast({{ date_expr }} as date))
{%- endmacro %}
