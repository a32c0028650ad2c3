"""Phrase rules over the reply's own words (quoted history and signature removed).

Precedence when several phrases occur: a departure (deceased > retired > moved > left)
wins, with its alternates making it a REPLACEMENT; then a new address, a new title, an
absence, a bare hand-over ("X has taken over"), and last a live acknowledgement.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import timedelta

from autoresponder.classify import dates
from autoresponder.classify.decision import Decision
from autoresponder.classify.extract import EMAIL_RE, emails_in, is_role_mailbox, replacements_in
from autoresponder.classify.message import MessageView
from autoresponder.classify.rules import lexicon, literals
from autoresponder.classify.rules.about import (
    ACCEPTED,
    CJK,
    NAME_TOKEN,
    NOT_A_NAME,
    UNTIL_THEN,
    Person,
    ahead,
    announced_kind,
    fold,
    handover_subject,
    people_named,
    person_of,
    speaks_for,
    subject_kind,
)
from autoresponder.classify.rules.headers import auto_submitted, bulk_mail, out_of_office_subject
from autoresponder.classify.rules.human_reply import detect_human_reply
from autoresponder.domains import FREEMAIL, org_domain, other_org, same_org

# a title or "née" before a name is no sentence end: "an Frau Mag. Elisabeth Haider (geb. Brunner)", "Dr. Weber"
_SENTENCE_SPLIT = re.compile(r"(?<=[^\d\s.][.!?])(?<!\bMr\.)(?<!\bMrs\.)(?<!\bMs\.)(?<!\bDr\.)(?<!\bProf\.)(?<!\bMag\.)(?<!\bgeb\.)(?<!\bHr\.)(?<!\bFr\.)(?<!\bSr\.)(?<!\bSra\.)(?<!\bSrta\.)(?<!\bDott\.)(?<!\bIng\.)(?<!\bDipl\.)(?<!\bMme\.)(?<!\bMlle\.)(?<!\bSt\.)(?<!\bDrs\.)(?<!\bIr\.)(?<!\bDra\.)(?<!\bEng\.)(?<!\bLic\.)(?<!\bAvv\.)(?<!\bGeb\.)\s+(?=[A-ZÀ-Ý0-9\"„«(¿¡])|(?<=[。！？])")
_HANDOVER = re.compile(
    r"(successor|replacement|taken over|take over|has assumed|in (my|his|her) (place|stead)|"
    r"is now (responsible|handling|your (new )?contact)|will be (handling|covering|your (new )?contact)|"
    r"nachfolger|übernommen|successeur|remplaçant|sucesor|successore|sostituto|opvolger|overgenomen|sucessor|"
    r"後任|引き継|no longer (responsible|in charge|handling)|nicht (mehr|länger) zuständig|"
    r"n'est plus (en charge|responsable|chargée? d)|ya no (es responsable|se encarga|lleva)|"
    r"non (è più responsabile|si occupa più)|niet (meer|langer) verantwoordelijk|"
    r"(não é mais|já não é|deixou de ser) responsável|担当を外れ|担当ではなくなり|"
    # the writer hands a topic over without leaving: "I no longer look after X", "ya no me ocupo de"
    r"\bno longer (look after|cover|handle|manage|deal with|work on|take care of)|"
    r"\b(my|his|her) (responsibilities|duties|accounts|clients|portfolio|role|tasks|coverage)\b[^.;]{0,40}"
    r"(have|has) (been )?(passed|handed|transferred) (over |on )?to|nicht (mehr|länger) für [^.;]{0,60}(zuständig|verantwortlich)|"
    r"ne suis plus (en charge|responsable|chargée? d)|ne m'occupe plus|ya no me (ocupo|encargo)|ya no llevo|"
    r"non mi occupo più|non seguo più|niet (meer|langer) (verantwoordelijk|bezig met)|"
    # the topic now lies with somebody else: "zuständig ist jetzt", "ligt nu bij", "quem trata agora é"
    r"\b(?:is now with|now sits with|now lies with)\b|zuständig ist (?:jetzt|nun|ab sofort)|habe [^.;]{0,40}abgegeben|"
    r"est désormais suivi par|ahora (?:lo|la|los|las) lleva|ora se ne occupa|(?:ligt|is) nu (?:bij|in handen van)|"
    r"doe [^.;]{0,40}niet meer|quem (?:trata|acompanha|cuida) agora|já não acompanho|担当は[^。]{0,20}(?:変わり|変更)|"
    r"(não sou mais|já não sou|deixei de ser) (o |a )?responsável|não cuido mais|担当しておりません|担当から外れ)", re.I)
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
# the first person in an own-address cue ("reach me", "meine Adresse", "mi correo", "私の"); "her"/"ihre" is not
_FIRST_PERSON_CUE = re.compile(r"(?<![\w])(?:me|my|i|i'm|mich|mir|meine?|ma|mon|mi|mio|mia|mij|mijn|ben|bin|meu|minha|"
                               r"je|moi|m'|contactarme|escríbanme|escríbame|contácteme|contacteme|localizarme|"
                               r"contattarmi|scrivermi|raggiungermi|contactar-me|contatar-me|escreva-me)(?![\w])|私", re.I)
_SUCCESSOR_WORD = re.compile(
    r"(colleague|successor|replacement|kolleg|nachfolger|vertret|collègue|successeur|remplaçant|colega|sucesor|compañer|"
    r"sustitut|collega|successore|sostitut|opvolger|vervanger|sucessor|substitut|後任|担当)", re.I)
# any wording that suggests a change of employer; an EMAIL_UPDATE to another organisation next to it is
# left to the LLM/review rather than written onto the old employer's record
_EMPLOYER_CHANGE = re.compile(
    r"(\bleft\b|\bjoined\b|\bjoining\b|new (employer|company|job|firm|position)|moved on|verlassen|gewechselt|"
    r"neue[nrm]? (arbeitgeber|stelle|unternehmen)|quitté|rejoint|nouvel employeur|dejado|incorporado|nueva empresa|"
    r"lasciato|nuova (azienda|società)|entrat[oa]|verlaten|overgestapt|in dienst|nieuwe (werkgever|baan)|"
    r"deixei|deixou|juntei|nova empresa|退社|退職|転職|入社|移籍|転籍|"
    r"\bme incorporo\b|\bme uno a\b|\bestou (?:agora )?n[ao] (?-i:[A-Z])|\bestoy (?:ahora )?en (?-i:[A-Z]))", re.I)
# the writer says they come back ("back on Monday", "wieder im Büro", "de retour le", "rientro il"): with an absence
# subject or phrase, any departure wording next to it is an absence ("I am no longer with the team until Monday")
_RETURNING = re.compile(
    r"(\b(?:i(?:'ll| will| shall)? be back|i am back|back (?:in the office |at (?:my desk|work) )?(?:on|from|by|tomorrow|next)|"
    r"(?:i )?(?:will )?return (?:to the office |to work )?on|returning (?:to the office |to work )?on)\b|"
    r"(?:bin|ich) .{0,40}(?:wieder (?:im büro|erreichbar|da|im hause?|zurück)|zurück)|ab .{0,30}wieder (?:im büro|erreichbar|da)|"
    r"de retour (?:le|au bureau|à partir|dès|lundi|mardi|mercredi|jeudi|vendredi)|(?:je )?(?:reviendrai|serai de retour)|"
    r"estaré de vuelta|(?:de )?vuelta (?:el|a la oficina)|volveré|regreso (?:el|a la oficina)|me reincorporo|me reincorporaré|"
    r"rientrerò|rientro (?:il|in ufficio|lunedì|martedì|mercoledì|giovedì|venerdì)|sarò di (?:nuovo|ritorno)|"
    r"(?:ben|weer) (?:ik )?(?:weer )?(?:terug|aanwezig|op kantoor|bereikbaar)|terug op|"
    r"estarei de volta|regresso (?:a|no dia|em|ao escritório)|regressarei|retorno (?:no dia|em|a|ao escritório)|"
    r"戻ります|帰社いたします|出社いたします|出社します)", re.I)
# "tomorrow" after a same-day absence ("I left early; I'll read it tomorrow"), not "Guten Morgen" / "esta mañana"
_TOMORROW_WORD = re.compile(r"(?<!guten )(?<!esta )(?<!la )(?<!this )\b(?:tomorrow|demain|mañana|domani|morgen(?:ochtend|vroeg)?|"
                            r"amanhã)\b|明日", re.I)
# "in my absence X handles my accounts": whoever is named covers for a while, the writer comes back (OUT_OF_OFFICE
# with a delegate, never a REPLACEMENT)
_ABSENCE_CLAUSE = re.compile(
    r"(\b(?:in|during) my absence\b|\bwhile i(?:'m| am) (?:away|out|absent|on leave)\b|"
    r"\b(?:in|während) meiner abwesenheit\b|\b(?:en|pendant) mon absence\b|\b(?:en|durante) mi ausencia\b|"
    r"\b(?:in|durante) (?:la )?mia assenza\b|\b(?:tijdens|bij) mijn afwezigheid\b|"
    r"\b(?:na|durante) (?:a )?minha ausência\b|不在の間|不在中|ご不在|休暇中|休暇の間|"
    r"\b(?:during|while on) my (?:leave|sick leave|parental leave|sabbatical)\b|\bwährend meine[rs] (?:elternzeit|"
    r"krankheit|urlaubs|auszeit|sabbaticals)\b|\bpendant mon (?:congé|arrêt)\b|\bdurante mi (?:baja|permiso|licencia)\b|"
    r"\bdurante (?:il (?:mio )?congedo|la mia (?:malattia|maternità))\b|\btijdens mijn (?:verlof|ziekte)\b|"
    r"\bdurante (?:a )?minha licença\b)", re.I)
_CONVERSATIONAL = re.compile(
    r"(\?|？|\b(happy to|glad to|sounds good|let's|let me know|could we|can we|would you|could you|shall we|"
    r"gerne|können wir|volontiers|pourriez-vous|con gusto|podríamos|volentieri|potremmo|graag|kunnen we|"
    r"com prazer|podemos)\b)", re.I)
_TITLE_TAIL = re.compile(
    r"\s+(?:here|at|bei|chez|presso|bij|junto (?:a|ao|à)|with effect|effective|as of|as from|from|since|starting|"
    r"ab|seit|zum|mit wirkung|à compter|à partir|depuis|a partir|desde|dal|dalla|a decorrere|met ingang|per|vanaf|"
    r"sinds|com efeito|(?:of|in|for|van|de|di|da|do|del|della|der|des|du|für|im|in)\s+(?:the\s+)?"
    r"(?:our|ons|onze|unser\w*|notre|nos|nuestr[oa]|nostr[oa]|noss[oa]|this|dieser|diese[mrs]?))\b.*$", re.I)
_ORG_OF = re.compile(r"\s+(?:of|at|de|du|des|van|di|da|do|del|della|der|für|bei)\s+(?:the\s+|la\s+|le\s+|l'|der\s+|die\s+)?"
                     r"(?P<org>(?-i:[A-Z])[\w&.'-]*(?:\s+[\w&.'-]+)*)$")
_LEGAL_FORM = re.compile(r"\b(GmbH|AG|SA|S\.A\.|SpA|S\.p\.A\.|Ltd|Limited|LLC|LLP|Inc|plc|NV|N\.V\.|BV|B\.V\.|Lda|Ltda|"
                         r"SE|KG|KGaA|SAS|SARL|Srl|S\.r\.l\.|株式会社)\b\.?")


def _like_sender(addr: str, view: MessageView) -> bool:
    """An address whose local part carries the sender's own name ("tom.reilly@new-firm")."""
    if not view.from_email or addr == view.from_email:
        return False
    local = addr.split("@", 1)[0]
    from_local = view.from_email.split("@", 1)[0]
    if local == from_local:
        return True
    parts = [t for t in re.split(r"[._+-]+", from_local) if t.isalpha()]
    if len(parts) >= 2 and len(parts[-1]) >= 4:
        first, last = parts[0], parts[-1]
        # the same person's name in another house style: "d.ishii" / "dishii" / "ishii.d" for daisuke.ishii
        if local.replace("-", ".").replace("_", ".") in {f"{first[0]}.{last}", f"{first[0]}{last}", f"{last}.{first[0]}",
                                                           f"{last}{first[0]}", f"{first}{last}", f"{last}.{first}"}:
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
            if cue and not _FIRST_PERSON_CUE.search(cue.group(0)) \
                    and people_named(s[:m.start()]) - person_of(view).tokens:
                continue  # "an Frau Haider: ihre Adresse lautet jetzt …": somebody else's, named, is "her"
            if (cue and not _SUCCESSOR_WORD.search(cue.group(0))) or _like_sender(a[0], view):
                out.append(a[0])
    return out


