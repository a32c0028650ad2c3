"""Per-run documents and an honest impact report (issue 9 item 6, DESIGN §8), through the real chain.

Three runs share one warehouse and the same emulators: run A lands seed files 01–25, run B the
rest (with the duplicate pair, the two parse errors, and a copy of an already landed file), run C
finds nothing new.
"""

from __future__ import annotations

import csv
import json
import shutil
from contextlib import ExitStack
from pathlib import Path
from types import SimpleNamespace

import duckdb
import pytest

from autoresponder.config import Settings
from autoresponder.connections import open_systems
from autoresponder.pipeline import connect_warehouse, land, run_pipeline
from autoresponder.report.run_folder import DOCUMENTS
from autoresponder.run import RunContext
from tests.conftest import SEEDS
from tests.integration.chain import start_chain

DOCUMENT_FILES = [f"{stem}.csv" for _, stem, _ in DOCUMENTS] + ["classifier_output.csv"]


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("per_run")
    sources = root / "sources"
    shutil.copytree(SEEDS, sources)
    emails = sources / "emails"
    held = root / "held"
    held.mkdir()
    for p in sorted(emails.iterdir()):
        if p.name[:2] >= "26":
            p.rename(held / p.name)
    a = start_chain(sources, root)
    try:
        for p in sorted(held.iterdir()):
            p.rename(emails / p.name)
        shutil.copy(emails / "06_inactive_left_all_systems.eml", emails / "40_copy_of_06.eml")
        b = RunContext.create(a.ctx.settings)
        b_impact = run_pipeline(b, a.systems)
        c = RunContext.create(a.ctx.settings)
        c_impact = run_pipeline(c, a.systems)
        yield SimpleNamespace(chain=a, a=a.ctx, a_impact=a.impact, b=b, b_impact=b_impact, c=c, c_impact=c_impact)
    finally:
        a.stack.close()


