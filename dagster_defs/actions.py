"""Group `actions`: the dbt routing project (match, gate, action table) and the executor."""


import json
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import dagster as dg
from dagster_dbt import DagsterDbtTranslator, DbtCliResource, DbtProject, dbt_assets
from dagster_dbt.asset_utils import DBT_INDIRECT_SELECTION_ENV, get_updated_cli_invocation_params_for_context
from dagster_dbt.core.dbt_cli_event import DbtCoreCliEventMessage
from dbt_common.events.functions import msg_to_json

from autoresponder.act import connection_state
from autoresponder.act.failures import failed_writes
from autoresponder.dbt import DBT_PROJECT_DIR, dbt_env, ensure_project_manifest, environ, run_dbt, run_vars
from autoresponder.errors import EXIT_BAD_INPUT, EXIT_STOPPED, RunStopped, WritesFailed
from autoresponder.pipeline import act, build_writers, ensure_ops_tables
from autoresponder.report.run_folder import write_run_folder
from autoresponder.systems.salesforce.client import auth_lost
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


ensure_project_manifest(_manifest_is_stale)


class Translator(DagsterDbtTranslator):
    """Documents are outputs; everything else of the dbt project computes the action table."""

    def get_group_name(self, dbt_resource_props: Mapping[str, Any]) -> str | None:
        path = str(dbt_resource_props.get("original_file_path", ""))
        return "outputs" if "/documents/" in path else "actions"

    def get_owners(self, dbt_resource_props: Mapping[str, Any]) -> list[str]:
        return OWNERS


# the audit views read ops.write_log, which executed_writes writes after the action table
AUDIT_MODELS = "path:models/marts/audit"


def _dbt_build(context: dg.AssetExecutionContext, dbt: DbtCliResource, autoresponder: AutoResponderResource):
    """`dbt build` of this asset's selection, in this process, as the CLI runs it (`run_dbt`: the
    parsed project handed over from the manifest cache, no parse, no second interpreter); each dbt
    event becomes the Dagster event dagster-dbt makes of the same event from a `dbt` subprocess.

    The subprocess (`DbtCliResource.cli`) cost each dbt asset a Python start, a dbt import and,
    whenever the warehouse path differs from the last parse (dbt keys its partial parse on the
    profile's path), a full parse: about 25 s of a Dagster run against 7 s in process. It remains
    the path when dagster-dbt has to write a temporary project (a selection too long for the
    command line)."""
    ctx = autoresponder.run_context(context)
    variables = run_vars(ctx)  # exactly the CLI's vars (autoresponder.dbt.dbt_vars_for)
    ensure_ops_tables(ctx.warehouse, ctx.settings)
    params = get_updated_cli_invocation_params_for_context(context=context, manifest={},
                                                          dagster_dbt_translator=Translator())
    if params.dbt_project is not None and Path(params.dbt_project.project_dir) != DBT_PROJECT_DIR:
        with dbt_env(ctx.warehouse, ctx.settings):
            events = list(dbt.cli(["build", "--vars", json.dumps(variables)], context=context).stream())
        yield from with_row_counts(events, autoresponder)
        return
    raw: list[dict] = []
    target = ctx.warehouse.parent / "dbt_target"
    env = {DBT_INDIRECT_SELECTION_ENV: params.indirect_selection} if params.indirect_selection else {}
    try:
        with environ(env):
            run_dbt("build", ctx.warehouse, variables, target_path=target, settings=ctx.settings,
                    select=list(params.selection_args), on_event=lambda msg: raw.append(json.loads(msg_to_json(msg))))
    finally:  # what finished before a failure is materialised (or checked) all the same
        events = [e for r in raw for e in DbtCoreCliEventMessage(raw_event=r, event_history_metadata={})
                  .to_default_asset_events(manifest=params.manifest, dagster_dbt_translator=params.dagster_dbt_translator,
                                           context=context, target_path=target, project=dbt_project)]
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


@dbt_assets(manifest=dbt_project.manifest_path, project=dbt_project, dagster_dbt_translator=Translator(),
            exclude=AUDIT_MODELS)
