"""`autoresponder eval-safety`: run the real chain (land → classify → dbt → plan) on the adversarial
safety world and say which automatic writes it would make (DESIGN §12).

Every case of `world_cases` states what may follow: `none` (no automatic write of any kind), or
the one automatic write a true reply must still make (`inactivate`, `update_email`,
`update_title`). Figures printed as JSON:

* `false_auto_writes`: `none` cases with at least one row gated `auto` in `marts.fct_actions`;
* `auto_precision`: of the cases with any `auto` row, the share whose rows are exactly what the case
  expects, on the person it names;
* `departure_recall` / `update_recall`: true cases that still get their automatic write;
* per class and per language, and the list of wrong cases with their rows.

Rules only (no LLM): what the rules leave open is UNKNOWN and writes nothing.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import duckdb

from autoresponder.config import Settings
from autoresponder.connections import open_systems
from autoresponder.pipeline import run_pipeline
from autoresponder.run import RunContext
from autoresponder.safety.build_world import build_world

AS_OF = "2026-11-25"
_CASE_OF = re.compile(r"^[0-9a-f]{16}\.([^@]+)@")


def _expected(root: Path) -> dict[str, dict[str, str]]:
    with (root / "expected.csv").open(newline="", encoding="utf-8") as fh:
        return {r["case_id"]: r for r in csv.DictReader(fh)}


def _is_expected_write(case: dict[str, str], row: dict[str, Any]) -> bool:
    payload = json.loads(row["payload"] or "{}")
    if row["lookup_email"] != case["person_email"].lower():
        return False
    if case["expect"] == "inactivate":
        return row["action"] in ("mark_inactive", "suppress")
    if case["expect"] == "update_email":
        value = (payload.get("email") or payload.get("Email") or "").lower()
        return row["action"] in ("update_email", "update_title") and value in ("", case["new_value"].lower())
    if case["expect"] == "update_title":
        value = payload.get("position") or payload.get("Title") or payload.get("title") or ""
        return row["action"] in ("update_title", "update_email") and value.lower() in ("", case["new_value"].lower())
    return False


def score(cases: dict[str, dict[str, str]], auto_rows: list[dict[str, Any]]) -> dict[str, Any]:
    """The figures above from the world's expectations and the plan's `auto` rows."""
    by_case: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in auto_rows:
        m = _CASE_OF.match(r["message_id"] or "")
        if m and m.group(1) in cases:
            by_case[m.group(1)].append(r)
    false_auto, right_auto, wrong = [], 0, []
    recall: dict[str, Counter] = defaultdict(Counter)
    per_class: dict[str, Counter] = defaultdict(Counter)
    per_lang: dict[str, Counter] = defaultdict(Counter)
    for cid, case in sorted(cases.items()):
        rows = by_case.get(cid, [])
        per_class[case["cls"]]["cases"] += 1
        per_lang[case["lang"]]["cases"] += 1
        ok_rows = [r for r in rows if _is_expected_write(case, r)] if case["expect"] != "none" else []
        if case["expect"] == "none":
            if rows:
                false_auto.append(cid)
                per_class[case["cls"]]["false_auto"] += 1
                per_lang[case["lang"]]["false_auto"] += 1
                wrong.append({"case": cid, "rows": [(r["system"], r["action"], r["lookup_email"]) for r in rows]})
            continue
        key = "departure" if case["expect"] == "inactivate" else "update"
        recall[key]["n"] += 1
        written = bool(ok_rows) and len(ok_rows) == len(rows)
        cupola_ok = any(r["system"] == "cupola" for r in ok_rows) or case["expect"] != "inactivate"
        if rows:
            if written:
                right_auto += 1
            else:
                wrong.append({"case": cid, "rows": [(r["system"], r["action"], r["lookup_email"]) for r in rows]})
        if written and cupola_ok:
            recall[key]["written"] += 1
            per_class[case["cls"]]["written"] += 1
    with_auto = len(false_auto) + sum(1 for cid, c in cases.items() if c["expect"] != "none" and by_case.get(cid))

    def ratio(a: int, b: int) -> float | None:
        return round(a / b, 4) if b else None

    return {
        "cases": len(cases),
        "expect_none": sum(1 for c in cases.values() if c["expect"] == "none"),
        "false_auto_writes": len(false_auto),
        "auto_precision": ratio(right_auto, with_auto),
        "departure_recall": ratio(recall["departure"]["written"], recall["departure"]["n"]),
        "update_recall": ratio(recall["update"]["written"], recall["update"]["n"]),
        "by_class": {k: dict(v) for k, v in sorted(per_class.items())},
        "by_language": {k: dict(v) for k, v in sorted(per_lang.items())},
        "wrong": wrong,
    }


def run_world(workdir: Path) -> dict[str, Any]:
    """Build the world under `workdir`, run the chain in plan mode on it, and score it."""
    sources = build_world(workdir / "sources")
    settings = Settings(sources_dir=sources, warehouse=workdir / "warehouse.duckdb", runs_dir=workdir / "runs",
                        as_of=AS_OF, mode="plan", llm_enabled=False,
                        # the world puts most of its people at stake on purpose; the run-level brake on the share
                        # deactivated (DESIGN §10, tested on its own) would stop the run before anything is scored
                        max_deactivation_share=1.0)
    ctx = RunContext.create(settings)
    with open_systems(settings, sources, ctx.warehouse) as systems:
        run_pipeline(ctx, systems)
    conn = duckdb.connect(str(ctx.warehouse))
    try:
        cur = conn.execute("select message_id, system, object, record_id, action, payload, lookup_email "
                           "from marts.fct_actions where gate = 'auto'")
        cols = [d[0] for d in cur.description]
        rows = [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]
    finally:
        conn.close()
    return score(_expected(sources), rows)


def eval_safety_main(args: argparse.Namespace) -> int:
    """Print the safety figures as JSON (the run's folder is kept only with --keep DIR)."""
    keep = getattr(args, "keep", None)
    if keep:
        result = run_world(Path(keep))
    else:
        with tempfile.TemporaryDirectory() as tmp:
            result = run_world(Path(tmp))
    json.dump(result, sys.stdout, indent=1, ensure_ascii=False)
    sys.stdout.write("\n")
    return 0 if result["false_auto_writes"] == 0 else 1
