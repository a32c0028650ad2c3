"""LLM client (openai, structured output) used by the classification agents."""

from autoresponder.systems.llm.client import (
    LLMClient,
    LLMError,
    LLMReply,
    LLMRetriableError,
    client_from_settings,
)

__all__ = ["LLMClient", "LLMError", "LLMReply", "LLMRetriableError", "client_from_settings"]
