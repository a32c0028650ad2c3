"""Field metadata of the emulated org: what `describe` returns and what the store keeps.

Only the objects the pipeline syncs (DESIGN §2: Contact, Lead, Account, User, Task, Event,
TaskWhoRelation, Opportunity, OpportunityContactRole) exist. Each field has the describe keys real clients read: name, type,
length, nillable, createable, updateable, custom, referenceTo, picklistValues.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

KEY_PREFIXES = {
    "Account": "001",
    "Contact": "003",
    "Lead": "00Q",
    "Task": "00T",
    "Event": "00U",
    "User": "005",
    "TaskWhoRelation": "0RT",
    "Opportunity": "006",
    "OpportunityContactRole": "00K",
}
# Task.WhatId (Related To) points at these; a Lead WhoId allows no WhatId (FIELD_INTEGRITY_EXCEPTION)
WHAT_OBJECTS = ("Account", "Opportunity")
OPPORTUNITY_STAGES = ("Prospecting", "Qualification", "Needs Analysis", "Proposal/Price Quote",
                      "Negotiation/Review", "Closed Won", "Closed Lost")
CLOSED_STAGES = ("Closed Won", "Closed Lost")
PREFIX_TO_OBJECT = {v: k for k, v in KEY_PREFIXES.items()}

SOAP_TYPES = {
    "id": "tns:ID",
    "reference": "tns:ID",
    "boolean": "xsd:boolean",
    "datetime": "xsd:dateTime",
    "date": "xsd:date",
    "double": "xsd:double",
    "currency": "xsd:double",
    "percent": "xsd:double",
    "int": "xsd:int",
    "address": "urn:address",
}


@dataclass
class FieldSpec:
    """One field of an sObject as `describe` reports it."""

    name: str
    type: str = "string"
    length: int = 0
    nillable: bool = True
    createable: bool = True
    updateable: bool = True
    custom: bool = False
    label: str | None = None
    reference_to: tuple[str, ...] = ()
    picklist: tuple[str, ...] = ()
    restricted_picklist: bool = False
    default: Any = None
    compound: bool = False

    def describe(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "label": self.label or self.name.replace("__c", "").replace("_", " "),
            "type": self.type,
            "soapType": SOAP_TYPES.get(self.type, "xsd:string"),
            "length": self.length,
            "byteLength": self.length * 3,
            "precision": 18 if self.type in ("double", "currency", "percent") else 0,
            "scale": 2 if self.type in ("currency", "percent") else 0,
            "digits": 9 if self.type == "int" else 0,
            "nillable": self.nillable,
            "createable": self.createable,
            "updateable": self.updateable,
            "custom": self.custom,
            "calculated": False,
            "idLookup": self.name in ("Id", "Email", "Name"),
            "filterable": not self.compound,
            "sortable": not self.compound,
            "unique": self.name == "Id",
            "defaultedOnCreate": self.default is not None or self.name in _SYSTEM_FIELDS,
            "referenceTo": list(self.reference_to),
            "relationshipName": self.name[:-2] if self.type == "reference" and self.name.endswith("Id") else None,
            "restrictedPicklist": self.restricted_picklist,
            "picklistValues": [
                {"value": v, "label": v, "active": True, "defaultValue": v == self.default, "validFor": None}
                for v in self.picklist
            ],
            "compoundFieldName": None,
            "externalId": False,
            "autoNumber": False,
            "htmlFormatted": False,
        }


_SYSTEM_FIELDS = ("Id", "IsDeleted", "CreatedDate", "CreatedById", "LastModifiedDate", "LastModifiedById",
                  "SystemModstamp")


def _system() -> list[FieldSpec]:
    ro = {"createable": False, "updateable": False, "nillable": False}
    return [
        FieldSpec("Id", "id", 18, **ro),
        FieldSpec("IsDeleted", "boolean", **ro),
        FieldSpec("CreatedDate", "datetime", **ro),
        FieldSpec("CreatedById", "reference", 18, reference_to=("User",), **ro),
        FieldSpec("LastModifiedDate", "datetime", **ro),
        FieldSpec("LastModifiedById", "reference", 18, reference_to=("User",), **ro),
        FieldSpec("SystemModstamp", "datetime", **ro),
    ]


def _owner() -> FieldSpec:
    return FieldSpec("OwnerId", "reference", 18, reference_to=("User",), nillable=False, default="005000000000001AAA")


def default_objects() -> dict[str, list[FieldSpec]]:
    """The field lists of every emulated object (a fresh copy: orgs may add fields)."""
    ro_name = {"createable": False, "updateable": False}
    return {
        "Account": _system() + [
            _owner(),
            FieldSpec("Name", "string", 255, nillable=False),
            FieldSpec("Website", "url", 255),
            FieldSpec("Phone", "phone", 40),
            FieldSpec("Industry", "picklist", 255, picklist=("Banking", "Consulting", "Technology", "Other")),
            FieldSpec("AnnualRevenue", "currency"),
            FieldSpec("NumberOfEmployees", "int"),
            FieldSpec("BillingAddress", "address", compound=True, createable=False, updateable=False),
        ],
        "Contact": _system() + [
            _owner(),
            FieldSpec("AccountId", "reference", 18, reference_to=("Account",)),
            FieldSpec("FirstName", "string", 40),
            FieldSpec("LastName", "string", 80, nillable=False),
            FieldSpec("Name", "string", 121, **ro_name),
            FieldSpec("Email", "email", 80),
            FieldSpec("Title", "string", 128),
            FieldSpec("Phone", "phone", 40),
            FieldSpec("HasOptedOutOfEmail", "boolean", nillable=False, default=False),
            FieldSpec("Birthdate", "date"),
            FieldSpec("MailingAddress", "address", compound=True, createable=False, updateable=False),
            FieldSpec("Contact_Status__c", "picklist", 255, custom=True, label="Contact Status",
                      picklist=("Active", "Inactive"), restricted_picklist=True),
            *_bounce_fields(),
        ],
        "Lead": _system() + [
            _owner(),
            FieldSpec("FirstName", "string", 40),
            FieldSpec("LastName", "string", 80, nillable=False),
            FieldSpec("Name", "string", 121, **ro_name),
            FieldSpec("Email", "email", 80),
            FieldSpec("Title", "string", 128),
            FieldSpec("Company", "string", 255, nillable=False),
            FieldSpec("Phone", "phone", 40),
            FieldSpec("Status", "picklist", 255, nillable=False, default="Open - Not Contacted",
                      picklist=("Open - Not Contacted", "Working - Contacted", "Closed - Converted",
                                "Closed - Not Converted", "Disqualified", "Inactive")),
            FieldSpec("IsConverted", "boolean", nillable=False, default=False, updateable=False),
            FieldSpec("Address", "address", compound=True, createable=False, updateable=False),
            *_bounce_fields(),
        ],
        "User": _system() + [
            FieldSpec("Username", "string", 80, nillable=False),
            FieldSpec("FirstName", "string", 40),
            FieldSpec("LastName", "string", 80, nillable=False),
            FieldSpec("Name", "string", 121, **ro_name),
            FieldSpec("Email", "email", 128, nillable=False),
            FieldSpec("IsActive", "boolean", nillable=False, default=True),
            FieldSpec("Address", "address", compound=True, createable=False, updateable=False),
        ],
        "Task": _system() + [
            _owner(),
            FieldSpec("WhoId", "reference", 18, reference_to=("Contact", "Lead")),
            FieldSpec("WhatId", "reference", 18, reference_to=WHAT_OBJECTS),
            FieldSpec("Subject", "combobox", 255),
            FieldSpec("Status", "picklist", 255, nillable=False, default="Not Started",
                      picklist=("Not Started", "In Progress", "Completed")),
            FieldSpec("Priority", "picklist", 40, nillable=False, default="Normal",
                      picklist=("High", "Normal", "Low")),
            FieldSpec("ActivityDate", "date"),
            FieldSpec("Description", "textarea", 32000),
            FieldSpec("IsClosed", "boolean", nillable=False, default=False, createable=False, updateable=False),
        ],
        "Event": _system() + [
            _owner(),
            FieldSpec("WhoId", "reference", 18, reference_to=("Contact", "Lead")),
            FieldSpec("WhatId", "reference", 18, reference_to=WHAT_OBJECTS),
            FieldSpec("Subject", "combobox", 255),
            FieldSpec("StartDateTime", "datetime"),
            FieldSpec("EndDateTime", "datetime"),
            FieldSpec("DurationInMinutes", "int"),
            FieldSpec("ActivityDate", "date"),
        ],
        "TaskWhoRelation": _system() + [
            FieldSpec("TaskId", "reference", 18, reference_to=("Task",), createable=False, updateable=False),
            FieldSpec("RelationId", "reference", 18, reference_to=("Contact", "Lead"), createable=False,
                      updateable=False),
            FieldSpec("Type", "string", 255, createable=False, updateable=False),
        ],
        "Opportunity": _system() + [
            _owner(),
            FieldSpec("AccountId", "reference", 18, reference_to=("Account",)),
            FieldSpec("Name", "string", 120, nillable=False),
            FieldSpec("StageName", "picklist", 255, nillable=False, picklist=OPPORTUNITY_STAGES),
            FieldSpec("CloseDate", "date", nillable=False),
            FieldSpec("Amount", "currency"),
            # derived from StageName by the org, as in Salesforce (read-only)
            FieldSpec("IsClosed", "boolean", nillable=False, default=False, createable=False, updateable=False),
            FieldSpec("IsWon", "boolean", nillable=False, default=False, createable=False, updateable=False),
        ],
        "OpportunityContactRole": _system() + [
            # required and fixed after create, as in Salesforce
            FieldSpec("OpportunityId", "reference", 18, reference_to=("Opportunity",), nillable=False,
                      updateable=False),
            FieldSpec("ContactId", "reference", 18, reference_to=("Contact",)),
            FieldSpec("IsPrimary", "boolean", nillable=False, default=False),
            FieldSpec("Role", "picklist", 255, picklist=("Business User", "Decision Maker", "Economic Buyer",
                                                         "Evaluator", "Influencer", "Other")),
        ],
    }


def _bounce_fields() -> list[FieldSpec]:
    """Where Salesforce users see a hard bounce (Contact and Lead: datetime, string(255))."""
    return [FieldSpec("EmailBouncedDate", "datetime", label="Email Bounced Date"),
            FieldSpec("EmailBouncedReason", "string", 255, label="Email Bounced Reason")]


def sobject_describe(name: str, fields: list[FieldSpec], version: str) -> dict[str, Any]:
    """The body of `GET sobjects/<name>/describe`."""
    base = f"/services/data/v{version}/sobjects/{name}"
    return {
        "name": name,
        "label": name,
        "labelPlural": name + "s",
        "keyPrefix": KEY_PREFIXES[name],
        "custom": False,
        "queryable": True,
        "createable": name != "TaskWhoRelation",
        "updateable": name != "TaskWhoRelation",
        "deletable": name != "TaskWhoRelation",
        "searchable": True,
        "replicateable": True,
        "retrieveable": True,
        "urls": {"sobject": base, "describe": base + "/describe", "rowTemplate": base + "/{ID}"},
        "fields": [f.describe() for f in fields],
        "childRelationships": [],
        "recordTypeInfos": [],
    }


@dataclass
class ObjectMeta:
    """An sObject's fields, looked up case-insensitively (SOQL names are case-insensitive)."""

    name: str
    fields: list[FieldSpec] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.by_lower = {f.name.lower(): f for f in self.fields}

    def add(self, spec: FieldSpec) -> None:
        self.fields.append(spec)
        self.by_lower[spec.name.lower()] = spec

    def get(self, name: str) -> FieldSpec | None:
        return self.by_lower.get(name.lower())


