"""CSV and JSON writers whose files are safe to open in a spreadsheet (DESIGN §8).

A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return can be read by Excel,
LibreOffice or Google Sheets as a formula (CSV injection). Such text cells get a leading
apostrophe, which spreadsheets show as plain text. A cell that parses as a plain number
(`-5`, `+3.2`, `-1e3`) is left as it is: it is a number, not a formula, and prefixing it would
corrupt numeric columns. Non-string values (int, float, bool) are never changed; dicts and lists
are written as compact JSON and then neutralised like any other text.

JSON files are not neutralised: they are read by programs, not spreadsheets.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from pathlib import Path
from typing import Any

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")


def neutralise(value: Any) -> Any:
    """Return `value` as a cell a spreadsheet will not evaluate.

    `None` becomes an empty string; numbers and booleans stay as they are; dates become ISO
    strings; dicts and lists become JSON text. Text starting with a formula character gets a
    leading apostrophe unless it is a plain number.
    """
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
