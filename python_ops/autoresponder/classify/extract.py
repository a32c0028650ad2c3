"""Addresses, names and titles that a reply's text states (never invented).

Every address returned here occurs verbatim in the text it was read from; the callers
check it against the sender and our own domains (DESIGN §4 post-processing).
"""

from __future__ import annotations

import re

from autoresponder.models import Replacement

EMAIL_RE = re.compile(r"(?<![\w.+-])([A-Za-z0-9][A-Za-z0-9._%+'-]{0,63}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}\.)+"
                      r"[A-Za-z]{2,24})(?![\w-])")
_VALID = re.compile(r"^[a-z0-9][a-z0-9._%+'-]{0,63}@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24}$")
_NAME = r"(?-i:[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ'’-]+(?:\s+(?:van|von|de|der|da|di|del|la|le|dos|du)?\s*[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ'’-]+){1,3})"
_NAME_BEFORE = re.compile(_NAME + r"\s*(?:\((?P<t1>[^)@]{2,60})\))?\s*(?:,\s*(?P<t2>[^,@\n]{2,60}),\s*)?"
                          r"(?:<|\(|\[|:|,|-|–|—|all'indirizzo|à l'adresse|pelo e-?mail|per e-?mail|"
                          r"unter der adresse|en la dirección|no endereço|op het adres|\bat\b|\bunter\b|\bà\b|\ben\b|\bvia\b|\bon\b|\bop\b|\bem\b|"
                          r"\bpresso\b|\bal\b|\bbij\b|\bvia e-?mail\b|\bby e-?mail\b|\bpar e-?mail\b)?\s*[<(\[]?\s*$",
                          re.I)
_JA_NAME = re.compile(r"([一-龯ァ-ヶー]{1,8})\s*(?:様|さん)?\s*[（(]?\s*$")
_ROLE_WORDS = re.compile(r"^((my|our|his|her|ihre[nr]?|seine[nr]?|meine[nr]?|unsere[nr]?)\s+)?(colleague|successor|"
                         r"Nachfolgerin|Nachfolger|Kollegin|Kollege|collègue|successeur|colega|sucesor|collega|"
                         r"successore|collega|opvolger|sucessora?)\s+", re.I)
_STOP_NAMES = {"Please Contact", "Thank You", "Best Regards", "Kind Regards", "Mit Freundlichen"}
_TITLE_WORDS = re.compile(r"(?i)\b(head|director|manager|officer|president|partner|analyst|lead|chief|vp|"
                          r"leiter|leiterin|directeur|directrice|responsable|jefe|direttore|directeur|diretor|"
                          r"gerente|secretary|assistant|coordinator|specialist|consultant|cfo|ceo|cio|cto|coo)\b")


def valid_email(addr: str | None) -> str | None:
    """Lowercase address if it is syntactically plausible, else None."""
    if not addr:
        return None
    a = addr.strip().strip("<>.,;:()[]'\"").lower()
    return a if _VALID.match(a) and ".." not in a else None


def emails_in(text: str) -> list[str]:
    out: list[str] = []
    for m in EMAIL_RE.finditer(text):
        a = valid_email(m.group(1))
        if a and a not in out:
            out.append(a)
    return out


def _name_and_title(prefix: str) -> tuple[str | None, str | None]:
    tail = prefix[-160:]
    m = None
    for m_ in _NAME_BEFORE.finditer(tail):
        m = m_
    if m:
        name = " ".join(m.group(0).split())
        name = re.sub(r"[\s(<\[:,\-–—]*(at|unter|à|en|via|on|op|em|presso|al|bij)?[\s(<\[:,\-–—]*$", "", name,
                      flags=re.I)
        name = _ROLE_WORDS.sub("", name)
        nm = re.match(_NAME, name)
        person = nm.group(0) if nm else None
        if person in _STOP_NAMES:
            person = None
        title = (m.group("t1") or m.group("t2") or "").strip() or None
        if title and not _TITLE_WORDS.search(title):
            title = None
        return person, title
    jm = _JA_NAME.search(tail)
    return (jm.group(1), None) if jm else (None, None)


def replacements_in(block: str) -> list[Replacement]:
    """Each address in a contact sentence with the name (and title) written just before it."""
    out: list[Replacement] = []
    seen: set[str] = set()
    for m in EMAIL_RE.finditer(block):
        addr = valid_email(m.group(1))
        if not addr or addr in seen:
            continue
        seen.add(addr)
        if is_role_mailbox(addr, block[max(0, m.start() - 120):m.start()]):
            continue  # a generic mailbox is never a replacement person
        line_start = block.rfind("\n", 0, m.start())
        prefix = block[max(0, m.start() - 160):m.start()]
        name, title = _name_and_title(prefix)
        if name is None and line_start > 0:
            # "Jane Roe\njane.roe@acme.com": the name on the line above
            prev = block[:line_start].rstrip().split("\n")[-1] if block[:line_start].strip() else ""
            name, title = _name_and_title(prev.strip() + " ")
        out.append(Replacement(name=name, email=addr, title=title))
    return out


