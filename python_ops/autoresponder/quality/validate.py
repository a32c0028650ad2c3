"""Run the GX suites of `quality.suites` against the warehouse, inside the run folder.

A run copies the committed file data context `gx/` to `runs/<run_id>/gx/`, validates each suite
on a pandas batch read from DuckDB (one dataframe datasource, one asset per suite), keeps the
validation results there and builds Data Docs into `runs/<run_id>/data_docs/`. Each result is
also a row of `ops.quality_results`, which gives the next run its row-count bounds and the
`apply` guard its answer (`check_inputs`: exit 4 naming the failing expectations).

GX costs a few seconds to import; nothing imports it until a suite runs, and one process opens
the context of a run folder once.

A suite whose batch has the content of one already validated under the same suite definition
(`fingerprint`: SHA-256 of the definition and of the batch's rows, `autoresponder.fingerprint`),
with a row count inside this run's bounds, is not validated again (`_reuse`): the run records the
earlier validation it relies on, with its outcome, (`reused_from_run`, `reused_validated_at`) and copies that validation's
GX result into its own folder, so its Data Docs show the result the run relies on, with its time.
"""

from __future__ import annotations

import json
import math
import shutil
import time
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path
from typing import Any

from autoresponder.errors import RunStopped
from autoresponder.fingerprint import digest, file_sha256, relation_fingerprint
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
alter table ops.quality_results add column if not exists fingerprint varchar;
alter table ops.quality_results add column if not exists result_file varchar;
alter table ops.quality_results add column if not exists reused_from_run varchar;
alter table ops.quality_results add column if not exists reused_validated_at timestamp;
"""
ROW_COUNT_EXPECTATION = "expect_table_row_count_to_be_between"  # the one expectation with parameters
VALIDATIONS = Path("gx") / "uncommitted" / "validations"  # GX's result store, in a run folder

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
    reused_from: str | None = None  # "run <run_id>, validated <time>": the earlier validation relied on

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
    """Validate `suites` on the warehouse behind `conn`; record and return each result (an earlier
    passing validation of the same content under the same definition stands in for a new one)."""
    conn.execute(RESULTS_DDL)
    results = []
    for suite in suites:
        t0 = time.perf_counter()
        fingerprint = digest({"definition": _definition_digest(run_dir, suite),
                              "batch": relation_fingerprint(conn, suite.sql)})
        params = row_count_bounds(conn, suite, run_id, settings)
        res = _reuse(conn, run_dir, run_id, suite, fingerprint, params, t0)
        if res is None:
            res, result_file = _run_suite(conn, run_dir, suite, params, t0)
            conn.execute("insert into ops.quality_results (run_id, suite, kind, table_name, row_count, success, "
                         "failures, seconds, fingerprint, result_file) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                         [run_id, res.suite, res.kind, res.table, res.row_count, res.success,
                          json.dumps(res.failures, default=str), res.seconds, fingerprint, result_file])
        results.append(res)
    return results


def _run_suite(conn: Any, run_dir: Path, suite: Suite, params: dict, t0: float) -> tuple[SuiteResult, str | None]:
    """Validate one suite with GX; the result and where GX stored it (relative to the run folder)."""
    context = context_for(run_dir)
    df = conn.execute(suite.sql).df()
    vd = _validation_definition(context, suite)
    try:
        gx_result = vd.run(batch_parameters={"dataframe": df}, expectation_parameters=params,
                           result_format={"result_format": "SUMMARY", "partial_unexpected_count": MAX_LISTED})
    finally:
        _release_batches(vd)
    res = SuiteResult(suite=suite.name, kind=suite.kind, table=suite.table, success=bool(gx_result.success),
                      row_count=len(df), seconds=round(time.perf_counter() - t0, 3),
                      failures=_failures(gx_result), statistics=dict(gx_result.statistics))
    run_time = gx_result.meta["run_id"].run_time.strftime("%Y%m%dT%H%M%S.%fZ")
    stored = sorted((Path(run_dir).resolve() / _suite_results(suite)).glob(f"*/{run_time}/*.json"))
    return res, str(stored[-1].relative_to(Path(run_dir).resolve())) if stored else None


def _release_batches(vd: Any) -> None:
    """Drop the dataframes GX keeps after a validation. The datasource's execution engine caches
    every batch it loaded (`BatchManager`, one per suite, never evicted) and the run's context
    lives as long as the process: without this the quality stages held every table they read
    (about a quarter of the chain's peak memory at 100k)."""
    engine = vd.asset.datasource.get_execution_engine()
    engine.batch_manager.batch_data_cache.clear()
    engine.batch_manager.reset_batch_cache()


def _suite_results(suite: Suite) -> Path:
    """The folder of `suite`'s results in a run folder (GX makes a dotted name into folders)."""
    return VALIDATIONS.joinpath(*suite.name.split("."))


def _definition_digest(run_dir: Path, suite: Suite) -> str:
    """What the suite checks: its batch query, the expectations file the run's context reads (the
    committed one until the run folder has its copy), the result format and the GX version."""
    local = Path(run_dir) / "gx" / "expectations" / Path(*suite.name.split(".")).with_suffix(".json")
    committed = GX_DIR / "expectations" / Path(*suite.name.split(".")).with_suffix(".json")
    path = local if local.is_file() else committed
    return digest({"sql": suite.sql, "expectations": file_sha256(path) if path.is_file() else None,
                   "max_listed": MAX_LISTED, "gx": version("great_expectations")})


def _reuse(conn: Any, run_dir: Path, run_id: str, suite: Suite, fingerprint: str, params: dict,
           t0: float) -> SuiteResult | None:
    """The earlier validation of the same content and definition, recorded for this run and its GX
    result copied into the run folder; None when there is none to rely on (then GX runs).

    Only the row-count expectation takes parameters (this run's bounds); every other one gives
    the same answer on the same rows. So the earlier result stands when its row count is inside
    this run's bounds and it did not fail on the row count (a pass or a failure alike: a failure
    is reported again, as the earlier validation's). Its GX result file must still be there."""
    row = conn.execute(
        "select run_id, validated_at, row_count, result_file, success, failures from ops.quality_results "
        "where suite = ? and fingerprint = ? and reused_from_run is null and result_file is not null "
        "order by validated_at desc limit 1", [suite.name, fingerprint]).fetchone()
    if row is None:
        return None
    earlier_run, validated_at, rows, result_file, success, failures = row
    low, high = params.get("min_rows"), params.get("max_rows")
    if (low is not None and rows < low) or (high is not None and rows > high):
        return None
    failures = json.loads(failures or "[]")
    if any(f.get("expectation") == ROW_COUNT_EXPECTATION for f in failures):
        return None
    source = Path(run_dir).resolve().parent / earlier_run / result_file
    if not source.is_file():
        return None
    target = Path(run_dir).resolve() / result_file
    if source != target:
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
    statistics = json.loads(source.read_text(encoding="utf-8")).get("statistics") or {}
    res = SuiteResult(suite=suite.name, kind=suite.kind, table=suite.table, success=bool(success),
                      row_count=int(rows), seconds=round(time.perf_counter() - t0, 3), failures=failures,
                      statistics=statistics, reused_from=f"run {earlier_run}, validated {validated_at}")
    conn.execute("insert into ops.quality_results (run_id, suite, kind, table_name, row_count, success, failures, "
                 "seconds, fingerprint, result_file, reused_from_run, reused_validated_at) "
                 "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                 [run_id, res.suite, res.kind, res.table, res.row_count, res.success,
                  json.dumps(failures, default=str), res.seconds, fingerprint, result_file, earlier_run,
                  validated_at])
    return res


