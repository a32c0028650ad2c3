"""`classify_message`: rules first, then the LLM agents for what rules leave open (DESIGN §4).

A pure function of the message bytes and configuration; it never raises. Without an LLM
client every message the rules cannot settle is UNKNOWN with reason `llm_unavailable`.
"""

from __future__ import annotations

import logging
from functools import lru_cache
from typing import Any

from autoresponder.classify.calibration import confidence_for
from autoresponder.classify.decision import Decision
from autoresponder.classify.message import MessageView, view_of
from autoresponder.classify.postprocess import clean_decision
from autoresponder.classify.rules.dsn import delivery_status
from autoresponder.classify.rules.feedback import feedback_report
from autoresponder.classify.rules.headers import auto_submitted, vacation_header
from autoresponder.classify.rules.human_reply import HUMAN_REPLY_RULE
from autoresponder.classify.rules.lists import list_refusal
from autoresponder.classify.rules.mta import text_bounce
from autoresponder.classify.rules.phrases import phrase_decision
from autoresponder.classify.sender import (
    identify_auto_response_source_email,
    identify_source,
    identity_bound,
    imitated_domain,
)
from autoresponder.mime import ParsedMessage, parse_message
from autoresponder.models import Classification
from autoresponder.sender_auth import sender_authentication

log = logging.getLogger(__name__)

# news about a person that a write could follow (a role mailbox has no person to carry it)
PERSON_CHANGES = ("INACTIVE", "EMAIL_UPDATE", "REPLACEMENT", "TITLE_UPDATE")


def our_domains_of(settings: Any) -> list[str]:
    """The configured own domains; without settings, the default of `config.Settings`."""
    return list(getattr(settings, "our_domains", None) or _default_domains())


@lru_cache(maxsize=1)
def _default_domains() -> tuple[str, ...]:
    # heavy: pydantic-settings costs ~0.3 s of start-up; loaded once, on the first message without settings
    from autoresponder.config import default_setting

    return tuple(default_setting("our_domains"))  # pydantic builds the default: once, not per message


def rules_decision(view: MessageView) -> Decision | None:
    """The deterministic layer: reports, MTA and list-server notices, the reply's own phrases, then a
    vacation responder's header."""
    for rule in (feedback_report, delivery_status, text_bounce, list_refusal, phrase_decision, vacation_header):
        d = rule(view)
        if d is not None:
            d.rule = d.rule or f"{rule.__name__}/{d.determination.lower()}"
            if d.determination != "BOUNCE" and d.category != "FEEDBACK_REPORT":
                hdr = auto_submitted(view)
                if hdr and hdr not in d.evidence:
                    d.evidence = f"{d.evidence} [{hdr}]"[:700]
            return d
    return None


def _unknown(message_id: str, reason: str, path: str | None, method: str = "none",
             evidence: str | None = None, source: str | None = None) -> Classification:
    return Classification(message_id=message_id, determination="UNKNOWN", reason=reason, category="UNKNOWN",
                          confidence=0.0, method=method, path=path, evidence=evidence, source_email=source)


def sender_auth_of(view: MessageView, settings: Any) -> str:
    trusted = getattr(settings, "trusted_authserv_ids", None) if settings is not None else None
    if not trusted:  # the default policy: the parse already judged it (`ParsedMessage.auth_status`)
        return view.auth_status
    return sender_authentication(view.auth_results, view.from_email, trusted).status


def _finish(view: MessageView, d: Decision, path: str | None, domains: list[str],
            settings: Any = None) -> Classification:
    source, basis = identify_source(view, d, domains)
    d = clean_decision(d, source_email=source, from_email=view.from_email, our_domains=domains)
    auth = sender_auth_of(view, settings)
    llm_conf = d.confidence if d.method.startswith("llm") else None
    # a From domain imitating one the text names passes for somebody: recorded like a reply that speaks for another
    speaks_for = d.speaks_for or (f"imitates:{fake}" if (fake := imitated_domain(view)) else None)
    return Classification(
        message_id=view.message_id, determination=d.determination, reason=d.reason, category=d.category,
        confidence=confidence_for(d.rule, llm_conf), method=d.method, source_email=source,
        new_email=d.new_email, new_title=d.new_title, new_org=d.new_org, replacements=tuple(d.replacements),
        return_date=d.return_date, bounce=d.bounce, evidence=d.evidence or None, path=path,
        rule=d.rule or None, identity_basis=basis, speaks_for=speaks_for, sender_auth=auth,
        identity_ok=identity_bound(view, source, basis, speaks_for, auth, d.determination in PERSON_CHANGES), qa_agreed=d.qa_agreed,
        bounces=tuple(d.bounces),
    )


def classify_view(view: MessageView, *, path: str | None = None, settings: Any = None,
                  llm: Any = None) -> Classification:
    domains = our_domains_of(settings)
    d = rules_decision(view)
    no_llm = llm is None or (settings is not None and getattr(settings, "llm_enabled", True) is False)
    human = None
    if d is not None:
        result = _finish(view, d, path, domains, settings)
        # a human reply with no word of any change is settled offline; with an LLM, the model still reads it
        ask_llm = d.rule == HUMAN_REPLY_RULE and not no_llm
        if not ask_llm and (result.determination != "UNKNOWN" or d.determination == "UNKNOWN"):
            return result
        human = result if ask_llm else None
    if no_llm:
        return _unknown(view.message_id, "llm_unavailable", path,
                        source=identify_auto_response_source_email(view, None, domains))

    # the LLM stack (agents, prompts, tenacity) loads only when a model is configured: `--offline` starts faster
    from autoresponder.classify.agents import LLMFailure, llm_decision

    try:
        d = llm_decision(view, llm)
    except LLMFailure as exc:
        log.warning("llm failed for %s: %s", view.message_id, exc)
        if human is not None:
            return human  # the person's own answer stands as the live acknowledgement the rules read
        return _unknown(view.message_id, "llm_error", path, method="llm", evidence=str(exc)[:300],
                        source=identify_auto_response_source_email(view, None, domains))
    if human is not None and d.determination == "UNKNOWN":
        return human  # the model found no news the rules missed: the person answered, a live acknowledgement
    return _finish(view, d, path, domains, settings)


def classify_message(raw: bytes, *, path: str | None = None, settings: Any = None,
                     llm: Any = None) -> Classification:
    """Classify one raw RFC 822 message; never raises (unreadable -> UNKNOWN `unreadable`)."""
    if not isinstance(raw, bytes | bytearray):
        raw = b""
    return classify_parsed(parse_message(bytes(raw)), path=path, settings=settings, llm=llm)


def classify_parsed(parsed: ParsedMessage, *, path: str | None = None, settings: Any = None,
                    llm: Any = None) -> Classification:
    """Classify one message as `mime.parse_message` read it (landing stores that parse, so a run
    reads each message's bytes once); never raises (unreadable -> UNKNOWN `unreadable`)."""
    if parsed.empty or not parsed.headers:
        why = "empty message" if parsed.empty else "no RFC 822 headers"
        return _unknown(f"sha256:{parsed.sha256}", "unreadable", path, evidence=why)
    try:
        view = view_of(parsed)
        return classify_view(view, path=path, settings=settings, llm=llm)
    except Exception as exc:  # noqa: BLE001 - never crash the batch on one message
        log.exception("classification failed for %s", parsed.message_id)
        return _unknown(parsed.message_id, "unreadable", path, evidence=f"classifier error: {exc}"[:200])
