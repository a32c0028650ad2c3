"""Read and check a reviewer's returned file (CSV or XLSX) before anything is stored.

Every problem is a `BadUpload` with the HTTP status it deserves and a message naming the row,
column and fix: 415 for a file that is not CSV / XLSX, 422 for missing columns, a cell that starts
a formula, or a decision that is neither yes nor no. The caller stores nothing unless the whole
file passes.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")
YES = {"yes", "y", "true", "1", "approve", "approved", "ja", "oui", "si", "sí"}
NO = {"no", "n", "false", "0", "reject", "rejected", "nein", "non"}


class BadUpload(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass
class Table:
    columns: list[str]
    rows: list[dict[str, str]]  # column (lower case) -> text
    first_data_line: int = 2


def decision(value: str, *, row: int, column: str) -> str | None:
    """'yes' / 'no' / None (left empty)."""
    v = (value or "").strip().lower()
    if not v:
        return None
    if v in YES:
        return "yes"
    if v in NO:
        return "no"
    raise BadUpload(422, f"row {row}, column {column!r}: {value!r} is not a decision; write Yes or No "
                         "(or leave it empty to decide later)")


def _check_formula(text: str, row: int, column: str) -> None:
    if text.startswith(FORMULA_PREFIXES) and not _PLAIN_NUMBER.match(text.strip()):
        raise BadUpload(422, f"row {row}, column {column!r}: the cell starts with {text[:1]!r}, which a "
                             f"spreadsheet runs as a formula ({text[:30]!r}); remove the formula and upload again")


def _from_csv(data: bytes) -> Table:
    if b"\x00" in data[:4096]:
        raise BadUpload(415, "the file is not a CSV text file (it holds binary data); upload the .csv or .xlsx "
                             "file you downloaded")
    for enc in ("utf-8-sig", "cp1252"):
        try:
            text = data.decode(enc)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - cp1252 decodes almost anything
        raise BadUpload(415, "the CSV is neither UTF-8 nor Windows-1252 text")
    try:
        reader = csv.reader(io.StringIO(text, newline=""))
        lines = [r for r in reader]
    except csv.Error as exc:
        raise BadUpload(422, f"the CSV cannot be read: {exc}") from None
    return _table(lines, "the file is empty; upload the reviewed file with its header row")


def _from_xlsx(data: bytes) -> Table:
    # heavy: openpyxl takes ~1 s to import; only .xlsx uploads need it
    from openpyxl import load_workbook

    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception as exc:  # noqa: BLE001 - any unreadable workbook is a bad upload
        raise BadUpload(415, f"the file is not a readable XLSX workbook ({type(exc).__name__}); upload the "
                             ".xlsx or .csv file") from None
    ws = wb.worksheets[0]
    lines = []
    for row in ws.iter_rows():
        vals = []
        for cell in row:
            if getattr(cell, "data_type", None) == "f":
                raise BadUpload(422, f"cell {cell.coordinate}: the cell holds a formula ({str(cell.value)[:30]!r}); "
                                     "replace it by its value and upload again")
            v = cell.value
            vals.append("" if v is None else (v.isoformat() if hasattr(v, "isoformat") else str(v)))
        lines.append(vals)
    wb.close()
    return _table(lines, "the workbook's first sheet is empty; upload the reviewed file with its header row")


def _table(lines: list[list[str]], empty: str) -> Table:
    """Header row + data rows (blank rows skipped) keyed by lower-cased header, with their line number."""
    if not lines:
        raise BadUpload(422, empty)
    header = [h.strip() for h in lines[0]]
    rows = []
    for i, values in enumerate(lines[1:], start=2):
        if not any(v.strip() for v in values):
            continue
        rows.append({header[j].lower(): (values[j] if j < len(values) else "") for j in range(len(header))}
                    | {"__line__": str(i)})
    return Table(header, rows)


def read_table(filename: str, data: bytes, required: tuple[str, ...]) -> Table:
    """The file as rows; raises `BadUpload` for a wrong type, missing columns or a formula cell."""
    name = (filename or "").lower()
    if name.endswith(".xlsx"):
        if not data.startswith(b"PK\x03\x04"):
            raise BadUpload(415, f"{filename}: not an XLSX workbook (an .xlsx file is a zip archive); "
                                 "upload the .xlsx or .csv file")
        table = _from_xlsx(data)
    elif name.endswith(".csv"):
        if data.startswith(b"PK\x03\x04"):
            raise BadUpload(415, f"{filename}: this is a workbook, not CSV text; name it .xlsx or save as CSV")
        table = _from_csv(data)
    else:
        raise BadUpload(415, f"{filename or 'the file'}: only .csv and .xlsx files are accepted")
    have = {c.lower() for c in table.columns}
    missing = [c for c in required if c not in have]
    if missing:
        raise BadUpload(422, f"{filename}: missing column(s) {', '.join(missing)}; upload the file as downloaded, "
                             f"with its header row (it has: {', '.join(table.columns) or 'no columns'})")
    for r in table.rows:
        for col, value in r.items():
            if col != "__line__" and value:
                _check_formula(value, int(r["__line__"]), col)
    return table
