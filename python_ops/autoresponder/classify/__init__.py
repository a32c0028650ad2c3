"""Classification of automatic replies (DESIGN §4 step 2): rules, then LLM + QA agents."""

from __future__ import annotations

import importlib
from typing import Any

from autoresponder.classify.engine import classify_message

__all__ = ["classify_all", "classify_message"]


def __getattr__(name: str) -> Any:
    # `classify_all` lives with the warehouse (duckdb, pandas: ~0.5 s to import); loaded on first use so
    # that `classify` and the rules alone start without them
    if name == "classify_all":
        return importlib.import_module("autoresponder.classify.store").classify_all
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
