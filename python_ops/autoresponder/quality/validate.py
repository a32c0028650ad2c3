"""Run the GX suites of `quality.suites` against the warehouse, inside the run folder.

A run copies the committed file data context `gx/` to `runs/<run_id>/gx/`, validates each suite
on a pandas batch read from DuckDB (one dataframe datasource, one asset per suite), keeps the
validation results there and builds Data Docs into `runs/<run_id>/data_docs/`. Each result is
also a row of `ops.quality_results`, which gives the next run its row-count bounds and the
`apply` guard its answer (`check_inputs`: exit 4 naming the failing expectations).

GX costs a few seconds to import; nothing imports it until a suite runs, and one process opens
the context of a run folder once.
"""

from __future__ import annotations

import json
import math
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from autoresponder.errors import RunStopped
from autoresponder.quality.project import GX_DIR
from autoresponder.quality.suites import INPUT_SUITES, Suite
from autoresponder.systems.registry import every_snapshot

DOCS_DIR = "data_docs"
MAX_LISTED = 5  # unexpected values quoted per failing expectation

RESULTS_DDL = """
create schema if not exists ops;
create table if not exists ops.quality_results (
    run_id varchar,
    suite varchar,
    kind varchar,
    table_name varchar,
    row_count bigint,
    success boolean,
    failures json,
    seconds double,
    validated_at timestamp default current_timestamp
);
"""

_CONTEXTS: dict[Path, Any] = {}


class InputExpectationsFailed(RunStopped):
    """Input data-quality expectations failed: `apply` stops before any write (exit 4)."""

    def __init__(self, failures: list[str], run_id: str):
        self.failures = failures
        shown = "; ".join(failures[:10]) + (f"; and {len(failures) - 10} more" if len(failures) > 10 else "")
        super().__init__(f"run {run_id}: input data-quality expectations failed, nothing was written: {shown}. "
                         f"See runs/{run_id}/{DOCS_DIR}/index.html; fix the source data and run again")


@dataclass
class SuiteResult:
    suite: str
    kind: str
    table: str
    success: bool
    row_count: int
    seconds: float
    failures: list[dict] = field(default_factory=list)  # {expectation, column, unexpected_count, examples}
    statistics: dict = field(default_factory=dict)

    def failure_lines(self) -> list[str]:
        where = _source_file(self.table)
        return [f"{self.suite}" + (f" ({where})" if where else "") + f": {f['expectation']}"
                + (f"({f['column']})" if f.get("column") else "")
                + (f" {f['unexpected_count']} unexpected, e.g. {f['examples']}" if f.get("unexpected_count") else "")
                + (f" observed {f['observed']}" if f.get("observed") is not None else "")
                for f in self.failures]


def context_for(run_dir: Path) -> Any:
    """The run's own copy of the file data context (made on first use)."""
    run_dir = Path(run_dir).resolve()
    if run_dir in _CONTEXTS:
        return _CONTEXTS[run_dir]
    # heavy: GX takes seconds to import; only the quality stage needs it
    import great_expectations as gx

    target = run_dir / "gx"
    if not (target / "great_expectations.yml").exists():
        shutil.copytree(GX_DIR, target, dirs_exist_ok=True, ignore=shutil.ignore_patterns("uncommitted"))
    context = gx.get_context(mode="file", project_root_dir=run_dir)
    _CONTEXTS[run_dir] = context
    return context


def _validation_definition(context: Any, suite: Suite) -> Any:
    """Committed in `gx/validation_definitions/` (see `quality.project`): read, never written."""
    return context.validation_definitions.get(suite.name)


def row_count_bounds(conn: Any, suite: Suite, run_id: str, settings: Any) -> dict[str, int | None]:
    """`min_rows`/`max_rows` from the last successful validation of the suite in an earlier run."""
    conn.execute(RESULTS_DDL)
    prev = conn.execute("select row_count from ops.quality_results where suite = ? and run_id <> ? and success "
                        "order by validated_at desc limit 1", [suite.name, run_id]).fetchone()
    if prev is None or suite.row_count is None:
        return {"min_rows": 0, "max_rows": None}
    n = int(prev[0])
    if suite.row_count == "growing":
        return {"min_rows": n, "max_rows": None}
    low = getattr(settings, "quality_row_count_min_ratio", 0.5)
    high = getattr(settings, "quality_row_count_max_ratio", 2.0)
    return {"min_rows": math.floor(n * low), "max_rows": math.ceil(n * high)}