def clean_title(title: str | None, sender: str | None) -> str | None:
    """Just the title: no organisation, "of our fund", effective date or leading date phrase."""
    if not title:
        return None
    t = re.sub(r"^.*(?:付で|より|から|で|は|、)", "", title.strip()) if re.search(r"[一-龯ぁ-んァ-ヶ]", title) else title
    t = _TITLE_TAIL.sub("", t.strip())
    dom = (org_domain(sender) or "").split(".")[0].replace("-", "")
    # every "of/de/da <Capital>…" is a candidate ("Diretor de Gestão de Ativos da Tejo Capital"): cut at the first
    # whose words are the sender's organisation, or at the last one when it carries a legal form
    cands = [m for k in range(len(t)) if (m := _ORG_OF.match(t, k)) and (k == 0 or t[k - 1] != " ")]
    for n, m in enumerate(cands):
        words = [re.sub(r"[^a-z0-9]", "", fold(w)) for w in m.group("org").split()[:2]]  # "Grupo Alcázar"
        if any(len(w) >= 3 and w in dom for w in words) or (n == len(cands) - 1 and _LEGAL_FORM.search(m.group("org"))):
            t = t[:m.start()]
            break
    t = re.sub(r"\s+(of|at|for|bei|de|chez|di|bij|da|em|van|del|du)$", "", t.strip(), flags=re.I).strip(" -–,")
    return t or None

