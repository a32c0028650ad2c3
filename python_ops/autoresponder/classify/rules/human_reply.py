"""A person's own answer that says nothing about the person (DESIGN §4 step 2): UNKNOWN `not_an_auto_reply`.

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
from autoresponder.classify.rules.headers import out_of_office_subject

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
    r"ufficio|più|maternità|trasferi|sede|"
    r"verlat|vertrokk|pensioen|overled|nieuw|adres|functie|\brol\b|verantwoordelijk|opvolg|dienst|afwezig|vakantie|"
    r"terug|kantoor|niet meer|verlof|verhuis|vestiging|"
    r"deix|\bsaí|saiu|aposent|reform|falec|\bnov[oa]s?\b|endereço|função|responsáv|sucessor|integr|férias|volt|"
    r"retorno|escritório|mais\b|já não|licença|\bmud|instalações|recado|morada|"
    r"退職|退社|異動|転籍|入社|逝去|新|アドレス|役職|担当|後任|連絡先|不在|休暇|出張|戻|出社|変更|移転|産休|育休|"
    # colloquial departures and retirement told as a life event
    r"\bgone\b|went away|lebensabend|verabschied|\bweg\b|gegangen|\bpartie?s?\b|s'en est|se fue|\bido\b|marchó|marchado|"
    r"botas|andat[oa] via|non c'è più|chiodo|vertrok|weggegaan|oude dag|embora|chuteiras|辞め|卒業)", re.I)


def detect_human_reply(r: Reading) -> Decision | None:
    """A person's own answer that states nothing about the person: no address, no word of any change or
    absence. UNKNOWN `not_an_auto_reply` (no action); with an LLM configured the engine still asks it."""
    view = r.view
    text = view.reply_text[:_MAX_CHARS]
    if r.auto_header is not None or r.has_address or not r.sentences or len(text) > 1500:
        return None
    if not _REPLY_SUBJECT.match(view.subject or "") or out_of_office_subject(view) \
            or _AUTOMATIC_WORDS.search(view.subject or "") or _AUTOMATIC_WORDS.search(text):
        return None
    if _CHANGE_HINT.search(text):
        return None
    return Decision(determination="UNKNOWN", reason="not_an_auto_reply", category="UNKNOWN", confidence=0.0,
                    evidence=r.sentences[0][:600], rule=HUMAN_REPLY_RULE)
