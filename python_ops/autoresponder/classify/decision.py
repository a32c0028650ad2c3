"""What one rule (or the LLM) concludes about a message, before post-processing."""

from __future__ import annotations

from dataclasses import dataclass, field

from autoresponder.models import Bounce, Replacement


@dataclass
class Decision:
    """A determination with its evidence; `departure` records left/retired/... language."""

    determination: str
    reason: str | None
    category: str
    confidence: float
    evidence: str
    method: str = "rules"
    bounce: Bounce | None = None
    bounces: list[Bounce] = field(default_factory=list)  # every failed recipient; bounce is the first
    new_email: str | None = None
    new_title: str | None = None
    new_org: str | None = None
    replacements: list[Replacement] = field(default_factory=list)
    return_date: str | None = None
    departure: str | None = None  # left | retired | deceased | moved_to_other_org
    person_email: str | None = None  # an address the text names as the person's own
    rule: str = ""  # detector/bucket that settled it ("departure/self"), the calibration key
    speaks_for: str | None = None  # an address the reply says it is written for, other than its From
    qa_agreed: bool | None = None  # LLM decisions: whether the QA pass agreed (None for rules)
