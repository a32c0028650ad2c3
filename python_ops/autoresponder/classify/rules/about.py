"""Is a sentence about the mailbox's own person, stated as a fact? (DESIGN §4 step 2, §5 gates)

A departure, a new address or a new title counts only when the sentence's subject is the
person the reply is about: the writer ("I", "ich", "je", 私…), the person's own name, their
mailbox ("this mailbox is no longer monitored"), or a bare auto-reply fragment ("No longer
with Acme."). It never counts when the subject is somebody else ("our former CIO has
retired; I remain your contact"), when it is negated, hedged, conditional or a question
("I may be leaving next year", "Have you heard that Tom left?"), when it describes a
transient absence ("no longer at my desk today", "left for the day", "left the country for
a conference"), or when the verb takes a thing as its object ("has retired the old fax number").

`subject_kind` returns one of ACCEPTED or a rejection kind; the kinds are also calibration
buckets (docs/classification.md "Calibrated confidence").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from autoresponder.classify.extract import is_role_mailbox
from autoresponder.classify.message import MessageView, address_of

ACCEPTED = ("self", "name", "mailbox", "none", "pronoun")
REJECTED = ("other", "hedged", "transient", "object", "history", "quoted")

_FIRST_PERSON = re.compile(
    r"(?:(?<![\w'])(?:i|i'm|i've|i'd|i'll|my|me|myself|ich|mein\w*|mich|mir|habe|bin|je|moi|mon|ma|mes|ai|suis|"
    r"yo|mis?|he(?=\s+(?:\w+\s+)?\w+(?:ado|ido|to|cho|sto)\b)|estoy|trabajo|formo|dejé|jubilé|io|mio|mia|ho|sono|lavoro|faccio|ik|mijn|mij|ben|heb|werk|eu|meu|"
    r"minha|deixei|saí|estou|faço|aposentei|fui|fais|appartiens|gehöre|soy|desvinculé|appartengo|collaboro|maak|sou|"
    r"pertenço|integro|colaboro|reformei|desliguei|desvinculei|assumi|informo|comunico|passei|pasé|uso|utilizo)(?![\w'])|(?<![\w])j'|私|わたくし|わたし|小職|当方|僕)", re.I)
_OTHER_PERSON = re.compile(
    r"(?<![\w])(?:colleague|co-?workers?|former|predecessor|founder|boss|manager|assistant|secretary|chairm[ae]n|"
    r"chairwoman|president|ceo|cio|cfo|coo|cto|head of|husband|wife|father|mother|son|daughter|brother|sister|"
    r"friend|client|customer|team ?mate|partner|director|"
    r"kolleg\w*|ehemalige\w*|vorgänger\w*|gründer\w*|chef\w*|vorgesetzte\w*|assistent\w*|vater|mutter|mann|frau\s+(?-i:[a-z])|"
    r"collègue|ancien(?:ne)?|prédécesseur|fondat\w+|patron|directeur|directrice|père|mère|"
    r"colega|compañer[oa]s?|antiguo|antigua|predecesor\w*|fundador\w*|jef[ae]|director\w*|padre|madre|"
    r"collega|ex\s|predecessore|fondatore|capo|direttore|direttrice|padre|madre|"
    r"oud-|voorganger|oprichter|baas|directeur|vader|moeder|"
    r"antig[oa]|antecessor\w*|fundador\w*|chefe|diretor\w*|pai|mãe|"
    r"xx_never_xx)(?![\w])|同僚|前任|前(?:CIO|CEO|CFO|COO|CTO|社長|部長|担当)|創業者|上司|社長|部長|父|母", re.I)
_PRONOUN = re.compile(r"(?<![\w])(?:he|she|his|her|er|elle|il|él|ella|lui|lei|hij|zij|ze|ele|ela|sie)(?![\w])|彼", re.I)
_MAILBOX = re.compile(r"(?<![\w])(?:mailbox|address|account|inbox|postfach|adresse|boîte|buzón|dirección|cuenta|"
                      r"casella|indirizzo|mailbox|adres|caixa|endereço|conta)(?![\w])|アドレス", re.I)
# negation, modality, condition, future, rumour: the statement is not a settled fact about the person
_HEDGE = re.compile(
    r"(?<![\w])(?:not|never|n't|may|might|could|would|should|if|whether|unless|once|rumou?rs?|plan(?:ning)?|"
    r"going to|will|shall|about to|soon|next|considering|thinking|hope|wish|"
    r"nicht|nie|kein\w*|vielleicht|eventuell|möglicherweise|falls|wenn|ob|werde|wird|würde|könnte|demnächst|bald|"
    r"nächste\w*|plane|gerücht\w*|pas|jamais|peut-être|lorsque|pourrai\w*|serai|sera|vais|va|bientôt|prochaine?|"
    r"rumeurs?|nunca|quizás?|tal vez|cuando|podría|seré|será|voy a|va a|pronto|próxim[oa]s?|rumores?|"
    r"mai|forse|quando|potrei|potrebbe|sarò|sarà|presto|prossim[oa]|voci|nooit|misschien|wanneer|zou|zal|"
    r"binnenkort|volgende?|geruchten|talvez|poderia|poderá|serei|vou|vai|em breve)(?![\w])|かもしれ|予定|もし|ません", re.I)
# "…; until then I remain your contact": anywhere in the sentence, the change is still ahead
UNTIL_THEN = re.compile(r"(?<![\w])(?:until then|till then|bis dahin|d'ici là|jusque-là|hasta entonces|mientras tanto|"
                         r"fino ad allora|nel frattempo|tot dan|tot die tijd|até lá|até então)(?![\w])|それまで", re.I)
# a time still ahead ("at the end of the year", "zum Jahresende", "ab Januar", "来年1月より", "年内で"): a departure or a
# hand-over dated there is announced, not a fact yet (a sentence that also says "last"/"letzten" is about the past)
AHEAD = re.compile(
    r"(?<![\w])(?:(?:at|by|from|as of|after) the end of (?:the|this) (?:year|month)|at (?:the )?year[- ]end|"
    r"from the new year|zum jahres(?:ende|wechsel)|(?:zum|gegen) ende (?:des|dieses) (?:jahres|monats)|"
    r"ab dem neuen jahr|à la fin de (?:l'année|ce mois)|en fin d'année|a (?:fin(?:al)?es|fin) de(?:l)? (?:este )?"
    r"(?:año|mes)|alla fine dell'anno|a fine (?:anno|mese)|(?:aan het )?(?:eind|einde) (?:van )?(?:dit jaar|het jaar|"
    r"deze maand)|(?:no|ao) (?:final|fim) (?:do|deste) (?:ano|mês))(?![\w])|年内[でにを]|年末[でにを]|来年|来月|予定", re.I)
# "from January X takes over": a hand-over dated at a month to come (a departure "da settembre" is "since")
_FROM_MONTH = re.compile(
    r"(?<![\w])(?:from (?:january|february|march|april|may|june|july|august|september|october|november|december)|"
    r"ab (?:januar|februar|märz|april|mai|juni|juli|august|september|oktober|november|dezember)|"
    r"(?:à partir|dès le mois) de (?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|"
    r"décembre)|a partir de (?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|"
    r"diciembre|janeiro|fevereiro|março|abril|maio|junho|julho|agosto|setembro|outubro|novembro|dezembro)|"
    r"a partire da (?:gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|dicembre)|"
    r"(?:vanaf|per) (?:1 )?(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december))"
    r"(?![\w])", re.I)
_BEHIND = re.compile(r"(?<![\w])(?:last|previous|letzte[nmrs]?|vorige[nmrs]?|dernier|dernière|passado|pasado|scorso|"
                     r"vorig|afgelopen)(?![\w])|昨年|去年|先月", re.I)


def ahead(sentence: str, *, months: bool = False) -> bool:
    """The sentence dates what it states at a time still ahead (`AHEAD`; with `months` also "from January"), not in
    the past."""
    found = AHEAD.search(sentence) is not None or (months and _FROM_MONTH.search(sentence) is not None)
    return found and _BEHIND.search(sentence) is None


# "today is my last day at Acme": "today" dates the departure, it is no same-day absence
_LAST_DAY_TODAY = re.compile(r"(?:today|this|heute|aujourd'hui|hoy|oggi|vandaag|hoje)\b", re.I)
# where a denial stops applying: "I'm no longer COO - as of this month I'm …" states the new title
_CLAUSE_CUT = re.compile(r"[,;:]|\s[-–—]\s")
_CLAUSE_END = re.compile(r"[,;:]|\s(?:and|und|et|y|e|en|but|aber|mais|pero|ma|maar|mas)\s|、", re.I)


def _clause_of(prefix: str, cue: str, suffix: str) -> str:
    """The clause around a cue: "I retire at the end of the year" but not "… and this mailbox closes at the end of
    the month"."""
    before = _CLAUSE_END.split(prefix)[-1]
    return f"{before}{cue}{_CLAUSE_END.split(suffix)[0]}"


