"""Group `landing`: raw emails and the snapshots of every contact system (DESIGN §4.1).

Each landing asset validates its own table with its Great Expectations input suite (an asset
check computed in the same step), so a failed input is known before anything downstream runs.
"""

from types import SimpleNamespace

import dagster as dg

from autoresponder.act import connection_state
from autoresponder.config import Settings
from autoresponder.land.email_store import land_replies
from autoresponder.land.snapshots import land_snapshot
from autoresponder.pipeline import land_system
from autoresponder.systems import registry
from dagster_defs.quality import OWNERS, input_check_specs, input_checks, input_deps
from dagster_defs.resources import AutoResponderResource, SystemsResource, cli_run_id


@dg.asset(key=["raw", "emails"], group_name="landing", kinds={"python", "duckdb"}, owners=OWNERS,
          check_specs=input_check_specs("raw.emails"),
          description="Replies from the emails folder (or the SQL Server email store when "
                      "AUTORESPONDER_EMAILS_SQL is set), deduplicated on the normalised Message-ID; a different "
                      "body under a landed Message-ID lands with duplicate_of (its writes go to review). One "
                      "row per message ever landed (`landed_run_id` says which run).")
def raw_emails(context: dg.AssetExecutionContext, autoresponder: AutoResponderResource) -> dg.MaterializeResult:
    ctx = autoresponder.run_context(context)
    conn = autoresponder.connect()
    try:
        stats = land_replies(conn, ctx.settings, ctx.sources_dir, run_id=ctx.run_id, log=ctx.progress_log)
        rows = conn.execute("select count(*) from raw.emails").fetchone()[0]
        checks = input_checks(autoresponder, context, conn, "raw.emails")
    finally:
        conn.close()
    for note in stats.duplicate_notes():
        context.log.info(f"duplicate: {note}")
    return dg.MaterializeResult(
        metadata={**{k: dg.MetadataValue.int(v) for k, v in stats.as_dict().items() if isinstance(v, int)},
                  "dagster/row_count": dg.MetadataValue.int(rows), "run_id": ctx.run_id},
        check_results=checks)


def _sql_note(snap) -> str:
    return f", or of its SQL read when AUTORESPONDER_{snap.sql.setting.upper()} is set" if snap.sql else ""


def _snapshot_asset(snap):
    schema, table = snap.table.split(".")

    @dg.asset(key=[schema, table], group_name="landing", kinds={"csv", "duckdb"}, owners=OWNERS,
              check_specs=input_check_specs(snap.table), deps=input_deps(snap.table),
              description=f"Typed snapshot of {snap.relpath} (DESIGN §3){_sql_note(snap)}: one row per "
                          f"source row, columns {', '.join(snap.columns)}.")
    def _asset(context: dg.AssetExecutionContext, autoresponder: AutoResponderResource) -> dg.MaterializeResult:
        conn = autoresponder.connect()
        try:
            settings = autoresponder.settings()
            rows = land_snapshot(conn, settings.sources_dir, snap, settings=settings)
            checks = input_checks(autoresponder, context, conn, snap.table)
        finally:
            conn.close()
        return dg.MaterializeResult(metadata={"rows": dg.MetadataValue.int(rows),
                                              "dagster/row_count": dg.MetadataValue.int(rows)},
                                    check_results=checks)

    return _asset


snapshot_assets = [_snapshot_asset(s) for s in registry.csv_snapshots()]

API_DESCRIPTIONS = {
    "salesforce": "Salesforce {obj}, synced through the API: describe-driven columns, Bulk API 2.0 above the row "
                  "threshold, incremental on SystemModstamp; one row per record.",
    "hubspot": "HubSpot {obj}, synced through the search API (incremental on lastmodifieddate, deal and company "
               "ids through the v4 associations API); one row per contact. Off unless "
               "AUTORESPONDER_HUBSPOT_ENABLED: then a no-op saying so. Metadata `connection`: ok / error, "
               "last_error, last_success_at.",
}


def _api_asset(system: registry.System, obj: str, table: str):
    schema, name = table.split(".")

    @dg.asset(key=[schema, name], group_name="landing", kinds={system.name, "duckdb"},
              owners=OWNERS, check_specs=input_check_specs(table),
              description=API_DESCRIPTIONS.get(system.name, "{system} {obj}, landed through its API; one row per "
                                                            "record.").format(obj=obj, system=system.name))
    def _asset(context: dg.AssetExecutionContext, autoresponder: AutoResponderResource,
               systems: SystemsResource) -> dg.MaterializeResult:

        handle = systems.systems.get(system.name)
        if handle is None:  # not configured (HubSpot off): nothing landed, no connection bookkeeping
            context.log.info(f"{system.name} is not configured: {table} not landed")
            return dg.MaterializeResult(metadata={"landed": "no", "reason": f"{system.name} is not configured "
                                                  "(off unless configured, e.g. AUTORESPONDER_HUBSPOT_ENABLED)"})
        run = SimpleNamespace(settings=autoresponder.settings(), run_id=cli_run_id(context))
        conn = autoresponder.connect()
        try:
            stats = land_system(run, conn, system, handle, [obj])
            rows = conn.execute(f"select count(*) from {table}").fetchone()[0]
            checks = input_checks(autoresponder, context, conn, table)
            connection = [c for c in connection_state.read(conn) if c["system"] == system.name]
        finally:
            conn.close()
        return dg.MaterializeResult(metadata={**api_metadata(stats, obj), "landed": "yes",
                                              "connection": dg.MetadataValue.json(connection[0] if connection else {}),
                                              "dagster/row_count": dg.MetadataValue.int(rows)},
                                    check_results=checks)

    return _asset


def api_metadata(stats: dict, obj: str) -> dict:
    """The landing stats of one object as Dagster metadata (ints as ints, lists and dicts as JSON)."""
    one = {**(stats.get("objects") or {}).get(obj, {}), "api_requests": stats.get("requests") or {}}
    out = {}
    for k, v in one.items():
        if isinstance(v, bool) or v is None:
            out[k] = str(v)
        elif isinstance(v, int):
            out[k] = dg.MetadataValue.int(v)
        elif isinstance(v, (dict, list)):
            out[k] = dg.MetadataValue.json(v)
        else:
            out[k] = str(v)
    return out


# one asset per object of every system landed through an API, so a failed object does not lose
# the others' progress (the objects are the settings' defaults: asset keys are fixed at load)
api_assets = [_api_asset(s, obj, table) for s in registry.systems() if s.api_tables is not None
              for obj, table in s.api_tables(Settings.model_construct()).items()]
