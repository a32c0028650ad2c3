"""`autoresponder calibrate`: measure each rule bucket's precision on the labelled sets and choose
the auto-write threshold from the precision curve (docs/classification.md "Calibrated confidence").

Sets (rules only, offline): every `labels.csv` folder under tests/fixtures/classify/, the v1
hold-out (tests/fixtures/classify_holdout, no longer independent), the development sets
(tests/fixtures/classify_dev and classify_dev2, tuned on), seeds/ (expected.csv) and the adversarial safety world
(built on the fly). The independent hold-outs v2 and v3 are never read here.

A decision is *right* when its determination is the label's. In the safety world, whose labels
say only whether an automatic write may follow, a decision counts when it could write on its
own (a write determination about the authenticated sender's own record): right when the case
expects that write, wrong when it expects none. The threshold is the lowest confidence at which
the writing decisions at or above it are at least `TARGET` precise, and never below `FLOOR`.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import tempfile
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

from autoresponder.classify.calibration import PRECISION_FILE, smoothed
from autoresponder.classify.engine import classify_message
from autoresponder.models import Classification
from autoresponder.safety.build_world import build_world

REPO = Path(__file__).resolve().parents[3]
WRITE_DETERMINATIONS = ("INACTIVE", "REPLACEMENT", "EMAIL_UPDATE", "TITLE_UPDATE")
_EXPECT = {"inactivate": ("INACTIVE", "REPLACEMENT"), "update_email": ("EMAIL_UPDATE",),
           "update_title": ("TITLE_UPDATE",), "none": ()}
# world classes whose trap is in the wording, so a write determination there is the classifier's error;
# the others (forged relays, hijacked addresses, lookalike or spoofed senders) may be classified right
# and are stopped by the identity, authentication and domain gates after classification
WORDING_TRAPS = ("transient_absence", "word_trap", "third_party", "quoted_news", "ambiguous_hedged",
                 "human_reply", "injection", "speaks_for_other")
TARGET = 0.995
# a bucket must have earned its confidence: with no miss, 0.9 needs at least 8 labelled decisions
FLOOR = 0.9


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8-sig") as fh:
        return [{k.strip(): (v or "").strip() for k, v in r.items() if k} for r in csv.DictReader(fh)]


def _label(r: dict[str, str]) -> str:
    # sets written before dev set 5 label a person's plain answer UNKNOWN `not_an_auto_reply`; DESIGN's ACTIVE is what
    # the rules say now (`classify.evaluate` counts the two as agreeing; here the label is read as ACTIVE)
    return "ACTIVE" if (r["label"], r.get("reason")) == ("UNKNOWN", "not_an_auto_reply") else r["label"]


def labelled_sets() -> Iterator[tuple[str, Path, str, str]]:
    """(set name, message path, label kind, label): kind `determination` or `expect`. The development sets only:
    the sealed hold-outs (v2 and later) are never read here."""
    for labels in sorted((REPO / "tests" / "fixtures" / "classify").glob("*/labels.csv")):
        for r in _rows(labels):
            yield labels.parent.name, labels.parent / r["file"], "determination", _label(r)
    for name, folder in (("holdout_v1", "classify_holdout"), ("dev", "classify_dev"), ("dev2", "classify_dev2"),
                         ("dev3", "classify_dev3"), ("dev4", "classify_dev4"), ("dev5", "classify_dev5")):
        labels = REPO / "tests" / "fixtures" / folder / "labels.csv"
        if labels.is_file():
            for r in _rows(labels):
                yield name, labels.parent / r["file"], "determination", _label(r)
    seeds = REPO / "seeds" / "expected.csv"
    if seeds.is_file():
        for r in _rows(seeds):
            if r.get("determination"):
                yield "seeds", seeds.parent / "emails" / r["file"], "determination", r["determination"]


def world_cases(root: Path) -> Iterator[tuple[str, Path, str, str]]:
    out = build_world(root)
    for r in _rows(out / "expected.csv"):
        if r["expect"] != "none" or r["cls"] in WORDING_TRAPS:
            yield "safety_world", out / "emails" / r["file"], "expect", r["expect"]


def _verdict(kind: str, label: str, c: Classification) -> bool | None:
    """True right, False wrong, None not counted."""
    if kind == "determination":
        if label in ("NOT_BOUNCE", "AUTO_REPLY"):
            return c.determination != "BOUNCE"
        if c.determination in WRITE_DETERMINATIONS and (not c.identity_ok or c.sender_auth == "fail"):
            return None  # cannot write on its own: the identity or authentication gate holds it
        if {c.determination, label} == {"INACTIVE", "REPLACEMENT"}:
            # the same automatic write (the original marked inactive; alternates go to manual research, and dbt
            # never creates one on a foreign domain): a label convention, not a wrong write
            return True
        return c.determination == label
    if c.determination not in WRITE_DETERMINATIONS or not c.identity_ok or c.sender_auth == "fail":
        return None  # cannot write on its own: the identity or authentication gate holds it
    return c.determination in _EXPECT.get(label, ())


def measure() -> dict:
    buckets: dict[str, dict[str, int]] = defaultdict(lambda: {"n": 0, "right": 0})
    writing: list[tuple[str, bool]] = []
    sets: dict[str, int] = defaultdict(int)
    misses: list[dict] = []
    with tempfile.TemporaryDirectory() as tmp:
        cases = [*labelled_sets(), *world_cases(Path(tmp) / "world")]
        for name, path, kind, label in cases:
            if not path.is_file():
                continue
            c = classify_message(path.read_bytes(), path=str(path))
            ok = _verdict(kind, label, c)
            if ok is None or not c.rule or c.determination == "UNKNOWN":
                continue
            sets[name] += 1
            buckets[c.rule]["n"] += 1
            buckets[c.rule]["right"] += ok
            if not ok:
                misses.append({"set": name, "file": path.name, "label": label, "got": c.determination,
                               "rule": c.rule})
            if c.determination in WRITE_DETERMINATIONS:
                writing.append((c.rule, ok))
    conf = {b: round(smoothed(v["right"], v["n"]), 3) for b, v in buckets.items()}
    curve = []
    for t in sorted({round(conf[r], 3) for r, _ in writing}):
        kept = [ok for r, ok in writing if conf[r] >= t - 1e-9]
        curve.append({"threshold": t, "writing_decisions": len(kept),
                      "precision": round(sum(kept) / len(kept), 4) if kept else None})
    good = [p["threshold"] for p in curve if p["precision"] is not None and p["precision"] >= TARGET]
    return {
        "target_precision": TARGET,
        "threshold": max(min(good), FLOOR) if good else 1.0,
        "buckets": {b: {"n": v["n"], "right": v["right"], "confidence": round(conf[b], 3)}
                    for b, v in sorted(buckets.items())},
        "curve": curve,
        "decisions_by_set": dict(sorted(sets.items())),
        "misses": misses,
    }


def calibrate_main(args: argparse.Namespace) -> int:
    """Print the measurement as JSON; with --write, store it as classify/rules/precision.json."""
    result = measure()
    if getattr(args, "write", False):
        PRECISION_FILE.write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    json.dump(result, sys.stdout, indent=1, ensure_ascii=False)
    sys.stdout.write("\n")
    return 0
