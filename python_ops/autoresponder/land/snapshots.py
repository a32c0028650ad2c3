"""Land the CSV snapshots of CUPOLA, Multipub, Hodor, SFMC (and Salesforce exports) as typed tables.

The column lists are DESIGN §3. A missing file stops the run with a message naming the file;
a file whose header lacks a column names the file, the missing columns and what was found; a
value that does not fit its column names the file, line and column. All snapshots of one call
land in one transaction, so a failing file leaves every previous raw table intact.

A snapshot whose bytes are those last landed (SHA-256 recorded in `ops.landed_snapshots`, with
the column types it was landed with and the content fingerprint of the table it made) is not
read again while its table still holds what that landing wrote; the caller says it was unchanged.

A snapshot with a SQL read (`Snapshot.sql`) comes from that query instead of its CSV when its
setting names a database (`AUTORESPONDER_CUPOLA_SQL`, `_MULTIPUB_SQL`, `_HODOR_SQL`;
`land/sql_source.py`), into the same typed table and the same transaction; the default is the CSV.
A SQL read is read on every run (its database has no bytes to compare).
"""

from __future__ import annotations

import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from autoresponder.errors import SourceFormatError, SourceMissingError
from autoresponder.fingerprint import digest, file_sha256, table_fingerprint
from autoresponder.land.csv_source import check_header, header_of, iter_rows, read_text, value_error
from autoresponder.land.sql_source import SqlRead, open_engine, schemas_of, source_identity, stage_rows
from autoresponder.systems import registry
from autoresponder.systems.registry import csv_snapshots

LANDED_DDL = """
create schema if not exists ops;
create table if not exists ops.landed_snapshots (
    table_name varchar primary key,
    relpath varchar not null,
    file_sha256 varchar not null,
    columns_sha256 varchar not null,
    codec varchar,
    table_fingerprint varchar not null,
    row_count bigint not null,
    run_id varchar,
    landed_at timestamp not null default current_timestamp
);
"""


@dataclass(frozen=True)
class Snapshot:
    relpath: str
    table: str
    columns: dict[str, str]  # name -> DuckDB type
    sql: SqlRead | None = None  # read from this query when its setting is set (else the CSV)


def sql_source(snap: Snapshot, settings: Any) -> Any:
    """The database setting `snap` is read from under `settings`, or None: its CSV."""
    if snap.sql is None or settings is None:
        return None
    return getattr(settings, snap.sql.setting, None)


@dataclass
class SnapshotLanding:
    rows: dict[str, int]  # table -> rows it holds now
    unchanged: list[str]  # tables whose file had the bytes last landed: not read again


def __getattr__(name: str):
    """`SNAPSHOTS` (every registered system's CSV snapshots) and `SALESFORCE_EXPORTS`, read from
    the system registry (`systems/<name>/system.py` declares its own columns, DESIGN §3)."""

    if name == "SNAPSHOTS":
        return registry.csv_snapshots()
    if name == "SALESFORCE_EXPORTS":
        sf = registry.get("salesforce")
        return sf.fallback_snapshots if sf is not None else ()
    raise AttributeError(name)


def _readable_copy(path: Path, text: str, codec: str, tmpdir: Path) -> Path:
    """`path` itself when DuckDB can read it as is (UTF-8), else a UTF-8 copy in `tmpdir`."""
    if codec == "utf-8":
        return path
    copy = tmpdir / f"{len(list(tmpdir.iterdir()))}_{path.name}"
    copy.write_text(text, encoding="utf-8", newline="")
    return copy


def _missing_error(path: Path, snap: Snapshot) -> SourceMissingError:
    return SourceMissingError(
        f"{path}: source file missing; every source directory needs {snap.relpath} "
        f"(columns: {', '.join(snap.columns)}), see DESIGN §3"
    )


