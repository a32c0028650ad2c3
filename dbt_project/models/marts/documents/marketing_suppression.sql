-- people Marketing should suppress in SFMC: inactivated people and bounces (DESIGN §5, §9).
-- One row per email per run (run = the run that landed the message): an inactivation wins over a
-- bounce, then the earliest Message-ID; message_count says how many of the run's messages named it.
with candidates as (
    select
        a.run_id,
        a.lookup_email as email,
        a.reason as reason,
        'inactive' as source,
        a.message_id,
        1 as priority
    from {{ ref('fct_actions') }} as a
    where a.system = 'sfmc' and a.action = 'suppress' and a.gate in ('auto', 'approved') and a.lookup_email is not null
    union all
    select
        m.run_id,
        m.lookup_email as email,
        concat('bounce_', coalesce(m.bounce_kind, 'unknown')) as reason,
        'bounce' as source,
        m.message_id,
        2 as priority
    from {{ ref('int_messages__matched') }} as m
    where m.determination = 'BOUNCE' and m.is_suppressed = 0 and m.lookup_email is not null
),

ranked as (
    select
        candidates.*,
        row_number() over (partition by run_id, email order by priority, message_id) as rank_in_run,
        count(*) over (partition by run_id, email) as message_count
    from candidates
)

select run_id, email, reason, source, message_id, message_count
from ranked
where rank_in_run = 1
