select
    "Id" as account_id,
    "Name" as account_name
from "w"."raw"."sf_account"