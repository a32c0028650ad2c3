"""The CUPOLA procedure contract (DESIGN §2): the only way this product writes to CUPOLA.

Result codes of the `@Result OUTPUT` parameter, as the procedures are described to us
(confirm with the CUPOLA owner before production):

| procedure                                  | code | meaning                                        |
|--------------------------------------------|------|------------------------------------------------|
| IP4SP_AutoBounce_MarkPersonInactive        | 0    | row set Inactive, status_change_date stamped   |
|                                            | 1    | no org-person row with that id                 |
|                                            | 2    | row already Inactive; nothing changed          |
| IP4SP_AutoBounce_OrgPersonUpdates          | 0    | position and/or email updated (null=unchanged) |
|                                            | 1    | no org-person row with that id                 |
|                                            | 3    | row is Inactive; update refused                |

`CupolaWriter` maps 0 to `succeeded`, 2 to `skipped_noop`, 1 and 3 (and any other code) to
`failed_terminal`.
"""

from __future__ import annotations

from typing import Any, Protocol

MARK_PERSON_INACTIVE = "IP4SP_AutoBounce_MarkPersonInactive"
ORG_PERSON_UPDATES = "IP4SP_AutoBounce_OrgPersonUpdates"

RESULT_OK = 0
RESULT_NOT_FOUND = 1
RESULT_ALREADY_INACTIVE = 2
RESULT_ROW_INACTIVE = 3

RESULT_MEANINGS = {
    (MARK_PERSON_INACTIVE, RESULT_OK): "marked inactive",
    (MARK_PERSON_INACTIVE, RESULT_NOT_FOUND): "org-person row not found",
    (MARK_PERSON_INACTIVE, RESULT_ALREADY_INACTIVE): "already inactive, nothing changed",
    (ORG_PERSON_UPDATES, RESULT_OK): "updated",
    (ORG_PERSON_UPDATES, RESULT_NOT_FOUND): "org-person row not found",
    (ORG_PERSON_UPDATES, RESULT_ROW_INACTIVE): "row is inactive, update refused",
}

# the keys `read_org_person` returns (DESIGN §3 org_persons columns)
ORG_PERSON_FIELDS = (
    "org_person_id",
    "person_id",
    "org_id",
    "position",
    "email",
    "status",
    "status_change_date",
)


def describe_result(procedure: str, code: int | None) -> str:
    """Human text for a procedure's result code."""
    return RESULT_MEANINGS.get((procedure, code), f"unknown result code {code}")


class CupolaProcedures(Protocol):
    """What CUPOLA offers us: two writing procedures and a read of one org-person row."""

    def mark_person_inactive(self, org_person_id: int) -> int:
        """Call `IP4SP_AutoBounce_MarkPersonInactive`; return `@Result`."""
        ...

    def org_person_updates(self, org_person_id: int, position: str | None, email: str | None) -> int:
        """Call `IP4SP_AutoBounce_OrgPersonUpdates` (None = unchanged); return `@Result`."""
        ...

    def read_org_person(self, org_person_id: int) -> dict[str, Any] | None:
        """The row as `ORG_PERSON_FIELDS`, or None when it does not exist."""
        ...