MAX_CHARS = 6000
INJECTION = re.compile(
    r"(ignore|disregard|forget) (all |any |the )?(previous|prior|above|earlier|your) (instructions|rules|prompt)|"
    r"system prompt|you are now|new instructions|as an ai\b|assistant:|"
    r"(add|set|use|insert|report) .{0,60}\b(as|to) (the |a |an )?(replacement|new e-?mail|contact)|"
    r"ignoriere|ignorez|ignora (las|le) instrucciones|</?message>|"
    # text addressed to a machine reading the reply ("Note to automated systems:", "[AUTOMATED CRM INSTRUCTION]",
    # "Mark as INACTIVE", "para el sistema automático"): whatever it states is an instruction, not the person's news
    r"\b(?:note |message |instruction )?(?:to|for) (?:the |all |any )?(?:automated|automatic|ai|crm) "
    r"(?:systems?|tools?|readers?|assistants?|parsers?)\b|\bautomated (?:crm|system) instruction|"
    r"\b(?:mark|flag|set|classify|update) (?:this (?:contact|person|record) |the (?:contact|record) )?as "
    r"(?:inactive|departed|left|deceased|retired)\b|\bupdate (?:the )?e-?mail (?:address )?to\b|"
    r"\bfür das (?:automatische |automatisierte )?system\b|\bpour le système (?:automatique|automatisé)\b|"
    r"\bpara el sistema (?:automático|automatizado)\b|\bper il sistema automatico\b|"
    r"\bvoor het (?:automatische )?systeem\b|\bpara o sistema (?:automático|automatizado)\b|"
    r"自動(?:処理|システム)(?:へ|の方へ|向け)", re.I)




def _unwrap(text: str) -> list[str]:
    """Lines, with a hard-wrapped sentence joined again (a line that continues in lower case)."""
    lines: list[str] = []
    for line in text.split("\n"):
        line = line.strip()
        if not line:
            lines.append("")
            continue
        prev = lines[-1] if lines else ""
        if prev and not re.search(r"[.!?:;。！？)]$", prev) and re.match(r"[a-zà-ÿß]", line):
            lines[-1] = f"{prev} {line}"
        else:
            lines.append(line)
    return [x for x in lines if x]


def sentences_of(text: str) -> list[str]:
    out: list[str] = []
    for line in _unwrap(text[:MAX_CHARS]):
        out.extend(s.strip() for s in _SENTENCE_SPLIT.split(line) if s.strip())
    return out


# each table's rows with the literals one of which a match must contain (`literals.required`), built on first use
_NEEDS: dict[int, tuple[lexicon.Table, list[tuple[str, re.Pattern[str], frozenset[str] | None]]]] = {}
# the reply last scanned: (its sentences, their text folded by `literals.canon`, table id -> its live rows)
_FOLDED: tuple[list[str] | None, str, dict] = (None, "", {})


def _live(table: lexicon.Table, sentences: list[str]) -> list[tuple[str, re.Pattern[str]]]:
    """The table's rows whose required literals occur in the reply (the others cannot match any sentence of it)."""
    global _FOLDED
    folded = _FOLDED
    if folded[0] is not sentences:
        folded = _FOLDED = (sentences, literals.canon("\n".join(sentences)), {})
    live = folded[2].get(id(table))
    if live is None:
        entry = _NEEDS.get(id(table))
        if entry is None or entry[0] is not table:
            entry = _NEEDS[id(table)] = (table, [(lang, p, literals.required(p)) for lang, p in table])
        text = folded[1]
        live = folded[2][id(table)] = [(lang, p) for lang, p, need in entry[1] if literals.may_match(need, text)]
    return live


def _matches(table: lexicon.Table, sentences: list[str]) -> Iterator[tuple[str, int, re.Match[str]]]:
    """(language, sentence index, match) of the table's first matching pattern, per matching sentence."""
    live = _live(table, sentences)
    if not live:
        return
    for i, s in enumerate(sentences):
        cjk = CJK.search(s) is not None
        for lang, pat in live:
            if lang == "ja" and not cjk:
                continue  # Japanese rows scan for kana/kanji; a sentence without any cannot match
            m = pat.search(s)
            if m:
                yield lang, i, m
                break


def _first(table: lexicon.Table, sentences: list[str]) -> tuple[str, int, re.Match[str]] | None:
    return next(_matches(table, sentences), None)


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