_OWN_NEGATION = re.compile(
    r"(no longer|not longer|nicht (mehr|länger)|ne (fait|travaille|suis|est) plus|n'(est|ai) plus|ne\b|plus\b|"
    r"ya no|non (lavora|lavoro|fa|faccio|è|sono) più|non\b|più\b|niet (langer|meer)|não\b|mais\b|já não)", re.I)
# a plain "no" / "not yet" before the cue in the pro-drop languages ("No me he jubilado", "Ainda não saí")
_DENIAL = re.compile(r"(?<![\w])(?:no|non|não|nao|ainda não|todavía no|noch nicht|pas encore|nog niet|mocht|indien)(?![\w])",
                     re.I)
# a reported question: "people ask me whether I have left", "me preguntan si he dejado", "chiedono se sono andato via"
_ASKED = re.compile(r"(?<![\w])(?:ask\w*|wonder\w*|frag\w*|demand\w*|pregunt\w*|chied\w*|domand\w*|vra\w*|"
                    r"pergunt\w*)\s*,?(?:[\s-]*(?:me|mir|moi|mij|mi))?\s*(?:if|whether|ob|si|se|of)(?![\w])", re.I)
# a first-person future or a joke about it ("andrò in pensione prima di finirli", "me jubilaré", "je partirai")
_FUTURE = re.compile(r"(?<![\w])(?:andrò|andrà|andremo|lascerò|lascerà|iré|irá|dejaré|dejará|jubilaré|jubilará|"
                     r"partirai|partira|prendrai|prendra|quitterai|quittera|irei|deixarei|deixará|aposentarei|"
                     r"aposentará|reformarei)(?![\w])", re.I)
