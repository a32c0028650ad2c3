
  
  create view "w"."staging"."stg_emails__messages__dbt_tmp" as (
    with source as (
    select * from "w"."raw"."emails"
),

renamed as (
    select
        message_id,
        file_path,
        nullif(lower(trim(from_email)), '') as from_email,
        from_name,
        subject,
        sent_at,
        auth_status,
        parse_error,
        case when auth_status = 'fail' then 1 else 0 end as is_sender_not_authenticated
    from source
)

select * from renamed
  );
