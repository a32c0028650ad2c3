"""Salesforce client: connection, describe-driven sync, and the collection writer (DESIGN §6)."""

from .baseline import baseline_apply
from .client import connect
from .errors import SalesforceApiError, SalesforceAuthError, SalesforceRetriableError, SalesforceTerminalError
from .sync import duckdb_type, sync_objects
from .transport import SalesforceCaller
from .writer import SalesforceWriter

__all__ = [
    "SalesforceApiError",
    "SalesforceAuthError",
    "SalesforceCaller",
    "SalesforceRetriableError",
    "SalesforceTerminalError",
    "SalesforceWriter",
    "baseline_apply",
    "connect",
    "duckdb_type",
    "sync_objects",
]