# "sophie.garnier@", "j-doe@": a local part made of a person's names (a team or role mailbox is one word)
_PERSONAL_LOCAL = re.compile(r"[a-zà-ÿ]{2,}[._-][a-zà-ÿ]{2,}(?:[._-][a-zà-ÿ]{2,})?")


def _colleagues(sentences: list[str], view: MessageView) -> tuple[list, list[str]]:
    """Personal addresses at the sender's own organisation named in the reply (with the name before each), and the
    sentences naming them; nothing when the sender writes from webmail (no organisation to compare with)."""
    if not view.from_email or org_domain(view.from_email) in FREEMAIL:
        return [], []
    reps: list = []
    used: list[str] = []
    for i, s in enumerate(sentences):
        if "@" not in s:
            continue
        block = f"{sentences[i - 1]} {s}" if i and not emails_in(sentences[i - 1]) else s
        for x in replacements_in(block):
            if (x.name or _PERSONAL_LOCAL.fullmatch(x.email.split("@", 1)[0])) and x.email != view.from_email and same_org(x.email, view.from_email) \
                    and not _like_sender(x.email, view) and x.email not in {y.email for y in reps}:
                reps.append(x)
                used.append(s)
    return reps, used


def _person_email(sentence: str, match: re.Match[str]) -> str | None:
    """An address written before the departure phrase ("John (john@x.com) has left")."""
    before = emails_in(sentence[: match.start()])
    return before[-1] if before else None


# --- detectors ------------------------------------------------------------------------------------
# Each detector reads the reply once (a `Reading`) and returns a Decision or None. They run in
# `DETECTORS` order; the first that decides wins. Each decision names its calibration bucket in
# `Decision.rule` ("departure/self"), whose measured precision becomes its confidence.

_DEPARTURES = (("deceased", lexicon.DECEASED), ("retired", lexicon.RETIRED),
               ("moved_to_other_org", lexicon.MOVED), ("left", lexicon.LEFT))
_OBJECT_AFTER = re.compile(r"(?:\b(?:of|de|di|van|von|des|del|della|dello|do|da|du)|dell'|d')\s*$", re.I)
# "no longer part of | the Acme team": what follows is the organisation, not a person
_PART_OF = re.compile(r"(?:part|parte|partie|deel|teil) (?:of|de|di|van|von)\s*$", re.I)
# a death written as a noun with its person after it ("informamos o falecimento | do nosso sócio-fundador")
_OF_NEXT = re.compile(r"\s*(?:(?:of|de|di|van|von|des|del|della|dello|do|da|du|dos|das)\b|dell'|d')", re.I)


@dataclass
class Hit:
    """One cue found in one sentence, with how the sentence states it (`about.subject_kind`)."""

    reason: str
    lang: str
    index: int
    match: re.Match[str]
    kind: str
    announced: bool = False


@dataclass
class Reading:
    """What every detector reads: the reply's own sentences and who it is about."""

    view: MessageView
    sentences: list[str]
    person: Person
    has_address: bool
    auto_header: str | None
    instructed: bool = False  # the text tries to instruct a reader (`INJECTION`)
    _cache: dict = field(default_factory=dict)

    @classmethod
    def of(cls, view: MessageView) -> Reading | None:
        sentences = sentences_of(view.reply_text)
        instructed = INJECTION.search(view.reply_text[:MAX_CHARS]) is not None
        if instructed:
            # a text that tries to instruct a reader is never a source of addresses
            sentences = [EMAIL_RE.sub("[address removed]", s) for s in sentences]
        if not sentences and not view.subject:
            return None
        return cls(view=view, sentences=sentences, person=person_of(view),
                   has_address="@" in view.reply_text[:MAX_CHARS], auto_header=auto_submitted(view),
                   instructed=instructed)

    def hits(self, table: lexicon.Table, reason: str = "") -> list[Hit]:
        """Every sentence a table matches (first pattern per sentence), with its subject kind (read once per table
        and reason: the departure detector and the hand-over/still-active checks of somebody else's departure ask
        for the same tables)."""
        key = ("hits", id(table), reason)
        if key in self._cache:
            return self._cache[key]
        out = self._cache[key] = []
        for lang, i, m in _matches(table, self.sentences):
            s = self.sentences[i]
            after = (_OBJECT_AFTER.search(m.group(0)) is not None and not _PART_OF.search(m.group(0))) \
                or bool(reason == "deceased" and _OF_NEXT.match(s, m.end()))
            # "la scomparsa del nostro collega dott. | Roberto Esposito": the name may follow a split
            text = f"{s} {self.sentences[i + 1]}" if after and i + 1 < len(self.sentences) else s
            out.append(Hit(reason, lang, i, m, subject_kind(text, m, self.person, object_after=after,
                                                            departure=bool(reason))))
        return out

    def first(self, table: lexicon.Table) -> Hit | None:
        """The first hit stated about the person (an ACCEPTED subject kind)."""
        key = id(table)
        if key not in self._cache:
            hits = self.hits(table)
            self._cache[key] = next((h for h in hits if h.kind in ACCEPTED), None)
        return self._cache[key]

    @property
    def stays(self) -> bool:
        """The writer says they remain ("I remain your contact"): departures named are someone else's."""
        if "stays" not in self._cache:
            self._cache["stays"] = _first(lexicon.STILL_HERE, self.sentences) is not None
        return self._cache["stays"]

    @property
    def new_email(self) -> tuple[Hit | None, str | None]:
        """The new-address sentence (about the person) and the address it gives."""
        if "new_email" not in self._cache:
            hit = self.first(lexicon.NEW_EMAIL) if self.has_address else None
            addr = None
            if hit:
                # an address introduced as a colleague's ("write to my colleague: x@…") is not the person's own
                text = _window(self.sentences, hit.index, 3)
                theirs = {a for m in EMAIL_RE.finditer(text) for a in emails_in(m.group(0))
                          if _SUCCESSOR_WORD.search(text[max(0, m.start() - 60):m.start()])}
                cands = [c for c in emails_in(text) if c != self.view.from_email and c not in theirs]
                addr = cands[0] if cands else None
            self._cache["new_email"] = (hit, addr)
        return self._cache["new_email"]


