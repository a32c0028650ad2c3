-- DESIGN §6: a Multipub-linked Contact gets a skip row, never a write; Multipub itself never written
select a.*
from {{ ref('fct_actions') }} as a
left join {{ ref('int_crm__matches') }} as crm
    on crm.message_id = a.message_id and crm.system = a.system and crm.record_id = a.record_id
where a.gate = 'auto' and (crm.is_multipub_linked = 1 or a.system = 'multipub')
