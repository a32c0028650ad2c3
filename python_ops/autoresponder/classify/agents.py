"""The LLM classification agent and its QA second pass, with output validation (DESIGN §4).

The model's answer is data to check, not to trust: every address must be syntactically
valid and occur in the reply's own words; a text that tries to instruct the model
(prompt injection) yields no address at all; a new address must plausibly be the
sender's own; a return date must fall near the message date.
"""

from __future__ import annotations

import json
import re
from datetime import date, timedelta
from typing import Any

from autoresponder.classify import prompts
from autoresponder.classify.decision import Decision
from autoresponder.classify.extract import emails_in, valid_email
from autoresponder.classify.message import MessageView
from autoresponder.classify.normalize import map_category_to_determination, normalize_llm_category
from autoresponder.classify.rules.codes import bounce_kind, find_status
from autoresponder.classify.rules.mta import diagnostic_from_text
from autoresponder.classify.rules.phrases import INJECTION as _INJECTION
from autoresponder.models import Bounce, Replacement
from autoresponder.systems.llm import LLMError

MAX_PROMPT_TEXT = 4000


class LLMFailure(Exception):
    """The LLM could not give a usable answer (after the client's retries)."""


def prompt_text(view: MessageView) -> str:
    text = view.reply_text.strip() or view.own_text.strip()
    return text[:MAX_PROMPT_TEXT]


def _sender_like(addr: str, view: MessageView) -> bool:
    """A new address belongs to the sender when it shares the domain or a name token."""
    local, _, domain = addr.partition("@")
    if view.from_email and view.from_email.endswith("@" + domain):
        return True
    tokens = {t for t in re.split(r"[^a-z]+", (view.from_name or "").lower()) if len(t) >= 3}
    if view.from_email:
        tokens |= {t for t in re.split(r"[^a-z]+", view.from_email.split("@")[0]) if len(t) >= 3}
    return any(t in local for t in tokens)


def _date_ok(value: Any, view: MessageView) -> str | None:
    try:
        d = date.fromisoformat(str(value)[:10])
    except (TypeError, ValueError):
        return None
    if view.sent_at and not (view.sent_at.date() - timedelta(days=1) <= d <= view.sent_at.date()
                             + timedelta(days=400)):
        return None
    return d.isoformat()


def validate_answer(data: dict[str, Any], view: MessageView, categories: list[str]) -> Decision:
    """A Decision from a model answer, keeping only what the message text supports."""
    text = prompt_text(view)
    in_text = set(emails_in(text))
    injected = bool(_INJECTION.search(text))
    determination, reason = map_category_to_determination(categories)
    reps: list[Replacement] = []
    for r in data.get("replacements") or []:
        if not isinstance(r, dict):
            continue
        e = valid_email(r.get("email"))
        if e and e in in_text and not injected:
            name = r.get("name") if isinstance(r.get("name"), str) and r.get("name") in text else None
            title = r.get("title") if isinstance(r.get("title"), str) and r.get("title") in text else None
            reps.append(Replacement(name=name, email=e, title=title))
    new_email = valid_email(data.get("new_email"))
    if new_email and (new_email not in in_text or injected or not _sender_like(new_email, view)):
        new_email = None
    new_title = data.get("new_title") if isinstance(data.get("new_title"), str) else None
    if new_title and (new_title.lower() not in text.lower() or injected):
        new_title = None
    new_org = data.get("new_org") if isinstance(data.get("new_org"), str) and data.get("new_org") in text else None
    evidence = data.get("evidence") if isinstance(data.get("evidence"), str) else ""
    if not evidence or evidence not in text:
        evidence = f"LLM category {'|'.join(categories)}"
    bounce = None
    if determination == "BOUNCE":
        diag = diagnostic_from_text(view.own_text)
        kind, _r, status = bounce_kind(find_status(diag or ""), diag or view.own_text[:3000])
        bounce = Bounce(kind=kind, status=status, diagnostic=diag, recipient=None)
        reason = kind
    departure = reason if reason in ("left", "retired", "deceased", "moved_to_other_org") else None
    conf = data.get("confidence")
    return Decision(
        determination=determination, reason=reason, category="|".join(categories),
        confidence=float(conf) if isinstance(conf, int | float) and 0 <= conf <= 1 else 0.7,
        evidence=evidence[:600], method="llm", bounce=bounce, new_email=new_email, new_title=new_title,
        new_org=new_org, replacements=reps,
        return_date=_date_ok(data.get("return_date"), view) if determination == "OUT_OF_OFFICE" else None,
        departure=departure,
    )


def llm_decision(view: MessageView, llm: Any) -> Decision:
    """Classification agent, then the QA agent that may correct the category."""
    user = prompts.classify_user(view.subject[:300], view.from_email or "", prompt_text(view),
                                 view.sent_at.date().isoformat() if view.sent_at else "unknown")
    try:
        first = llm.complete_json(system=prompts.CLASSIFY_SYSTEM, user=user, schema=prompts.CLASSIFY_SCHEMA,
                                  name="classification")
        data = first.data
        categories = normalize_llm_category(data.get("category"))
        review = llm.complete_json(system=prompts.QA_SYSTEM, user=prompts.qa_user(user, json.dumps(data)),
                                   schema=prompts.QA_SCHEMA, name="qa_review")
    except LLMError as exc:
        raise LLMFailure(str(exc)) from exc
    method, agreed = "llm", review.data.get("verdict") == "agree"
    if review.data.get("verdict") == "correct" and review.data.get("category"):
        corrected = normalize_llm_category(review.data["category"])
        if corrected != ["UNCLEAR"] and corrected != categories:
            categories, method = corrected, "llm_qa"
        agreed = corrected == categories and method == "llm"
    d = validate_answer(data, view, categories)
    d.method = method
    d.qa_agreed = agreed
    d.rule = f"llm/{'qa_agreed' if agreed else 'qa_disagreed'}"
    return d