def build_docs(run_dir: Path) -> Path:
    """Data Docs of every validation of the run: `runs/<run_id>/data_docs/index.html`.

    GX renders a result's page from the result file alone, so a result reused from an earlier
    run (its file copied, byte for byte) gets that run's page copied instead of rendered again;
    GX renders the pages of the others and the index (`docs_pages` says how many of each)."""
    context = context_for(run_dir)
    run_dir = Path(run_dir).resolve()
    docs = run_dir / DOCS_DIR / "validations"
    render, copied = [], 0
    for key in context.validation_results_store.list_keys():
        rel = Path(*key.to_tuple())
        page = docs / rel.with_name(rel.name + ".html")
        if page.is_file():  # a result file never changes once written: its page stands
            continue
        earlier = _earlier_page(run_dir, VALIDATIONS / rel.with_name(rel.name + ".json"),
                                Path(DOCS_DIR) / "validations" / rel.with_name(rel.name + ".html"))
        if earlier is None:
            render.append(key)
        else:
            page.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(earlier, page)
            copied += 1
    # GX renders every page when given no identifiers: `[None]` matches none, so then it only
    # writes the index and the static assets
    context.build_data_docs(resource_identifiers=render or [None])
    DOCS_PAGES[run_dir] = {"rendered": len(render), "copied": copied}
    return run_dir / DOCS_DIR / "index.html"


DOCS_PAGES: dict[Path, dict[str, int]] = {}  # run folder -> pages rendered / copied by its last build_docs


def _earlier_page(run_dir: Path, result: Path, page: Path) -> Path | None:
    """The page another run folder rendered for a byte-identical copy of `result` (same key)."""
    mine = (run_dir / result).read_bytes()
    for other in sorted(run_dir.parent.iterdir(), reverse=True):
        if other == run_dir or not (other / page).is_file() or not (other / result).is_file():
            continue
        if (other / result).read_bytes() == mine:
            return other / page
    return None


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
