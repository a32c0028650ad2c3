"""Phrase rules over the reply's own words (quoted history and signature removed).

Precedence when several phrases occur: a departure (deceased > retired > moved > left)
wins, with its alternates making it a REPLACEMENT; then a new address, a new title, an
absence, a bare hand-over ("X has taken over"), and last a live acknowledgement.
"""

from __future__ import annotations

import re

from autoresponder.classify import dates
from autoresponder.classify.decision import Decision
from autoresponder.classify.extract import EMAIL_RE, emails_in, is_role_mailbox, replacements_in
from autoresponder.classify.message import MessageView
from autoresponder.classify.rules import lexicon
from autoresponder.classify.rules.headers import auto_submitted, out_of_office_subject

_SENTENCE_SPLIT = re.compile(r"(?<=[^\d\s.][.!?])\s+(?=[A-ZÀ-Ý0-9\"„«(¿¡])|(?<=[。！？])")
_HANDOVER = re.compile(
    r"(successor|replacement|taken over|take over|has assumed|in (my|his|her) (place|stead)|instead|"
    r"is now (responsible|handling|your (new )?contact)|will be (handling|covering|your (new )?contact)|"
    r"nachfolger|übernommen|successeur|remplaçant|sucesor|successore|sostituto|opvolger|overgenomen|sucessor|"
    r"後任|引き継|no longer (responsible|in charge|handling)|nicht (mehr|länger) zuständig|"
    r"n'est plus (en charge|responsable|chargée? d)|ya no (es responsable|se encarga|lleva)|"
    r"non (è più responsabile|si occupa più)|niet (meer|langer) verantwoordelijk|"
    r"(não é mais|já não é|deixou de ser) responsável|担当を外れ|担当ではなくなり)", re.I)
# The person's own address: "reach me at", "my new address", "her new e-mail" (not a successor's)
_OWN_CUE = re.compile(
    r"(\b(reach|contact|e-?mail|write to|find) me\b|\bme at\b|\b(my|his|her|their) (new |private |personal )?"
    r"(e-?mail|address|contact details)|\bi can be reached|\bi am reachable|\bi'm reachable|"
    r"erreichen sie mich|mich (erreichen|kontaktieren)|(meine|seine|ihre) (neue |private )?(e-?mail|adresse)|"
    r"schreiben sie mir|\bbin .{0,30}erreichbar|"
    r"me joindre|me contacter|m'écrire|(ma|sa) (nouvelle )?adresse|je suis joignable|"
    r"contactarme|escríbanme|escríbame|contácteme|contacteme|localizarme|(mi|su) (nuevo |nueva )?(correo|dirección|e-?mail)|"
    r"contattarmi|scrivermi|raggiungermi|il (mio|suo) (nuovo )?indirizzo|la (mia|sua) (nuova )?(e-?mail|mail)|"
    r"mij bereiken|\bben .{0,30}bereikbaar|bereikbaar (via|op)|(mijn|zijn|haar) (nieuwe )?(e-?mail|adres)|mail mij|"
    r"mij mailen|contactar-me|contatar-me|me contatar|me contactar|escreva-me|\b(meu|seu) (novo )?(e-?mail|endereço)|"
    r"私の|新しいメールアドレス|新アドレス|新しい連絡先)[^@\n]{0,60}$", re.I)
_SUCCESSOR_WORD = re.compile(
    r"(colleague|successor|replacement|kolleg|nachfolger|vertret|collègue|successeur|remplaçant|colega|sucesor|"
    r"sustitut|collega|successore|sostitut|opvolger|vervanger|sucessor|substitut|後任|担当)", re.I)
# any wording that suggests a change of employer; an EMAIL_UPDATE to another organisation next to it is
# left to the LLM/review rather than written onto the old employer's record
_EMPLOYER_CHANGE = re.compile(
    r"(\bleft\b|\bjoined\b|\bjoining\b|new (employer|company|job|firm|position)|moved on|verlassen|gewechselt|"
    r"neue[nrm]? (arbeitgeber|stelle|unternehmen)|quitté|rejoint|nouvel employeur|dejado|incorporado|nueva empresa|"
    r"lasciato|nuova (azienda|società)|entrat[oa]|verlaten|overgestapt|in dienst|nieuwe (werkgever|baan)|"
    r"deixei|deixou|juntei|nova empresa|退社|退職|転職|入社)", re.I)