# a contracted future or conditional before a departure cue: "I'll have retired by the time…", "I'd have left long
# ago" (departures only: "I'll pick this one up" is the writer staying)
_CONTRACTED_FUTURE = re.compile(r"(?<=\w)['’](?:ll|d(?=\s+have\b))(?![\w])")
# the cue inside quotation marks is a title or a topic ("«Planning your retirement in 2027»"), not a statement
_OPEN_QUOTES = "«„“\"‘‹「『"
_CLOSE_QUOTES = "»“”\"’›」』"
# "si"/"se" opening a clause is "if", except the impersonal "Si comunica che", "Se informa que", "Se ruega"
_CONDITIONAL_START = re.compile(r"(?:^|[,;:]\s*)(?:si|se|als|wenn|if)\s(?!(?:comunica|informa|notifica|avvisa|segnala|"
                                r"prega|ruega|hace saber|comunicam?|informam?|participa|rende noto)\b)", re.I)
_TRANSIENT = re.compile(
    r"(?<![\w])(?:today|tonight|this (?:morning|afternoon|evening|week)|for the (?:day|evening|night|weekend|week|"
    r"holidays?)|until|till|back (?:on|in|at|by|tomorrow|next)|returning|return on|tomorrow|conference|trip|"
    r"travel\w*|airport|vacation|holidays?|on leave|parental|maternity|paternity|bereavement|sabbatical|desk|"
    r"(?:the )?office (?:early|for)|few days|"
    r"heute|morgen|für heute|zurück|wieder|urlaub|dienstreise|konferenz|feierabend|schreibtisch|elternzeit|"
    r"aujourd'hui|demain|jusqu'(?:au|à)|de retour|congé|vacances|conférence|déplacement|journée|"
    r"hoy|mañana|hasta|de vuelta|regreso|vacaciones|permiso|conferencia|viaje|"
    r"oggi|domani|fino (?:al|a)|rientro|ritorno|ferie|vacanza|conferenza|viaggio|giornata|"
    r"vandaag|terug|vakantie|verlof|conferentie|reis|"
    r"hoje|amanhã|de volta|retorno|férias|licença|conferência|viagem|"
    r"xx_never_xx)(?![\w])|本日|明日|まで|休暇|出張|外出|戻り|不在|今日|早退", re.I)
# "has retired the old fax number", "ha lasciato il documento": a thing, not an employer, is the object
_THING_OBJECT = re.compile(
    r"^\s*(?:the|our|my|this|that|these|those|a|an|all|its)\s+(?:\w+\s+){0,3}?(?:number|line|fax|phone|address|product|"
    r"fund|system|service|model|brand|policy|programme|program|document|file|report|paper|car|keys?|building|"
    r"website|site|account|mailbox|series|index|name|logo|platform|strategy)\b", re.I)
_THING_SUBJECT = re.compile(
    r"\b(?:budget|portfolio|topic|accounts?|matter|file|project|mandates?|responsibilit(?:y|ies)|coverage|area|desk|"
    r"relationship|thema|mandat|dossier|cartera|portafoglio|portefeuille|carteira)\s*$", re.I)
