-- seed crm_connectors.md weekly roll-up: one row per Salesforce Account and reply of the last complete
-- ISO week before the run date (Monday to Sunday, by the reply's Date header) whose sender is a Contact of that Account, with the
-- curated outcome only (determination, reason, outcome, review reason; never the reply's text).
-- systems/salesforce/rollup.py turns each Account's rows into one `Weekly deal summary` Task.
with week as (
    select {{ dbt.dateadd('day', -7, iso_week_start(as_of_date())) }} as week_start
),

outcomes as (
    select * from {{ ref('fct_message_outcomes') }}
),

messages as (
    select message_id, sent_at from {{ ref('int_messages__matched') }}
),

contacts as (
    select message_id, record_id, first_name, last_name, email, account_id, account_name
    from {{ ref('int_crm__matches') }}
    where system = 'salesforce' and record_type = 'Contact' and account_id is not null
),

final as (
    select
        contacts.account_id,
        coalesce(contacts.account_name, contacts.account_id) as account_name,
        week.week_start,
        outcomes.message_id,
        contacts.record_id as contact_id,
        nullif(trim(concat(coalesce(contacts.first_name, ''), ' ', coalesce(contacts.last_name, ''))), '') as contact_name,
        contacts.email as contact_email,
        outcomes.determination,
        outcomes.reason,
        outcomes.outcome,
        outcomes.review_reason,
        messages.sent_at
    from outcomes
    inner join messages on messages.message_id = outcomes.message_id
    inner join contacts on contacts.message_id = outcomes.message_id
    cross join week
    where cast(messages.sent_at as date) >= week.week_start
        and cast(messages.sent_at as date) < {{ dbt.dateadd('day', 7, 'week.week_start') }}
)

select * from final
