"""Records shared between stages: a classified reply, a planned write and its outcome.

These are the contracts between landing, classification, the dbt action table and the
executor (DESIGN §4, §11, §12). They are frozen dataclasses so a stage cannot mutate
another stage's record by accident.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields
from typing import Any

DETERMINATIONS = (
    "ACTIVE",
    "INACTIVE",
    "EMAIL_UPDATE",
    "TITLE_UPDATE",
    "REPLACEMENT",
    "BOUNCE",
    "OUT_OF_OFFICE",
    "UNKNOWN",
)
INACTIVE_REASONS = ("left", "retired", "deceased", "moved_to_other_org")


@dataclass(frozen=True)
class Replacement:
    """An alternate contact named in a reply ("please contact X at x@...")."""

    name: str | None = None
    email: str | None = None
    title: str | None = None


@dataclass(frozen=True)
class Bounce:
    """Delivery-failure details (RFC 3464 fields or their best equivalent)."""

    kind: str | None = None  # hard | soft
    status: str | None = None  # enhanced status code, e.g. 5.1.1
    diagnostic: str | None = None  # the remote server's own text
    recipient: str | None = None  # Final-Recipient / Original-Recipient
    reason: str | None = None  # sisimai's vocabulary: userunknown, mailboxfull, filtered, ...

    def to_dict(self) -> dict[str, Any]:
        return {"recipient": self.recipient, "kind": self.kind, "reason": self.reason, "status": self.status,
                "diagnostic": self.diagnostic}


@dataclass(frozen=True)
class Classification:
    """The result of classifying one message (the `classify` fields of DESIGN §12)."""

    message_id: str
    determination: str
    reason: str | None = None
    category: str | None = None
    confidence: float = 0.0
    method: str = "rules"  # rules | llm | llm_qa | none
    source_email: str | None = None
    new_email: str | None = None
    new_title: str | None = None
    new_org: str | None = None
    replacements: tuple[Replacement, ...] = ()
    return_date: str | None = None  # ISO date
    bounce: Bounce | None = None  # the first failed recipient (kept for compatibility)
    evidence: str | None = None
    path: str | None = None
    rule: str | None = None  # calibration bucket that settled it ("departure/self", "llm/qa_agreed")
    identity_basis: str | None = None  # from | dsn | quoted | text | none: how the person was named
    identity_ok: bool = False  # a write about source_email may follow (DESIGN §5 IDENTITY_MISMATCH)
    speaks_for: str | None = None  # the reply says it is written for this other address
    sender_auth: str = "none"  # pass | fail | none under the trusted authserv-id policy (DESIGN §10)
    qa_agreed: bool | None = None  # LLM decisions: the QA pass agreed
    bounces: tuple[Bounce, ...] = ()  # every failed recipient of the report, in report order

    def __post_init__(self) -> None:
        if self.bounce is not None and not self.bounces:
            object.__setattr__(self, "bounces", (self.bounce,))

    def to_dict(self) -> dict[str, Any]:
        # field by field: `asdict` deep-copies every value (a sixth of `classify --offline` on real bounces)
        d = {name: getattr(self, name) for name in _CLASSIFICATION_FIELDS}
        d["replacements"] = [{"name": r.name, "email": r.email, "title": r.title} for r in self.replacements]
        if self.bounce is not None:
            d["bounce"] = {name: getattr(self.bounce, name) for name in _BOUNCE_FIELDS}
        d["bounces"] = [b.to_dict() for b in self.bounces]
        return d

    def to_row(self) -> dict[str, Any]:
        """Flat row for the `classified_messages` table."""
        b = self.bounce or Bounce()
        return {
            "message_id": self.message_id,
            "determination": self.determination,
            "reason": self.reason,
            "category": self.category,
            "confidence": float(self.confidence),
            "method": self.method,
            "source_email": self.source_email,
            "new_email": self.new_email,
            "new_title": self.new_title,
            "new_org": self.new_org,
            "replacements": json.dumps([asdict(r) for r in self.replacements]),
            "return_date": self.return_date,
            "bounce_kind": b.kind,
            "bounce_status": b.status,
            "bounce_diagnostic": b.diagnostic,
            "bounce_recipient": b.recipient,
            "bounce_reason": b.reason,
            "bounces": json.dumps([x.to_dict() for x in self.bounces]) if self.bounces else None,
            "evidence": self.evidence,
            "rule": self.rule,
            "identity_basis": self.identity_basis,
            "identity_ok": bool(self.identity_ok),
            "speaks_for": self.speaks_for,
            "sender_auth": self.sender_auth,
            "qa_agreed": self.qa_agreed,
        }


_CLASSIFICATION_FIELDS = tuple(f.name for f in fields(Classification))
_BOUNCE_FIELDS = tuple(f.name for f in fields(Bounce))


@dataclass(frozen=True)
class PlannedWrite:
    """One `gate = 'auto'` row of `marts.fct_actions`, ready for a system writer."""

    run_id: str
    message_id: str
    system: str
    object: str
    record_id: str | None
    action: str
    payload: dict[str, Any]
    prior: dict[str, Any]
    idempotency_key: str
    determination: str | None = None
    reason: str | None = None
    lookup_email: str | None = None
    opportunity_id: str | None = None  # Salesforce: the Task's WhatId (the Opportunity the thread maps to)


@dataclass
class WriteOutcome:
    """What a system writer reports for one planned write.

    status: succeeded | failed_retriable | failed_terminal | skipped_noop | skipped_conflict
    """

    idempotency_key: str
    status: str
    remote_id: str | None = None
    message: str | None = None
    attempts: int = 1
    observed: dict[str, Any] = field(default_factory=dict)
