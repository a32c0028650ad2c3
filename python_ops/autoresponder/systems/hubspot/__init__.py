"""HubSpot client: OAuth connection, search-API sync, batch writer with Tasks and weekly Notes.

The plug-in entry points (open, land, write, rollback, count) are in `plugin.py`.
"""

from .bounces import bounce_payload
from .client import HubSpotConnection
from .errors import HubSpotApiError, HubSpotConnectionInError, HubSpotRetriableError, HubSpotTerminalError
from .settings import HubSpotSettings
from .sync import fetch_contacts, land_contacts
from .tokens import Tokens, TokenStore
from .transport import HubSpotCaller
from .writer import HubSpotWriter

__all__ = [
    "HubSpotApiError",
    "HubSpotCaller",
    "HubSpotConnection",
    "HubSpotConnectionInError",
    "HubSpotRetriableError",
    "HubSpotSettings",
    "HubSpotTerminalError",
    "HubSpotWriter",
    "TokenStore",
    "Tokens",
    "bounce_payload",
    "fetch_contacts",
    "land_contacts",
]