def _stage(conn: duckdb.DuckDBPyConnection, sources_dir: Path, snap: Snapshot, n: int,
           tmpdir: Path) -> tuple[str, str]:
    """Read one CSV into a temp table of text columns, checked: encoding, header, every typed value.

    Returns the temp table's name and the file's codec; raises `SourceFormatError` naming file, line and column.
    """
    path = Path(sources_dir) / snap.relpath
    if not path.is_file():
        raise _missing_error(path, snap)
    text, codec = read_text(path)
    _warn_codec(path, codec)
    check_header(path, header_of(text), list(snap.columns))
    readable = _readable_copy(path, text, codec, tmpdir)
    stage = f"_land_stage_{n}"
    cols = ", ".join(f'"{c}"' for c in snap.columns)
    try:
        conn.execute(
            f"create or replace temp table {stage} as select {cols} "
            "from read_csv(?, header=true, all_varchar=true, auto_detect=true)",
            [str(readable)],
        )
    except duckdb.Error as exc:
        raise SourceFormatError(f"{path}:1:1: cannot be read as CSV ({str(exc).splitlines()[0]}); "
                                "fix the quoting or delimiters of the export") from exc
    for c, t in snap.columns.items():
        if t == "VARCHAR":
            continue
        bad = conn.execute(
            f'select "{c}" from {stage} where nullif(trim("{c}"), \'\') is not null '
            f'and try_cast(trim("{c}") as {t}) is null limit 1'
        ).fetchone()
        if bad is not None:
            located = _locate(path, text, c, t, bad[0])
            raise located
    return stage, codec


def _locate(path: Path, text: str, column: str, sql_type: str, value: str) -> SourceFormatError:
    header = [h.strip() for h in header_of(text) or []]
    for line, row in iter_rows(path, text):
        if (row.get(column) or "").strip() == value.strip():
            return value_error(path, line, header.index(column) + 1, column, sql_type, value)
    return value_error(path, 0, header.index(column) + 1, column, sql_type, value)


def land_snapshots(
    conn: duckdb.DuckDBPyConnection, sources_dir: Path, snapshots: tuple[Snapshot, ...] | None = None,
    *, settings: Any = None,
) -> dict[str, int]:
    """Rows of every landed table (`land_changed_snapshots`)."""
    return land_changed_snapshots(conn, sources_dir, snapshots, settings=settings).rows


def land_changed_snapshots(conn: duckdb.DuckDBPyConnection, sources_dir: Path,
                           snapshots: tuple[Snapshot, ...] | None = None, *, run_id: str | None = None,
                           settings: Any = None) -> SnapshotLanding:
    """Land every snapshot (default: every registered system's) in one transaction: all changed
    tables are replaced, or none.

    Every changed source is read and checked first (missing file, encoding, header, typed values;
    a SQL read's rows), so a failing source leaves the previous raw tables as they were. A file
    with the bytes last landed into a table that still holds what they made is not read again
    (`unchanged`). `settings` chooses each snapshot's source (`sql_source`); without it every
    snapshot is its CSV.
    """
    if snapshots is None:

        snapshots = csv_snapshots()
    for snap in snapshots:  # every file there before any is read
        path = Path(sources_dir) / snap.relpath
        if sql_source(snap, settings) is None and not path.is_file():
            raise _missing_error(path, snap)
    conn.execute(LANDED_DDL)
    rows: dict[str, int] = {}
    unchanged: list[str] = []
    changed: list[tuple[Snapshot, str | None]] = []
    for snap in snapshots:
        if sql_source(snap, settings) is not None:
            changed.append((snap, None))
            continue
        sha = file_sha256(Path(sources_dir) / snap.relpath)
        same = _landed_unchanged(conn, sources_dir, snap, sha)
        if same is None:
            changed.append((snap, sha))
        else:
            rows[snap.table] = same
            unchanged.append(snap.table)
    stages: list[tuple[Snapshot, str, str | None, str | None]] = []
    engines: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="autoresponder-land-") as tmp:
        try:
            for n, (snap, sha) in enumerate(changed):
                source = sql_source(snap, settings)
                if source is None:
                    stage, codec = _stage(conn, sources_dir, snap, n, Path(tmp))
                    stages.append((snap, stage, sha, codec))
                    continue
                engine = engines.get(snap.sql.setting)
                if engine is None:
                    schemas = {s for other in snapshots if other.sql is not None
                               and other.sql.setting == snap.sql.setting for s in schemas_of(other.sql.statement)}
                    engine = engines[snap.sql.setting] = open_engine(source, schemas)
                where = f"{source_identity(source)} ({snap.sql.setting}, {snap.table})"
                stages.append((snap, stage_rows(conn, engine, snap.sql.statement, snap.columns,
                                                f"_land_stage_{n}", where), None, None))
            conn.execute("begin transaction")
            try:
                for snap, stage, sha, codec in stages:
                    conn.execute(f"create schema if not exists {snap.table.split('.')[0]}")
                    select = ", ".join(
                        f'cast(nullif(trim("{c}"), \'\') as {t}) as "{c}"' if t != "VARCHAR"
                        else f'nullif("{c}", \'\') as "{c}"'
                        for c, t in snap.columns.items()
                    )
                    conn.execute(f"create or replace table {snap.table} as select {select} from {stage}")
                    rows[snap.table] = conn.execute(f"select count(*) from {snap.table}").fetchone()[0]
                    if sha is None:  # a SQL read: nothing to compare with next time
                        conn.execute("delete from ops.landed_snapshots where table_name = ?", [snap.table])
                        continue
                    conn.execute("insert or replace into ops.landed_snapshots (table_name, relpath, file_sha256, "
                                 "columns_sha256, codec, table_fingerprint, row_count, run_id) "
                                 "values (?, ?, ?, ?, ?, ?, ?, ?)",
                                 [snap.table, snap.relpath, sha, digest(snap.columns), codec,
                                  table_fingerprint(conn, snap.table), rows[snap.table], run_id])
                conn.execute("commit")
            except BaseException:
                conn.execute("rollback")
                raise
            return SnapshotLanding(rows={snap.table: rows[snap.table] for snap in snapshots}, unchanged=unchanged)
        finally:
            for _, stage, _, _ in stages:
                conn.execute(f"drop table if exists {stage}")
            for engine in engines.values():
                engine.dispose()


