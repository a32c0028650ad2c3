"""CUPOLA errors, split into retriable and terminal (STYLE habit 5).

DB-API drivers each define their own exception classes, so `is_transient` looks at the class
name, the SQLSTATE in `args[0]` (pyodbc) and the message.
"""

from __future__ import annotations

import sqlite3

from autoresponder.errors import RemoteSystemError


class CupolaError(RemoteSystemError):
    """A CUPOLA call failed (exit 3: the writes it touched failed)."""

    retriable = False


class CupolaTransientError(CupolaError):
    """Worth retrying: deadlock victim, lock or query timeout, lost connection."""

    retriable = True


class CupolaTerminalError(CupolaError):
    """Retrying will not help: bad parameters, missing procedure, permissions."""


# sqlstates: 40001 deadlock / serialization failure, HYT00 / HYT01 timeouts, 08xxx connection.
_TRANSIENT_SQLSTATES = {"40001", "40P01", "HYT00", "HYT01", "08S01", "08001", "08003", "08004", "08007"}
_TRANSIENT_WORDS = (
    "deadlock",
    "timeout",
    "timed out",
    "database is locked",
    "connection",
    "communication link",
    "transport-level",
)


def is_transient(exc: BaseException) -> bool:
    """True when `exc` is a DB-API error worth retrying."""
    if isinstance(exc, CupolaTransientError):
        return True
    if isinstance(exc, CupolaError):
        return False
    if isinstance(exc, TimeoutError | ConnectionError):
        return True
    if isinstance(exc, sqlite3.OperationalError) and "locked" in str(exc).lower():
        return True
    sqlstate = exc.args[0].upper() if exc.args and isinstance(exc.args[0], str) else ""
    if sqlstate in _TRANSIENT_SQLSTATES or (len(sqlstate) == 5 and sqlstate.startswith("08")):
        return True
    text = str(exc).lower()
    if "(1205)" in text:  # sql server: chosen as deadlock victim
        return True
    if type(exc).__name__ == "OperationalError" and any(w in text for w in _TRANSIENT_WORDS):
        return True
    return any(w in text for w in ("deadlock", "timeout expired", "timed out", "communication link failure"))


def as_cupola_error(exc: BaseException) -> CupolaError:
    """Wrap a DB-API exception in the typed error it stands for."""
    if isinstance(exc, CupolaError):
        return exc
    cls = CupolaTransientError if is_transient(exc) else CupolaTerminalError
    return cls(f"{type(exc).__name__}: {exc}")
