"""Group `landing`: raw emails and the snapshots of every contact system (DESIGN §4.1).

Each landing asset validates its own table with its Great Expectations input suite (an asset
check computed in the same step), so a failed input is known before anything downstream runs.
"""


import dagster as dg

from autoresponder.config import Settings
from autoresponder.land.emails import land_emails
from autoresponder.land.snapshots import SNAPSHOTS, land_snapshot
from dagster_defs.quality import OWNERS, input_check_specs, input_checks, input_deps
from dagster_defs.resources import AutoResponderResource, SystemsResource


@dg.asset(key=["raw", "emails"], group_name="landing", kinds={"python", "duckdb"}, owners=OWNERS,
          check_specs=input_check_specs("raw.emails"),
          description="Replies from the emails folder, deduplicated on the normalised Message-ID; a different "
                      "body under a landed Message-ID lands with duplicate_of (its writes go to review). One "
                      "row per message ever landed (`landed_run_id` says which run).")
def raw_emails(context: dg.AssetExecutionContext, autoresponder: AutoResponderResource) -> dg.MaterializeResult:
    ctx = autoresponder.run_context(context)
    conn = autoresponder.connect()
    try:
        stats = land_emails(conn, ctx.sources_dir / "emails", run_id=ctx.run_id, log=ctx.progress_log)
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


def _snapshot_asset(snap):
    schema, table = snap.table.split(".")

    @dg.asset(key=[schema, table], group_name="landing", kinds={"csv", "duckdb"}, owners=OWNERS,
              check_specs=input_check_specs(snap.table), deps=input_deps(snap.table),
              description=f"Typed snapshot of {snap.relpath} (DESIGN §3): one row per CSV row, "
                          f"columns {', '.join(snap.columns)}.")
    def _asset(context: dg.AssetExecutionContext, autoresponder: AutoResponderResource) -> dg.MaterializeResult:
        conn = autoresponder.connect()
        try:
            rows = land_snapshot(conn, autoresponder.settings().sources_dir, snap)
            checks = input_checks(autoresponder, context, conn, snap.table)
        finally:
            conn.close()
        return dg.MaterializeResult(metadata={"rows": dg.MetadataValue.int(rows),
                                              "dagster/row_count": dg.MetadataValue.int(rows)},
                                    check_results=checks)

    return _asset


snapshot_assets = [_snapshot_asset(s) for s in SNAPSHOTS]


def _salesforce_asset(obj: str):
    table = f"raw.sf_{obj.lower()}"

    @dg.asset(key=["raw", f"sf_{obj.lower()}"], group_name="landing", kinds={"salesforce", "duckdb"},
              owners=OWNERS, check_specs=input_check_specs(table),
              description=f"Salesforce {obj}, synced through the API: describe-driven columns, Bulk API 2.0 "
                          "above the row threshold, incremental on SystemModstamp; one row per record.")
    def _asset(context: dg.AssetExecutionContext, autoresponder: AutoResponderResource,
               systems: SystemsResource) -> dg.MaterializeResult:
        from autoresponder.systems.salesforce import sync_objects

        s = autoresponder.settings()
        conn = autoresponder.connect()
        try:
            stats = sync_objects(systems.systems.salesforce, conn, objects=[obj],
                                 bulk_threshold=s.salesforce_bulk_threshold, full_resync=s.salesforce_full_resync)
            rows = conn.execute(f"select count(*) from {table}").fetchone()[0]
            checks = input_checks(autoresponder, context, conn, table)
        finally:
            conn.close()
        one = stats["objects"][obj]
        return dg.MaterializeResult(metadata={
            "mode": one["mode"], "rows_read": dg.MetadataValue.int(one["rows_read"]),
            "rows_deleted": dg.MetadataValue.int(one["rows_deleted"]), "watermark": str(one["watermark"]),
            "columns_added": dg.MetadataValue.json(one["columns_added"]),
            "api_requests": dg.MetadataValue.json(stats["requests"]),
            "dagster/row_count": dg.MetadataValue.int(rows),
        }, check_results=checks)

    return _asset


# one asset per object, so a failed object does not lose the others' progress
salesforce_assets = [_salesforce_asset(o) for o in Settings.model_fields["salesforce_objects"].default_factory()]