_CONVERSATIONAL = re.compile(
    r"(\?|？|\b(happy to|glad to|sounds good|let's|let me know|could we|can we|would you|could you|shall we|"
    r"gerne|können wir|volontiers|pourriez-vous|con gusto|podríamos|volentieri|potremmo|graag|kunnen we|"
    r"com prazer|podemos)\b)", re.I)
_TITLE_TAIL = re.compile(
    r"\s+(?:at|bei|chez|presso|bij|junto (?:a|ao|à)|with effect|effective|as of|as from|from|since|starting|"
    r"ab|seit|zum|mit wirkung|à compter|à partir|depuis|a partir|desde|dal|dalla|a decorrere|met ingang|per|vanaf|"
    r"sinds|com efeito|(?:of|in|for|van|de|di|da|do|del|della|der|des|du|für|im|in)\s+(?:the\s+)?"
    r"(?:our|ons|onze|unser\w*|notre|nos|nuestr[oa]|nostr[oa]|noss[oa]|this|dieser|diese[mrs]?))\b.*$", re.I)
_ORG_OF = re.compile(r"\s+(?:of|at|de|du|des|van|di|da|do|del|della|der|für|bei)\s+(?:the\s+|la\s+|le\s+|l'|der\s+|die\s+)?"
                     r"(?P<org>(?-i:[A-Z])[\w&.'-]*(?:\s+[\w&.'-]+)*)$")
_LEGAL_FORM = re.compile(r"\b(GmbH|AG|SA|S\.A\.|SpA|S\.p\.A\.|Ltd|Limited|LLC|LLP|Inc|plc|NV|N\.V\.|BV|B\.V\.|Lda|Ltda|"
                         r"SE|KG|KGaA|SAS|SARL|Srl|S\.r\.l\.|株式会社)\b\.?")


def _org_domain(addr: str | None) -> str | None:
    """The organisation part of an address's host ("mail.acme.co.uk" -> "acme.co.uk")."""
    if not addr or "@" not in addr:
        return None
    labels = addr.rsplit("@", 1)[1].lower().split(".")
    keep = 3 if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in {
        "co", "com", "org", "net", "ac", "gov", "gv", "or", "ne", "edu", "gob", "gouv"} else 2
    return ".".join(labels[-keep:])


_FREEMAIL = frozenset(
    "gmail.com googlemail.com yahoo.com yahoo.co.uk yahoo.fr yahoo.de yahoo.es yahoo.it yahoo.co.jp hotmail.com "
    "hotmail.co.uk hotmail.fr hotmail.de hotmail.es hotmail.it outlook.com live.com msn.com icloud.com me.com aol.com "
    "proton.me protonmail.com gmx.de gmx.net gmx.at web.de t-online.de freenet.de orange.fr wanadoo.fr free.fr "
    "laposte.net sfr.fr libero.it virgilio.it tiscali.it alice.it telefonica.net ziggo.nl kpnmail.nl hetnet.nl "
    "planet.nl sapo.pt uol.com.br bol.com.br terra.com.br docomo.ne.jp ezweb.ne.jp softbank.ne.jp".split())


def other_org(addr: str | None, sender: str | None) -> bool:
    """True when the address is at a different organisation than the sender's (a private webmail address
    is nobody's organisation)."""
    a, b = _org_domain(addr), _org_domain(sender)
    return bool(a and b and a != b and a not in _FREEMAIL)


def _like_sender(addr: str, view: MessageView) -> bool:
    """An address whose local part carries the sender's own name ("tom.reilly@new-firm")."""
    if not view.from_email or addr == view.from_email:
        return False
    local = addr.split("@", 1)[0]
    if local == view.from_email.split("@", 1)[0]:
        return True
    words = [w for w in re.split(r"[\s,.'-]+", (view.from_name or "").lower()) if len(w) >= 3]
    return len(words) >= 2 and words[-1] in local and (words[0] in local or local.startswith(words[0][0]))


def own_addresses(sentences: list[str], view: MessageView) -> list[str]:
    """Addresses the text gives as the person's own (new) address, not a successor's."""
    out: list[str] = []
    for s in sentences:
        for m in EMAIL_RE.finditer(s):
            a = emails_in(m.group(0))
            if not a or a[0] == view.from_email or a[0] in out or is_role_mailbox(a[0], s[:m.start()]):
                continue
            cue = _OWN_CUE.search(s[max(0, m.start() - 100):m.start()])
            if (cue and not _SUCCESSOR_WORD.search(cue.group(0))) or _like_sender(a[0], view):
                out.append(a[0])
    return out


