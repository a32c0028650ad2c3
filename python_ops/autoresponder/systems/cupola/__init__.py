"""CUPOLA: the procedure contract, an embedded SQLite store, the SQL Server client and the writer."""

from autoresponder.systems.cupola.embedded import EmbeddedCupola
from autoresponder.systems.cupola.errors import CupolaError, CupolaTerminalError, CupolaTransientError
from autoresponder.systems.cupola.mssql import MssqlCupola
from autoresponder.systems.cupola.procedures import CupolaProcedures, describe_result
from autoresponder.systems.cupola.writer import CupolaWriter

__all__ = [
    "CupolaError",
    "CupolaProcedures",
    "CupolaTerminalError",
    "CupolaTransientError",
    "CupolaWriter",
    "EmbeddedCupola",
    "MssqlCupola",
    "describe_result",
]
