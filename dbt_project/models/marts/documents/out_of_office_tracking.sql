-- out-of-office replies, tracked apart from inactivations (DESIGN §5): never inactivates.
-- do_not_contact_until (issue 10): the stated return date plus a buffer of business days, or, when no
-- date is stated, the reply's date plus a fallback; `is_back` once the run date has reached it.
with ooo as (
    select
        m.run_id,
        m.message_id,
        m.lookup_email,
        m.first_name,
        m.last_name,
        m.org_name,
        m.cupola_state,
        m.return_date,
        m.sent_at,
        m.evidence,
        case when m.return_date is not null
            then {{ add_business_days('m.return_date', var('ooo_buffer_business_days')) }}
            else cast(cast(m.sent_at as date) + {{ var('ooo_fallback_days') }} as date)
        end as do_not_contact_until,
        case when m.return_date is not null then 'return_date' else 'fallback' end as do_not_contact_basis
    from {{ ref('int_messages__matched') }} as m
    where m.determination = 'OUT_OF_OFFICE'
)

select
    ooo.*,
    case when ooo.do_not_contact_until <= {{ as_of_date() }} then 1 else 0 end as is_back
from ooo
