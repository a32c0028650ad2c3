"""Automation: a `plan` run when new replies land in the emails folder (or the email store on SQL
Server), a daily `plan` run, and `apply` as its own job a person launches after reading the plan
(DESIGN §10: production plans)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import dagster as dg

from autoresponder.config import Settings
from autoresponder.land.email_store import read_store_state

EMAIL_SUFFIXES = (".eml", ".mbox")


def _mode_config(mode: str) -> dict:
    return {"resources": {"autoresponder": {"config": {"mode": mode}}}}


plan_job = dg.define_asset_job(
    "autoresponder_plan", selection=dg.AssetSelection.all(), config=_mode_config("plan"),
    description="The whole chain in plan mode: land, classify, route, list the writes, documents; writes nothing.")
apply_job = dg.define_asset_job(
    "autoresponder_apply", selection=dg.AssetSelection.all(), config=_mode_config("apply"),
    description="The whole chain in apply mode: executes the rows gated auto. Launched by a person; "
                "stops before any write when an input expectation fails.")

daily_plan = dg.ScheduleDefinition(name="autoresponder_daily_plan", job=plan_job, cron_schedule="0 6 * * *",
                                   default_status=dg.DefaultScheduleStatus.STOPPED,
                                   description="Every day at 06:00: a plan run over whatever has landed.")


def email_files(emails_dir: Path) -> list[tuple[str, int, int]]:
    """(name, size, mtime in ns) of every reply file, sorted: what the sensor compares."""
    if not emails_dir.is_dir():
        return []
    return sorted((p.name, st.st_size, st.st_mtime_ns) for p in emails_dir.iterdir()
                  if p.is_file() and p.suffix.lower() in EMAIL_SUFFIXES and (st := p.stat()))


def folder_cursor(files: list[tuple[str, int, int]]) -> str:
    return hashlib.sha256(repr(files).encode()).hexdigest()[:16]


@dg.sensor(name="new_emails_sensor", job=plan_job, minimum_interval_seconds=300,
           default_status=dg.DefaultSensorStatus.STOPPED,
           description="Starts a plan run when reply files are added to or changed in <sources>/emails, or, "
                       "with AUTORESPONDER_EMAILS_SQL, when the email store's newest ReceivedDate or row count "
                       "changes.")
def new_emails_sensor(context: dg.SensorEvaluationContext):
    settings = Settings()
    if settings.emails_sql is not None:
        newest, rows = read_store_state(settings)
        cursor = folder_cursor([(settings.emails_sql_table, rows, newest)])
        if not rows or cursor == context.cursor:
            return dg.SkipReason(f"no new replies in {settings.emails_sql_table} (newest {newest or 'none'})")
        context.update_cursor(cursor)
        return dg.RunRequest(run_key=cursor, tags={"autoresponder/emails": str(rows)})
    emails_dir = Path(settings.sources_dir) / "emails"
    files = email_files(emails_dir)
    cursor = folder_cursor(files)
    if not files or cursor == context.cursor:
        return dg.SkipReason(f"no new replies in {emails_dir}")
    context.update_cursor(cursor)
    return dg.RunRequest(run_key=cursor, tags={"autoresponder/emails": str(len(files))})
