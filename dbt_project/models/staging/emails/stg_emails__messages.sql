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
        -- the landing-time verdict (default policy); routing uses classification's sender_auth, which
        -- is re-evaluated every run under the configured trusted authserv-ids
        auth_status,
        parse_error,
        -- set when another message landed first under the same Message-ID with a different body: that
        -- message's key (DESIGN §5 gate DUPLICATE_MESSAGE_ID)
        duplicate_of
    from source
)

select * from renamed
