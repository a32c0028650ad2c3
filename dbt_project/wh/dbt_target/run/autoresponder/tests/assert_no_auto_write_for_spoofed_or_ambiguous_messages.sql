
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  -- DESIGN §5 ambiguous match and §10 spoofed replies: never an auto write
select a.*
from "w"."marts"."fct_actions" as a
inner join "w"."intermediate"."int_messages__matched" as m on m.message_id = a.message_id
where a.gate = 'auto' and (m.cupola_state = 'ambiguous' or m.is_sender_not_authenticated = 1)
  
  
      
    ) dbt_internal_test