def _landed_unchanged(conn: duckdb.DuckDBPyConnection, sources_dir: Path, snap: Snapshot, sha: str) -> int | None:
    """The row count of `snap.table` when its file has the bytes last landed there, with the same
    column types, and the table still holds what that landing made (nothing else replaced it, e.g.
    an API sync of the same table); else None."""
    rec = conn.execute("select file_sha256, columns_sha256, table_fingerprint, row_count, codec "
                       "from ops.landed_snapshots where table_name = ?", [snap.table]).fetchone()
    if rec is None or rec[0] != sha or rec[1] != digest(snap.columns):
        return None
    if table_fingerprint(conn, snap.table) != rec[2]:
        return None
    _warn_codec(Path(sources_dir) / snap.relpath, rec[4])
    return int(rec[3])


def _warn_codec(path: Path, codec: str | None) -> None:
    if codec not in (None, "utf-8", "utf-8-sig"):
        _warn(f"{path}: read as {codec.replace('_', '-')} (not UTF-8); save it as UTF-8 to silence this warning")


def land_snapshot(conn: duckdb.DuckDBPyConnection, sources_dir: Path, snap: Snapshot, *,
                  settings: Any = None) -> int:
    """Replace `snap.table` with the typed contents of its source; returns the row count."""
    return land_snapshots(conn, sources_dir, (snap,), settings=settings)[snap.table]


def _warn(text: str) -> None:
    print(f"warning: {text}", file=sys.stderr, flush=True)


def preflight(sources_dir: Path, *, settings=None, salesforce_csv: bool | None = None) -> list[str]:
    """Check, before a run touches anything, that every source it needs is there.

    Raises `SourceMissingError` for a missing file or emails folder (unless `settings` read that
    source from SQL: `sql_source`, `emails_sql`; a missing Salesforce export is an error whenever
    Salesforce is read from `salesforce/*.csv`, the emulator's seed included);
    returns warnings (an empty emails folder: the run goes on with what was landed before).
    """
    sources_dir = Path(sources_dir)
    if not sources_dir.is_dir():
        raise SourceMissingError(f"{sources_dir}: the sources directory does not exist; pass --sources DIR "
                                 "with the DESIGN §3 layout (cupola/, salesforce/, emails/ ...)")

    needed = list(registry.csv_snapshots())
    for system in registry.systems():  # a system not configured is read from its CSV export
        read_from_csv = (salesforce_csv if system.name == "salesforce" and salesforce_csv is not None
                         else not (system.configured and settings is not None and system.configured(settings)))
        if read_from_csv:
            needed += system.fallback_snapshots
    for snap in needed:
        path = sources_dir / snap.relpath
        if sql_source(snap, settings) is None and not path.is_file():
            raise _missing_error(path, snap)
    if settings is not None and settings.emails_sql is not None:
        return []  # replies come from the email store (land/email_store.py), not a folder
    emails = sources_dir / "emails"
    if not emails.is_dir():
        raise SourceMissingError(f"{emails}: the emails folder does not exist; create it with the .eml/.mbox "
                                 "replies (DESIGN §3 layout: <sources>/emails/*.eml)")
    warnings = []
    if not any(p.is_file() for p in emails.rglob("*")):
        warnings.append(f"{emails}: no reply files (.eml/.mbox); the run goes on with the messages landed before")
    return warnings
