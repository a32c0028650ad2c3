-- one row per planned action (DESIGN §11): the union of the routing models, then the gates that
-- hold for every route: a spoofed reply cannot write (§10 SENDER_NOT_AUTHENTICATED)
with routes as (
    select * from {{ ref('int_route__inactive') }}
    union all select * from {{ ref('int_route__update') }}
    union all select * from {{ ref('int_route__active') }}
    union all select * from {{ ref('int_route__replacement') }}
    union all select * from {{ ref('int_route__review') }}
    union all select * from {{ ref('int_route__bounce') }}
),

-- seed crm_connectors.md: the Opportunity the thread maps to, the WhatId of the curated Task
opportunity_links as (
    select * from {{ ref('int_salesforce__opportunity_links') }}
),

messages as (
    select * from {{ ref('int_messages__matched') }}
),

-- DESIGN §5 gates before every AUTO row, most pressing first; each sends the write to review
message_gates as (
    select
        message_id,
        case
            when is_sender_not_authenticated = 1 then 'SENDER_NOT_AUTHENTICATED'
            -- a second message under an already landed Message-ID with another body: a replay or an
            -- altered copy until a reviewer says otherwise
            when duplicate_of is not null then 'DUPLICATE_MESSAGE_ID'
            when is_identity_bound = 0 then 'IDENTITY_MISMATCH'
            when coalesce(confidence, 0) < {{ var('min_auto_confidence') }} or is_qa_agreed = 0 then 'LOW_CONFIDENCE'
            when determination = 'REPLACEMENT' and reason = 'replacement' then 'NO_DEPARTURE_STATED'
        end as blocking_gate
    from messages
),

gated as (
    select
        routes.*,
        messages.run_id,
        messages.determination,
        messages.reason,
        messages.lookup_email,
        -- a REPLACEMENT that states no departure ("X now handles your account") does not deactivate the
        -- original; its other rows (alternate contacts) are unaffected
        case when routes.gate = 'auto' and message_gates.blocking_gate is not null
                and (message_gates.blocking_gate <> 'NO_DEPARTURE_STATED' or routes.action = 'mark_inactive')
            then 'review' else routes.gate end as final_gate,
        case when routes.gate = 'auto' and message_gates.blocking_gate is not null
                and (message_gates.blocking_gate <> 'NO_DEPARTURE_STATED' or routes.action = 'mark_inactive')
            then message_gates.blocking_gate else routes.gate_reason end as final_gate_reason
    from routes
    inner join messages on messages.message_id = routes.message_id
    inner join message_gates on message_gates.message_id = routes.message_id
),

-- issue 10 / DESIGN §7: a reviewer approved the message in the returned human-review document; its
-- writes that were held for review run through the same logged, idempotent path as `auto` ones.
-- Only real writes on systems we write (never Multipub, never a CUPOLA create, never a row without a
-- record); `gate_reason` keeps why it needed review.
approvals as (
    select message_id, decided_by, decided_at
    from {{ source('review', 'human_review_decisions') }}
    where decision = 'approve'
),

decided as (
    select
        gated.*,
        case when gated.final_gate = 'review' and approvals.message_id is not null
                and gated.system in ('cupola', 'hodor', 'salesforce', 'hubspot', 'sfmc')
                and gated.action in ('mark_inactive', 'update_email', 'update_title', 'suppress', 'record_bounce')
                and gated.record_id is not null
            then 'approved' else gated.final_gate end as decided_gate,
        approvals.decided_by,
        approvals.decided_at
    from gated
    left join approvals on approvals.message_id = gated.message_id
),

linked as (
    select decided.*, opportunity_links.opportunity_id
    from decided
    left join opportunity_links on decided.system = 'salesforce' and decided.object = 'Contact'
        and opportunity_links.message_id = decided.message_id and opportunity_links.record_id = decided.record_id
),

final as (
    select
        run_id,  -- the run that landed the message (every message is re-planned each run)
        message_id,
        determination,
        reason,
        lookup_email,
        system,
        object,
        record_id,
        action,
        decided_gate as gate,
        final_gate_reason as gate_reason,
        payload,
        prior,
        {{ sha256_hex("concat_ws('|', system, object, coalesce(record_id, ''), action, payload, message_id)") }}
            as idempotency_key,
        case when decided_gate = 'approved' then decided_by end as approved_by,
        case when decided_gate = 'approved' then decided_at end as approved_at,
        opportunity_id
    from linked
)

select * from final
