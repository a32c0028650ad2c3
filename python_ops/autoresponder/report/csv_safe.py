"""CSV and JSON writers whose files are safe to open in a spreadsheet (DESIGN §8).

A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return can be read by Excel,
LibreOffice or Google Sheets as a formula (CSV injection). Such text cells get a leading
apostrophe, which spreadsheets show as plain text. A cell that parses as a plain number
(`-5`, `+3.2`, `-1e3`) is left as it is: it is a number, not a formula, and prefixing it would
corrupt numeric columns. Non-string values (int, float, bool) are never changed; dicts and lists
are written as compact JSON and then neutralised like any other text.

JSON files are not neutralised: they are read by programs, not spreadsheets.

`write_query` writes the result of a DuckDB query the same way, byte for byte, in batches: the
rows are never all in Python at once. DuckDB turns NULL text into empty cells and marks the rows
holding a text cell that starts with a formula character (rare); only those rows, and the cells
of types Python must convert (dates, timestamps, decimals, lists), go through `neutralise`.
"""

from __future__ import annotations

import csv
import json
import math
import re
from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime
from json.encoder import encode_basestring
from pathlib import Path
from typing import Any

import duckdb

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")
# RE2 (DuckDB): text starting with one of FORMULA_PREFIXES; such a row goes through `neutralise`
_FORMULA_START_SQL = "'^[=+\\-@\\t\\r]'"
# types whose Python values `neutralise` returns unchanged (the csv module writes them as it would)
_CSV_AS_IS = frozenset({"BOOLEAN", "TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "UTINYINT", "USMALLINT",
                        "UINTEGER", "UBIGINT", "UHUGEINT", "FLOAT", "DOUBLE"})
BATCH_ROWS = 10_000  # rows fetched from DuckDB at a time by `write_query`


def neutralise(value: Any) -> Any:
    """Return `value` as a cell a spreadsheet will not evaluate.

    `None` becomes an empty string; numbers and booleans stay as they are; dates become ISO
    strings; dicts and lists become JSON text. Text starting with a formula character gets a
    leading apostrophe unless it is a plain number.
    """
    if type(value) is str:  # the common case first: most cells are text
        if value.startswith(FORMULA_PREFIXES) and not _PLAIN_NUMBER.match(value):
            return "'" + value
        return value
    if value is None:
        return ""
    if isinstance(value, bool | int | float):
        return value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Mapping | list | tuple):
        value = json.dumps(value, ensure_ascii=False, default=str, separators=(",", ":"))
    text = str(value)
    if text.startswith(FORMULA_PREFIXES) and not _PLAIN_NUMBER.match(text):
        return "'" + text
    return text


def _columns_of(rows: Iterable[Mapping[str, Any]]) -> list[str]:
    seen: dict[str, None] = {}
    for row in rows:
        for key in row:
            seen.setdefault(key, None)
    return list(seen)


def write_csv(path: str | Path, rows: list[Mapping[str, Any]], columns: list[str] | None = None) -> Path:
    """Write `rows` to `path` as UTF-8 CSV with every cell neutralised.

    Args:
        path: the file to write; parent folders are created.
        rows: one mapping per row.
        columns: header and column order. Defaults to every key in order of first appearance.
            Keys not in `columns` are dropped; missing keys are empty cells.

    Returns:
        The path written.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    cols = list(columns) if columns is not None else _columns_of(rows)
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow([neutralise(c) for c in cols])
        for row in rows:
            writer.writerow([neutralise(row.get(c)) for c in cols])
    return path


def write_json(path: str | Path, rows: Any) -> Path:
    """Write `rows` (any JSON-able value) to `path`, indented, dates as ISO strings."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as fh:
        json.dump(rows, fh, ensure_ascii=False, indent=2, default=_json_default)
        fh.write("\n")
    return path


def _json_default(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value)


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _relation_columns(conn: duckdb.DuckDBPyConnection, sql: str, params: list) -> list[tuple[str, str]]:
    """(name, DuckDB type) of each column of `sql`; names must be unique (they key the JSON rows)."""
    cols = [(d[0], str(d[1])) for d in conn.execute(f"select * from ({sql}) limit 0", params).description]
    names = [c for c, _ in cols]
    if len(set(names)) != len(names):
        dup = sorted({n for n in names if names.count(n) > 1})
        raise ValueError(f"query for a document has duplicate column names {dup}: alias them apart; query: {sql}")
    return cols


def _order_clause(cols: list[tuple[str, str]], order_by: list[str] | None) -> str:
    """`order by all` of the relation, or its named columns, written against the subquery `q`
    (so the select list of the outer query, which rewrites cells, does not change the order)."""
    keys = [c for c, _ in cols] if order_by is None else order_by
    return " order by " + ", ".join(f"q.{_quote(k)}" for k in keys) if keys else ""


