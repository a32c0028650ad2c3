-- one row per run: its command and mode, how it ended (exit code, DESIGN §10), the messages it
-- landed and its writes by status. A view over ops.runs and ops.write_log; a write retried by a
-- later run counts in that later run (the log keeps one row per write).
with runs as (
    select * from {{ source('ops', 'runs') }}
),

writes as (
    select
        run_id,
        count(*) as count_writes,
        sum(case when status = 'succeeded' then 1 else 0 end) as count_succeeded,
        sum(case when status = 'queued' then 1 else 0 end) as count_queued,
        sum(case when status in ('failed_retriable', 'failed_terminal') then 1 else 0 end) as count_failed,
        sum(case when status in ('skipped_noop', 'skipped_conflict', 'skipped_dependency') then 1 else 0 end)
            as count_skipped,
        sum(case when status = 'pending' then 1 else 0 end) as count_pending
    from {{ source('ops', 'write_log') }}
    group by run_id
),

landed as (
    select run_id, count(*) as count_messages_landed
    from {{ ref('stg_emails__messages') }}
    group by run_id
),

run_ids as (
    select run_id from runs
    union
    select run_id from writes
),

final as (
    select
        run_ids.run_id,
        runs.command,
        runs.mode,
        runs.started_at,
        runs.finished_at,
        runs.exit_code,
        case
            when runs.run_id is null then 'not_recorded'
            when runs.exit_code is null then 'unfinished'
            when runs.exit_code = 0 then 'done'
            when runs.exit_code = 2 then 'bad_input'
            when runs.exit_code = 3 then 'writes_failed'
            when runs.exit_code = 4 then 'stopped'
            else 'crashed'
        end as run_status,
        coalesce(landed.count_messages_landed, 0) as count_messages_landed,
        coalesce(writes.count_writes, 0) as count_writes,
        coalesce(writes.count_succeeded, 0) as count_succeeded,
        coalesce(writes.count_queued, 0) as count_queued,
        coalesce(writes.count_failed, 0) as count_failed,
        coalesce(writes.count_skipped, 0) as count_skipped,
        coalesce(writes.count_pending, 0) as count_pending,
        cast(runs.targets as {{ string_type() }}) as targets
    from run_ids
    left join runs on runs.run_id = run_ids.run_id
    left join writes on writes.run_id = run_ids.run_id
    left join landed on landed.run_id = run_ids.run_id
)

select * from final