MIN_API_VERSION = 20
MAX_API_VERSION = 62  # Winter '25


def _release(v: int) -> str:
    season = ("Winter", "Spring", "Summer")[(v - 59) % 3]
    return f"{season} '{24 + (v - 59) // 3:02d}"


RELEASES = {f"{v}.0": _release(v) for v in range(MIN_API_VERSION, 100)}


def api_versions(org_version: str = "59.0") -> list[str]:
    """The versions `GET /services/data/` lists (oldest first, as Salesforce does)."""
    top = max(MAX_API_VERSION, int(float(org_version)))
    return [f"{v}.0" for v in range(MIN_API_VERSION, top + 1)]


def global_entry(name: str, version: str) -> dict[str, Any]:
    """One `sobjects` entry of `GET sobjects` (describeGlobal): the object's flags and urls, no fields."""
    d = sobject_describe(name, [], version)
    writable = name != "TaskWhoRelation"
    return {
        "activateable": False, "associateEntityType": None, "associateParentEntity": None,
        "createable": d["createable"], "custom": False, "customSetting": False, "deepCloneable": False,
        "deletable": d["deletable"], "deprecatedAndHidden": False, "feedEnabled": False, "hasSubtypes": False,
        "isInterface": False, "isSubtype": False, "keyPrefix": d["keyPrefix"], "label": d["label"],
        "labelPlural": d["labelPlural"], "layoutable": writable, "mergeable": name in ("Account", "Contact", "Lead"),
        "mruEnabled": writable, "name": name, "queryable": True, "replicateable": True, "retrieveable": True,
        "searchable": True, "triggerable": writable, "undeletable": writable, "updateable": d["updateable"],
        "urls": {**d["urls"], **({"layouts": d["urls"]["sobject"] + "/describe/layouts"} if writable else {})},
    }
