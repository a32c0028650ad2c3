"""Great Expectations suites as Dagster asset checks (one check per suite, DESIGN §10).

Input suites run inside the landing asset that lands their table (`input_checks`), so their
result exists before anything downstream runs and `apply` can refuse to write (exit 4). Output
suites run in one multi-asset check after the marts, documents and write log (`output_checks`),
which also builds the run's Data Docs into `runs/<run_id>/data_docs/`.
"""


from typing import Any

import dagster as dg

from autoresponder.act.write_log import ensure_write_log
from autoresponder.quality.suites import BY_TABLE, INPUT_SUITES, OUTPUT_SUITES, Suite
from autoresponder.quality.validate import build_docs, validate
from dagster_defs.resources import AutoResponderResource

OWNERS = ["team:data-engineering"]


def check_name(suite: Suite) -> str:
    return "gx_" + suite.name.replace(".", "_")


def spec(suite: Suite) -> dg.AssetCheckSpec:
    return dg.AssetCheckSpec(check_name(suite), asset=dg.AssetKey(suite.asset_key),
                             description=f"Great Expectations suite {suite.name}: {suite.description}")


def input_check_specs(table: str) -> list[dg.AssetCheckSpec]:
    suite = BY_TABLE.get(table)
    return [spec(suite)] if suite is not None and suite.kind == "input" else []


def input_deps(table: str) -> list[dg.AssetKey]:
    """Tables the input suite of `table` reads besides it (landed before it)."""
    suite = BY_TABLE.get(table)
    return [dg.AssetKey(t.split(".")) for t in (suite.references if suite is not None else ())]


def _result(suite: Suite, r: Any) -> dg.AssetCheckResult:
    return dg.AssetCheckResult(
        asset_key=dg.AssetKey(suite.asset_key), check_name=check_name(suite), passed=r.success,
        severity=dg.AssetCheckSeverity.ERROR,
        metadata={"suite": suite.name, "row_count": dg.MetadataValue.int(r.row_count),
                  "failed_expectations": dg.MetadataValue.json(r.failures),
                  "evaluated": dg.MetadataValue.json(r.statistics), "seconds": r.seconds})


def input_checks(autoresponder: AutoResponderResource, context: dg.AssetExecutionContext, conn: Any,
                 table: str) -> list[dg.AssetCheckResult]:
    """Validate the input suite of `table` (just landed) for this run; [] when it has none."""
    suite = BY_TABLE.get(table)
    if suite is None or suite.kind != "input":
        return []

    ctx = autoresponder.run_context(context)
    (r,) = validate(conn, ctx.run_dir, ctx.run_id, [suite], ctx.settings)
    return [_result(suite, r)]


@dg.multi_asset_check(specs=[spec(s) for s in OUTPUT_SUITES], name="gx_outputs",
                      description="Great Expectations suites on the marts, each document and the write log; "
                                  "builds the run's Data Docs (runs/<run_id>/data_docs/index.html).")
def output_checks(context: dg.AssetCheckExecutionContext, autoresponder: AutoResponderResource):
    ctx = autoresponder.run_context(context)
    conn = autoresponder.connect()
    try:
        ensure_write_log(conn)
        results = validate(conn, ctx.run_dir, ctx.run_id, OUTPUT_SUITES, ctx.settings)
        docs = build_docs(ctx.run_dir)
    finally:
        conn.close()
    context.log.info(f"Data Docs: {docs}")
    for suite, r in zip(OUTPUT_SUITES, results, strict=True):
        yield _result(suite, r)


INPUT_TABLES = [s.table for s in INPUT_SUITES]
