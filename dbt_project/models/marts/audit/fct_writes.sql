-- one row per logged write (system + idempotency key): what AutoResponder did or tried to do to one
-- record, in which run, for which message and why, and what the remote answered (DESIGN §10).
-- A view over ops.write_log, so it is current as soon as the act stage has logged.
with write_log as (
    select * from {{ source('ops', 'write_log') }}
),

messages as (
    select message_id, determination, reason from {{ ref('int_messages__lookup_email') }}
),

final as (
    select
        write_log.run_id,
        write_log.message_id,
        messages.determination,
        messages.reason,
        write_log.system,
        write_log.object,
        write_log.record_id,
        write_log.action,
        write_log.status,
        write_log.remote_message,
        write_log.remote_id,
        write_log.attempts,
        case when write_log.status in ('succeeded', 'queued') then 1 else 0 end as is_applied,
        case when write_log.status in ('succeeded', 'queued', 'skipped_noop') then 1 else 0 end as is_final,
        -- nothing records a reviewer yet: approvals (gate `approved`) will fill it
        cast(null as {{ string_type() }}) as reviewer,
        cast(write_log.payload as {{ string_type() }}) as payload,
        cast(write_log.prior as {{ string_type() }}) as prior,
        write_log.idempotency_key,
        write_log.created_at as logged_at,
        write_log.updated_at
    from write_log
    left join messages on messages.message_id = write_log.message_id
)

select * from final