def routing_models(context: dg.AssetExecutionContext, dbt: DbtCliResource, autoresponder: AutoResponderResource):
    yield from _dbt_build(context, dbt, autoresponder)


@dbt_assets(manifest=dbt_project.manifest_path, project=dbt_project, dagster_dbt_translator=Translator(),
            select=AUDIT_MODELS, name="audit_models")
def audit_models(context: dg.AssetExecutionContext, dbt: DbtCliResource, autoresponder: AutoResponderResource):
    yield from _dbt_build(context, dbt, autoresponder)


ops_runs = dg.AssetSpec(
    key=["ops", "runs"], group_name="actions", kinds={"duckdb"}, owners=OWNERS,
    description="One row per CLI run (command, mode, systems, exit code); written by the CLI, read by fct_runs.")


@dg.asset(key=["ops", "write_log"], group_name="actions", deps=[dg.AssetKey(["marts", "fct_actions"])],
          kinds={"python", "duckdb"}, owners=OWNERS,
          description="Executes the rows of fct_actions gated auto or approved (apply) or lists them (plan); one "
                      "row per write (system + idempotency key) in ops.write_log; metadata `connections` is "
                      "ops.connections (ok / error, last_error, last_success_at per system). Fails, after writing the run "
                      "folder, when writes failed (exit code 3) or a guard stopped the run (4), with the same "
                      "list of failed writes as the CLI and the impact report.")
def executed_writes(context: dg.AssetExecutionContext, autoresponder: AutoResponderResource,
                    systems: SystemsResource) -> dg.MaterializeResult:

    ctx = autoresponder.run_context(context)
    conn = autoresponder.connect()
    try:
        writers = build_writers(ctx, systems.systems, conn)
        try:
            report = act(ctx, conn, writers)
        except RunStopped as exc:  # the deactivation guard, before any write
            raise dg.Failure(description=f"stopped by a guard (exit code {EXIT_STOPPED}): {exc}",
                             metadata={"failed_writes": dg.MetadataValue.json([]), "stopped": str(exc),
                                       "exit_code": EXIT_STOPPED}) from exc
        failures = failed_writes(report)
        lost = auth_lost(systems.systems.salesforce) or "; ".join(report.connection_errors.values())
        connections = connection_state.read(conn)
        if failures or lost or report.stopped:
            # the run folder first (the downstream asset will not run), so the impact report lists them too
            write_run_folder(ctx, conn, systems.systems, writers)
    finally:
        conn.close()
    if failures or lost or report.stopped:
        code = EXIT_STOPPED if report.stopped else EXIT_BAD_INPUT if lost else WritesFailed.exit_code
        what = (f"stopped by a guard: {report.stopped}" if report.stopped else lost
                if lost else str(WritesFailed(failures, ctx.run_id)))
        listed = "; ".join(f"{f['system']} {f.get('object') or ''} {f.get('record_id') or ''} {f.get('action') or ''}: "
                           f"{f['status']}: {f.get('message')}" for f in failures[:20])
        more = f" (and {len(failures) - 20} more)" if len(failures) > 20 else ""
        raise dg.Failure(
            description=f"exit code {code}: {what}" + (f"\nfailed writes: {listed}{more}" if failures else ""),
            metadata={"failed_writes": dg.MetadataValue.json(failures), "counts": dg.MetadataValue.json(report.counts),
                      "connections": dg.MetadataValue.json(connections),
                      "stopped": report.stopped or "", "exit_code": code,
                      "impact_report": dg.MetadataValue.path(str(ctx.run_dir / "impact_report.md"))})
    return dg.MaterializeResult(metadata={"counts": dg.MetadataValue.json(report.counts),
                                          "connections": dg.MetadataValue.json(connections),
                                          "failed_writes": dg.MetadataValue.json([]), "mode": ctx.mode,
                                          "dagster/row_count": dg.MetadataValue.int(_write_log_rows(autoresponder))})


def _write_log_rows(autoresponder: AutoResponderResource) -> int:
    conn = autoresponder.connect()
    try:
        return conn.execute("select count(*) from ops.write_log").fetchone()[0]
    finally:
        conn.close()
