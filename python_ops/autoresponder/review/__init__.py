"""The reviewer loop (issue 10, DESIGN §7): `autoresponder serve` (FastAPI) takes back the
reviewed Multipub audit and human-review files; `service` stores the decisions."""
