"""Connecting to Salesforce through simple-salesforce with an injected `requests.Session`.

DESIGN §6: access token + instance URL, or username + password + security token. The
session is a parameter so a local emulator (or a proxy) plugs in without patching.
"""

from __future__ import annotations

import requests
from simple_salesforce import Salesforce


def connect(*, session: requests.Session, instance_url: str | None = None, access_token: str | None = None,
            username: str | None = None, password: str | None = None, security_token: str | None = None,
            domain: str = "login", version: str = "59.0") -> Salesforce:
    """A logged-in `Salesforce` client.

    Username/password wins when both are given, because it can re-authenticate after a 401
    (simple-salesforce then refreshes the session itself; an access token cannot).
    """
    if username and password is not None:
        return Salesforce(username=username, password=password, security_token=security_token or "",
                          domain=domain, version=version, session=session)
    if instance_url and access_token:
        return Salesforce(instance_url=instance_url, session_id=access_token, version=version, session=session)
    raise ValueError("salesforce: give instance_url + access_token, or username + password (+ security_token)")


def can_reauthenticate(sf: Salesforce) -> bool:
    """True when the client holds credentials to log in again."""
    return getattr(sf, "_salesforce_login_partial", None) is not None


def reauthenticate(sf: Salesforce) -> None:
    """Log in again and swap the session id (DESIGN §6: one re-authentication on a 401)."""
    sf._refresh_session()  # noqa: SLF001 - simple-salesforce's own refresh path
