"""What the emulated portal knows about objects: properties, enumerations and association types.

Property names and the HUBSPOT_DEFINED association type ids are the real ones
(developers.hubspot.com, "Associations v4: association type id values").
"""

from __future__ import annotations

OBJECT_TYPES = ("contacts", "companies", "deals", "tasks", "notes")
# singular aliases and object type ids the API accepts in paths
ALIASES = {"contact": "contacts", "0-1": "contacts", "company": "companies", "0-2": "companies", "deal": "deals",
           "0-3": "deals", "task": "tasks", "0-27": "tasks", "note": "notes", "0-46": "notes"}

PROPERTIES: dict[str, frozenset[str]] = {
    "contacts": frozenset({
        "email", "firstname", "lastname", "company", "jobtitle", "phone", "lifecyclestage", "hs_lead_status",
        "associatedcompanyid", "hs_email_hard_bounce_reason_enum", "hs_email_hard_bounce_reason",
        "hs_email_bad_address", "hs_email_bounce", "hs_email_quarantined", "createdate", "lastmodifieddate",
        "hs_lastmodifieddate", "hs_object_id", "hs_createdate",
    }),
    "companies": frozenset({"name", "domain", "createdate", "hs_lastmodifieddate", "hs_object_id"}),
    "deals": frozenset({"dealname", "dealstage", "pipeline", "amount", "closedate", "createdate",
                        "hs_lastmodifieddate", "hs_object_id", "hs_is_closed"}),
    "tasks": frozenset({"hs_timestamp", "hs_task_subject", "hs_task_body", "hs_task_status", "hs_task_priority",
                        "hs_task_type", "hubspot_owner_id", "hs_createdate", "hs_lastmodifieddate", "hs_object_id"}),
    "notes": frozenset({"hs_timestamp", "hs_note_body", "hubspot_owner_id", "hs_createdate", "hs_lastmodifieddate",
                        "hs_object_id"}),
}
READ_ONLY = frozenset({"createdate", "lastmodifieddate", "hs_lastmodifieddate", "hs_object_id", "hs_createdate",
                       "hs_is_closed"})
DATETIME = frozenset({"createdate", "lastmodifieddate", "hs_lastmodifieddate", "hs_createdate", "hs_timestamp",
                      "closedate"})
DEFAULT_PROPERTIES: dict[str, tuple[str, ...]] = {
    "contacts": ("createdate", "email", "firstname", "hs_object_id", "lastmodifieddate", "lastname"),
    "companies": ("createdate", "domain", "hs_lastmodifieddate", "hs_object_id", "name"),
    "deals": ("amount", "closedate", "createdate", "dealname", "dealstage", "hs_lastmodifieddate", "hs_object_id",
              "pipeline"),
    "tasks": ("hs_createdate", "hs_lastmodifieddate", "hs_object_id"),
    "notes": ("hs_createdate", "hs_lastmodifieddate", "hs_object_id"),
}
ENUMS: dict[tuple[str, str], frozenset[str]] = {
    ("contacts", "lifecyclestage"): frozenset({"subscriber", "lead", "marketingqualifiedlead", "salesqualifiedlead",
                                               "opportunity", "customer", "evangelist", "other"}),
    ("contacts", "hs_lead_status"): frozenset({"NEW", "OPEN", "IN_PROGRESS", "OPEN_DEAL", "UNQUALIFIED",
                                               "ATTEMPTED_TO_CONTACT", "CONNECTED", "BAD_TIMING"}),
    ("contacts", "hs_email_hard_bounce_reason_enum"): frozenset({
        "UNKNOWN_USER", "MAILBOX_FULL", "CONTENT", "SPAM", "POLICY", "GREYLISTING", "MAILBOX_MISCONFIGURATION",
        "ISP_MISCONFIGURATION", "DOMAIN_REPUTATION", "DMARC", "SENDING_DOMAIN_MISCONFIGURATION", "TIMEOUT",
        "THROTTLED", "UNCATEGORIZED", "IP_REPUTATION", "DNS_FAILURE", "TEMPORARY_PROBLEM", "OTHER"}),
    ("tasks", "hs_task_status"): frozenset({"NOT_STARTED", "IN_PROGRESS", "WAITING", "COMPLETED", "DEFERRED"}),
    ("tasks", "hs_task_priority"): frozenset({"NONE", "LOW", "MEDIUM", "HIGH"}),
    ("tasks", "hs_task_type"): frozenset({"EMAIL", "CALL", "TODO"}),
}
REQUIRED_ON_CREATE = {"tasks": ("hs_timestamp",), "notes": ("hs_timestamp",)}

# (from, to) -> HUBSPOT_DEFINED type ids; the first is the unlabeled default, then labelled ones
ASSOCIATION_TYPES: dict[tuple[str, str], list[tuple[int, str | None]]] = {
    ("contacts", "companies"): [(279, None), (1, "Primary")],
    ("companies", "contacts"): [(280, None), (2, "Primary")],
    ("contacts", "deals"): [(4, None)],
    ("deals", "contacts"): [(3, None)],
    ("deals", "companies"): [(341, None), (5, "Primary")],
    ("companies", "deals"): [(342, None), (6, "Primary")],
    ("tasks", "contacts"): [(204, None)],
    ("contacts", "tasks"): [(203, None)],
    ("tasks", "deals"): [(216, None)],
    ("deals", "tasks"): [(215, None)],
    ("tasks", "companies"): [(192, None)],
    ("companies", "tasks"): [(191, None)],
    ("notes", "contacts"): [(202, None)],
    ("contacts", "notes"): [(201, None)],
    ("notes", "deals"): [(214, None)],
    ("deals", "notes"): [(213, None)],
    ("notes", "companies"): [(190, None)],
    ("companies", "notes"): [(189, None)],
}


def object_type(name: str) -> str | None:
    """The plural object type a path segment names (None when unknown)."""
    low = name.lower()
    return low if low in OBJECT_TYPES else ALIASES.get(low)


def inverse_type(from_type: str, to_type: str, type_id: int) -> int | None:
    """The type id of the same association seen from the other side (HubSpot keeps both)."""
    fwd = ASSOCIATION_TYPES.get((from_type, to_type), [])
    back = ASSOCIATION_TYPES.get((to_type, from_type), [])
    for i, (tid, _label) in enumerate(fwd):
        if tid == type_id and i < len(back):
            return back[i][0]
    return None
