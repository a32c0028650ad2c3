-- DESIGN §5: auto-reactivation of inactive CUPOLA rows is disabled; alternates never auto-added
select *
from "w"."marts"."fct_actions"
where system = 'cupola' and gate = 'auto' and action in ('reactivate', 'create')