"""Group `classification`: rules, then LLM + QA for what rules leave open (DESIGN §4.2)."""


import dagster as dg

from autoresponder.pipeline import classify
from dagster_defs.resources import AutoResponderResource, SystemsResource


@dg.asset(key=["classification", "classified_messages"], group_name="classification",
          deps=[dg.AssetKey(["raw", "emails"])], kinds={"python", "duckdb"},
          description="One determination per message, with evidence; also classification.replacements.")
def classified_messages(context: dg.AssetExecutionContext, autoresponder: AutoResponderResource,
                        systems: SystemsResource) -> dg.MaterializeResult:
    ctx = autoresponder.run_context(context)
    conn = autoresponder.connect()
    try:
        stats = classify(ctx, conn, systems.systems)
    finally:
        conn.close()
    return dg.MaterializeResult(metadata={"stats": dg.MetadataValue.json(stats)})


@dg.asset(key=["classification", "replacements"], group_name="classification",
          deps=[classified_messages], kinds={"duckdb"},
          description="Alternate contacts, one row each (written with classified_messages).")
def replacements() -> None:
    """Written by `classified_messages`; this asset makes the dbt source visible in the graph."""
