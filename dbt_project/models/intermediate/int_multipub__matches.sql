-- Multipub subscriptions of each lookup email with the three 12-month validation flags (DESIGN §7);
-- windows are relative to the run date var `as_of`, never the wall clock
with lookup as (
    select message_id, lookup_email from {{ ref('int_messages__lookup_email') }}
),

subscriptions as (
    select * from {{ ref('stg_multipub__subscriptions') }}
),

matched as (
    select
        lookup.message_id,
        subscriptions.*,
        case when subscriptions.status = 'active'
            and (subscriptions.end_date is null or subscriptions.end_date >= {{ as_of_date() }})
            then 1 else 0 end as is_active_subscription,
        case when subscriptions.status in ('expired', 'cancelled', 'active')
            and subscriptions.end_date < {{ as_of_date() }}
            and subscriptions.end_date >= {{ months_before(as_of_date(), 12) }}
            then 1 else 0 end as is_expired_within_12_months,
        case when subscriptions.subscription_type = 'single_issue'
            and coalesce(subscriptions.last_issue_date, subscriptions.start_date) >= {{ months_before(as_of_date(), 12) }}
            then 1 else 0 end as is_single_issue_within_12_months
    from lookup
    inner join subscriptions on subscriptions.email = lookup.lookup_email
),

-- distinct subscribers per message, grouped (T-SQL has no count(distinct ...) over a window)
subscribers as (
    select message_id, count(distinct subscriber_id) as count_subscribers
    from matched
    group by message_id
),

with_message_flags as (
    select
        matched.*,
        subscribers.count_subscribers
    from matched
    inner join subscribers on subscribers.message_id = matched.message_id
)

select
    *,
    case when count_subscribers > 1 then 1 else 0 end as is_ambiguous_subscriber,
    case when is_active_subscription = 1 or is_expired_within_12_months = 1
        or is_single_issue_within_12_months = 1 or count_subscribers > 1
        then 1 else 0 end as is_flagged
from with_message_flags
