with source as (
    select * from {{ source('raw', 'emails') }}
),

renamed as (
    select
        message_id,
        -- the run that first landed the message; rows landed before runs were recorded: 'unrecorded'
        coalesce(landed_run_id, 'unrecorded') as run_id,
        file_path,
        {{ norm_email('from_email') }} as from_email,
        from_name,
        subject,
        sent_at,
        auth_status,
        parse_error,
        case when auth_status = 'fail' then 1 else 0 end as is_sender_not_authenticated
    from source
)

select * from renamed