_INTERNAL_UNIT = re.compile(r"(?<![\w])(?:team|department|desk|division|abteilung|bereich|équipe|département|service|"
                            r"equipo|departamento|área|squadra|reparto|divisione|afdeling|equipa|setor)(?![\w])", re.I)


def _internal_move(text: str, view: MessageView) -> bool:
    """A move to a unit of the sender's own organisation: a team word and the organisation's own distinctive name
    ("al equipo de Renta Fija de Banco Sol" from banco-sol.es), never "a equipa da Mondego Capital"."""
    unit = _INTERNAL_UNIT.search(text)
    if not unit:
        return False
    text = text[unit.start():]  # "He dejado Fjord Capital para unirme al equipo de Tajo": the unit's own organisation
    dom = re.sub(r"[^a-z0-9]", "", (org_domain(view.from_email) or "").split(".")[0])
    words = [re.sub(r"[^a-z0-9]", "", fold(w)) for w in re.findall(r"(?-i:[A-ZÀ-Ý])[\wÀ-ÿ&'-]+", text)]
    return bool(dom) and any(len(w) >= 3 and w in dom and not _ORG_WORD.fullmatch(w) for w in words)


# a unit or body one can leave without leaving the employer: a team, a department, a working group, a board
_UNIT = (r"(?:team|department|desk|division|unit|working group|workgroup|task ?force|committee|board|panel|"
         r"abteilung|arbeitsgruppe|arbeitskreis|gremium|équipe|département|service|pôle|cellule|groupe de travail|"
         r"comité|conseil|equipo|departamento|área|unidad|grupo de trabajo|consejo|junta|squadra|reparto|divisione|"
         r"area|gruppo di lavoro|comitato|consiglio|commissione|afdeling|werkgroep|commissie|raad|bestuur|equipe|"
         r"equipa|setor|sector|grupo de trabalho|comitê|conselho)")
_OF = r"(?:of|for|de|des|der|du|del|di|della|dello|van|von|für|do|da|dos|das|d'|dell')"
_ARTICLE = (r"(?:the|our|my|this|a|an|la|el|le|les|los|las|l'|il|lo|i|gli|o|a|os|as|no|na|nos|nas|do|da|het|de|"
            r"die|das|der|den|dem|ons|onze|mijn|mon|ma|mes|notre|nuestro|nuestra|mi|nostro|nostra|mio|mia|meu|minha|"
            r"nosso|nossa|unser\w*|mein\w*|al|del|dello|della|au|aux|du|des|van|von|vom|zum|zur|im)")
# the unit right after the cue: "ya no formo parte | del equipo de tesorería", "left | the Acme team" (the employer)
_UNIT_OF = re.compile(rf"^\W*(?:{_ARTICLE}\s+|[ld]')*{_UNIT}\s+{_OF}(?:(?<=')|(?![\w]))\s*(?:{_ARTICLE}\s+)?"
                      rf"(?P<q>[\wÀ-ÿ'-]+(?:\s+[\wÀ-ÿ'-]+)?)", re.I)
_UNIT_AFTER_WORD = re.compile(rf"^\W*(?:{_ARTICLE}\s+)*(?P<q>[\wÀ-ÿ'-]+(?:\s+[\wÀ-ÿ'-]+)?)\s+{_UNIT}(?![\w])|"
                              rf"^\W*(?:{_ARTICLE}\s+)*(?P<c>[\wÀ-ÿ]+?)-?(?:team|abteilung|gremium)(?![\w])", re.I)
_ARTICLE_ONLY = re.compile(rf"{_ARTICLE}", re.I)


def _left_a_unit(suffix: str, view: MessageView) -> bool:
    """The departure's object is a unit or body named for what it does, not the employer: "ya no formo parte del
    equipo de tesorería", "no longer part of the valuation committee". "the Acme team", "del equipo de Sierra Madre"
    name the employer: a departure. A bare "the team" is the employer too (an auto-reply's "no longer part of the
    team")."""
    m = _UNIT_OF.match(suffix) or _UNIT_AFTER_WORD.match(suffix)
    if not m:
        return False
    q = (m.groupdict().get("q") or m.groupdict().get("c") or "").strip()
    words = [w for w in re.findall(r"[\wÀ-ÿ]+", q) if not _ARTICLE_ONLY.fullmatch(w)]
    if not words:
        return False
    dom = re.sub(r"[^a-z0-9]", "", (org_domain(view.from_email) or "").split(".")[0])
    return not any(len(f) >= 3 and f in dom for f in (re.sub(r"[^a-z0-9]", "", fold(w)) for w in words))


def _names_somebody(sentence: str, r: Reading) -> bool:
    """The sentence names a person other than the mailbox's ("… preguntar por Carlos."); a salutation ("Ciao a
    tutti,", "Prezados,") names nobody."""
    if sentence.rstrip().endswith((",", ":")):
        return False
    return any(w.lower() not in NOT_A_NAME and fold(w) not in r.person.tokens for w in NAME_TOKEN.findall(sentence))