# what one leaves or stops without leaving the employer: a meeting, a team, a committee, a list, a weekday, home
_NOT_AN_EMPLOYER = re.compile(
    r"(?<![\w])(?:meeting|call|conference call|webinar|chat|project|project team|committee|works council|supervisory board|"
    r"distribution list|mailing list|"
    r"\w*(?:besprechung|konferenz|sitzung|projekt\w*|verteiler|ausschuss|betriebsrat|aufsichtsrat|gremium)|"
    r"réunion|conférence téléphonique|visioconférence|projet|comité|liste de diffusion|"
    r"reunión|llamada|proyecto|comité|lista de distribución|riunione|chiamata|progetto|comitato|"
    r"vergadering|overleg|project|projectteam|commissie|ondernemingsraad|verzendlijst|reunião|chamada|projeto|"
    r"comitê|"
    # a weekday as a habit ("on Fridays", "le vendredi", "los viernes", "il venerdì", "às sextas", "freitags"), never
    # a date ("my last day was Friday 6 November")
    r"(?:on )?(?:mondays|tuesdays|wednesdays|thursdays|fridays|weekends)|"
    r"(?:le |les )(?:lundis?|mardis?|mercredis?|jeudis?|vendredis?)|(?:los )(?:lunes|martes|miércoles|jueves|viernes)|"
    r"(?:il |i |di )(?:lunedì|martedì|mercoledì|giovedì|venerdì)|(?:op |'s )(?:maandag|dinsdag|woensdag|donderdag|"
    r"vrijdag)(?:en|s)?|(?:às |nas )(?:segundas|terças|quartas|quintas|sextas)|"
    r"(?:montags|dienstags|mittwochs|donnerstags|freitags)|"
    r"from home|at home|remotely|part[- ]time|desde casa|en casa|da casa|em casa|home office|homeoffice|"
    r"von zu hause|de chez moi|à domicile|à temps partiel|a tiempo parcial|a tempo parziale|vanuit huis|thuis|"
    r"in deeltijd|a tempo parcial)(?![\w])|委員|理事|評議員|協会|団体", re.I)
_PAST_YEAR = re.compile(r"\b(?:in|im|en|nel|em|since|seit|depuis|desde|dal|sinds)\s+(19\d\d|200\d|201[0-9])\b", re.I)
CJK = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
NAME_TOKEN = re.compile(r"(?<![\w])(?-i:[A-ZÀ-ÝÄÖÜ][a-zà-ÿäöüß]+(?:-[A-ZÀ-Ý][a-zà-ÿ]+)?)(?![\w])")
# capitalised words that are not names of people
NOT_A_NAME = frozenset(
    "i the this that our my we you your thank thanks please dear hello hi good best kind regards note "
    "unfortunately sadly as of since from with at in on after effective mr mrs ms dr prof herr frau "
    "monsieur madame señor señora signor signora sig de heer mevrouw senhor senhora sr sra dott ich wir sie "
    "leider bitte vielen danke sehr je nous vous merci malheureusement yo nosotros usted gracias lamentablemente "
    "io noi lei grazie purtroppo ik wij u bedankt helaas eu nós você obrigado obrigada infelizmente "
    "automatic reply auto out office "
    # sentence starters that are capitalised without being names (prepositions, articles, adverbs)
    "since after following due with regrettably also however today as a an it its it's effective from "
    "nach seit mit vom zum ab zur der die das ein eine leider heute ab sofort liebe lieber sehr geehrte "
    "dès depuis avec après pour suite malheureusement la le les un une il elle nous cher chère bonjour "
    "desde con por para en al el los las una lamentamos estimado estimada estimados hola "
    "da dal dalla dallo con per nel nella durante lo gli una egregio gentile buongiorno "
    "met na vanaf sinds het een de geachte beste hallo "
    "após depois com em na no os prezado prezada caro cara olá bom "
    "with by to for of on at in "
    # capitalised adverbs at the start of a sentence ("Ya colgué…", "Já saí…", "Schon…")
    "ya já ja déjà schon già al reeds now nun ora agora ahora maintenant jetzt nu "
    # German "im" (in dem) opens many sentences and departure cues ("nicht mehr im Unternehmen"): never "I'm"
    "im".split())


def fold(word: str) -> str:
    """Lowercase without accents ("Lefèvre" -> "lefevre"), so names match their address's local part."""
    return "".join(c for c in unicodedata.normalize("NFKD", word.lower()) if not unicodedata.combining(c))


@dataclass
class Person:
    """Name tokens of the person a reply is about (lowercase)."""

    tokens: set[str] = field(default_factory=set)
    cjk_parts: set[str] = field(default_factory=set)  # every CJK part of the display name, one-character given names too

    def named_in(self, text: str) -> bool:
        words = {fold(w) for w in re.findall(r"[\wÀ-ÿ]+", text)}
        if self.tokens & words:
            return True
        return any(CJK.search(t) and t in text for t in self.tokens)  # CJK names are not space-separated


