"""REPLACEMENT as a class (issue 8): a replacement needs the mailbox's own person to leave (or hand their work over)
and a named successor in the reply's own words. Own phrasings in the eight languages, none copied from a labelled
set, each class next to the true replacement:

* an absence naming a colleague for the time away ("during my absence contact X", "in my absence X handles my
  accounts") is OUT_OF_OFFICE with a delegate;
* a routing notice ("for sales questions write to X") and "contact my colleague X" state no departure;
* a topic handed over while the writer says they stay ("I remain your contact; the budget is now with X") is ACTIVE;
* somebody else's hand-over ("Tom Weber is no longer responsible; contact X") is not the person's;
* a successor named only in quoted history or the signature is nobody's successor (INACTIVE stays INACTIVE).

A successor on a foreign or free-mail domain may still be a REPLACEMENT decision; dbt never creates it
automatically (`int_route__replacement`, gate REPLACEMENT_FOREIGN_DOMAIN, tested in its yml unit test).
"""

import pytest

from .conftest import classify_reply

FROM = "Ilse Brandt <ilse.brandt@moorland-capital.com>"
C = "Jan Berger (jan.berger@moorland-capital.com)"
JA_C = "ベルガー（jan.berger@moorland-capital.com）"
WRITES = ("REPLACEMENT", "INACTIVE")


def _classify(body: str, auto: bool = True):
    return classify_reply(body, sender=FROM, subject="Automatic reply: Q4 outlook", auto=auto)


ABSENCE_WITH_DELEGATE = [
    f"I am out of the office until 30 November. During my absence please contact my colleague {C}.",
    f"In my absence, {C} will be handling my accounts.",
    f"Ich bin bis 30.11. im Urlaub. Meine Vertretung übernimmt in dieser Zeit {C}.",
    f"En mon absence, mes dossiers ont été transférés à {C}.",
    f"En mi ausencia, mis clientes los lleva {C}, que se encarga de todo.",
    f"In mia assenza, i miei clienti sono stati passati a {C}.",
    f"Tijdens mijn afwezigheid zijn mijn klanten overgedragen aan {C}.",
    f"Na minha ausência, quem trata agora dos meus clientes é {C}.",
    f"不在の間、担当は{JA_C}に引き継ぎました。",
    f"11月30日まで休暇をいただいております。期間中は代理の{JA_C}が対応いたします。",
]


@pytest.mark.parametrize("body", ABSENCE_WITH_DELEGATE, ids=range(len(ABSENCE_WITH_DELEGATE)))
def test_a_colleague_for_the_time_away_is_an_absence_with_a_delegate(body):
    c = _classify(body)
    assert c.determination == "OUT_OF_OFFICE", (body, c.determination, c.rule)
    assert not c.replacements


ROUTING_OR_COLLEAGUE = [
    f"For sales questions please write to {C}; for research questions to me.",
    f"Bei Fragen zum Vertrieb schreiben Sie bitte an {C}.",
    f"Pour toute question commerciale, merci d'écrire à {C}.",
    f"Gracias por su mensaje. Por favor, contacte con mi colega {C}.",
    f"Grazie per il messaggio. Vi prego di contattare il mio collega {C}.",
    f"Voor commerciële vragen kunt u schrijven naar {C}.",
    f"Obrigado pela sua mensagem. Por favor, contacte o meu colega {C}.",
    f"ご連絡ありがとうございます。同僚の{JA_C}までご連絡ください。",
    f"Thank you. Please note that {C} is now your contact for invoices.",
    f"Your enquiry has been passed to {C}, who will answer instead of me.",
]


WRITER_STAYS = [
    f"I no longer look after the Q4 accounts, {C} has taken them over. I remain your contact for everything else.",
    f"Ich bleibe Ihr Ansprechpartner für Research. Das Budget hat {C} übernommen.",
    f"Je ne suis plus en charge du budget, merci de vous adresser à {C}. Je reste votre interlocutrice pour le reste.",
    f"Sigo siendo su contacto para el análisis. El presupuesto ahora lo lleva {C}.",
    f"Non mi occupo più del budget, rivolgetevi a {C}. Resto il vostro referente per tutto il resto.",
    f"Ik blijf uw contactpersoon voor research. Het budget ligt nu bij {C}.",
    f"Já não sou responsável pelo orçamento, contacte {C}. Continuo a ser o seu contacto para o resto.",
    f"リサーチのご担当は引き続き私です。予算の件は{JA_C}に引き継ぎました。",
]


