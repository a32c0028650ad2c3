-- every bounce, matched or not (DESIGN §5 BOUNCE)
select
    m.message_id,
    m.lookup_email,
    m.bounce_recipient,
    m.bounce_kind,
    m.bounce_status,
    m.bounce_diagnostic,
    m.cupola_state,
    m.count_salesforce,
    m.count_hodor,
    m.is_suppressed as is_already_suppressed,
    m.subject,
    m.sent_at
from "w"."intermediate"."int_messages__matched" as m
where m.determination = 'BOUNCE'