# a display name that says the mailbox serves somebody ("Office of Laura Kim", "Büro Dr. Weber", "Assistant to the
# CEO", "Segreteria di…", "秘書"): the named person is not the one writing
_SERVES_SOMEBODY = re.compile(
    r"^\s*(?:(?:the\s+)?(?:office|assistant|secretary|pa|executive assistant|chambers)\s+(?:of|to|for)\b|"
    r"(?:büro|sekretariat|assistenz|vorzimmer)\b|(?:bureau|secrétariat|cabinet|assistante?)\s+(?:de|du|d')|"
    r"(?:oficina|secretar[ií]a|asistente|despacho)\s+(?:de|del)\b|(?:ufficio|segreteria|assistente)\s+(?:di|del|dell)|"
    r"(?:kantoor|secretariaat|assistent[e]?)\s+(?:van)\b|(?:escritório|secretaria|assistente|gabinete)\s+(?:de|do|da)\b)"
    r"|秘書|事務局", re.I)


def _tokens(name: str | None, addr: str | None) -> set[str]:
    out: set[str] = set()
    if is_role_mailbox(addr) or _SERVES_SOMEBODY.search(name or ""):
        # a role or bulk mailbox (secretariat@, segreteria.neri@, newsletter@) is nobody: a name in its display
        # name or local part ("Segreteria Dott. Neri") is the person it serves, not the one writing
        return out
    for w in re.split(r"[\s,.'\"()<>_+-]+", (name or "").lower()):
        if (len(w) >= 3 or (len(w) == 2 and CJK.search(w))) and w not in NOT_A_NAME:
            out.add(fold(w))
    if addr and "@" in addr:
        for w in re.split(r"[._+-]+", addr.split("@", 1)[0].lower()):
            if len(w) >= 3 and not w.isdigit():
                out.add(w)
    return out


def person_of(view: MessageView) -> Person:
    """The mailbox's person, and the person our original was addressed to (quoted or attached To:)."""
    tokens = _tokens(view.from_name, view.from_email)
    to = view.original_headers.get("to", "")
    if to:
        name = to.split("<", 1)[0].strip().strip('"') if "<" in to else None
        tokens |= _tokens(name, address_of(to))
    parts = set() if is_role_mailbox(view.from_email) else \
        {w for w in re.split(r"[\s・,]+", view.from_name or "") if w and CJK.search(w)}
    return Person(tokens, parts)


# a polite request before the statement is not a hedge: "Could you please update your records - my title is now X"
_REQUEST = re.compile(r"(?<![\w])(?:could|would|can|will) you(?: kindly| please)?(?![\w])", re.I)
# Japanese "<someone>の" right before the cue: somebody else's address or title ("弊社の斎藤のメールアドレス")
_JA_OWNER = re.compile(r"(?P<owner>[^\s、。の：:]{1,10})の\s*$")
_JA_SELF = ("私", "わたくし", "わたし", "小職", "当方", "僕", "自分", "本人", "小生")
# the topic of the clause: the kanji/katakana run right before は/が ("吉田は", "小林 誠は"); kana-only openers
# ("このたびは", "突然ではございますが") have no run and are no topic
_JA_TOPIC = re.compile(r"(?P<owner>(?:[一-龯々ァ-ヶー]{1,6}[ 　])?[一-龯々ァ-ヶー]{1,8})\s*(?:は|が)(?![^、。]*[はが])[^。]*$")
_JA_NOT_A_PERSON = frozenset("実 今 今回 今後 本日 今年 今月 先日 当日 先月 昨年 弊社 当社 本件 現在 以前 皆様 皆さま 皆さん 私事 "
                             "メール 連絡先 電話番号 住所 所属".split())
_DENIAL_ANY = re.compile(r"(?<![\w])(?:not|never|n't|no|nicht|kein\w*|pas|jamais|nunca|non|niet|geen|não|may|might|"
                         r"perhaps|maybe|vielleicht|eventuell|peut-être|quizás?|tal vez|forse|misschien|talvez)(?![\w])|"
                         r"もし|かもしれ|ません", re.I)


_JA_HONORIFIC = re.compile(r"(?:さん|様|氏|部長|課長|社長|次長|室長|本部長|取締役|会長|専務|常務|理事)$")


def _ja_is_person(owner: str, person: Person) -> bool:
    """A Japanese topic ("佐藤は", "佐藤 健は", "佐藤部長は") names the person and nobody else ("佐藤花子は" in 佐藤 健's
    mailbox is a namesake)."""
    name = _JA_HONORIFIC.sub("", re.sub(r"[\s　]+", "", owner))
    if set(owner.split()) <= person.cjk_parts:
        return True
    if not person.named_in(name):
        return False
    for part in sorted(person.cjk_parts | {t for t in person.tokens if CJK.search(t)}, key=len, reverse=True):
        name = name.replace(part, "")
    return not CJK.search(name)