@pytest.mark.parametrize("body", WRITER_STAYS, ids=range(len(WRITER_STAYS)))
def test_a_topic_handed_over_while_the_writer_stays_is_active(body):
    c = _classify(body)
    assert c.determination == "ACTIVE", (body, c.determination, c.rule)


SOMEBODY_ELSES_HANDOVER = [
    f"Tom Weber is no longer responsible for your account; please contact {C}.",
    f"Herr Weber ist nicht mehr zuständig. Bitte wenden Sie sich an {C}.",
    f"M. Weber n'est plus en charge de ce dossier. Merci de vous adresser à {C}.",
    f"El Sr. Weber ya no se encarga de su cuenta. Contacte con {C}.",
    f"Il dott. Weber non si occupa più del vostro conto. Rivolgetevi a {C}.",
    f"De heer Weber is niet meer verantwoordelijk voor uw account. Neem contact op met {C}.",
    f"O Sr. Weber já não é responsável pela sua conta. Contacte {C}.",
    f"ウェーバーは担当を外れました。今後は{JA_C}までご連絡ください。",
    f"Tom Weber's accounts have been taken over by {C}.",
]


NOT_THE_PERSONS = [("routing", b) for b in ROUTING_OR_COLLEAGUE] + [("other", b) for b in SOMEBODY_ELSES_HANDOVER]


@pytest.mark.parametrize(("shape", "body"), NOT_THE_PERSONS, ids=[f"{k}{n}" for n, (k, _) in enumerate(NOT_THE_PERSONS)])
def test_a_routing_notice_a_colleague_or_somebody_elses_hand_over_is_no_replacement(shape, body):
    c = _classify(body)
    assert c.determination not in WRITES, (body, c.determination, c.rule)


SUCCESSOR_OUTSIDE_OWN_TEXT = [
    "I have left Moorland Capital.\n\n-----Original Message-----\nFrom: Research <research@example-research.com>\n"
    "Sent: Monday\nTo: Ilse Brandt\nSubject: Q4\n\nPlease contact Jan Berger (jan.berger@moorland-capital.com).",
    "I have left Moorland Capital.\n\nOn Mon, 16 Nov 2026, Research wrote:\n"
    "> Our new analyst Jan Berger (jan.berger@moorland-capital.com) replaces Tom.",
    "I have left Moorland Capital.\n--\nIlse Brandt\nTeam: Jan Berger jan.berger@moorland-capital.com",
]


@pytest.mark.parametrize("body", SUCCESSOR_OUTSIDE_OWN_TEXT, ids=range(len(SUCCESSOR_OUTSIDE_OWN_TEXT)))
def test_a_successor_only_in_quoted_or_signature_text_is_no_replacement(body):
    c = _classify(body)
    assert (c.determination, c.reason, c.replacements) == ("INACTIVE", "left", ()), (body, c.rule)


TRUE_REPLACEMENTS = [
    f"I have left Moorland Capital. Please contact my successor {C}.",
    f"Ich habe die Moorland Capital verlassen. Bitte wenden Sie sich an meinen Nachfolger {C}.",
    f"J'ai quitté Moorland Capital. Merci de contacter mon successeur {C}.",
    f"He dejado Moorland Capital. Por favor, contacte con mi sucesor {C}.",
    f"Ho lasciato Moorland Capital. Vi prego di contattare il mio successore {C}.",
    f"Ik heb Moorland Capital verlaten. Neem contact op met mijn opvolger {C}.",
    f"Deixei a Moorland Capital. Por favor, contacte o meu sucessor {C}.",
    f"私はMoorland Capitalを退職いたしました。今後は後任の{JA_C}までご連絡ください。",
]


@pytest.mark.parametrize("body", TRUE_REPLACEMENTS, ids=range(len(TRUE_REPLACEMENTS)))
def test_the_persons_departure_with_a_named_successor_is_a_replacement(body):
    c = _classify(body)
    assert (c.determination, c.reason) == ("REPLACEMENT", "left"), (body, c.determination, c.rule)
    assert [r.email for r in c.replacements] == ["jan.berger@moorland-capital.com"]


def test_a_successor_on_a_free_mail_domain_is_a_decision_that_dbt_gates():
    c = _classify("I have left Moorland Capital. Please contact my successor Jan Berger (jan.berger@gmail.com).")
    assert c.determination == "REPLACEMENT"
    assert [r.email for r in c.replacements] == ["jan.berger@gmail.com"]