def detect_departure(r: Reading) -> Decision | None:
    """left / retired / deceased / moved, stated about the person (never a colleague, a thing or a day)."""
    hits = [h for reason, table in _DEPARTURES for h in r.hits(table, reason)]
    if not hits and (_first(lexicon.MAILBOX_CLOSING, r.sentences) or _own_address_elsewhere(r)):
        hits = announced_moves(r)  # "I am joining X" confirmed by the mailbox closing or the own address at X
    if not hits or r.stays:  # `stays` (still at the firm) is read only when there is a departure to overrule
        return None
    if _RETURNING.search(r.view.reply_text[:MAX_CHARS]) and (
            out_of_office_subject(r.view) or _first(lexicon.OUT_OF_OFFICE, r.sentences)):
        return None  # an absence that comes back: departure-like words are about the absence, not the job
    if not any(h.reason == "moved_to_other_org" and h.kind in ACCEPTED for h in hits) \
            and _first(lexicon.MAILBOX_CLOSING, r.sentences):
        hits = [*announced_moves(r), *hits]  # "I am moving to X" + "this address will be closed"
    # "joined the Fixed Income team", "incorporado al equipo de Renta Fija": a unit of the same firm, not an employer
    hits = [h for h in hits if not (h.reason == "moved_to_other_org" and _internal_move(h.match.group(0), r.view))]
    # "ya no formo parte del equipo de tesorería", "stepped down from the valuation committee": not the employer
    hits = [h for h in hits if not (h.reason in ("left", "retired") and h.kind in ACCEPTED
                                    and _left_a_unit(r.sentences[h.index][h.match.end():], r.view))]
    if r.auto_header is None:
        # a person answering in their own words: a subject-less "Se jubiló en octubre" right after "thanks for asking
        # about Carlos" is Carlos's news
        hits = [h for h in hits if not (h.kind == "none" and not h.announced and h.index
                                        and _names_somebody(r.sentences[h.index - 1], r))]
    others = any(h.kind == "other" for h in hits)
    # "She has left the company" is the mailbox's person only in an automatic reply (IT or a colleague set it up);
    # a person answering in their own words who says "he/she left" speaks about somebody else
    accepted = [h for h in hits if h.kind in ACCEPTED
                and not (h.kind == "pronoun" and (others or r.auto_header is None))]
    transient = _first(lexicon.TRANSIENT_ABSENCE, r.sentences)
    if not accepted or (transient and all(h.kind in ("none", "pronoun", "mailbox") for h in accepted)):
        return None
    order = [reason for reason, _ in _DEPARTURES]
    hit = min(accepted, key=lambda h: (order.index(h.reason), h.index))
    reason, lang, i, m = hit.reason, hit.lang, hit.index, hit.match
    view, sentences = r.view, r.sentences
    new_email = r.new_email[1]
    reps, used = _contacts(sentences)
    own = own_addresses(sentences, view)
    if not reps and reason != "deceased":
        # "My duties have been transferred to Imogen Reyes (imogen.reyes@…)", "Quem cuida agora é a Juliana Rocha -
        # juliana.rocha@…": in a departure notice, a colleague's address at the same organisation is who to write to
        reps, used = _colleagues(sentences, view)
    reps = [x for x in reps if x.email != new_email and x.email not in own]
    if reason in ("left", "moved_to_other_org") and own:
        elsewhere = [a for a in own if other_org(a, view.from_email)]
        if elsewhere:
            # the person's own new address at another organisation: a move, never a replacement
            new_email = elsewhere[0]
            if reason == "left":
                reason = "moved_to_other_org"
                moved = r.first(lexicon.MOVED)
                if moved:
                    lang, i, m = moved.lang, moved.index, moved.match
        elif reason == "left" and not any(org_domain(a) in FREEMAIL for a in own):
            return None  # "left" but a new address at the same organisation: contradictory, not decided
    new_org = m.group("org").strip() if reason == "moved_to_other_org" and "org" in m.groupdict() else None
    if new_org:
        new_org = re.split(r"より|から|付で|、", new_org)[-1]
        if not re.search(r"\b(inc|ltd|co|corp|s\.a|n\.v|b\.v|s\.p\.a)\.$", new_org, re.I):
            new_org = new_org.rstrip(".,;:")
        new_org = re.sub(r"(\s+(and|of|de|du|des|di|del|della|do|da|van|der|für|&))+$", "", new_org).strip() or None
    if reason == "moved_to_other_org" and new_org and lang == "en" and new_org.lower() in ("the", "our"):
        new_org = None
    determination = "REPLACEMENT" if reps else "INACTIVE"
    return Decision(
        determination=determination, reason=reason, category=determination, confidence=0.0,
        evidence=" ".join(dict.fromkeys([sentences[i], *used]))[:600], replacements=reps, new_org=new_org,
        departure=reason, person_email=_person_email(sentences[i], m),
        new_email=new_email if reason == "moved_to_other_org" else None,
        rule="departure/announced" if hit.announced else f"departure/{hit.kind}",
    )


def _own_address_elsewhere(r: Reading) -> bool:
    """The person gives their own new address at another organisation (not a private webmail)."""
    return any(other_org(a, r.view.from_email) and org_domain(a) not in FREEMAIL for a in own_addresses(r.sentences, r.view))


# an organisation, not a city: an announced move must name something that employs people
_ORG_WORD = re.compile(
    r"(bank|banca|banco|capital|kapital|group|gruppe|groupe|grupo|gruppo|partners|invest|inversion|asset|management|fund|fonds|"
    r"fondo|trust|insurance|assurance|versicherung|verzekering|seguros|assicurazion|patrimo|gestion|gestão|gestione|"
    r"sgr|pension|pensioen|previd|vermogen|advisor|adviseur|holding|securities|finanz|financ|beheer|verwaltung|"
    r"\b(?:AG|GmbH|SA|S\.A\.|SpA|Ltd|LLP|LLC|Inc|plc|NV|BV|EAF|Lda|Ltda|SE)\b|"
    r"株式会社|銀行|基金|保険|信託|証券|アセット|年金|ホールディングス|グループ|会社|法人)", re.I)


def announced_moves(r: Reading) -> list[Hit]:
    """Announced moves to a named organisation (`MOVED_NEXT`), stated by the person, as departure hits."""
    out = []
    for lang, i, m in _matches(lexicon.MOVED_NEXT, r.sentences):
        if not _ORG_WORD.search(m.group("org")):
            continue  # "I am moving to London": a place, not an employer
        kind = announced_kind(r.sentences[i], m, r.person)
        if kind in ACCEPTED:  # every MOVED_NEXT form is first person ("je rejoins", "lavorerò", "ga ik")
            out.append(Hit("moved_to_other_org", lang, i, m, kind, announced=True))
    return out


# the own address is the one to use from now on: "from now on", "ab sofort", "désormais", "changes to", "wijzigt naar", "今後は"
_FROM_NOW_ON = re.compile(
    r"(\bfrom now on\b|\bhenceforth\b|\bgoing forward\b|\beffective immediately\b|\bwith immediate effect\b|"
    r"\bmit sofortiger wirkung\b|\bavec effet immédiat\b|\bcon efecto inmediato\b|\bcon effetto immediato\b|"
    r"\bmet onmiddellijke ingang\b|\bcom efeito imediato\b|\b(?:changes|has changed|will change|is changing) to\b|"
    r"\bab sofort\b|\bkünftig\b|\bzukünftig\b|\blautet (?:ab|nun|jetzt|ab sofort)\b|\bdésormais\b|\bdorénavant\b|"
    r"\bchange (?:pour|en)\b|\ba partir de ahora\b|\ben adelante\b|\bcambia a\b|\bd'ora in (?:poi|avanti)\b|"
    r"\bcambia in\b|\bvoortaan\b|\bvanaf nu\b|\bwijzigt\b|\bgewijzigd\b|\ba partir de agora\b|\bdoravante\b|"
    r"\bmuda para\b|\bpassa a ser\b|今後は|変わります|変更になります|変更いたします)", re.I)
