"""A person's own answer that says nothing else about the person (DESIGN §4 step 2): ACTIVE `still_active`.

DESIGN §4 defines ACTIVE as a live acknowledgement, still at the firm (the seed: "still at firm"): a person
answering our message from their own mailbox (agreeing, declining, asking, "please remove me") is exactly that.
ACTIVE writes nothing (§5: confirmation only; review when CUPOLA has no active row). Until issue 8's dev set 5
the rule said UNKNOWN `not_an_auto_reply`; every blind writer since dev set 3 labels these replies ACTIVE from
DESIGN alone, and sets written before label them UNKNOWN `not_an_auto_reply` (`classify.evaluate` counts either).

The last phrase detector. It settles a reply only when every sign says a person answered our message
and there is nothing to act on: the subject answers ours, no auto-reply header or wording, no address,
and not one word of a broad list that could carry news about the person (a departure, a death, "new",
an address, a title or role, a colleague, an absence, the office, a move) in the eight languages.
Anything else stays open for the LLM or a reviewer. With an LLM configured the engine still asks it
(`engine.classify_view`), so this only settles what an offline run would otherwise leave UNKNOWN.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from autoresponder.classify.decision import Decision
from autoresponder.classify.rules.about import ON_BEHALF_OF
from autoresponder.classify.rules.headers import out_of_office_subject
from autoresponder.classify.splitter import is_signature_line

if TYPE_CHECKING:
    from autoresponder.classify.rules.phrases import Reading

HUMAN_REPLY_RULE = "human_reply/text"
_MAX_CHARS = 6000

# A person answering our message: the subject answers ours ("Re:", "AW:", "RES:", …) and nothing says automatic
_REPLY_SUBJECT = re.compile(r"^\s*(?:re|aw|antw|antwort|sv|vs|r|rif|res|réf|ref|ynt|回复|返信)\s*(?:\[\d+\])?\s*[:：]", re.I)
_AUTOMATIC_WORDS = re.compile(
    r"(automatic|automated|auto-?reply|automatisch|automatique|automática|automatica|automático|自動)", re.I)
# any word that could carry news about the person (a departure, address, title, role, absence, move, a colleague):
# a reply with one of these is left to the LLM or a reviewer, never settled as "nothing to act on"
_CHANGE_HINT = re.compile(
    r"(leav|left|retir|pension|passed away|died|death|deceas|funeral|condolence|mourn|"
    r"gestorben|\btod\b|trauer|beileid|décéd|disparu|\bmort|obsèques|murió|muerte|fallec|luto|mancare|scompar|morto|"
    r"morte|lutto|gestorven|\bdood|uitvaart|morreu|逝去|他界|死去|永眠|訃報|ご冥福|"
    r"\bnew\b|address|title|\brole|position|promot|appoint|"
    r"responsib|in charge|colleague|replac|success|join|moved|moving|absent|away|holiday|vacation|office|\bback\b|"
    r"return|until|maternity|paternity|sick|no longer|any ?more|handl|cover|"
    r"verlass|ausgeschieden|ruhestand|rente|verstorb|\bneu|adresse|funktion|titel|zuständig|nachfolg|kolleg|ansprech|"
    r"wechsel|urlaub|abwesen|zurück|wieder|büro|nicht mehr|elternzeit|krank|umzug|umgezogen|stelle|"
    r"quitt|retraite|décéd|décès|nouve|titre|\bposte|fonction|charge|collègue|rejoin|congé|vacances|retour|bureau|"
    r"plus partie|ne suis plus|déménag|"
    r"dej[éeoa]|jubil|falle|nuev|direcci|cargo|puesto|encarg|compañer|colega|sucesor|incorpor|ausen|vacacion|vuelt|"
    r"vuelvo|oficina|ya no|licencia|baja|traslad|mudamos|"
    r"lascia|quiescenza|scompars|decedu|nuov|indirizzo|ruolo|incarico|occup|collega|entrat|assen|ferie|rientr|"
    r"ufficio|non (?:\w+ )?più|più (?:in|presso|parte|con)|maternità|trasferi|sede|"
    r"verlat|vertrokk|pensioen|overled|nieuw|adres|functie|\brol\b|verantwoordelijk|opvolg|dienst|afwezig|vakantie|"
    r"terug|kantoor|niet meer|verlof|verhuis|vestiging|"
    r"deix|\bsaí|saiu|aposent|reform|falec|\bnov[oa]s?\b|endereço|função|responsáv|sucessor|integr|férias|volt|"
    r"retorno|escritório|não (?:\w+ )?mais\b|já não|licença|\bmud|instalações|recado|morada|"
    r"退職|退社|異動|転籍|入社|逝去|新|アドレス|役職|担当|後任|連絡先|不在|休暇|出張|戻|出社|変更|移転|産休|育休|"
    # colloquial departures and retirement told as a life event
    r"\bgone\b|went away|lebensabend|verabschied|\bweg\b|gegangen|\bpartie?s?\b|s'en est|se fue|\bido\b|marchó|marchado|"
    r"botas|andat[oa] via|non c'è più|chiodo|vertrok|weggegaan|oude dag|embora|chuteiras|辞め|卒業)", re.I)


# the writer answers for somebody else: "I am Mr Roux's assistant", "je suis l'assistante de M. Roux", "on behalf of"
_FOR_SOMEBODY = re.compile(
    r"(?<![\w])(?:(?:i am|i'm|je suis|ich bin|soy|sono|ik ben|sou|eu sou)\s+(?:the |l'|die |der |la |il |de |a |o |"
    r"[\w.'’-]+(?:'s|’s)? )?(?:assistant\w*|assistente|asistente|assistent\w*|secretary|secrétaire|sekretär\w*|"
    r"secretari[ao]|secretaresse|secretária)|" + ON_BEHALF_OF + r")(?![\w])|秘書|代理", re.I)
_ADDRESS = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def forwards_somebody_else(view) -> bool:
    """The reply quotes or forwards a message that is not ours ("FYI, see below" over an HR notice, a colleague's
    mail): what it carries is somebody else's news, so the reply is no plain answer. The quoted author is the
    original's From, else the first address of the "… wrote:" line; ours is the address the reply was sent to. An
    author-less quote counts only when it holds a word of change (a newsletter's "people moves")."""
    quoted = view.quoted_text[:3000]
    if not quoted.strip():
        return False
    author = view.original_headers.get("from", "")
    if not author:
        m = _ADDRESS.search("\n".join(quoted.splitlines()[:3]))
        author = m.group(0) if m else ""
    if author:
        addr = (_ADDRESS.search(author) or [""])[0].lower()
        return not addr or addr not in {t.lower() for t in view.to_emails}
    return bool(_CHANGE_HINT.search(quoted))


def detect_human_reply(r: Reading) -> Decision | None:
    """A person's own answer that states nothing else about the person: no address, no word of any change or
    absence. ACTIVE `still_active` (no write); with an LLM configured the engine still asks it."""
    view = r.view
    text = view.reply_text[:_MAX_CHARS]
    if r.auto_header is not None or r.has_address or not r.sentences or len(text) > 1500:
        return None
    if all(is_signature_line(s) for s in r.sentences):
        return None  # "Sent from my iPhone" over our quoted invitation: nobody said anything
    if not _REPLY_SUBJECT.match(view.subject or "") or out_of_office_subject(view) \
            or _AUTOMATIC_WORDS.search(view.subject or "") or _AUTOMATIC_WORDS.search(text):
        return None
    if _CHANGE_HINT.search(text) or _FOR_SOMEBODY.search(text) or forwards_somebody_else(view):
        return None
    return Decision(determination="ACTIVE", reason="still_active", category="ACTIVE", confidence=0.0,
                    evidence=r.sentences[0][:600], rule=HUMAN_REPLY_RULE)