_ROLE_LOCAL = frozenset(
    "info infos information contact contacts contato contacto contatto kontakt office enquiries enquiry inquiries "
    "inquiry sales support admin administration reception hello hi mail email team service services help helpdesk "
    "general mailbox secretariat secretariaat sekretariat secretaria secretaria segreteria secretariado zentrale "
    "empfang accueil recepcion recepção receptie ufficio oficina kantoor buero bureau post postmaster webmaster "
    "marketing press media hr jobs careers billing accounts finance investments investor investors ir research "
    "office-manager frontdesk front-desk noreply no-reply enquiries-uk "
    # a research or client-service team in the other languages (a team is not a successor)
    "recherche forschung investigacion investigaciones ricerca ricerche onderzoek pesquisa analysis analyse "
    "clientservice client-service kundenservice atendimento servicio servizio klantenservice equipo equipe squadra "
    "hisho somu soumu jinji daihyo geral allgemein generale algemeen contato "
    "privacy privacidad privacidade datenschutz dpo gdpr rgpd legal compliance atencion customer customers "
    "clientes kundendienst servicedesk "
    # bulk senders: a newsletter or mailing list speaks for nobody
    "news newsletter newsletters nieuws nieuwsbrief boletin boletim noticias notizie nachrichten actualites "
    "mailing updates "
    # a department or function is not a successor: "für Treasury-Angelegenheiten an treasury@…"
    "treasury tesoreria tesouraria tresorerie thesaurie treasurydesk finanzas finanze financas financien finanzen "
    "accounting accounts-payable buchhaltung contabilidad contabilita contabilidade comptabilite boekhouding "
    "amministrazione administracion administracao verwaltung administratie controlling payroll procurement "
    "purchasing einkauf compras acquisti inkoop achats operations ops backoffice back-office middleoffice "
    "tax steuern fiscal fiscale keiri zaimu".split())
_ROLE_PREFIX = ("info", "contact", "kontakt", "office", "sales", "support", "admin", "service", "enquir", "secret",
                "segreter", "sekretar", "reception", "newsletter", "nieuwsbrief", "boletin", "assistant", "assistent",
                "asistente", "secretary", "atencion", "customer", "privac", "datenschutz", "compliance", "treasury",
                "tesorer", "finanz", "accounting", "buchhaltung", "contabil", "amministraz", "administra")
# a part that makes any local part a system or service mailbox, wherever it stands ("system-info@", "it.helpdesk@")
_SYSTEM_PART = frozenset("info noreply no-reply donotreply helpdesk postmaster mailer-daemon sysadmin webmaster "
                         "system systems".split())
_STRONG_PREFIX = ("info", "kontakt", "contact", "enquir", "secretar", "segreter", "sekretar", "reception")
_GENERIC_CONTEXT = re.compile(
    r"(general (inbox|mailbox|enquiries|inquiries|address|e-?mail)|shared (inbox|mailbox)|team (inbox|mailbox)|"
    r"central (inbox|mailbox|address)|allgemeine[n]? (anfragen|postfach|adresse|e-?mail)|zentrale[sn]? "
    r"(postfach|adresse|e-?mail)|adresse (générique|générale|commune)|boîte (générique|commune|générale)|"
    r"demandes générales|consultas generales|buzón (general|genérico)|correo general|richieste generali|"
    r"casella (generica|generale)|indirizzo (generico|generale)|algemene (vragen|mailbox|e-?mailadres|inbox|adres)|"
    r"algemeen (e-?mailadres|adres)|caixa (geral|genérica)|e-?mail geral|assuntos gerais|pedidos gerais|"
    r"代表(メール|アドレス)|総合窓口|共有アドレス)[^@\n]{0,40}$", re.I)


def is_service_mailbox(addr: str | None) -> bool:
    """True for a mailbox that serves a function, by its local part alone: a whole role word ("info@", "somu@") or a
    system part anywhere ("system-info@", "it.helpdesk@"). Narrower than `is_role_mailbox` (no prefixes: "contact13@"
    may well be a person)."""
    a = valid_email(addr)
    if not a:
        return False
    local = a.split("@", 1)[0]
    return local in _ROLE_LOCAL or bool(_SYSTEM_PART.intersection(re.split(r"[._+-]", local)))


def is_role_mailbox(addr: str | None, context: str = "") -> bool:
    """True for a generic/role mailbox (info@, office@, …) or an address introduced as a general inbox.

    Such an address is never a person: not a replacement contact and not someone's new address.
    """
    a = valid_email(addr)
    if not a:
        return False
    local = a.split("@", 1)[0]
    if local in _ROLE_LOCAL:
        return True
    head = re.split(r"[._+-]", local, maxsplit=1)[0]
    if (head != local and head.startswith(_ROLE_PREFIX)) or local.startswith(_STRONG_PREFIX):
        return True
    return bool(context and _GENERIC_CONTEXT.search(context[-120:]))