def _in_quotes(prefix: str) -> bool:
    """The text before a cue opens a quotation it has not closed."""
    depth = 0
    for ch in prefix:
        if ch == '"':
            depth = 0 if depth else 1
        elif ch in _CLOSE_QUOTES and depth:
            depth -= 1  # „…“: the German closing mark is the English opening one
        elif ch in _OPEN_QUOTES:
            depth += 1
    return depth > 0


def announced_kind(sentence: str, match: re.Match[str], person: Person) -> str:
    """`subject_kind` for an announced (future) move: the future tense is the statement, not a hedge;
    questions, denials, conditions and somebody else's name still reject it."""
    prefix = sentence[: match.start()]
    if "?" in sentence or "？" in sentence or _CONDITIONAL_START.search(prefix) \
            or _DENIAL_ANY.search(prefix[-60:] + " " + match.group(0)):
        return "hedged"
    if person.named_in(prefix):
        return "name"
    if _OTHER_PERSON.search(prefix):
        return "other"
    if _FIRST_PERSON.search(f"{prefix}{match.group(0)}"):
        return "self"
    if any(w.lower() not in NOT_A_NAME for w in NAME_TOKEN.findall(prefix)):
        return "other"
    return "none"


def subject_kind(sentence: str, match: re.Match[str], person: Person, *, object_after: bool = False,
                 others_named: bool = False, departure: bool = False) -> str:
    """How the sentence states the fact `match` found: an ACCEPTED kind or a rejection kind.

    Args:
        object_after: the person is named after the cue ("the death of X"), not before it.
        others_named: an earlier sentence of the reply was about somebody else (a bare pronoun
            then most likely refers to them).
        departure: the cue is a departure (leaving a meeting, a committee or Fridays is none).
    """
    prefix = _REQUEST.sub(" ", sentence[: match.start()])
    cue = match.group(0)
    suffix = sentence[match.end():]
    if "?" in sentence or "？" in sentence:
        return "hedged"
    owner = _JA_OWNER.search(prefix) if CJK.search(prefix[-12:]) else None
    if owner and owner.group("owner") not in _JA_SELF and not person.named_in(owner.group("owner")):
        return "other"
    topic = _JA_TOPIC.search(prefix) if CJK.search(prefix) else None
    if topic and not any(w in topic.group("owner") for w in _JA_SELF) and not _ja_is_person(topic.group("owner"), person) \
            and topic.group("owner") not in _JA_NOT_A_PERSON and not _MAILBOX.search(topic.group("owner")):
        return "other"  # "担当だった吉田は…退職しました", "弊社の小林 誠は退職いたしました": somebody else is the topic
    # the cue's own negation ("no longer", "nicht mehr", "ya no") is the statement; any other is a denial
    cue_rest = _OWN_NEGATION.sub(" ", cue)
    if _HEDGE.search(prefix) or _CONDITIONAL_START.search(prefix) or _HEDGE.search(cue_rest) \
            or _DENIAL.search(_CLAUSE_CUT.split(prefix)[-1][-40:]) or _ASKED.search(prefix) or _FUTURE.search(prefix + cue + suffix[:20]) \
            or UNTIL_THEN.search(sentence) or (departure and (ahead(_clause_of(prefix, cue, suffix))
                                                               or _CONTRACTED_FUTURE.search(prefix + cue))):
        return "hedged"
    if _in_quotes(prefix):
        return "quoted"
    if _TRANSIENT.search(sentence) and not _LAST_DAY_TODAY.match(cue):
        return "transient"
    if _THING_OBJECT.match(suffix) and re.search(r"\b(retired|left)\s*$", cue, re.I):
        return "object"
    clause = re.split(r"[,;:]", prefix)[-1][-50:] + " " + cue + " " + re.split(r"[,;:.]", suffix)[0][:40]
    if departure and _NOT_AN_EMPLOYER.search(clause):
        return "object"  # "habe die Besprechung verlassen", "aus dem Betriebsrat ausgeschieden", "ne travaille plus le vendredi"
    if re.match(r"\s*(?:is|are)\s+now\b", cue, re.I) and _THING_SUBJECT.search(prefix):
        return "object"  # "the budget is now with Omar Haddad": a topic moved, not the person
    if _PAST_YEAR.search(suffix[:80]) or _PAST_YEAR.search(prefix):
        return "history"
    if not object_after and not _CLAUSE_CUT.split(prefix)[-1].strip() and _FIRST_PERSON.search(cue):
        return "self"  # a clause of its own in the first person: "I'm no longer COO - as of this month I'm …"
    about = suffix[:80] if object_after else prefix
    if person.named_in(about):
        return "other" if _someone_else_of_that_name(about, person) else "name"
    if _OTHER_PERSON.search(about) or (object_after and _OTHER_PERSON.search(prefix)):
        return "other"
    if _FIRST_PERSON.search(f"{about} {cue}"):  # together: Spanish "He | dejado" is split by the cue
        return "self"
    if any(w.lower() not in NOT_A_NAME for w in NAME_TOKEN.findall(about)):
        return "other"  # somebody else's name (German nouns are capitalised too: checked after "ich")
    if _MAILBOX.search(about) or _MAILBOX.search(cue):
        return "mailbox"
    if _PRONOUN.search(about) or _PRONOUN.search(cue):
        return "other" if others_named else "pronoun"
    return "none"


