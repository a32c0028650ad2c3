-- people Marketing should suppress in SFMC: inactivated people and bounces (DESIGN §5, §9)
select
    a.lookup_email as email,
    a.reason as reason,
    'inactive' as source,
    a.message_id
from "w"."marts"."fct_actions" as a
where a.system = 'sfmc' and a.action = 'suppress' and a.gate = 'auto'
union all
select
    m.lookup_email as email,
    concat('bounce_', coalesce(m.bounce_kind, 'unknown')) as reason,
    'bounce' as source,
    m.message_id
from "w"."intermediate"."int_messages__matched" as m
where m.determination = 'BOUNCE' and m.is_suppressed = 0 and m.lookup_email is not null