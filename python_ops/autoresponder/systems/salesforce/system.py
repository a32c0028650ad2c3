"""Salesforce in the registry: a real org by credentials (or a stored OAuth grant), else the local
emulator seeded from `salesforce/*.csv` (DESIGN §2, §6)."""

from __future__ import annotations

from contextlib import ExitStack
from pathlib import Path
from typing import Any

import requests

from autoresponder.emulators.salesforce import start_emulator
from autoresponder.land.snapshots import Snapshot
from autoresponder.systems.registry import Opened, System
from autoresponder.systems.salesforce import SalesforceWriter, connect, sync_objects
from autoresponder.systems.salesforce.restore import plan_restore

EMBEDDED_SALESFORCE = "embedded-emulator"

# Data Loader exports, landed instead of the API sync for an org without API access
EXPORTS = (
    Snapshot("salesforce/Account.csv", "raw.sf_account", {"Id": "VARCHAR", "Name": "VARCHAR"}),
    Snapshot("salesforce/Contact.csv", "raw.sf_contact", {
        "Id": "VARCHAR", "FirstName": "VARCHAR", "LastName": "VARCHAR", "Email": "VARCHAR",
        "Title": "VARCHAR", "AccountId": "VARCHAR", "Contact_Status__c": "VARCHAR",
        "LastModifiedDate": "TIMESTAMP"}),
    Snapshot("salesforce/Lead.csv", "raw.sf_lead", {
        "Id": "VARCHAR", "FirstName": "VARCHAR", "LastName": "VARCHAR", "Email": "VARCHAR",
        "Title": "VARCHAR", "Company": "VARCHAR", "Status": "VARCHAR", "LastModifiedDate": "TIMESTAMP"}),
)


def _secret(value: Any) -> str | None:
    return value.get_secret_value() if value is not None else None


def configured(settings: Any) -> bool:
    return bool(settings.salesforce_instance_url or settings.salesforce_username or settings.salesforce_oauth)


def _open(settings: Any, sources_dir: Path, warehouse: Path, stack: ExitStack) -> Opened:


    s = settings
    if s.salesforce_oauth:  # the grant stored by `serve`'s /oauth/salesforce/callback
        from autoresponder.systems.salesforce.oauth import connect_stored

        sf = connect_stored(s, warehouse, session=stack.enter_context(requests.Session()))
        return Opened(sf, salesforce_target(sf))
    if s.salesforce_instance_url or s.salesforce_username:
        sf = connect(session=stack.enter_context(requests.Session()), instance_url=s.salesforce_instance_url,
                     access_token=_secret(s.salesforce_access_token), username=s.salesforce_username,
                     password=_secret(s.salesforce_password), security_token=_secret(s.salesforce_security_token),
                     domain=s.salesforce_domain, version=s.salesforce_api_version,
                     refresh_token=_secret(s.salesforce_refresh_token), client_id=s.salesforce_client_id,
                     client_secret=_secret(s.salesforce_client_secret), token_url=s.salesforce_token_url)
        return Opened(sf, salesforce_target(sf))

    emu = stack.enter_context(start_emulator(sources_dir=sources_dir, faults=s.salesforce_faults))
    sf = connect(session=emu.session(), username=emu.username, password=emu.password,
                 security_token=emu.security_token, version=s.salesforce_api_version)
    return Opened(sf, EMBEDDED_SALESFORCE, request_counts=emu.request_counts,
                  extra={"salesforce_emulator": emu})


def salesforce_target(sf: Any) -> str:
    """`<instance URL> org <org id>` of a real org; the org id is the access token's prefix."""
    session_id = str(getattr(sf, "session_id", "") or "")
    org = session_id.split("!", 1)[0] if "!" in session_id else "unknown"
    return f"https://{getattr(sf, 'sf_instance', '')} org {org[:15]}"


def _land(handle: Any, conn: Any, settings: Any, objects: list[str] | None = None) -> dict:

    return sync_objects(handle, conn, objects=objects or settings.salesforce_objects,
                        bulk_threshold=settings.salesforce_bulk_threshold, full_resync=settings.salesforce_full_resync)


def _api_tables(settings: Any) -> dict[str, str]:
    return {obj: f"raw.sf_{obj.lower()}" for obj in settings.salesforce_objects}


def _writer(ctx: Any, handle: Any, conn: Any) -> Any:
    if handle is None:
        return None

    s = ctx.settings
    return SalesforceWriter(handle, batch_size=s.salesforce_batch_size, create_tasks=s.salesforce_create_tasks,
                            max_api_share=s.salesforce_max_api_share)


def _counts(opened: Opened | None, writer: Any) -> dict[str, int]:
    """Every request the emulator received; against a real org, the ones our writer made."""
    if opened is not None and opened.request_counts is not None:
        return dict(opened.request_counts())
    return dict(getattr(writer, "request_counts", {}) or {})


SYSTEM = System(
    name="salesforce", order=30, fallback_snapshots=EXPORTS, configured=configured, open=_open, land=_land,
    api_tables=_api_tables, writer=_writer, request_counts=_counts, matched=True, restore=plan_restore,
    emulator="autoresponder.emulators.salesforce.server",
    crm=lambda settings: True,  # a configured org, else the embedded emulator: always a target
)