_NOT_FOR_GOOD = re.compile(r"(\?|？|\b(?:until|till|while|during|bis|während|jusqu|pendant|hasta|durante|fino|tijdens|tot en met|"
                           r"até|if|wenn|falls|qualora|indien|caso)\b|まで)", re.I)


def _own_address_from_now_on(r: Reading) -> tuple[int, str] | None:
    """The person's own address, in a sentence saying it is the one to use from now on (no absence anywhere)."""
    if _first(lexicon.OUT_OF_OFFICE, r.sentences) or _first(lexicon.TRANSIENT_ABSENCE, r.sentences) \
            or out_of_office_subject(r.view):
        return None  # "during my leave use my private address": not a change of address
    own = own_addresses(r.sentences, r.view)
    for i, s in enumerate(r.sentences):
        found = [a for a in own if a in s.lower()]
        if found and _FROM_NOW_ON.search(s) and not _NOT_FOR_GOOD.search(EMAIL_RE.sub(" ", s)):
            return i, found[0]
    return None


def detect_new_email(r: Reading) -> Decision | None:
    """"My new address is …" (the person's own, never a colleague's)."""
    hit, new_email = r.new_email
    rule = f"new_email/{hit.kind}" if hit else "new_email/own_from_now_on"
    index = hit.index if hit else 0
    if hit and _NOT_FOR_GOOD.search(EMAIL_RE.sub(" ", r.sentences[hit.index])):
        return None  # "until 30.11. reach me at my private address": for a while, not a new address
    if any(UNTIL_THEN.search(x) for x in r.sentences):
        return None  # "from 1 January my address will be …; until then use this one": announced, not yet true
    if not hit or not new_email:
        found = _own_address_from_now_on(r) if r.has_address else None
        if not found:
            return None
        index, new_email = found
    if other_org(new_email, r.view.from_email) and _EMPLOYER_CHANGE.search(r.view.reply_text[:MAX_CHARS]):
        return None  # a new address at another organisation next to job-change words: not an address update
    title = r.first(lexicon.NEW_TITLE)
    return Decision(
        determination="EMAIL_UPDATE", reason="new_email", category="EMAIL_UPDATE", confidence=0.0,
        evidence=" ".join(r.sentences[index:index + 2])[:600], new_email=new_email,
        new_title=clean_title(title_of(title.match), r.view.from_email) if title else None,
        rule=rule,
    )


def title_of(m: re.Match[str]) -> str | None:
    """The title a NEW_TITLE pattern captured (some patterns have two alternative groups)."""
    groups = m.groupdict()
    t = groups.get("title") or groups.get("title2")
    return t.strip().strip("\"“”«»'„ ") if t else None


# what one becomes that is no job: family, membership, first aid, volunteering, retirement
_NOT_A_TITLE = re.compile(
    r"(?<![\w])(?:grand(?:father|mother|pa|ma)|father|mother|dad|mum|mom|großvater|großmutter|vater|mutter|opa|oma|"
    r"papa|mama|grand-(?:père|mère)|abuel[oa]|nonn[oa]|avô|avó|member|mitglied|membre|miembro|membro|lid|"
    r"first aider|ersthelfer\w*|secouriste|socorrista|volunteer|ehrenamt\w*|bénévole|voluntari[oa]|retiree|"
    r"rentner\w*|pensionär\w*|retraitée?|jubilad[oa]|pensionat[oa]|gepensioneerd|aposentad[oa])(?![\w])", re.I)


def detect_new_title(r: Reading) -> Decision | None:
    """"I have been appointed Head of Credit" (the person's own title)."""
    hit = r.first(lexicon.NEW_TITLE)
    title = clean_title(title_of(hit.match), r.view.from_email) if hit else None
    if not title or _NOT_A_TITLE.search(title):
        return None
    return Decision(determination="TITLE_UPDATE", reason="new_title", category="TITLE_UPDATE", confidence=0.0,
                    evidence=r.sentences[hit.index][:600], new_title=title, rule=f"new_title/{hit.kind}")


def detect_out_of_office(r: Reading) -> Decision | None:
    """An absence notice, with its return date when stated (transient "left for the day" included)."""
    view, sentences = r.view, r.sentences
    ooo = _first(lexicon.OUT_OF_OFFICE, sentences) or _first(lexicon.TRANSIENT_ABSENCE, sentences) \
        or _absence_clause(sentences)
    ooo_subject = out_of_office_subject(view)
    if ooo and not ooo_subject and r.auto_header is None and (
            _CONVERSATIONAL.search(view.reply_text[:MAX_CHARS]) or _first(lexicon.ENGAGED, sentences)
            or _first(lexicon.BACK_NOW, sentences)):
        return None  # a person writing back who mentions an absence (over, or habitual), not an automatic notice
    if not ooo and not ooo_subject:
        return None
    if not ooo and (_first(lexicon.MAILBOX_UNREAD, sentences) or _first(lexicon.MAILBOX_CLOSING, sentences)) \
            and not _RETURNING.search(view.reply_text[:MAX_CHARS]):
        return None  # only the subject says "absent" and the text says the mailbox is not read: maybe gone for good
    lang = ooo[0] if ooo else "en"
    if not ooo:
        sub = _first(lexicon.OUT_OF_OFFICE, [view.subject])
        lang = sub[0] if sub else lang
    ooo_sentences = [s for s in sentences if any(p.search(s) for _, p in lexicon.OUT_OF_OFFICE)]
    subject_sentences = [view.subject] if view.subject else []
    when = dates.return_date(ooo_sentences + sentences[:6] + subject_sentences, lang, view.sent_at)
    early = _first(lexicon.TRANSIENT_ABSENCE, sentences)
    if when is None and early and view.sent_at and any(_TOMORROW_WORD.search(x) for x in sentences[early[1]:early[1] + 3]):
        when = (view.sent_at.date() + timedelta(days=1)).isoformat()  # "left early today, I'll read it tomorrow"
    return Decision(
        determination="OUT_OF_OFFICE", reason="out_of_office", category="OUT_OF_OFFICE", confidence=0.0,
        evidence=(sentences[ooo[1]] if ooo else ooo_subject or "")[:600], return_date=when,
        rule="out_of_office/" + ("text" if ooo else "subject"),
    )


