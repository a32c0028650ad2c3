"""CUPOLA in the registry: SQL Server by ODBC when configured, else the embedded store (DESIGN §2)."""

from __future__ import annotations

from contextlib import ExitStack
from pathlib import Path
from typing import Any

from autoresponder.act.rollback import restoring_write
from autoresponder.land.snapshots import Snapshot
from autoresponder.land.sql_source import SqlRead, odbc_identity
from autoresponder.systems.cupola import CupolaWriter, EmbeddedCupola, reads
from autoresponder.systems.cupola.procedures import ORG_PERSON_UPDATES
from autoresponder.systems.registry import Opened, System

SNAPSHOTS = (
    Snapshot("cupola/persons.csv", "raw.cupola_persons", {
        "person_id": "BIGINT", "first_name": "VARCHAR", "last_name": "VARCHAR", "email": "VARCHAR",
        "phone": "VARCHAR"},
        sql=SqlRead("cupola_sql", reads.PERSONS)),
    Snapshot("cupola/orgs.csv", "raw.cupola_orgs", {
        "org_id": "BIGINT", "org_name": "VARCHAR", "website_domain": "VARCHAR"},
        sql=SqlRead("cupola_sql", reads.ORGS)),
    Snapshot("cupola/org_persons.csv", "raw.cupola_org_persons", {
        "org_person_id": "BIGINT", "person_id": "BIGINT", "org_id": "BIGINT", "position": "VARCHAR",
        "email": "VARCHAR", "status": "VARCHAR", "status_change_date": "DATE"},
        sql=SqlRead("cupola_sql", reads.ORG_PERSONS)),
)


def _open(settings: Any, sources_dir: Path, warehouse: Path, stack: ExitStack) -> Opened:
    """SQL Server through pyodbc (the two procedures via `EXEC`), else the embedded store next to
    the warehouse, seeded from the CUPOLA CSVs in one transaction (re-seeded when they change)."""
    if settings.cupola_odbc is not None:
        import pyodbc  # optional driver: only a configured SQL Server needs it

        from autoresponder.systems.cupola.mssql import MssqlCupola

        conn_str = settings.cupola_odbc.get_secret_value()
        odbc = pyodbc.connect(conn_str, autocommit=False)
        stack.callback(odbc.close)
        return Opened(MssqlCupola(odbc), "mssql:" + odbc_identity(conn_str))

    path = Path(warehouse).parent / "cupola.sqlite"
    cupola = EmbeddedCupola(path)
    stack.callback(cupola.close)
    cupola.ensure_seeded(sources_dir)
    return Opened(cupola, f"embedded:{path.resolve()}")


def _writer(ctx: Any, handle: Any, conn: Any) -> Any:

    return None if handle is None else CupolaWriter(handle)


def _offline_writer(conn: Any, warehouse: Path) -> Any:

    store = Path(warehouse).parent / "cupola.sqlite"
    return CupolaWriter(EmbeddedCupola(store)) if store.exists() else None


def _sql_literal(value: Any) -> str:
    return "NULL" if value is None else "N'" + str(value).replace("'", "''") + "'"


def restore(row: dict[str, Any]) -> tuple[Any, str, str] | None:
    """mark_inactive: manual (no reactivate procedure); updates: `OrgPersonUpdates` with the prior
    values, manual when a prior is empty (NULL means "unchanged" to the procedure)."""

    action, payload, prior, rid = row["action"], row["payload"] or {}, row["prior"] or {}, row["record_id"]
    if action == "create":
        return None  # the generic rule: created records are never deleted automatically
    if action == "mark_inactive":
        return (None, f"manual reactivation request: CUPOLA org_person_id {rid} back to Active "
                      f"(status_change_date was {prior.get('status_change_date') or 'unknown'})",
                "CUPOLA has no reactivate procedure; the CUPOLA owner decides")
    fields = [f for f in ("position", "email") if payload.get(f) is not None]
    back = {f: prior.get(f) for f in fields}
    lost = [f for f in fields if back[f] is None]
    call = (f"EXEC dbo.{ORG_PERSON_UPDATES} @OrgPersonID={rid}, @Position={_sql_literal(back.get('position'))}, "
            f"@Email={_sql_literal(back.get('email'))}, @Result=@r OUTPUT")
    if not fields or lost:
        return (None, f"manual: set {', '.join(lost or ['nothing'])} of org_person_id {rid} back to empty",
                "prior value was empty; NULL means unchanged to the procedure")
    new_payload = {"position": back.get("position"), "email": back.get("email")}
    return restoring_write(row, new_payload, {f: payload.get(f) for f in fields}), call, ""


def _counts(opened: Opened | None, writer: Any) -> dict[str, int]:
    handle = opened.handle if opened is not None else None
    if not hasattr(handle, "procedure_calls"):
        return {}
    calls = handle.procedure_calls()
    kinds: dict[str, int] = {}
    for c in calls:
        name = c.get("procedure") if isinstance(c, dict) else str(c)
        kinds[str(name)] = kinds.get(str(name), 0) + 1
    return kinds or ({"procedure_calls": len(calls)} if calls else {})


def _configured(settings: Any) -> bool:
    return settings.cupola_odbc is not None


SYSTEM = System(
    name="cupola", order=10, snapshots=SNAPSHOTS, configured=_configured, open=_open, writer=_writer,
    offline_writer=_offline_writer, restore=restore, request_counts=_counts, matched=True,
)

