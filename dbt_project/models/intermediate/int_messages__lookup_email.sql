-- one row per landed message: its classification and the email to look up
-- lookup email = the identified source (true sender behind relays), else the raw sender (DESIGN §4.3)
with messages as (
    select * from {{ ref('stg_emails__messages') }}
),

classified as (
    select * from {{ ref('stg_classification__messages') }}
),

joined as (
    select
        messages.message_id,
        messages.run_id,
        messages.file_path,
        messages.from_email,
        messages.subject,
        messages.sent_at,
        messages.parse_error,
        messages.duplicate_of,
        -- DESIGN §10: the trusted Authentication-Results verdict for the From domain (classification);
        -- with require_sender_authentication on, anything but a pass cannot write
        case when classified.sender_auth = 'fail' then 1
            when {{ var_flag('require_sender_authentication') }} = 1 and coalesce(classified.sender_auth, 'none') <> 'pass'
                then 1 else 0 end as is_sender_not_authenticated,
        coalesce(classified.sender_auth, 'none') as sender_auth,
        classified.{{ adapter.quote('rule') }},
        classified.identity_basis,
        coalesce(classified.is_identity_bound, 0) as is_identity_bound,
        classified.speaks_for,
        classified.is_qa_agreed,
        coalesce(classified.determination, 'UNKNOWN') as determination,
        case when classified.message_id is null then 'not_classified' else classified.reason end as reason,
        classified.category,
        classified.method,
        classified.confidence,
        coalesce(classified.source_email, messages.from_email) as lookup_email,
        classified.new_email,
        classified.new_title,
        classified.new_org,
        classified.return_date,
        classified.bounce_kind,
        classified.bounce_status,
        classified.bounce_diagnostic,
        classified.bounce_recipient,
        classified.evidence
    from messages
    left join classified on classified.message_id = messages.message_id
)

select * from joined