def _json_float(v: float) -> str:
    if v != v:
        return "NaN"
    if math.isinf(v):
        return "Infinity" if v > 0 else "-Infinity"
    return float.__repr__(v)


def _json_nested(v: Any) -> str:
    # a value two levels deep (list of rows > row > value), as json.dump(indent=2) writes it there
    return json.dumps(v, ensure_ascii=False, indent=2, default=_json_default).replace("\n", "\n    ")


def _json_encoder(duck_type: str) -> Callable[[Any], str]:
    """One cell as `json.dump(rows, indent=2, ensure_ascii=False)` writes it inside a row."""
    if duck_type == "VARCHAR":
        return lambda v: "null" if v is None else encode_basestring(v)
    if duck_type == "BOOLEAN":
        return lambda v: "null" if v is None else ("true" if v else "false")
    if duck_type in ("FLOAT", "DOUBLE"):
        return lambda v: "null" if v is None else _json_float(v)
    if duck_type in _CSV_AS_IS:
        return lambda v: "null" if v is None else int.__repr__(v)
    return _json_nested


def write_query(conn: duckdb.DuckDBPyConnection, sql: str, params: list | None = None, *,
                csv_path: str | Path, json_path: str | Path | None = None,
                order_by: list[str] | None = None, batch_rows: int = BATCH_ROWS) -> int:
    """Write the rows of `sql` as `write_csv` would (and as `write_json` would, given `json_path`),
    fetching `batch_rows` at a time; returns the number of rows.

    Args:
        conn: the warehouse.
        sql: a query without ORDER BY; its column names are the header.
        params: its parameters.
        csv_path: the neutralised CSV file.
        json_path: the JSON file of the same rows (not neutralised), if wanted.
        order_by: the columns to order by (ascending), or None for every column (`order by all`).
        batch_rows: rows held in Python at a time.
    """
    params = params or []
    cols = _relation_columns(conn, sql, params)
    text = [i for i, (_, t) in enumerate(cols) if t == "VARCHAR"]
    convert = [i for i, (_, t) in enumerate(cols) if t != "VARCHAR" and t not in _CSV_AS_IS]
    flag = " or ".join(f"coalesce(regexp_matches(q.{_quote(cols[i][0])}, {_FORMULA_START_SQL}), false)"
                       for i in text) or "false"
    cells = ", ".join(f"coalesce(q.{_quote(c)}, '')" if t == "VARCHAR" else f"q.{_quote(c)}" for c, t in cols)
    order = _order_clause(cols, order_by)
    csv_path = Path(csv_path)
    csv_path.parent.mkdir(parents=True, exist_ok=True)
    n = 0
    with csv_path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow([neutralise(c) for c, _ in cols])
        cur = conn.execute(f"select ({flag}) as formula, {cells} from ({sql}) q{order}", params)
        while batch := cur.fetchmany(batch_rows):
            n += len(batch)
            writer.writerows(_csv_row(r, convert) for r in batch)
    if json_path is not None:
        _write_query_json(conn, f"select * from ({sql}) q{order}", params, Path(json_path), cols, batch_rows)
    return n


def _csv_row(row: tuple, convert: list[int]) -> list | tuple:
    """A fetched row (formula flag first) as `write_csv` writes it."""
    if row[0]:  # a text cell starts with a formula character: the whole row as `neutralise` says
        return [neutralise(v) for v in row[1:]]
    if not convert:
        return row[1:]
    cells = list(row[1:])
    for i in convert:
        cells[i] = neutralise(cells[i])
    return cells


def _write_query_json(conn: duckdb.DuckDBPyConnection, sql: str, params: list, path: Path,
                      cols: list[tuple[str, str]], batch_rows: int) -> None:
    """The rows of `sql` as `write_json(path, [dict(row) ...])` writes them, a batch at a time."""
    encoders = [_json_encoder(t) for _, t in cols]
    row_text = "{\n    " + ",\n    ".join(encode_basestring(c).replace("%", "%%") + ": %s" for c, _ in cols) + "\n  }"
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as fh:
        fh.write("[")
        sep = "\n  "
        cur = conn.execute(sql, params)
        while batch := cur.fetchmany(batch_rows):
            fh.write(sep + ",\n  ".join(row_text % tuple(e(v) for e, v in zip(encoders, r, strict=True))
                                        for r in batch))
            sep = ",\n  "
        fh.write("]\n" if sep == "\n  " else "\n]\n")
