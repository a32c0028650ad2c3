"""Group `classification`: rules, then LLM + QA for what rules leave open (DESIGN §4.2)."""


import dagster as dg

from autoresponder.pipeline import classify
from dagster_defs.quality import OWNERS
from dagster_defs.resources import AutoResponderResource, SystemsResource


@dg.asset(key=["classification", "classified_messages"], group_name="classification",
          deps=[dg.AssetKey(["raw", "emails"])], kinds={"python", "duckdb"}, owners=OWNERS,
          description="One row per landed message: its determination, reason, confidence and evidence "
                      "(rules, then LLM + QA); also writes classification.replacements.")
def classified_messages(context: dg.AssetExecutionContext, autoresponder: AutoResponderResource,
                        systems: SystemsResource) -> dg.MaterializeResult:
    ctx = autoresponder.run_context(context)
    conn = autoresponder.connect()
    try:
        stats = classify(ctx, conn, systems.systems)
    finally:
        conn.close()
    return dg.MaterializeResult(metadata={"stats": dg.MetadataValue.json(stats),
                                          "dagster/row_count": dg.MetadataValue.int(int(stats.get("messages") or 0))})


@dg.asset(key=["classification", "replacements"], group_name="classification",
          deps=[classified_messages], kinds={"duckdb"}, owners=OWNERS,
          description="Alternate contacts named by REPLACEMENT replies, one row per contact "
                      "(written with classified_messages).")
def replacements(autoresponder: AutoResponderResource) -> dg.MaterializeResult:
    """Written by `classified_messages`; this asset makes the dbt source visible in the graph."""
    conn = autoresponder.connect()
    try:
        rows = conn.execute("select count(*) from classification.replacements").fetchone()[0]
    finally:
        conn.close()
    return dg.MaterializeResult(metadata={"dagster/row_count": dg.MetadataValue.int(rows)})