def _csv(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        return list(reader.fieldnames or []), list(reader)


def _landed(runs, ctx: RunContext) -> set[str]:
    return {r["message_id"] for r in runs.chain.query(
        "select message_id from raw.emails where landed_run_id = ?", [ctx.run_id])}


def test_run_ids_are_distinct(runs) -> None:
    assert len({runs.a.run_id, runs.b.run_id, runs.c.run_id}) == 3


def test_a_run_with_nothing_new_writes_documents_with_headers_only(runs) -> None:
    for name in DOCUMENT_FILES:
        cols, rows = _csv(runs.c.run_dir / name)
        assert cols, f"{name}: no header"
        assert rows == [], f"{name}: {len(rows)} rows in a run with nothing new"
    assert "run_id" in _csv(runs.c.run_dir / "marketing_suppression.csv")[0]
    assert json.loads((runs.c.run_dir / "processing_report_master.json").read_text()) == []
    assert json.loads((runs.c.run_dir / "classifier_output.json").read_text()) == []
    assert _csv(runs.c.run_dir / "write_log.csv")[1] == []


def test_a_run_with_nothing_new_reports_nothing_landed_and_no_writes(runs) -> None:
    i = runs.c_impact
    assert (i["landed_this_run"], i["total_processed"], i["planned_auto_writes"]) == (0, 0, 0)
    assert i["writes_total"] == {"succeeded": 0, "queued": 0, "failed": 0, "skipped": 0, "pending": 0}
    assert (i["records_deactivated"], i["new_records_added"], i["records_updated"]) == (0, 0, 0)
    assert i["by_determination"] == {} and i["by_outcome"] == {} and i["review_reasons"] == {}
    assert i["parse_errors"] == [] and i["duplicates"] == []
    md = (runs.c.run_dir / "impact_report.md").read_text()
    assert "**Messages landed this run:** 0" in md and "_no writes this run_" in md


def test_each_run_reports_its_own_figures(runs) -> None:
    assert runs.a_impact["landed_this_run"] == runs.a_impact["total_processed"] == 25
    assert runs.b_impact["landed_this_run"] == runs.b_impact["total_processed"] == 7  # 26–33 less the duplicate
    for impact in (runs.a_impact, runs.b_impact):
        assert sum(impact["by_outcome"].values()) == impact["total_processed"]
        assert sum(impact["by_determination"].values()) == impact["total_processed"]
    assert runs.a_impact["writes_total"]["succeeded"] > 0


def test_parse_errors_and_duplicates_are_listed_with_their_files(runs) -> None:
    b = runs.b_impact
    errors = {Path(e["file"]).name: e["reason"] for e in b["parse_errors"]}
    assert set(errors) == {"30_malformed_mime_broken_boundary.eml", "31_empty_file.eml"}
    assert errors["31_empty_file.eml"] == "empty file" and errors["30_malformed_mime_broken_boundary.eml"]
    dups = {Path(d["file"]).name: Path(d["duplicate_of_file"]).name for d in b["duplicates"]}
    assert dups == {"29_duplicate_message_id_b.eml": "28_duplicate_message_id_a.eml",
                    "40_copy_of_06.eml": "06_inactive_left_all_systems.eml"}  # the original landed in run A
    assert (b["parse_error_count"], b["duplicate_count"]) == (2, 2)
    md = (runs.b.run_dir / "impact_report.md").read_text()
    for name in (*errors, *dups):
        assert name in md
    assert runs.a_impact["parse_errors"] == [] and runs.a_impact["duplicates"] == []
    assert runs.c_impact["duplicates"] == []  # a duplicate is listed by the run that met it, once


def test_the_suppression_file_has_one_row_per_email(runs) -> None:
    for ctx in (runs.a, runs.b):
        _, rows = _csv(ctx.run_dir / "marketing_suppression.csv")
        emails = [r["email"] for r in rows]
        assert len(emails) == len(set(emails)), emails
        assert {r["run_id"] for r in rows} <= {ctx.run_id}
    assert _csv(runs.a.run_dir / "marketing_suppression.csv")[1]
    dup = runs.chain.query("select run_id, email, count(*) as n from marts.marketing_suppression "
                           "group by 1, 2 having count(*) > 1")
    assert dup == []


def test_documents_of_each_run_hold_only_that_runs_messages(runs) -> None:
    landed = {"a": _landed(runs, runs.a), "b": _landed(runs, runs.b)}
    assert landed["a"] and landed["b"] and not landed["a"] & landed["b"]
    for key, ctx in (("a", runs.a), ("b", runs.b)):
        _, master = _csv(ctx.run_dir / "processing_report_master.csv")
        assert {r["message_id"] for r in master} == landed[key]
        assert {r["run_id"] for r in master} == {ctx.run_id}
        _, classified = _csv(ctx.run_dir / "classifier_output.csv")
        assert {r["message_id"] for r in classified} == landed[key]
        for name in DOCUMENT_FILES:
            _, rows = _csv(ctx.run_dir / name)
            assert {r["message_id"] for r in rows if r.get("message_id")} <= landed[key], name
    review_a = {r["message_id"] for r in _csv(runs.a.run_dir / "output_document_human_review.csv")[1]}
    review_b = {r["message_id"] for r in _csv(runs.b.run_dir / "output_document_human_review.csv")[1]}
    assert review_a and review_b and not review_a & review_b


def test_the_marts_keep_every_runs_rows_by_run_id(runs) -> None:
    q = runs.chain.query
    per_run = {r["run_id"]: r["n"] for r in q("select run_id, count(*) as n from marts.fct_message_outcomes group by 1")}
    assert per_run == {runs.a.run_id: 25, runs.b.run_id: 7}
    actions = {r["run_id"] for r in q("select distinct run_id from marts.fct_actions")}
    assert actions == {runs.a.run_id, runs.b.run_id}
    mismatched = q("select a.message_id from marts.fct_actions a join raw.emails e using (message_id) "
                   "where a.run_id <> e.landed_run_id")
    assert mismatched == []


def test_a_later_run_writes_only_for_its_own_messages(runs) -> None:
    b_writes = runs.chain.query("select message_id from ops.write_log where run_id = ?", [runs.b.run_id])
    assert {r["message_id"] for r in b_writes} <= _landed(runs, runs.b)


def test_the_impact_report_links_every_document_by_relative_path(runs) -> None:
    for ctx, impact in ((runs.a, runs.a_impact), (runs.b, runs.b_impact), (runs.c, runs.c_impact)):
        docs = impact["documents"]
        for name in (*DOCUMENT_FILES, "processing_report_master.json", "write_log.csv"):
            assert name in docs, name
        for d in docs.values():
            assert not Path(d["path"]).is_absolute() and (ctx.run_dir / d["path"]).is_file()
        assert docs["processing_report_master.csv"]["rows"] == impact["total_processed"]
        md = (ctx.run_dir / "impact_report.md").read_text()
        assert "[marketing_suppression.csv](marketing_suppression.csv)" in md
        assert json.loads((ctx.run_dir / "impact_report.json").read_text())["documents"] == docs


@pytest.fixture(scope="module")
def carried(tmp_path_factory: pytest.TempPathFactory):
    """Run K lands every seed and is killed before dbt; a plan run P, an apply run A and an apply run
    C with nothing new follow, sharing warehouse and emulators."""
    root = tmp_path_factory.mktemp("carried")
    sources = root / "sources"
    shutil.copytree(SEEDS, sources)
    s = Settings(sources_dir=sources, warehouse=root / "warehouse.duckdb", runs_dir=root / "runs",
                 as_of="2026-11-25", mode="apply")
    plan = s.model_copy(update={"mode": "plan"})
    with ExitStack() as stack:
        systems = stack.enter_context(open_systems(s, sources, s.warehouse))
        k = RunContext.create(s)
        conn = connect_warehouse(k.warehouse)
        try:
            land(k, conn, systems)  # ... and killed here
        finally:
            conn.close()
        p = RunContext.create(plan)
        p_impact = run_pipeline(p, systems)
        a = RunContext.create(s)
        a_impact = run_pipeline(a, systems)
        c = RunContext.create(s)
        c_impact = run_pipeline(c, systems)
        yield SimpleNamespace(warehouse=s.warehouse, k_id=k.run_id, p=p, p_impact=p_impact, a=a, a_impact=a_impact,
                              c=c, c_impact=c_impact)


def test_messages_of_a_killed_or_plan_run_are_issued_by_the_next_apply_run(carried) -> None:
    k = carried.k_id
    for ctx, impact in ((carried.p, carried.p_impact), (carried.a, carried.a_impact)):
        _, master = _csv(ctx.run_dir / "processing_report_master.csv")
        assert len(master) == 32 and {r["run_id"] for r in master} == {k}
        assert impact["landed_this_run"] == 0 and impact["total_processed"] == 32
        assert impact["carried_over"] == {k: 32}
        assert len(impact["parse_errors"]) == 2
        assert "carried over" in (ctx.run_dir / "impact_report.md").read_text()
    assert carried.p_impact["writes_total"]["succeeded"] == 0  # plan: a preview, issues nothing
    assert carried.a_impact["writes_total"]["succeeded"] > 0
    assert carried.c_impact["total_processed"] == 0 and carried.c_impact["carried_over"] == {}
    for name in DOCUMENT_FILES:
        assert _csv(carried.c.run_dir / name)[1] == [], name
    conn = duckdb.connect(str(carried.warehouse))
    try:
        issued = set(conn.execute("select run_id, issued_by_run from report.issued_runs").fetchall())
    finally:
        conn.close()
    assert issued == {
        (k, carried.a.run_id), (carried.a.run_id, carried.a.run_id), (carried.c.run_id, carried.c.run_id)}
