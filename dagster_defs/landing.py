"""Group `landing`: raw emails and the snapshots of every contact system (DESIGN §4.1)."""


import dagster as dg

from autoresponder.config import Settings
from autoresponder.land.emails import land_emails
from autoresponder.land.snapshots import SNAPSHOTS, land_snapshot
from dagster_defs.resources import AutoResponderResource, SystemsResource


@dg.asset(key=["raw", "emails"], group_name="landing", kinds={"python", "duckdb"},
          description="Replies from the emails folder, deduplicated on the normalised Message-ID; a different "
                      "body under a landed Message-ID lands with duplicate_of (its writes go to review).")
def raw_emails(context: dg.AssetExecutionContext, autoresponder: AutoResponderResource) -> dg.MaterializeResult:
    settings = autoresponder.settings()
    conn = autoresponder.connect()
    try:
        stats = land_emails(conn, settings.sources_dir / "emails", run_id=context.run_id)
    finally:
        conn.close()
    for note in stats.duplicate_notes():
        context.log.info(f"duplicate: {note}")
    return dg.MaterializeResult(metadata={k: dg.MetadataValue.int(v) for k, v in stats.as_dict().items()})


def _snapshot_asset(snap):
    schema, table = snap.table.split(".")

    @dg.asset(key=[schema, table], group_name="landing", kinds={"csv", "duckdb"},
              description=f"Typed snapshot of {snap.relpath} (DESIGN §3).")
    def _asset(autoresponder: AutoResponderResource) -> dg.MaterializeResult:
        conn = autoresponder.connect()
        try:
            rows = land_snapshot(conn, autoresponder.settings().sources_dir, snap)
        finally:
            conn.close()
        return dg.MaterializeResult(metadata={"rows": dg.MetadataValue.int(rows)})

    return _asset


snapshot_assets = [_snapshot_asset(s) for s in SNAPSHOTS]


def _salesforce_asset(obj: str):
    @dg.asset(key=["raw", f"sf_{obj.lower()}"], group_name="landing", kinds={"salesforce", "duckdb"},
              description=f"Salesforce {obj}, synced through the API: describe-driven columns, Bulk API 2.0 "
                          "above the row threshold, incremental on SystemModstamp.")
    def _asset(autoresponder: AutoResponderResource, systems: SystemsResource) -> dg.MaterializeResult:
        from autoresponder.systems.salesforce import sync_objects

        s = autoresponder.settings()
        conn = autoresponder.connect()
        try:
            stats = sync_objects(systems.systems.salesforce, conn, objects=[obj],
                                 bulk_threshold=s.salesforce_bulk_threshold, full_resync=s.salesforce_full_resync)
        finally:
            conn.close()
        one = stats["objects"][obj]
        return dg.MaterializeResult(metadata={
            "mode": one["mode"], "rows_read": dg.MetadataValue.int(one["rows_read"]),
            "rows_deleted": dg.MetadataValue.int(one["rows_deleted"]), "watermark": str(one["watermark"]),
            "columns_added": dg.MetadataValue.json(one["columns_added"]),
            "api_requests": dg.MetadataValue.json(stats["requests"]),
        })

    return _asset


# one asset per object, so a failed object does not lose the others' progress
salesforce_assets = [_salesforce_asset(o) for o in Settings.model_fields["salesforce_objects"].default_factory()]