def _absence_clause(sentences: list[str]) -> tuple[str, int, re.Match[str]] | None:
    """("en", index, match) of the first "in my absence" clause (`_ABSENCE_CLAUSE`), in `_first`'s shape."""
    return next((("en", i, m) for i, s in enumerate(sentences) if (m := _ABSENCE_CLAUSE.search(s))), None)


def detect_handover(r: Reading) -> Decision | None:
    """"X has taken over my accounts (x@…)": alternates without a stated departure.

    Never when the writer says they stay ("I remain your contact for the rest": a topic moved, the person did
    not; `detect_still_active` answers ACTIVE).
    """
    sentences = r.sentences
    handover = [(i, m) for i, s in enumerate(sentences) if (m := _HANDOVER.search(s))] if r.has_address else []
    if not handover or r.stays:
        return None
    if any(ahead(sentences[i], months=True) for i, _ in handover) or any(UNTIL_THEN.search(x) for x in sentences):
        return None  # "from January X will take over; until then I am here": announced, the writer is still in post
    if _someone_else_left(r):
        return None  # "Dr. Hartmann has left; his successor is Mr Kühn": the hand-over of whoever left
    first = handover[0][0]
    reps, used = _contacts(sentences, max(0, first - 1))
    reps = reps or replacements_in(_window(sentences, first, 2))
    successors = {fold(w) for x in reps for w in re.split(r"[\s._+-]+", f"{x.name or ''} {x.email.split('@')[0]}") if w}
    subjects = {handover_subject(sentences, i, m, r.person, successors) for i, m in handover}
    if not reps or "other" in subjects or "person" not in subjects:
        return None  # "Tom Weber is no longer responsible; contact Jan": somebody else's hand-over
    return Decision(
        determination="REPLACEMENT", reason="replacement", category="REPLACEMENT", confidence=0.0,
        evidence=" ".join(dict.fromkeys([sentences[first], *used]))[:600], replacements=reps,
        rule="handover/text",
    )


# a word of a new role, title or address the detectors before may have missed ("neu: Leiter Investment Office")
_ROLE_NEWS = re.compile(
    r"(?<![\w])(?:new|neue?[nrs]?|(?<!de )nouve\w*|(?<!de )nuev[oa]s?|(?<!di )nuov[oa]|nieuwe?|(?<!de )nov[oa]s?|titles?|titel|titre|título|titolo|"
    r"bezeichnung|roles?|rolle|rôle|ruolo|rol|função|funzione|funktion|fonction|función|functie|appoint\w*|ernannt|"
    r"nommée?|nombrad[oa]|nominat[oa]|benoemd|nomead[oa]|promot\w*|befördert|promue?|promovid[oa]|promoss[oa]|"
    r"gepromoveerd|successor|nachfolge\w*|successeur|sucesor[a]?|successore|opvolger|sucessor[a]?|address|adresse|"
    r"dirección|indirizzo|adres|endereço)(?![\w])|新|後任|就任|昇進|アドレス|役職", re.I)


def _someone_else_left(r: Reading) -> bool:
    """A departure stated about somebody else (a colleague named or described)."""
    return any(h.kind == "other" for reason, table in (*_DEPARTURES, ("left", lexicon.GONE)) for h in r.hits(table, reason))


def detect_still_active(r: Reading) -> Decision | None:
    """A live acknowledgement, or the writer saying they stay."""
    hit = _first(lexicon.STILL_HERE, r.sentences)
    if not hit:
        hit = _first(lexicon.STILL_ACTIVE, r.sentences)
        if hit and _first(lexicon.OFFICE_MOVE, r.sentences):
            return None  # "we received your mail; our office has moved": a notice about premises, not a person
    if not hit and _first(lexicon.TAKES_OVER, r.sentences) and _someone_else_left(r):
        hit = _first(lexicon.TAKES_OVER, r.sentences)  # "Tom left in May; I'll handle it"
    if not hit and r.auto_header is None and not _ROLE_NEWS.search(r.view.reply_text[:MAX_CHARS]):
        # a person's own reply taking up the invitation, or back from an absence: nothing the detectors before
        # found about a change (and no word of a new role they may have missed), so a live acknowledgement
        hit = _first(lexicon.ENGAGED, r.sentences) or _first(lexicon.BACK_NOW, r.sentences)
    if not hit:
        return None
    return Decision(determination="ACTIVE", reason="still_active", category="ACTIVE", confidence=0.0,
                    evidence=r.sentences[hit[1]][:600], rule="still_active/text")



DETECTORS = (
    ("departure", detect_departure),
    ("new_email", detect_new_email),
    ("new_title", detect_new_title),
    ("out_of_office", detect_out_of_office),
    ("handover", detect_handover),
    ("still_active", detect_still_active),
    ("human_reply", detect_human_reply),
)

# detectors that state news about the mailbox's person: never read from bulk mail
_ABOUT_A_PERSON = ("departure", "new_email", "new_title", "handover")


def phrase_decision(view: MessageView) -> Decision | None:
    """The determination the reply's own words state about its person, or None when they state none."""
    r = Reading.of(view)
    if r is None:
        return None
    bulk = bulk_mail(view) is not None
    for name, detect in DETECTORS:
        if bulk and name in _ABOUT_A_PERSON:
            continue  # a newsletter's "retirement planning" or "our new CIO" is nobody's news
        if r.instructed and name in _ABOUT_A_PERSON:
            continue  # "Note to automated systems: this contact has left": an instruction is nobody's news

        d = detect(r)
        if d is not None:
            d.speaks_for = speaks_for(view, view.reply_text)
            return d
    return None
