"""Which systems each run wrote to (`ops.runs`), so rollback and apply never use the wrong ones;
and how each run ended (`finished_at`, `exit_code`), which `marts.fct_runs` reports.

A run that wrote to a real Salesforce org must be rolled back against that org: the embedded
emulator is seeded afresh from CSV for every run and thrown away after it, so restoring
"succeeded" there would restore nothing and record it as done (DESIGN §10, issue 9 item 5).
"""

from __future__ import annotations

import json
from typing import Any

from autoresponder.act.write_log import ensure_write_log
from autoresponder.connections import EMBEDDED_SALESFORCE
from autoresponder.errors import TargetMismatchError, UnknownRunError

_DDL = """
create schema if not exists ops;
create table if not exists ops.runs (
    run_id varchar primary key,
    command varchar,
    mode varchar,
    targets json,
    started_at timestamp default current_timestamp,
    finished_at timestamp,
    exit_code integer
);
alter table ops.runs add column if not exists finished_at timestamp;
alter table ops.runs add column if not exists exit_code integer;
"""
FIX = ("set the Salesforce settings of that org (AUTORESPONDER_SALESFORCE_INSTANCE_URL + _ACCESS_TOKEN [+ "
       "_REFRESH_TOKEN], or _USERNAME / _PASSWORD / _SECURITY_TOKEN) and run again")


def ensure_runs(conn: Any) -> None:
    """Create `ops.runs` when missing (and add the columns of newer versions to an older table)."""
    conn.execute(_DDL)


def record_run(conn: Any, run_id: str, command: str, mode: str, targets: dict[str, str]) -> None:
    ensure_runs(conn)
    conn.execute("insert or replace into ops.runs (run_id, command, mode, targets) values (?, ?, ?, ?)",
                 [run_id, command, mode, json.dumps(targets, sort_keys=True)])


def finish_run(conn: Any, run_id: str, exit_code: int) -> None:
    """Record how the run ended: its process exit code (DESIGN §10) and the time."""
    ensure_runs(conn)
    conn.execute("update ops.runs set finished_at = current_timestamp, exit_code = ? where run_id = ?",
                 [int(exit_code), run_id])


def run_targets(conn: Any, run_id: str) -> dict[str, str] | None:
    if not _exists(conn, "runs"):
        return None
    row = conn.execute("select targets from ops.runs where run_id = ?", [run_id]).fetchone()
    return json.loads(row[0]) if row and row[0] else None


def _exists(conn: Any, table: str) -> bool:
    return bool(conn.execute("select count(*) from information_schema.tables where table_schema = 'ops' "
                             "and table_name = ?", [table]).fetchone()[0])


def real_salesforce_runs(conn: Any) -> list[tuple[str, str]]:
    """(run_id, target) of every earlier run that wrote to a real Salesforce org."""
    if not _exists(conn, "runs") or not _exists(conn, "write_log"):
        return []
    rows = conn.execute(
        "select r.run_id, r.targets from ops.runs r where exists (select 1 from ops.write_log l "
        "where l.run_id = r.run_id and l.system = 'salesforce') order by r.started_at").fetchall()
    out = []
    for run_id, targets in rows:
        sf = (json.loads(targets) if targets else {}).get("salesforce")
        if sf and sf != EMBEDDED_SALESFORCE:
            out.append((run_id, sf))
    return out


def check_apply_target(conn: Any, current: dict[str, str]) -> None:
    """`apply` on the throwaway emulator refuses when this warehouse holds writes to a real org."""
    if current.get("salesforce") != EMBEDDED_SALESFORCE:
        return
    real = real_salesforce_runs(conn)
    if real:
        run_id, target = real[-1]
        raise TargetMismatchError(
            f"no Salesforce org is configured, so this run would write to a throwaway embedded emulator, but run "
            f"{run_id} of this warehouse wrote to {target}: its pending and failed writes would be healed against "
            f"the wrong org; {FIX}")


def check_rollback_target(conn: Any, run_id: str, current: dict[str, str]) -> None:
    """Rollback of `run_id` refuses (exit 2) an unknown run and systems other than the run's own."""
    if _exists(conn, "write_log"):
        ensure_write_log(conn)  # a warehouse of an older release gains healed_by_run_id
    known = _exists(conn, "write_log") and conn.execute(
        "select count(*) from ops.write_log where ? in (run_id, healed_by_run_id)", [run_id]).fetchone()[0]
    recorded = run_targets(conn, run_id)
    if not known and recorded is None:
        raise UnknownRunError(f"rollback: no run {run_id!r} in the write log of this warehouse; list the runs "
                              "with: select distinct run_id from ops.write_log (or look in runs/)")
    wrote_sf = _exists(conn, "write_log") and conn.execute(
        "select count(*) from ops.write_log where ? in (run_id, healed_by_run_id) and system = 'salesforce'",
        [run_id]).fetchone()[0]
    if recorded is None or not wrote_sf or not current:
        return
    was, now = recorded.get("salesforce"), current.get("salesforce")
    if was and was != EMBEDDED_SALESFORCE and was != now:
        where = "a throwaway embedded emulator" if now == EMBEDDED_SALESFORCE else now
        raise TargetMismatchError(f"rollback: run {run_id} wrote to Salesforce {was}, but this rollback would "
                                  f"write to {where}; {FIX}")
