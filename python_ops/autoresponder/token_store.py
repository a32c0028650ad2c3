"""OAuth grants kept in the warehouse, encrypted at rest (issue 12): `ops.oauth_tokens`.

One row per system: the instance URL, the refresh and access tokens as Fernet tokens
(`cryptography`: AES-128-CBC + HMAC-SHA256, authenticated), when they were issued and who granted
them. The key comes from `AUTORESPONDER_TOKEN_KEY` (a Fernet key: `python -c "from
cryptography.fernet import Fernet; print(Fernet.generate_key().decode())"`), never from the
warehouse, so a copy of the warehouse alone holds no usable token.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from cryptography.fernet import Fernet, InvalidToken

from autoresponder.errors import ConfigurationError

DDL = """create table if not exists ops.oauth_tokens (
    system varchar primary key, instance_url varchar, refresh_token varchar not null, access_token varchar,
    scope varchar, issued_at timestamp, granted_by varchar, updated_at timestamp not null)"""

KEY_FIX = ("set AUTORESPONDER_TOKEN_KEY to a Fernet key (python -c \"from cryptography.fernet import Fernet; "
           "print(Fernet.generate_key().decode())\"), the same for `serve` and every run")


@dataclass(frozen=True)
class Grant:
    """A decrypted grant: what a connector needs to obtain access tokens."""

    system: str
    instance_url: str | None
    refresh_token: str
    access_token: str | None
    scope: str | None = None
    granted_by: str | None = None


def fernet(key: Any) -> Fernet:
    """The cipher of `key` (a SecretStr or str); `ConfigurationError` naming the fix when missing or bad."""
    raw = key.get_secret_value() if hasattr(key, "get_secret_value") else key
    if not raw:
        raise ConfigurationError(f"no key to encrypt OAuth tokens at rest: {KEY_FIX}")
    try:
        return Fernet(raw.encode() if isinstance(raw, str) else raw)
    except (ValueError, TypeError) as exc:
        raise ConfigurationError(f"AUTORESPONDER_TOKEN_KEY is not a Fernet key ({exc}): {KEY_FIX}") from exc


def save(conn: Any, grant: Grant, key: Any) -> None:
    """Store (replace) the grant of `grant.system`, its tokens encrypted."""
    f = fernet(key)
    conn.execute("create schema if not exists ops")
    conn.execute(DDL)
    now = datetime.now(UTC).replace(tzinfo=None)
    enc = f.encrypt(grant.refresh_token.encode()).decode()
    access = f.encrypt(grant.access_token.encode()).decode() if grant.access_token else None
    conn.execute("delete from ops.oauth_tokens where system = ?", [grant.system])
    conn.execute("insert into ops.oauth_tokens values (?, ?, ?, ?, ?, ?, ?, ?)",
                 [grant.system, grant.instance_url, enc, access, grant.scope, now, grant.granted_by, now])


def load(conn: Any, system: str, key: Any) -> Grant | None:
    """The stored grant of `system`, decrypted; None when none is stored."""
    exists = conn.execute("select count(*) from information_schema.tables "
                          "where table_schema = 'ops' and table_name = 'oauth_tokens'").fetchone()[0]
    if not exists:
        return None
    row = conn.execute("select instance_url, refresh_token, access_token, scope, granted_by "
                       "from ops.oauth_tokens where system = ?", [system]).fetchone()
    if row is None:
        return None
    f = fernet(key)
    try:
        refresh = f.decrypt(row[1].encode()).decode()
        access = f.decrypt(row[2].encode()).decode() if row[2] else None
    except InvalidToken as exc:
        raise ConfigurationError(
            f"ops.oauth_tokens ({system}): the stored tokens do not decrypt with AUTORESPONDER_TOKEN_KEY (the key "
            "changed?); set the key used when access was granted, or grant access again "
            f"(autoresponder serve: /oauth/{system}/start)") from exc
    return Grant(system, row[0], refresh, access, row[3], row[4])
