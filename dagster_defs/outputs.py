"""Group `outputs`: the run folder and impact report (DESIGN §8)."""


from pathlib import Path

import dagster as dg

from autoresponder.pipeline import notify
from autoresponder.report.cumulative import dagster_markdown
from autoresponder.report.run_folder import write_run_folder
from dagster_defs.quality import OWNERS
from dagster_defs.resources import AutoResponderResource, SystemsResource


@dg.asset(group_name="outputs", deps=[dg.AssetKey(["ops", "write_log"])], kinds={"python", "csv"}, owners=OWNERS,
          description="runs/<run_id>/ (named as the CLI names run folders): documents, audit logs, rollback "
                      "plan, impact report; the impact report is this asset's Markdown metadata.")
def run_folder(context: dg.AssetExecutionContext, autoresponder: AutoResponderResource,
               systems: SystemsResource) -> dg.MaterializeResult:
    ctx = autoresponder.run_context(context)
    conn = autoresponder.connect()
    try:
        # the writers ran in executed_writes; the files come from the write log
        impact = write_run_folder(ctx, conn, systems.systems, writers={})
        notifications = notify(ctx, conn)
    finally:
        conn.close()
    report = ctx.run_dir / "impact_report.md"
    return dg.MaterializeResult(metadata={
        "impact_report": dg.MetadataValue.md(report.read_text(encoding="utf-8") if report.exists() else ""),
        "run_id": ctx.run_id,
        "run_dir": dg.MetadataValue.path(str(ctx.run_dir)),
        "total_processed": impact["total_processed"],
        "records_deactivated": impact["records_deactivated"],
        "notifications": dg.MetadataValue.json(notifications),
        **_across_runs(ctx),
    })


def _across_runs(ctx) -> dict:
    """The cumulative impact (issue 10) as Markdown with the chart inlined, shown on the asset."""
    across = ctx.facts.get("impact_across_runs")
    if not across:
        return {}
    return {"impact_across_runs": dg.MetadataValue.md(dagster_markdown(across["markdown"], Path(across["png"]))),
            "runs_so_far": across["totals"]["runs"]}


# issue 10: the reviewers' decisions, written by `autoresponder serve` (not by a Dagster run) and read
# by the routing models (approved writes, remembered rejections)
review_tables = [
    dg.AssetSpec(["review", table], group_name="actions", kinds={"duckdb"}, owners=OWNERS,
                 description=description)
    for table, description in (
        ("human_review_decisions", "Approve / reject per human-review reply, with reviewer and time "
                                   "(uploaded through `autoresponder serve`)."),
        ("multipub_decisions", "The Multipub reviewer's Yes / No per audit row, with reviewer, time and the "
                               "upload that mailed Client Services."),
    )
]
