"""Phrase rules over the reply's own words (quoted history and signature removed).

Precedence when several phrases occur: a departure (deceased > retired > moved > left)
wins, with its alternates making it a REPLACEMENT; then a new address, a new title, an
absence, a bare hand-over ("X has taken over"), and last a live acknowledgement.
"""

from __future__ import annotations

import re

from autoresponder.classify import dates
from autoresponder.classify.decision import Decision
from autoresponder.classify.extract import EMAIL_RE, emails_in, replacements_in
from autoresponder.classify.message import MessageView
from autoresponder.classify.rules import lexicon
from autoresponder.classify.rules.headers import out_of_office_subject

_SENTENCE_SPLIT = re.compile(r"(?<=[^\d\s.][.!?])\s+(?=[A-ZÀ-Ý0-9\"„«(¿¡])|(?<=[。！？])")
_HANDOVER = re.compile(
    r"(successor|replacement|taken over|take over|has assumed|in (my|his|her) (place|stead)|instead|"
    r"is now (responsible|handling|your (new )?contact)|will be (handling|covering|your (new )?contact)|"
    r"nachfolger|übernommen|successeur|remplaçant|sucesor|successore|sostituto|opvolger|overgenomen|sucessor|"
    r"後任|引き継)", re.I)
MAX_CHARS = 6000
INJECTION = re.compile(
    r"(ignore|disregard|forget) (all |any |the )?(previous|prior|above|earlier|your) (instructions|rules|prompt)|"
    r"system prompt|you are now|new instructions|as an ai\b|assistant:|"
    r"(add|set|use|insert|report) .{0,60}\b(as|to) (the |a |an )?(replacement|new e-?mail|contact)|"
    r"ignoriere|ignorez|ignora (las|le) instrucciones|</?message>", re.I)


def sentences_of(text: str) -> list[str]:
    out: list[str] = []
    for line in text[:MAX_CHARS].split("\n"):
        line = line.strip()
        if line:
            out.extend(s.strip() for s in _SENTENCE_SPLIT.split(line) if s.strip())
    return out


def _first(table: lexicon.Table, sentences: list[str]) -> tuple[str, int, re.Match[str]] | None:
    for i, s in enumerate(sentences):
        for lang, pat in table:
            m = pat.search(s)
            if m:
                return lang, i, m
    return None


def _window(sentences: list[str], i: int, n: int = 4) -> str:
    return "\n".join(sentences[i:i + n])


def _contacts(sentences: list[str], start: int = 0) -> tuple[list, list[str]]:
    """Replacements named in contact sentences (the cue sentence and the lines after it)."""
    reps: list = []
    used: list[str] = []
    for i in range(start, len(sentences)):
        if any(p.search(sentences[i]) for _, p in lexicon.CONTACT_CUE):
            block = _window(sentences, i, 3)
            for r in replacements_in(block):
                if r.email not in {x.email for x in reps}:
                    reps.append(r)
                    used.append(sentences[i])
    return reps, used


def _person_email(sentence: str, match: re.Match[str]) -> str | None:
    """An address written before the departure phrase ("John (john@x.com) has left")."""
    before = emails_in(sentence[: match.start()])
    return before[-1] if before else None


def phrase_decision(view: MessageView) -> Decision | None:
    """The determination the reply's own words state, or None when they state none."""
    sentences = sentences_of(view.reply_text)
    if INJECTION.search(view.reply_text[:MAX_CHARS]):
        # a text that tries to instruct a reader is never a source of addresses
        sentences = [EMAIL_RE.sub("[address removed]", s) for s in sentences]
    if view.subject:
        subject_sentences = [view.subject]
    else:
        subject_sentences = []
    if not sentences and not subject_sentences:
        return None
    departure = None
    for reason, table in (("deceased", lexicon.DECEASED), ("retired", lexicon.RETIRED),
                          ("moved_to_other_org", lexicon.MOVED), ("left", lexicon.LEFT)):
        hit = _first(table, sentences)
        if hit:
            departure = (reason, hit)
            break
    new_mail = _first(lexicon.NEW_EMAIL, sentences)
    new_email = None
    if new_mail:
        cands = emails_in(_window(sentences, new_mail[1], 3))
        cands = [c for c in cands if c != view.from_email]
        new_email = cands[0] if cands else None
    title_hit = _first(lexicon.NEW_TITLE, sentences)
    new_title = title_hit[2].group("title").strip() if title_hit else None
    if new_title:
        new_title = re.sub(r"\s+(of|at|for|bei|de|chez|di|bij|da|em)$", "", new_title, flags=re.I).strip() or None
    if departure:
        reason, (lang, i, m) = departure
        reps, used = _contacts(sentences)
        reps = [r for r in reps if r.email != new_email]
        new_org = m.group("org").strip() if reason == "moved_to_other_org" else None
        if new_org:
            new_org = re.sub(r"(\s+(and|of|de|&))+$", "", new_org).strip() or None
        if reason == "moved_to_other_org" and new_org and lang == "en" and new_org.lower() in ("the", "our"):
            new_org = None
        evidence = " ".join(dict.fromkeys([sentences[i], *used]))[:600]
        person = _person_email(sentences[i], m)
        return Decision(
            determination="REPLACEMENT" if reps else "INACTIVE", reason=reason,
            category="REPLACEMENT" if reps else "INACTIVE", confidence=0.95, evidence=evidence,
            replacements=reps, new_org=new_org, departure=reason, person_email=person,
            new_email=new_email if reason == "moved_to_other_org" else None,
        )
    if new_mail and new_email:
        return Decision(
            determination="EMAIL_UPDATE", reason="new_email", category="EMAIL_UPDATE", confidence=0.93,
            evidence=" ".join(sentences[new_mail[1]:new_mail[1] + 2])[:600], new_email=new_email,
            new_title=new_title,
        )
    if title_hit and new_title:
        return Decision(
            determination="TITLE_UPDATE", reason="new_title", category="TITLE_UPDATE", confidence=0.9,
            evidence=sentences[title_hit[1]][:600], new_title=new_title,
        )
    ooo = _first(lexicon.OUT_OF_OFFICE, sentences)
    ooo_subject = out_of_office_subject(view)
    if ooo or ooo_subject:
        lang = ooo[0] if ooo else "en"
        if not ooo:
            sub = _first(lexicon.OUT_OF_OFFICE, [view.subject])
            lang = sub[0] if sub else lang
        ooo_sentences = [s for s in sentences if any(p.search(s) for _, p in lexicon.OUT_OF_OFFICE)]
        when = dates.return_date(ooo_sentences + sentences[:6] + subject_sentences, lang, view.sent_at)
        return Decision(
            determination="OUT_OF_OFFICE", reason="out_of_office", category="OUT_OF_OFFICE", confidence=0.95,
            evidence=(sentences[ooo[1]] if ooo else ooo_subject or "")[:600], return_date=when,
        )
    handover = [i for i, s in enumerate(sentences) if _HANDOVER.search(s)]
    if handover:
        reps, used = _contacts(sentences, max(0, handover[0] - 1))
        reps = reps or replacements_in(_window(sentences, handover[0], 2))
        if reps:
            return Decision(
                determination="REPLACEMENT", reason="replacement", category="REPLACEMENT", confidence=0.85,
                evidence=" ".join(dict.fromkeys([sentences[handover[0]], *used]))[:600], replacements=reps,
            )
    active = _first(lexicon.STILL_ACTIVE, sentences)
    if active:
        return Decision(
            determination="ACTIVE", reason="still_active", category="ACTIVE", confidence=0.8,
            evidence=sentences[active[1]][:600],
        )
    return None