# a run of capitalised names, with the particles of Dutch, German, Romance and Portuguese surnames inside
_NAME_RUN = re.compile(r"(?-i:[A-ZÀ-Ý][a-zà-ÿ'-]+)(?:\s+(?:(?:de|van|von|der|den|da|di|del|dos|das|du|le|la|ten|ter)\s+)*"
                       r"(?-i:[A-ZÀ-Ý][a-zà-ÿ'-]+))+")


def _someone_else_of_that_name(text: str, person: Person) -> bool:
    """A full name sharing a word with the person but with another given name or surname right next to it ("Tom
    Miller" in Sarah Miller's mailbox, "Mme Anne Dubois" in Claire Dubois's): a namesake, not the person. Titles and
    role nouns next to the name ("Mme", "Kollege Herr") are not names."""
    for m in _NAME_RUN.finditer(text):
        words = [re.sub(r"['’]s$", "", w) for w in m.group(0).split() if w[0].isupper()]
        for k, w in enumerate(words):
            if fold(w) not in person.tokens:
                continue
            for n in (words[k - 1] if k else None, words[k + 1] if k + 1 < len(words) else None):
                if n and not _may_be_the_persons(n, person) and n.lower().rstrip(".") not in NOT_A_NAME \
                        and n.lower().rstrip(".") not in _TITLES and not _OTHER_PERSON.fullmatch(n):
                    return True
    return False


def _may_be_the_persons(word: str, person: Person) -> bool:
    """A name word that is, or could be, one of the person's: a token, part of a local part ("pena" in "mpena"),
    or a token whose letters were lost in a badly encoded header ("in\ufffd\ufffds" for "Inês")."""
    w = fold(word)
    for t in person.tokens:
        if w == t or (len(w) >= 4 and w in t):
            return True
        if "\ufffd" in t and re.fullmatch(re.sub(r"\ufffd+", ".{1,2}", re.escape(t)), w):
            return True
    return False


_TITLES = frozenset("mme mlle m sr sra srta dra dr dott dottssa sig sigra ing prof avv on hon sir lady lord "
                    "herr frau fräulein doktor mag dipl mevr dhr drs ir mr mrs ms miss".split())


# a person written with a title or as first name + surname ("Herr Weber", "Sr. Weber", "Tom Weber"); a capitalised
# German noun alone ("Für das Budget") is no person
_TITLED_OR_FULL_NAME = re.compile(
    r"(?<![\w])(?:(?:mr|mrs|ms|dr|herr|frau|m|mme|sr|sra|dott|dott\.ssa|sig|sig\.ra|heer|mevrouw|de heer|"
    r"senhor|senhora)\.?\s+(?P<t>(?-i:[A-ZÀ-Ý])[\w'-]+)|(?P<a>(?-i:[A-ZÀ-Ý])[a-zà-ÿ'-]+)\s+(?P<b>(?-i:[A-ZÀ-Ý])[a-zà-ÿ'-]+))",
    re.I)


def people_named(text: str) -> set[str]:
    """Folded name tokens of the people `text` names with a title or a full name (stop words left out)."""
    out: set[str] = set()
    for m in _TITLED_OR_FULL_NAME.finditer(text):
        words = [m.group("t")] if m.group("t") else [m.group("a"), m.group("b")]
        if m.group("t") or not any(w.lower() in NOT_A_NAME for w in words):
            out |= {fold(w) for w in words if w.lower() not in NOT_A_NAME}
    return out


# a Japanese clause whose topic is a person other than the writer: a katakana surname or a name with an honorific
# ("ウェーバーは", "林さんが"); a kanji topic alone ("本件の", "IT関連は") is a matter, the writer is left unsaid
# a Spanish / Portuguese first-person preterite opening a sentence ("Cambié de área", "Mudei de funções")
_PRETERITE_1SG = re.compile(r"(?:^|[.;:]\s+)(?-i:[A-ZÁÉÍÓÚ])[a-záéíóúñç]+(?:é|ei)(?![\w])")
_JA_PERSON_TOPIC = re.compile(r"(?:[ァ-ヶー]{2,}|[一-龯]{1,4}\s*(?:さん|様|氏))\s*(?:は|が|の)[^。]*$")


