
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  -- DESIGN §5: UNKNOWN is not looked up; no match in any system means no action
select a.*
from "w"."marts"."fct_actions" as a
inner join "w"."intermediate"."int_messages__matched" as m on m.message_id = a.message_id
where m.determination = 'UNKNOWN' or m.has_any_match = 0
  
  
      
    ) dbt_internal_test