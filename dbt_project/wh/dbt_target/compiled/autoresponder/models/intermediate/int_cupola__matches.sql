-- one row per (message, CUPOLA org-person row) whose email is the lookup email;
-- a row without its own email matches through the person's email
with lookup as (
    select message_id, lookup_email from "w"."intermediate"."int_messages__lookup_email"
),

org_persons as (
    select * from "w"."staging"."stg_cupola__org_persons"
),

persons as (
    select * from "w"."staging"."stg_cupola__persons"
),

orgs as (
    select * from "w"."staging"."stg_cupola__orgs"
),

rows_with_email as (
    select
        org_persons.*,
        coalesce(org_persons.email, persons.email) as match_email,
        persons.first_name,
        persons.last_name,
        persons.phone,
        orgs.org_name
    from org_persons
    left join persons on persons.person_id = org_persons.person_id
    left join orgs on orgs.org_id = org_persons.org_id
),

matched as (
    select
        lookup.message_id,
        rows_with_email.org_person_id,
        rows_with_email.person_id,
        rows_with_email.org_id,
        rows_with_email.org_name,
        rows_with_email.first_name,
        rows_with_email.last_name,
        rows_with_email.phone,
        rows_with_email.position,
        rows_with_email.email,
        rows_with_email.status,
        rows_with_email.is_active
    from lookup
    inner join rows_with_email on rows_with_email.match_email = lookup.lookup_email
)

select * from matched