with source as (
    select * from "w"."classification"."classified_messages"
),

renamed as (
    select
        message_id,
        determination,
        reason,
        category,
        confidence,
        method,
        nullif(lower(trim(source_email)), '') as source_email,
        nullif(lower(trim(new_email)), '') as new_email,
        nullif(trim(new_title), '') as new_title,
        nullif(trim(new_org), '') as new_org,
        cast(return_date as date) as return_date,
        bounce_kind,
        bounce_status,
        bounce_diagnostic,
        nullif(lower(trim(bounce_recipient)), '') as bounce_recipient,
        evidence
    from source
)

select * from renamed