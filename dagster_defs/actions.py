"""Group `actions`: the dbt routing project (match, gate, action table) and the executor."""


import json
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import dagster as dg
from dagster_dbt import DagsterDbtTranslator, DbtCliResource, DbtProject, dbt_assets

from autoresponder.dbt import DBT_PROJECT_DIR, dbt_env, parse_project, run_vars
from autoresponder.pipeline import act, build_writers
from dagster_defs.quality import OWNERS
from dagster_defs.resources import AutoResponderResource, SystemsResource

DBT_EXECUTABLE = str(Path(sys.executable).parent / "dbt")  # the venv's dbt, even when PATH lacks it
dbt_project = DbtProject(project_dir=DBT_PROJECT_DIR, profiles_dir=DBT_PROJECT_DIR)
def _manifest_is_stale() -> bool:
    """The manifest is a build product: (re)make it when missing or older than any project file."""
    if not dbt_project.manifest_path.exists():
        return True
    built = dbt_project.manifest_path.stat().st_mtime
    sources = [p for d in ("models", "macros", "tests") for p in (DBT_PROJECT_DIR / d).rglob("*") if p.is_file()]
    return any(p.stat().st_mtime > built for p in [*sources, DBT_PROJECT_DIR / "dbt_project.yml"])


if _manifest_is_stale():
    parse_project()


class Translator(DagsterDbtTranslator):
    """Documents are outputs; everything else of the dbt project computes the action table."""

    def get_group_name(self, dbt_resource_props: Mapping[str, Any]) -> str | None:
        path = str(dbt_resource_props.get("original_file_path", ""))
        return "outputs" if "/documents/" in path else "actions"

    def get_owners(self, dbt_resource_props: Mapping[str, Any]) -> list[str]:
        return OWNERS


@dbt_assets(manifest=dbt_project.manifest_path, project=dbt_project, dagster_dbt_translator=Translator())
def routing_models(context: dg.AssetExecutionContext, dbt: DbtCliResource, autoresponder: AutoResponderResource):
    ctx = autoresponder.run_context(context)
    variables = run_vars(ctx)  # exactly the CLI's vars (autoresponder.dbt.dbt_vars_for)
    with dbt_env(ctx.warehouse):
        events = list(dbt.cli(["build", "--vars", json.dumps(variables)], context=context).stream())
    yield from with_row_counts(events, autoresponder)


def with_row_counts(events: list, autoresponder: AutoResponderResource):
    """Each model's row count as `dagster/row_count`, read once dbt has let go of the warehouse
    (dagster-dbt's `fetch_row_counts` keeps a differently configured DuckDB connection open,
    which the next step's connection then cannot join)."""
    nodes = json.loads(dbt_project.manifest_path.read_text(encoding="utf-8"))["nodes"]
    conn = autoresponder.connect()
    try:
        for event in events:
            uid = (getattr(event, "metadata", None) or {}).get("unique_id")
            node = nodes.get(getattr(uid, "value", uid))
            if isinstance(event, dg.Output) and node is not None and node.get("resource_type") == "model":
                rows = conn.execute(f'select count(*) from "{node["schema"]}"."{node["alias"]}"').fetchone()[0]
                event = event.with_metadata({**event.metadata, "dagster/row_count": dg.MetadataValue.int(rows)})
            yield event
    finally:
        conn.close()


@dg.asset(key=["ops", "write_log"], group_name="actions", deps=[dg.AssetKey(["marts", "fct_actions"])],
          kinds={"python", "duckdb"}, owners=OWNERS,
          description="Executes the rows of fct_actions gated auto (apply) or lists them (plan); one row per "
                      "write attempt (system + idempotency key) in ops.write_log.")
def executed_writes(context: dg.AssetExecutionContext, autoresponder: AutoResponderResource,
                    systems: SystemsResource) -> dg.MaterializeResult:
    from autoresponder.act.failures import failed_writes
    from autoresponder.errors import WritesFailed
    from autoresponder.systems.salesforce.client import auth_lost

    ctx = autoresponder.run_context(context)
    conn = autoresponder.connect()
    try:
        report = act(ctx, conn, build_writers(ctx, systems.systems, conn))
    finally:
        conn.close()
    failures = failed_writes(report)
    lost = auth_lost(systems.systems.salesforce)
    if failures or lost:
        # the same list the CLI's exit code 3 names; the asset fails so the run shows red
        raise dg.Failure(
            description=lost or str(WritesFailed(failures, ctx.run_id)),
            metadata={"failed_writes": dg.MetadataValue.json(failures), "counts": dg.MetadataValue.json(report.counts),
                      "exit_code": 2 if lost else WritesFailed.exit_code})
    return dg.MaterializeResult(metadata={"counts": dg.MetadataValue.json(report.counts),
                                          "failed_writes": dg.MetadataValue.json([]), "mode": ctx.mode,
                                          "dagster/row_count": dg.MetadataValue.int(_write_log_rows(autoresponder))})


def _write_log_rows(autoresponder: AutoResponderResource) -> int:
    conn = autoresponder.connect()
    try:
        return conn.execute("select count(*) from ops.write_log").fetchone()[0]
    finally:
        conn.close()
