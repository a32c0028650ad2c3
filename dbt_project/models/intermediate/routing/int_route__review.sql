-- DESIGN §5 OUT_OF_OFFICE (never inactivates), BOUNCE (review + undeliverables + suppression
-- notice) and the ambiguous CUPOLA match (several active rows of different people: no write)
with messages as (
    select * from {{ ref('int_messages__matched') }}
    where is_routable = 1
),

first_row as (
    select message_id, min(org_person_id) as org_person_id from {{ ref('int_cupola__matches') }} group by message_id
),

review_rows as (
    select
        messages.message_id, 'cupola' as system, 'org_person' as object,
        cast(first_row.org_person_id as {{ string_type() }}) as record_id, 'review' as action, 'review' as gate,
        case when messages.cupola_state = 'ambiguous' then 'AMBIGUOUS_MATCH'
            when messages.determination = 'BOUNCE' then 'BOUNCE'
            else 'OUT_OF_OFFICE' end as gate_reason,
        case when messages.determination = 'OUT_OF_OFFICE'
            then {{ json_obj([('return_date', 'cast(messages.return_date as ' ~ string_type() ~ ')')]) }}
            when messages.determination = 'BOUNCE'
            then {{ json_obj([('bounce_kind', 'messages.bounce_kind'), ('bounce_status', 'messages.bounce_status')]) }}
            else '{}' end as payload,
        '{}' as prior
    from messages
    left join first_row on first_row.message_id = messages.message_id
    where messages.cupola_state = 'ambiguous' or messages.determination in ('BOUNCE', 'OUT_OF_OFFICE')
)

select * from review_rows