def handover_subject(sentences: list[str], i: int, match: re.Match[str], person: Person,
                     successors: set[str]) -> str:
    """Whose hand-over sentence `i` states: "person" (the mailbox's), "other" or "unclear".

    `successors`: folded name tokens of the people the reply hands over to. "I no longer look after X",
    "Ilse Brandt n'est plus en charge", "Jan Berger has taken over my accounts", "本件の担当を外れました" are
    the person's; "Tom Weber is no longer responsible", "Herr Weber ist nicht mehr zuständig", "our colleague's
    accounts have been taken over", "ウェーバーは担当を外れました" are somebody else's; a bare "Jan Berger is now
    your contact" says nothing about the person ("unclear").
    """
    sentence = sentences[i]
    prefix = sentence[: match.start()]
    kind = subject_kind(sentence, match, person)
    if kind == "quoted":
        return "other"
    if person.named_in(prefix):
        return "person"
    if people_named(prefix) - successors - person.tokens:
        return "other"  # somebody else, named, hands over
    names_successor = bool({fold(w) for w in re.findall(r"[\wÀ-ÿ]+", prefix)} & successors)
    if _OTHER_PERSON.search(prefix) and not names_successor:
        return "other"  # "our colleague's accounts", "同僚のウェーバーは"
    if CJK.search(prefix[-12:]) and _JA_PERSON_TOPIC.search(prefix) and not names_successor \
            and not any(w in prefix for w in _JA_SELF):
        return "other"
    if kind != "other" or CJK.search(prefix[-12:]):
        return "person"  # first person, the mailbox, or a Japanese clause without a person as its topic
    # the successor is the subject: the writer must be in it ("has taken over my accounts")
    around = " ".join(sentences[max(0, i - 1): i + 1])
    return "person" if _FIRST_PERSON.search(around) or _PRETERITE_1SG.search(around) or person.named_in(around) \
        else "unclear"


# a forwarded or delegated auto-reply: "From: Maria Reyes" at the top of the text, "（b@x）の代理で"
_FORWARDED_FROM = re.compile(r"^\s*\[?[^\n]{0,60}\]?\s*\n?\s*(?:from|von|de|da|van|差出人)\s*:\s*(?P<name>[^\n<]{2,60})",
                             re.I)
_FOR_NAME = re.compile(
    r"(?:automatic (?:reply|message)|auto-?reply|message automatique|réponse automatique|automatische (?:antwort|"
    r"nachricht)|mensaje automático|respuesta automática|messaggio automatico|risposta automatica|automatisch "
    r"(?:antwoord|bericht)|mensagem automática|resposta automática)\s+(?:from|for|pour|de|für|von|para|del|per|di|"
    r"da|voor|van)\s+(?P<name>(?-i:[A-ZÀ-Ý])[\w'-]+(?:\s+(?-i:[A-ZÀ-Ý])[\w'-]+){0,3})", re.I)
_ON_BEHALF_JA = re.compile(r"(?P<addr>[\w.+-]+@[\w-]+(?:\.[\w-]+)+)\s*[)）]?\s*(?:の代理|に代わり|の代わり)")
# "on behalf of" in the eight languages (also read by `human_reply`: a person answering for somebody else)
ON_BEHALF_OF = r"on behalf of|im auftrag von|au nom de|en nombre de|per conto di|namens|em nome de"
_SPEAKS_FOR = re.compile(
    r"(?:automatic reply|auto-?reply|automated reply|out of office(?: reply)?|abwesenheitsnotiz|automatische antwort|"
    r"réponse automatique|respuesta automática|risposta automatica|automatisch antwoord|resposta automática|"
    r"自動応答|自動返信|" + ON_BEHALF_OF + r")"
    r"\s*(?:from|von|de|da|del|di|van|of|für|pour|para|per|voor)?\s*[:\-]?\s*[^@\n]{0,60}?"
    r"<?(?P<addr>[\w.+-]+@[\w-]+(?:\.[\w-]+)+)", re.I)


def speaks_for(view: MessageView, text: str) -> str | None:
    """An address the reply says it is written for or on behalf of, when that is not its own From."""
    for m in (*_SPEAKS_FOR.finditer(text[:4000]), *_ON_BEHALF_JA.finditer(text[:4000])):
        addr = m.group("addr").lower().rstrip(".")
        if view.from_email and addr != view.from_email:
            return addr
    for m in _FOR_NAME.finditer(text[:4000]):
        if not person_of(view).named_in(m.group("name")):
            return f"name:{m.group('name').strip()}"
    m = _FORWARDED_FROM.match(text[:400])
    if m and not person_of(view).named_in(m.group("name")) and "@" not in m.group("name"):
        return f"name:{m.group('name').strip()}"  # speaks for a person the mailbox is not
    return None
