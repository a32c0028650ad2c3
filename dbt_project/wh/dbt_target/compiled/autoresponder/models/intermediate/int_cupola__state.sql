-- CUPOLA state of each message's lookup email: active / inactive / none / ambiguous (DESIGN §5)
-- ambiguous = active rows that belong to more than one person
with lookup as (
    select message_id from "w"."intermediate"."int_messages__lookup_email"
),

matches as (
    select * from "w"."intermediate"."int_cupola__matches"
),

per_message as (
    select
        message_id,
        count(*) as count_rows,
        sum(is_active) as count_active_rows,
        count(distinct case when is_active = 1 then person_id end) as count_active_persons
    from matches
    group by message_id
),

state as (
    select
        lookup.message_id,
        coalesce(per_message.count_rows, 0) as count_cupola_rows,
        coalesce(per_message.count_active_rows, 0) as count_cupola_active_rows,
        case
            when per_message.message_id is null then 'none'
            when per_message.count_active_persons > 1 then 'ambiguous'
            when per_message.count_active_rows > 0 then 'active'
            else 'inactive'
        end as cupola_state
    from lookup
    left join per_message on per_message.message_id = lookup.message_id
)

select * from state