"""OpenAI-compatible chat client with structured output, retries and usage counting.

Endpoint, key and model come from arguments, then settings (`llm_base_url`, `llm_api_key`,
`llm_model`), then `OPENAI_BASE_URL` / `OPENAI_API_KEY` read when the client is built,
never at import. Transient failures (429, 5xx, timeouts, malformed JSON) are retried with
exponential backoff; what still fails raises `LLMError`.
"""

from __future__ import annotations

import json
import os
import threading
from dataclasses import dataclass
from typing import Any

from tenacity import Retrying, retry_if_exception, stop_after_attempt, wait_exponential

from autoresponder.errors import RemoteSystemError


class LLMError(RemoteSystemError):
    """An LLM call failed for good (after retries, or a terminal 4xx)."""

    retriable = False


class LLMRetriableError(LLMError):
    """A transient failure: rate limit, server error, timeout, malformed output."""

    retriable = True


@dataclass
class LLMReply:
    data: dict[str, Any]
    tokens: int
    model: str


class LLMClient:
    """Thin wrapper over `openai.OpenAI` for JSON-schema constrained chat completions."""

    def __init__(self, *, base_url: str | None = None, api_key: str | None = None, model: str = "gpt-4o-mini",
                 timeout: float = 30.0, max_attempts: int = 4, backoff_s: float = 0.5, client: Any = None):
        # heavy: openai takes ~3 s to import; only a run with an LLM configured builds a client
        from openai import OpenAI

        self.model = model
        self.base_url = base_url
        self.max_attempts = max_attempts
        self.backoff_s = backoff_s
        self._client = client or OpenAI(base_url=base_url, api_key=api_key or "unset", timeout=timeout,
                                        max_retries=0)
        self._lock = threading.Lock()
        self.calls = 0
        self.tokens = 0

    def _once(self, messages: list[dict[str, str]], schema: dict[str, Any], name: str) -> LLMReply:
        # heavy: as in __init__; loaded by then, kept local so the module stays cheap
        import openai

        with self._lock:
            self.calls += 1
        try:
            resp = self._client.chat.completions.create(
                model=self.model, messages=messages, temperature=0,
                response_format={"type": "json_schema", "json_schema": {"name": name, "schema": schema,
                                                                        "strict": True}},
            )
        except (openai.RateLimitError, openai.APITimeoutError, openai.APIConnectionError,
                openai.InternalServerError) as exc:
            raise LLMRetriableError(f"{type(exc).__name__}: {exc}") from exc
        except openai.APIStatusError as exc:
            if exc.status_code in (408, 409, 429) or exc.status_code >= 500:
                raise LLMRetriableError(f"HTTP {exc.status_code}: {exc}") from exc
            raise LLMError(f"HTTP {exc.status_code}: {exc}") from exc
        usage = getattr(resp, "usage", None)
        used = int(getattr(usage, "total_tokens", 0) or 0)
        with self._lock:
            self.tokens += used
        try:
            content = resp.choices[0].message.content or ""
            data = json.loads(content)
            if not isinstance(data, dict):
                raise ValueError("not a JSON object")
        except (ValueError, IndexError, AttributeError, TypeError) as exc:
            raise LLMRetriableError(f"malformed JSON reply: {exc}") from exc
        return LLMReply(data=data, tokens=used, model=getattr(resp, "model", None) or self.model)

    def complete_json(self, *, system: str, user: str, schema: dict[str, Any], name: str) -> LLMReply:
        """One structured completion; retried on transient failures, `LLMError` when exhausted."""
        messages = [{"role": "system", "content": system}, {"role": "user", "content": user}]
        retrying = Retrying(
            stop=stop_after_attempt(self.max_attempts),
            wait=wait_exponential(multiplier=self.backoff_s, max=8),
            retry=retry_if_exception(lambda e: isinstance(e, LLMRetriableError)),
            reraise=True,
        )
        return retrying(self._once, messages, schema, name)


def client_from_settings(settings: Any = None, **overrides: Any) -> LLMClient | None:
    """A client from settings / environment, or None when no API key is configured."""
    if settings is not None and getattr(settings, "llm_enabled", True) is False:
        return None
    key = overrides.pop("api_key", None) or getattr(settings, "llm_api_key", None) or os.environ.get("OPENAI_API_KEY")
    if hasattr(key, "get_secret_value"):
        key = key.get_secret_value()
    if not key:
        return None
    base = overrides.pop("base_url", None) or getattr(settings, "llm_base_url", None) or os.environ.get(
        "OPENAI_BASE_URL")
    model = overrides.pop("model", None) or getattr(settings, "llm_model", None) or "gpt-4o-mini"
    return LLMClient(base_url=base, api_key=key, model=model, **overrides)
