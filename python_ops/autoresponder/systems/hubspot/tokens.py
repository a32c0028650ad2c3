"""OAuth tokens kept encrypted at rest (Fernet: AES-128-CBC + HMAC-SHA256, from `cryptography`).

The file holds one Fernet token whose plaintext is `{"access_token", "refresh_token",
"expires_at"}`; it is written atomically with mode 0600. The key is a Fernet key (44 url-safe
base64 characters: `python -c "from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())"`),
given as `AUTORESPONDER_HUBSPOT_TOKEN_KEY`, never stored beside the file.
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken

from autoresponder.errors import ConfigurationError


@dataclass
class Tokens:
    access_token: str
    refresh_token: str
    expires_at: float = 0.0

    @classmethod
    def from_answer(cls, answer: dict, refresh_token: str | None = None) -> Tokens:
        """From a `/oauth/v1/token` answer (`expires_in` seconds from now)."""
        return cls(answer["access_token"], answer.get("refresh_token") or refresh_token or "",
                   time.time() + float(answer.get("expires_in") or 0))


class TokenStore:
    """Encrypted token file. `load()` is None when the file does not exist yet."""

    def __init__(self, path: Path | str, key: str | bytes):
        self.path = Path(path)
        try:
            self._fernet = Fernet(key.encode() if isinstance(key, str) else key)
        except (ValueError, TypeError) as exc:
            raise ConfigurationError(
                "AUTORESPONDER_HUBSPOT_TOKEN_KEY is not a Fernet key (32 url-safe base64-encoded bytes); generate "
                "one with `python -c \"from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())\"`"
            ) from exc

    def load(self) -> Tokens | None:
        if not self.path.exists():
            return None
        try:
            data = json.loads(self._fernet.decrypt(self.path.read_bytes()))
        except InvalidToken as exc:
            raise ConfigurationError(
                f"{self.path}: the HubSpot token file cannot be decrypted with AUTORESPONDER_HUBSPOT_TOKEN_KEY "
                "(wrong key or damaged file); set the key it was written with, or delete the file and "
                "re-authorize through `autoresponder serve` (/oauth/hubspot/start)") from exc
        return Tokens(**data)

    def save(self, tokens: Tokens) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        blob = self._fernet.encrypt(json.dumps(asdict(tokens)).encode())
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".hubspot-tokens-")
        try:
            os.fchmod(fd, 0o600)
            with os.fdopen(fd, "wb") as fh:
                fh.write(blob)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
