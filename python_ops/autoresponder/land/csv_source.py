"""Reading a source CSV safely: its encoding, its header, its typed values (DESIGN §3).

Every error names the file, the line and the column and says how to fix it, so the CLI can
print it as one `error:` line.

Encodings: a BOM decides (UTF-8, UTF-16 LE/BE); UTF-16 without a BOM is recognised by its NUL
bytes; otherwise valid UTF-8 is UTF-8; otherwise charset-normalizer must recognise a Western
single-byte export (cp1252 / Latin-1, what Excel writes on Windows), else the file is refused.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

from charset_normalizer import from_bytes

from autoresponder.errors import SourceFormatError

SINGLE_BYTE = ("cp1252", "latin_1")
_INT = re.compile(r"^[+-]?\d+$")
_TYPE_TEXT = {
    "BIGINT": "a whole number", "INTEGER": "a whole number", "DATE": "a date YYYY-MM-DD",
    "TIMESTAMP": "a timestamp YYYY-MM-DD[ HH:MM:SS]", "DOUBLE": "a number",
}


def _position(data: bytes, offset: int) -> tuple[int, int]:
    """1-based (line, column) of byte `offset` in `data` (column counted in bytes)."""
    line = data.count(b"\n", 0, offset) + 1
    start = data.rfind(b"\n", 0, offset) + 1
    return line, offset - start + 1


def detect_encoding(path: Path, data: bytes) -> str:
    """The Python codec that reads `data`; raises `SourceFormatError` when none fits."""
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if data.startswith(codecs.BOM_UTF16_LE):
        return "utf-16"  # the codec consumes the BOM and picks the byte order
    if data.startswith(codecs.BOM_UTF16_BE):
        return "utf-16"
    head = data[:4096]
    if len(head) >= 4 and head.count(b"\x00") >= len(head) // 4:
        even, odd = head[0::2].count(b"\x00"), head[1::2].count(b"\x00")
        return "utf-16-be" if even > odd else "utf-16-le"
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as exc:
        bad = exc.start

    best = from_bytes(data, cp_isolation=list(SINGLE_BYTE)).best()
    if best is not None and b"\x00" not in data:
        for codec in SINGLE_BYTE:
            try:
                data.decode(codec)
                return codec
            except UnicodeDecodeError:
                continue
    line, col = _position(data, bad)
    raise SourceFormatError(
        f"{path}:{line}:{col}: not UTF-8 (byte 0x{data[bad]:02X}) and not a recognisable cp1252/Latin-1 or "
        "UTF-16 export; save the file as UTF-8 CSV"
    )


def read_text(path: Path) -> tuple[str, str]:
    """(text, codec) of a source CSV, newlines kept as written."""
    path = Path(path)
    data = path.read_bytes()
    codec = detect_encoding(path, data)
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        line, col = _position(data, exc.start)
        raise SourceFormatError(f"{path}:{line}:{col}: cannot be decoded as {codec} ({exc.reason}); "
                                "save the file as UTF-8 CSV") from exc
    return text, codec


def check_header(path: Path, header: list[str] | None, expected: list[str]) -> list[str]:
    """The stripped header; raises when the file is empty or lacks a column."""
    if header is None:
        raise SourceFormatError(f"{path}:1:1: the file is empty; it needs a header row: {', '.join(expected)}")
    header = [h.strip() for h in header]
    missing = [c for c in expected if c not in header]
    if missing:
        raise SourceFormatError(
            f"{path}:1:1: missing column(s) {', '.join(missing)} (found {', '.join(header) or 'nothing'}); "
            f"fix the export so the header has: {', '.join(expected)}"
        )
    return header


def value_ok(sql_type: str, value: str | None) -> bool:
    """True when `value` (blank = null) can be cast to `sql_type` the way the landing casts it."""
    if value is None or value.strip() == "":
        return True
    v = value.strip()
    if sql_type in ("BIGINT", "INTEGER"):
        return bool(_INT.match(v))
    if sql_type == "DOUBLE":
        try:
            float(v)
            return True
        except ValueError:
            return False
    if sql_type == "DATE":
        try:
            date.fromisoformat(v)
            return True
        except ValueError:
            return False
    if sql_type == "TIMESTAMP":
        try:
            datetime.fromisoformat(v.replace("Z", "+00:00"))
            return True
        except ValueError:
            return False
    return True


def value_error(path: Path, line: int, column: int, name: str, sql_type: str, value: str) -> SourceFormatError:
    return SourceFormatError(
        f"{path}:{line}:{column}: column {name} is {value!r}, not {_TYPE_TEXT.get(sql_type, sql_type)}; "
        f"correct the value (or empty it) and run again"
    )


def iter_rows(path: Path, text: str) -> Iterator[tuple[int, dict[str, str]]]:
    """(physical line, row) of every data row, header checked by the caller via `header_of`."""
    reader = csv.DictReader(io.StringIO(text, newline=""))
    reader.fieldnames = [f.strip() for f in reader.fieldnames or []]
    for row in reader:
        yield reader.line_num, row


def header_of(text: str) -> list[str] | None:
    return next(csv.reader(io.StringIO(text, newline="")), None)


def first_bad_value(path: Path, text: str, columns: dict[str, str]) -> SourceFormatError | None:
    """The first typed value that does not cast, as an error naming file, line and column."""
    header = [h.strip() for h in header_of(text) or []]
    typed = [(c, t) for c, t in columns.items() if t != "VARCHAR" and c in header]
    if not typed:
        return None
    for line, row in iter_rows(path, text):
        for c, t in typed:
            v = row.get(c)
            if not value_ok(t, v):
                return value_error(path, line, header.index(c) + 1, c, t, v or "")
    return None
