"""Calibrated confidence: each rule bucket's precision measured on the project's labelled sets.

`rules/precision.json` holds, per bucket (`Decision.rule`, e.g. `departure/self`), how many
labelled messages it decided and how many of those were right, measured by
`autoresponder calibrate` (docs/classification.md "Calibrated confidence"). A decision's
confidence is the bucket's smoothed precision `(right + 1) / (n + 2)` (Laplace), so a bucket
seen rarely can never look certain. An unmeasured bucket falls back to its detector
(`departure/*`), then to `UNMEASURED`. LLM answers carry the model's own confidence, capped
by the measured precision of the LLM bucket when there is one; a QA disagreement is never
certain (dbt sends it to review, LOW_CONFIDENCE).

The labelled sets used: tests/fixtures/classify/*, tests/fixtures/classify_holdout (v1, no
longer independent), tests/fixtures/classify_dev (the development set), seeds/ and the
adversarial safety world. The independent hold-out
(tests/fixtures/classify_holdout_v2) is never used here.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

PRECISION_FILE = Path(__file__).parent / "rules" / "precision.json"
UNMEASURED = 0.5
# the dbt gate's default (`min_auto_confidence`), chosen from the measured curve in precision.json
DEFAULT_THRESHOLD = 0.9


@lru_cache(maxsize=1)
def table() -> dict:
    try:
        return json.loads(PRECISION_FILE.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {"buckets": {}}


def smoothed(right: int, n: int) -> float:
    return (right + 1) / (n + 2)


def confidence_for(rule: str | None, llm_confidence: float | None = None) -> float:
    """The calibrated confidence of a decision settled by `rule`."""
    buckets = table().get("buckets", {})
    measured = None
    if rule and rule in buckets:
        measured = smoothed(buckets[rule]["right"], buckets[rule]["n"])
    elif rule:
        family = [b for k, b in buckets.items() if k.split("/")[0] == rule.split("/")[0]]
        if family:
            measured = smoothed(sum(b["right"] for b in family), sum(b["n"] for b in family))
    if rule and rule.startswith("llm/"):
        own = llm_confidence if llm_confidence is not None else UNMEASURED
        if rule == "llm/qa_disagreed":
            own = min(own, UNMEASURED)
        return round(min(own, measured) if measured is not None else own, 3)
    return round(measured if measured is not None else UNMEASURED, 3)


def threshold() -> float:
    """The threshold chosen by the last calibration (else the default)."""
    return float(table().get("threshold", DEFAULT_THRESHOLD))
