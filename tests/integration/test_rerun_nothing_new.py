"""A re-run with nothing new skips what would redo the same work, and says why (issue 13).

One warehouse and the same emulators through five runs: A lands the demo sources and writes; B
finds no new reply or snapshot but reads back A's writes from Salesforce (those suites and dbt
run again); S finds nothing new anywhere (landing, Great Expectations and dbt skipped, the
reasons in its stage log, marts equal to what a full build makes); C has one changed CSV
snapshot; E another run date (as_of) and one new reply. C and E do the work again, naming each reason.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from types import SimpleNamespace

import duckdb
import pytest

from autoresponder.dbt import run_dbt, run_vars
from autoresponder.fingerprint import table_fingerprint
from autoresponder.pipeline import run_pipeline
from autoresponder.run import RunContext
from tests.conftest import SEEDS
from tests.integration.chain import start_chain

MARTS = ["marts.fct_actions", "marts.fct_message_outcomes", "marts.processing_report_master",
         "marts.output_document_human_review", "marts.marketing_suppression"]
NEW_PROSPECT = "H-79999,Nora,Quist,nora.quist@borealis-capital.com,+1 646 555 0199,Borealis Capital,Analyst,Active\n"


def _marts(warehouse: Path) -> dict[str, str | None]:
    conn = duckdb.connect(str(warehouse))
    try:
        return {t: table_fingerprint(conn, t) for t in MARTS}
    finally:
        conn.close()


def _rows(warehouse: Path, sql: str, params: list) -> list[tuple]:
    conn = duckdb.connect(str(warehouse))
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def _log(ctx: RunContext) -> str:
    return (ctx.run_dir / "stage_execution.log").read_text(encoding="utf-8")


def _run(chain, **changes) -> RunContext:
    ctx = RunContext.create(chain.ctx.settings.model_copy(update=changes))
    run_pipeline(ctx, chain.systems)
    return ctx


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("rerun")
    sources = root / "sources"
    shutil.copytree(SEEDS, sources)
    a = start_chain(sources, root)
    try:
        b = _run(a)
        settled = _run(a)
        marts_b = _marts(a.ctx.warehouse)
        run_dbt("build", a.ctx.warehouse, run_vars(settled))  # what a full build makes of the same inputs
        marts_full = _marts(a.ctx.warehouse)
        with (sources / "hodor" / "prospects.csv").open("a", encoding="utf-8", newline="") as fh:
            fh.write(NEW_PROSPECT)
        c = _run(a)
        text = (sources / "emails" / "03_active_still_with_firm.eml").read_text(encoding="utf-8")
        new = text.replace("Message-ID: <", "Message-ID: <rerun-new-", 1)
        assert new != text
        (sources / "emails" / "41_new_reply.eml").write_text(new, encoding="utf-8")
        e = _run(a, as_of="2026-11-26")  # another run date and one new reply: both named as reasons
        yield SimpleNamespace(a=a.ctx, b=b, s=settled, c=c, e=e, marts_b=marts_b, marts_full=marts_full,
                              warehouse=a.ctx.warehouse, impact_a=a.impact)
    finally:
        a.stack.close()


def test_a_rerun_with_nothing_new_lands_no_csv_snapshot_again_and_says_so(runs) -> None:
    log = _log(runs.b)
    assert "CSV snapshot(s) unchanged since they were last landed" in log
    assert "raw.hodor_prospects" in log and "raw.cupola_org_persons" in log
    landed_by = dict(_rows(runs.warehouse, "select table_name, run_id from ops.landed_snapshots", []))
    assert landed_by["raw.cupola_org_persons"] == runs.a.run_id  # landed once, by the first run


def test_a_rerun_relies_on_the_earlier_validations_of_unchanged_inputs_and_names_them(runs) -> None:
    rows = dict(_rows(runs.warehouse, "select suite, reused_from_run from ops.quality_results "
                                      "where run_id = ? and kind = 'input'", [runs.b.run_id]))
    # Salesforce is read back through its API after A wrote to it: validated again when it changed
    assert rows.pop("inputs.raw_sf_contact") is None
    assert rows.pop("inputs.raw_sf_lead") in (None, runs.a.run_id)
    assert rows and set(rows.values()) == {runs.a.run_id}, rows
    assert "not validated again" in _log(runs.b)
    # the run's own Data Docs show the validation it relies on (copied with its time)
    assert list((runs.b.run_dir / "gx" / "uncommitted" / "validations" / "inputs").rglob("*.json"))
    assert (runs.b.run_dir / "data_docs" / "index.html").is_file()


def _built_because(ctx: RunContext) -> str:
    """The reason the run's dbt build ran (its stage log line), '' when it was skipped."""
    lines = [line for line in _log(ctx).splitlines() if "[dbt] dbt build: {" in line]
    return lines[0].split("built because ", 1)[1] if lines else ""


def test_a_rerun_reading_back_its_own_writes_builds_again(runs) -> None:
    assert "source raw.sf_contact" in _built_because(runs.b)


def test_with_nothing_new_anywhere_every_suite_relies_on_an_earlier_validation(runs) -> None:
    rows = _rows(runs.warehouse, "select suite, success, reused_from_run from ops.quality_results where run_id = ?",
                 [runs.s.run_id])
    assert rows and all(r[2] in (runs.a.run_id, runs.b.run_id) for r in rows), rows


def test_with_nothing_new_anywhere_dbt_is_skipped_and_its_marts_equal_a_full_build(runs) -> None:
    assert f"dbt build skipped: nothing it reads changed since run {runs.b.run_id}'s build" in _log(runs.s)
    assert runs.marts_b == runs.marts_full
    assert all(runs.marts_b.values())


def test_a_changed_csv_snapshot_is_landed_validated_and_built_again(runs) -> None:
    because = _built_because(runs.c)
    assert because.startswith(f"changed since run {runs.b.run_id}'s build: ") and "source raw.hodor_prospects" in because
    landed_by = dict(_rows(runs.warehouse, "select table_name, run_id from ops.landed_snapshots", []))
    assert landed_by["raw.hodor_prospects"] == runs.c.run_id
    assert landed_by["raw.cupola_org_persons"] == runs.a.run_id
    assert _rows(runs.warehouse, "select count(*) from raw.hodor_prospects where prospect_id = 'H-79999'", []) == [(1,)]
    hodor = _rows(runs.warehouse, "select reused_from_run from ops.quality_results where run_id = ? and suite = ?",
                  [runs.c.run_id, "inputs.raw_hodor_prospects"])
    assert hodor == [(None,)]  # validated by GX in this run


def test_another_run_date_builds_again(runs) -> None:
    because = _built_because(runs.e)
    assert because.startswith(f"changed since run {runs.c.run_id}'s build: ") and "var as_of" in because


def test_a_new_reply_is_landed_classified_validated_and_built_again(runs) -> None:
    log = _log(runs.e)
    assert "1 new messages" in log
    assert "source raw.emails" in _built_because(runs.e)
    emails = _rows(runs.warehouse, "select reused_from_run from ops.quality_results where run_id = ? and suite = ?",
                   [runs.e.run_id, "inputs.raw_emails"])
    assert emails == [(None,)]
    assert _rows(runs.warehouse, "select count(*) from marts.fct_message_outcomes where lower(message_id) like 'rerun-new-%'",
                 []) == [(1,)]
