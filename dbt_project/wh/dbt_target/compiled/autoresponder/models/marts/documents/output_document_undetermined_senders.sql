-- replies whose sender cannot be tied to any contact: for the Multipub reviewer (DESIGN §7, §9)
select
    m.message_id,
    m.from_email,
    m.lookup_email,
    m.determination,
    m.reason,
    m.subject,
    m.sent_at,
    m.evidence
from "w"."intermediate"."int_messages__matched" as m
where m.determination <> 'UNKNOWN' and m.has_any_match = 0