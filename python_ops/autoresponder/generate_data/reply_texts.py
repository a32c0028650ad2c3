"""The body text and expected label of each non-bounce reply kind, in the sender's language.

Out-of-office (dated or not, with an urgent-contact line), left / retired / deceased / moved, email
and title updates, replacements (named colleagues), "still here" and human replies with no signal.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, timedelta
from typing import NamedTuple

from autoresponder.generate_data import words as W
from autoresponder.generate_data.envelope import OUR_DOMAIN, Envelope
from autoresponder.generate_data.expected import Label
from autoresponder.generate_data.rng import Rng
from autoresponder.generate_data.world import World, stranger


class ReplyText(NamedTuple):
    text: str
    label: Label
    auto: bool = True  # an auto-reply, not a person writing
    lang: str = "en"  # language of the text (picks the subject prefix)


def fmt_date(d: date, lang: str, style: int) -> str:
    """`d` as a sender writes it: localised month and day names, one of several English styles."""
    if lang == "de":
        return f"{W.DAYS_DE[d.weekday()]}, {d.day}. {W.MONTHS_DE[d.month - 1]} {d.year}" if style % 2 else \
            f"{d.day}. {W.MONTHS_DE[d.month - 1]} {d.year}"
    if lang == "fr":
        return f"{d.day} {W.MONTHS_FR[d.month - 1]} {d.year}"
    if lang == "es":
        return f"{d.day} de {W.MONTHS_ES[d.month - 1]} de {d.year}"
    if lang == "nl":
        return f"{d.day} {W.MONTHS_NL[d.month - 1]} {d.year}"
    month = W.MONTHS_EN[d.month - 1]
    day = W.DAYS_EN[d.weekday()]
    return (
        f"{day} {d.day} {month} {d.year}",
        f"{day}, {month} {d.day}, {d.year}",
        f"{d.day} {month} {d.year}",
        f"{month} {d.day}, {d.year}",
        f"{day} {d.day} {month}",
    )[style % 5]


def _ooo(world: World, r: Rng, env: Envelope, lang: str, ctx: dict[str, str]) -> ReplyText:
    p, when = env.person, env.when
    dated = r.chance(0.6)
    urgent = ""
    ret = ""
    if r.chance(0.15):
        colleague = world.person_in_org(p.org.org_id - 1, r) if p else None
        if colleague is not None and colleague.email != env.addr:
            urgent = r.choice(W.URGENT).format(alt_name=colleague.full, alt_email=colleague.email,
                                               phone=ctx["phone"])
    if dated:
        rd = when.date() + timedelta(days=2 + r.below(28))
        ret = rd.isoformat()
        tmpl = r.choice(W.OOO_DATED[lang])
        text = tmpl.format(ret=fmt_date(rd, lang, r.below(5) if rd.year == when.year else 0),
                           urgent=urgent)
    else:
        text = r.choice(W.OOO_UNDATED[lang]).format(urgent=urgent)
    return ReplyText(text, Label("OUT_OF_OFFICE", "out_of_office", env.addr, env.state, return_date=ret),
                     lang=lang)


def _inactive(world: World, r: Rng, env: Envelope, lang: str, ctx: dict[str, str]) -> ReplyText:
    p = env.person
    reason = r.weighted((("left", 60), ("retired", 25), ("deceased", 3), ("moved_to_other_org", 12)))
    past = fmt_date(env.when.date() - timedelta(days=5 + r.below(60)), lang, 2)
    new_email = new_org = new_title = ""
    if reason == "moved_to_other_org":
        lang = "en"
        o_now = p.org.org_id - 1 if p else 0
        new_org_obj = world.org((o_now + 1 + r.below(world.n_orgs - 1)) % world.n_orgs)
        new_org = new_org_obj.name
        new_title = r.choice(W.TITLES)
        if r.chance(0.7):
            new_email = f"{env.first[:1].lower()}.{env.last.lower()}@{new_org_obj.domain}"
            text = r.choice(W.MOVED_WITH_EMAIL)
        else:
            text = r.choice(W.MOVED_NO_EMAIL)
        text = text.format(new_org=new_org, new_title=new_title, new_email=new_email, **ctx)
    else:
        table = {"left": W.LEFT, "retired": W.RETIRED, "deceased": W.DECEASED}[reason]
        texts = table.get(lang) or table["en"]
        text = r.choice(texts).format(past=past, **ctx)
    label = Label("INACTIVE", reason, env.addr, env.state, new_email=new_email, new_org=new_org)
    return ReplyText(text, label, lang=lang)


def _email_update(world: World, r: Rng, env: Envelope, lang: str, ctx: dict[str, str]) -> ReplyText:
    first, last, domain = env.first, env.last, env.domain
    if r.chance(0.5):
        new_email = f"{first.lower()}{last.lower()}@{domain}"
    else:
        org = env.person.org if env.person else None
        alt_domain = f"{org.a}-{org.b}-group.com" if org else f"new-{domain}"
        new_email = f"{first.lower()}.{last.lower()}@{alt_domain}"
    future = fmt_date(env.when.date() + timedelta(days=20 + r.below(60)), "en", 2)
    text = r.choice(W.EMAIL_UPDATE).format(new_email=new_email, future=future, **ctx)
    auto = r.chance(0.7)
    return ReplyText(text, Label("EMAIL_UPDATE", "new_email", env.addr, env.state, new_email=new_email),
                     auto, lang)


def _title_update(world: World, r: Rng, env: Envelope, lang: str, ctx: dict[str, str]) -> ReplyText:
    new_title = r.choice(W.NEW_TITLES)
    past = fmt_date(env.when.date() - timedelta(days=r.below(30)), "en", 2)
    text = r.choice(W.TITLE_UPDATE).format(new_title=new_title, past=past, **ctx)
    auto = r.chance(0.3)
    return ReplyText(text, Label("TITLE_UPDATE", "new_title", env.addr, env.state, new_title=new_title),
                     auto, lang)


def _replacement(world: World, r: Rng, env: Envelope, lang: str, ctx: dict[str, str]) -> ReplyText:
    p, addr, domain = env.person, env.addr, env.domain
    own_domain = r.chance(0.1)
    alts: list[tuple[str, str, str]] = []
    n_alts = 1 if own_domain or r.chance(0.8) else 2
    for _ in range(n_alts):
        if own_domain:
            f2, l2, e2 = stranger(r, OUR_DOMAIN)
            alts.append((f"{f2} {l2}", e2, "Account Manager"))
        elif p is not None:
            c = world.person_in_org(p.org.org_id - 1, r)
            if c.email != addr and all(c.email != a[1] for a in alts):
                alts.append((c.full, c.email, c.title))
        if not alts and not own_domain:
            f2, l2, e2 = stranger(r, domain)
            alts.append((f"{f2} {l2}", e2, r.choice(W.TITLES)))
    alt_txt = " or ".join(
        (f"{n}, {t}, at {e}" if r.chance(0.6) else f"{n} ({e})") for n, e, t in alts)
    form = "left" if own_domain else r.weighted((("left", 65), ("retired", 15), ("plain", 20)))
    tmpl = {"left": W.REPLACEMENT_LEFT, "retired": W.REPLACEMENT_RETIRED,
            "plain": W.REPLACEMENT_PLAIN}[form]
    text = r.choice(tmpl).format(alts=alt_txt, **ctx)
    reason = "replacement" if form == "plain" else form
    if own_domain:
        label = Label("INACTIVE", reason, addr, env.state, flags="own_domain_alternate")
    else:
        label = Label("REPLACEMENT", reason, addr, env.state,
                      replacements=json.dumps([{"name": n, "email": e, "title": t} for n, e, t in alts]))
    return ReplyText(text, label, lang=lang)


def _active(world: World, r: Rng, env: Envelope, lang: str, ctx: dict[str, str]) -> ReplyText:
    """A person saying they are still there, or just answering (a question, a thank-you): DESIGN's live
    acknowledgement either way."""
    text = r.choice(W.ACTIVE).format(**ctx) if r.chance(0.5) else r.choice(W.HUMAN_ANSWERS)
    return ReplyText(text, Label("ACTIVE", "still_active", env.addr, env.state), False, lang)


def _unknown(world: World, r: Rng, env: Envelope, lang: str, ctx: dict[str, str]) -> ReplyText:
    """An automatic receipt that says nothing about the person: nothing to decide."""
    text = r.choice(W.RECEIPTS).format(ref=f"{r.below(900000) + 100000}", **ctx)
    return ReplyText(text, Label("UNKNOWN", "llm_unavailable", env.addr, env.state), True, lang)


_COMPOSERS: dict[str, Callable[[World, Rng, Envelope, str, dict[str, str]], ReplyText]] = {
    "ooo": _ooo, "inactive": _inactive, "email_update": _email_update, "title_update": _title_update,
    "replacement": _replacement, "active": _active,
}


def compose_reply(world: World, kind: str, r: Rng, env: Envelope) -> ReplyText:
    """The text, label, auto/human and language of a reply of `kind` (anything unlisted: an automatic receipt)."""
    lang = "en"
    if kind in ("ooo", "inactive") and r.chance(0.12):
        lang = r.choice(("de", "de", "fr", "fr", "es", "nl"))
    if kind == "inactive" and lang in ("es", "nl"):
        lang = "de"
    p = env.person
    ctx = {"full": env.full, "first": env.first, "org": env.org_name, "title": p.title if p else "the analyst",
           "phone": p.phone if p else "+1 212 555 0100"}
    return _COMPOSERS.get(kind, _unknown)(world, r, env, lang, ctx)
