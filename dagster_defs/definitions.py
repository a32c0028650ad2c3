"""The Dagster Definitions: wiring only; every asset body calls one `autoresponder` function."""


import dagster as dg
from dagster_dbt import DbtCliResource

from dagster_defs import actions, classification, landing, outputs
from dagster_defs.resources import AutoResponderResource, SystemsResource

all_assets = [
    landing.raw_emails, *landing.snapshot_assets, *landing.salesforce_assets,
    classification.classified_messages, classification.replacements,
    actions.routing_models, actions.executed_writes, actions.audit_models, actions.ops_runs,
    outputs.run_folder,
]

settings = AutoResponderResource()  # defaults: seeds/, warehouse.duckdb, runs/, plan mode
pipeline_job = dg.define_asset_job("autoresponder_pipeline", selection=dg.AssetSelection.all())

defs = dg.Definitions(
    assets=[*all_assets, *outputs.review_tables],
    jobs=[pipeline_job],
    schedules=[dg.ScheduleDefinition(job=pipeline_job, cron_schedule="0 6 * * *",
                                     default_status=dg.DefaultScheduleStatus.STOPPED)],
    resources={
        "autoresponder": settings,
        "systems": SystemsResource(autoresponder=settings),
        "dbt": DbtCliResource(project_dir=actions.dbt_project, dbt_executable=actions.DBT_EXECUTABLE),
    },
    executor=dg.in_process_executor,
)
