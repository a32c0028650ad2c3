"""The Dagster Definitions: wiring only; every asset body calls one `autoresponder` function."""


import dagster as dg
from dagster_dbt import DbtCliResource

from dagster_defs import actions, classification, landing, outputs, quality, sensors
from dagster_defs.resources import AutoResponderResource, SystemsResource

all_assets = [
    landing.raw_emails, *landing.snapshot_assets, *landing.api_assets,
    classification.classified_messages, classification.replacements,
    actions.routing_models, actions.executed_writes, actions.audit_models, actions.ops_runs,
    outputs.run_folder,
]
all_checks = [quality.output_checks]

# unset fields come from Settings (config.py defaults, then AUTORESPONDER_* variables), as in the CLI
settings = AutoResponderResource()

defs = dg.Definitions(
    assets=[*all_assets, *outputs.review_tables],
    asset_checks=all_checks,
    jobs=[sensors.plan_job, sensors.apply_job],
    schedules=[sensors.daily_plan],
    sensors=[sensors.new_emails_sensor],
    resources={
        "autoresponder": settings,
        "systems": SystemsResource(autoresponder=settings),
        "dbt": DbtCliResource(project_dir=actions.dbt_project, dbt_executable=actions.DBT_EXECUTABLE),
    },
    executor=dg.in_process_executor,
)
