with source as (
    select * from {{ source('classification', 'classified_messages') }}
),

renamed as (
    select
        message_id,
        determination,
        reason,
        category,
        confidence,
        method,
        {{ norm_email('source_email') }} as source_email,
        {{ norm_email('new_email') }} as new_email,
        nullif(trim(new_title), '') as new_title,
        nullif(trim(new_org), '') as new_org,
        cast(return_date as date) as return_date,
        bounce_kind,
        bounce_status,
        bounce_diagnostic,
        {{ norm_email('bounce_recipient') }} as bounce_recipient,
        evidence,
        {{ adapter.quote('rule') }},
        identity_basis,
        case when {{ is_true('identity_ok') }} then 1 else 0 end as is_identity_bound,
        {{ norm_email('speaks_for') }} as speaks_for,
        coalesce(sender_auth, 'none') as sender_auth,
        case when qa_agreed is null then null when {{ is_true('qa_agreed') }} then 1 else 0 end as is_qa_agreed
    from source
)

select * from renamed
