"""Classification of automatic replies (DESIGN §4 step 2): rules, then LLM + QA agents."""

from autoresponder.classify.engine import classify_message
from autoresponder.classify.store import classify_all

__all__ = ["classify_all", "classify_message"]