def clean_title(title: str | None, sender: str | None) -> str | None:
    """Just the title: no organisation, "of our fund", effective date or leading date phrase."""
    if not title:
        return None
    t = re.sub(r"^.*(?:付で|より|から|で|は|、)", "", title.strip()) if re.search(r"[一-龯ぁ-んァ-ヶ]", title) else title
    t = _TITLE_TAIL.sub("", t.strip())
    m = _ORG_OF.search(t)
    if m:
        first = re.sub(r"[^a-z0-9]", "", m.group("org").split()[0].lower())
        dom = (_org_domain(sender) or "").split(".")[0].replace("-", "")
        if _LEGAL_FORM.search(m.group("org")) or (len(first) >= 3 and first in dom):
            t = t[:m.start()]
    t = re.sub(r"\s+(of|at|for|bei|de|chez|di|bij|da|em|van|del|du)$", "", t.strip(), flags=re.I).strip(" -–,")
    return t or None

MAX_CHARS = 6000
INJECTION = re.compile(
    r"(ignore|disregard|forget) (all |any |the )?(previous|prior|above|earlier|your) (instructions|rules|prompt)|"
    r"system prompt|you are now|new instructions|as an ai\b|assistant:|"
    r"(add|set|use|insert|report) .{0,60}\b(as|to) (the |a |an )?(replacement|new e-?mail|contact)|"
    r"ignoriere|ignorez|ignora (las|le) instrucciones|</?message>", re.I)


_CJK = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


def sentences_of(text: str) -> list[str]:
    out: list[str] = []
    for line in text[:MAX_CHARS].split("\n"):
        line = line.strip()
        if line:
            out.extend(s.strip() for s in _SENTENCE_SPLIT.split(line) if s.strip())
    return out


def _first(table: lexicon.Table, sentences: list[str]) -> tuple[str, int, re.Match[str]] | None:
    for i, s in enumerate(sentences):
        cjk = _CJK.search(s) is not None
        for lang, pat in table:
            if lang == "ja" and not cjk:
                continue  # Japanese rows scan for kana/kanji; a sentence without any cannot match
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
    if not any("@" in s for s in sentences[start:]):
        return reps, used  # a contact needs an address
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
    has_address = "@" in view.reply_text[:MAX_CHARS]
    new_mail = _first(lexicon.NEW_EMAIL, sentences) if has_address else None
    new_email = None
    if new_mail:
        cands = emails_in(_window(sentences, new_mail[1], 3))
        cands = [c for c in cands if c != view.from_email]
        new_email = cands[0] if cands else None
    if departure:
        reason, (lang, i, m) = departure
        reps, used = _contacts(sentences)
        own = own_addresses(sentences, view)
        reps = [r for r in reps if r.email != new_email and r.email not in own]
        if reason in ("left", "moved_to_other_org") and own:
            elsewhere = [a for a in own if other_org(a, view.from_email)]
            if elsewhere:
                # the person's own new address at another organisation: a move, never a replacement
                new_email = elsewhere[0]
                if reason == "left":
                    reason = "moved_to_other_org"
                    moved = _first(lexicon.MOVED, sentences)
                    if moved:
                        lang, i, m = moved
            elif reason == "left" and not any(_org_domain(a) in _FREEMAIL for a in own):
                return None  # "left" but a new address at the same organisation: contradictory, not decided
        new_org = m.group("org").strip() if reason == "moved_to_other_org" and "org" in m.groupdict() else None
        if new_org:
            new_org = re.split(r"より|から|付で|、", new_org)[-1]
            if not re.search(r"\b(inc|ltd|co|corp|s\.a|n\.v|b\.v|s\.p\.a)\.$", new_org, re.I):
                new_org = new_org.rstrip(".,;:")
            new_org = re.sub(r"(\s+(and|of|de|du|des|di|del|della|do|da|van|der|für|&))+$", "", new_org).strip() or None
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
    title_hit = _first(lexicon.NEW_TITLE, sentences)
    new_title = clean_title(title_hit[2].group("title"), view.from_email) if title_hit else None
    if new_mail and new_email:
        if other_org(new_email, view.from_email) and _EMPLOYER_CHANGE.search(view.reply_text[:MAX_CHARS]):
            return None  # a new address at another organisation next to job-change words: not an address update
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
    if ooo and not ooo_subject and auto_submitted(view) is None and _CONVERSATIONAL.search(
            view.reply_text[:MAX_CHARS]):
        return None  # a person writing back who mentions an absence, not an automatic notice
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
    handover = [i for i, s in enumerate(sentences) if _HANDOVER.search(s)] if has_address else []
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