def _failures(result: Any) -> list[dict]:
    out = []
    for r in result.results:
        if r.success:
            continue
        cfg = r.expectation_config
        res = r.result or {}
        item = {"expectation": cfg.type, "column": cfg.kwargs.get("column") or cfg.kwargs.get("column_list"),
                "unexpected_count": res.get("unexpected_count"),
                "examples": [str(v) for v in (res.get("partial_unexpected_list") or [])[:MAX_LISTED]],
                "observed": res.get("observed_value")}
        if r.exception_info and r.exception_info.get("raised_exception"):
            item["error"] = str(r.exception_info.get("exception_message"))[:300]
        out.append(item)
    return out


def validate(conn: Any, run_dir: Path, run_id: str, suites: tuple[Suite, ...] | list[Suite],
             settings: Any = None) -> list[SuiteResult]:
    """Validate `suites` on the warehouse behind `conn`; record and return each result."""
    context = context_for(run_dir)
    conn.execute(RESULTS_DDL)
    results = []
    for suite in suites:
        t0 = time.perf_counter()
        df = conn.execute(suite.sql).df()
        params = row_count_bounds(conn, suite, run_id, settings)
        vd = _validation_definition(context, suite)
        gx_result = vd.run(batch_parameters={"dataframe": df}, expectation_parameters=params,
                           result_format={"result_format": "SUMMARY", "partial_unexpected_count": MAX_LISTED})
        res = SuiteResult(suite=suite.name, kind=suite.kind, table=suite.table, success=bool(gx_result.success),
                          row_count=len(df), seconds=round(time.perf_counter() - t0, 3),
                          failures=_failures(gx_result), statistics=dict(gx_result.statistics))
        conn.execute("insert into ops.quality_results (run_id, suite, kind, table_name, row_count, success, "
                     "failures, seconds) values (?, ?, ?, ?, ?, ?, ?, ?)",
                     [run_id, res.suite, res.kind, res.table, res.row_count, res.success,
                      json.dumps(res.failures, default=str), res.seconds])
        results.append(res)
    return results


def build_docs(run_dir: Path) -> Path:
    """Data Docs of every validation of the run: `runs/<run_id>/data_docs/index.html`."""
    context = context_for(run_dir)
    context.build_data_docs()
    return Path(run_dir).resolve() / DOCS_DIR / "index.html"


def failed_inputs(conn: Any, run_id: str) -> list[str]:
    """The failing input expectations recorded for `run_id` (latest validation of each suite)."""
    conn.execute(RESULTS_DDL)
    rows = conn.execute(
        "select suite, table_name, failures from (select suite, table_name, failures, success, row_number() over "
        "(partition by suite order by validated_at desc) as n from ops.quality_results "
        "where run_id = ? and kind = 'input') where n = 1 and not success order by suite", [run_id]).fetchall()
    lines = []
    for suite, table, failures in rows:
        r = SuiteResult(suite=suite, kind="input", table=table or "", success=False, row_count=0, seconds=0,
                        failures=json.loads(failures or "[]"))
        lines.extend(r.failure_lines() or [f"{suite}: failed"])
    return lines


def check_inputs(conn: Any, run_id: str, mode: str) -> list[str]:
    """The `apply` guard: raise `InputExpectationsFailed` (exit 4) when an input suite of the run
    failed; in `plan` mode return the failures for the report."""
    failures = failed_inputs(conn, run_id)
    if failures and mode == "apply":
        raise InputExpectationsFailed(failures, run_id)
    return failures


def validate_inputs(conn: Any, run_dir: Path, run_id: str, settings: Any = None) -> list[SuiteResult]:
    return validate(conn, run_dir, run_id, INPUT_SUITES, settings)


def _source_file(table: str) -> str | None:
    """The sources file a landed table comes from (`raw.hodor_prospects` -> `hodor/prospects.csv`)."""

    return {s.table: s.relpath for s in every_snapshot()}.get(table)
