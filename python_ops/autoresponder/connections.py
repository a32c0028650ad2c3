"""The systems a run talks to: the real ones when configured, else the embedded default.

Each is the real one when configured (a Salesforce org by credentials, CUPOLA on SQL Server by
ODBC connection string), else the embedded default: a Salesforce emulator seeded from
`salesforce/*.csv` and the embedded CUPOLA store next to the warehouse. The LLM is used only when
an OpenAI-compatible endpoint is configured.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import requests

from autoresponder.config import Settings
from autoresponder.systems.cupola.embedded import EmbeddedCupola
from autoresponder.systems.cupola.mssql import MssqlCupola
from autoresponder.systems.llm import client_from_settings


@dataclass
class Connections:
    """The external systems a run talks to (real clients; emulators in the demo and tests)."""

    salesforce: Any = None  # simple_salesforce.Salesforce
    salesforce_counts: Any = None  # callable -> dict of emulator request counts, when emulated
    cupola: Any = None  # CupolaProcedures
    llm: Any = None  # autoresponder.systems.llm client, or None when no key
    extra: dict = field(default_factory=dict)
    # where writes go, recorded per run (`autoresponder.targets`): {"salesforce": ..., "cupola": ...}
    targets: dict = field(default_factory=dict)


def _secret(value) -> str | None:
    return value.get_secret_value() if value is not None else None


@contextmanager
def open_systems(settings: Settings, sources_dir: Path, warehouse: Path) -> Iterator[Connections]:
    """The systems a run talks to. Each is the real one when configured (a Salesforce org by
    credentials, CUPOLA on SQL Server by ODBC connection string), else the embedded default: a
    Salesforce emulator seeded from `salesforce/*.csv` and the embedded CUPOLA store next to the
    warehouse (seeded from the CUPOLA CSVs on first use). The LLM is used only when an
    OpenAI-compatible endpoint is configured (OPENAI_API_KEY / settings)."""
    # heavy: simple_salesforce, pandas and the emulator's FastAPI take seconds to import; only
    # opening the systems needs them, not `notify` or `serve`, which import this module too
    from autoresponder.emulators.salesforce import start_emulator
    from autoresponder.systems.salesforce import connect

    s = settings
    extra: dict[str, Any] = {}
    targets: dict[str, str] = {}
    with ExitStack() as stack:
        if s.salesforce_instance_url or s.salesforce_username:
            sf = connect(session=stack.enter_context(requests.Session()), instance_url=s.salesforce_instance_url,
                         access_token=_secret(s.salesforce_access_token), username=s.salesforce_username,
                         password=_secret(s.salesforce_password),
                         security_token=_secret(s.salesforce_security_token), domain=s.salesforce_domain,
                         version=s.salesforce_api_version, refresh_token=_secret(s.salesforce_refresh_token),
                         client_id=s.salesforce_client_id, client_secret=_secret(s.salesforce_client_secret),
                         token_url=s.salesforce_token_url)
            counts = None
            targets["salesforce"] = salesforce_target(sf)
        else:
            emu = stack.enter_context(start_emulator(sources_dir=sources_dir, faults=s.salesforce_faults))
            sf = connect(session=emu.session(), username=emu.username, password=emu.password,
                         security_token=emu.security_token, version=s.salesforce_api_version)
            counts, extra["salesforce_emulator"] = emu.request_counts, emu
            targets["salesforce"] = EMBEDDED_SALESFORCE
        if s.cupola_odbc is not None:
            # optional: pyodbc needs an ODBC driver manager; only CUPOLA on SQL Server uses it
            import pyodbc

            odbc = pyodbc.connect(_secret(s.cupola_odbc), autocommit=False)
            stack.callback(odbc.close)
            cupola = MssqlCupola(odbc)
            targets["cupola"] = "mssql:" + _odbc_identity(_secret(s.cupola_odbc) or "")
        else:
            cupola_path = Path(warehouse).parent / "cupola.sqlite"
            cupola = EmbeddedCupola(cupola_path)
            stack.callback(cupola.close)
            # seeded in one transaction; re-seeded when cupola/*.csv change (a failed seed is retried)
            cupola.ensure_seeded(sources_dir)
            targets["cupola"] = f"embedded:{cupola_path.resolve()}"
        llm = client_from_settings(settings)  # None without a key: rules only, reason llm_unavailable
        yield Connections(salesforce=sf, salesforce_counts=counts, cupola=cupola, llm=llm, extra=extra,
                          targets=targets)


EMBEDDED_SALESFORCE = "embedded-emulator"


def salesforce_target(sf: Any) -> str:
    """`<instance URL> org <org id>` of a real org; the org id is the access token's prefix."""
    session_id = str(getattr(sf, "session_id", "") or "")
    org = session_id.split("!", 1)[0] if "!" in session_id else "unknown"
    return f"https://{getattr(sf, 'sf_instance', '')} org {org[:15]}"


def _odbc_identity(conn_str: str) -> str:
    """SERVER and DATABASE of an ODBC connection string (never the credentials)."""
    parts = dict(p.split("=", 1) for p in conn_str.split(";") if "=" in p)
    low = {k.strip().lower(): v.strip() for k, v in parts.items()}
    return f"{low.get('server', '?')}/{low.get('database', '?')}"
