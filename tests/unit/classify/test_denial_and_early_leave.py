"""Two classes found with tests/fixtures/classify_dev2, in own phrasings: the person denies their own departure
("I have not left", "no me he ido", "退職はしておりません") → ACTIVE `still_active`, which also vetoes the departure
words around it; and leaving work early today ("left early", "heute früher gegangen", "早退") is an absence, with the
day back resolved from the message Date.
"""

import pytest

from .conftest import classify_reply

FROM = "Elena Moretti <elena.moretti@laguna-am.com>"


def _classify(body: str, subject: str = "Re: Q4 outlook", auto: bool = False):
    return classify_reply(body, subject=subject, auto=auto, sender=FROM)


DENIALS = [
    "To be clear: I have not left Laguna AM, my phone number changed, nothing else.",
    "Zur Klarstellung: Ich habe Laguna AM nicht verlassen und bin weiterhin als Leiterin Operations tätig.",
    "Je ne suis pas partie : je suis toujours responsable des opérations chez Laguna AM.",
    "Aclaro que no me he ido: sigo como directora de operaciones en Laguna AM.",
    "Preciso che non ho lasciato Laguna AM: sono ancora responsabile operations.",
    "Ter verduidelijking: ik ben niet vertrokken, ik werk nog steeds bij Laguna AM.",
    "Esclareço que não saí da Laguna AM; continuo como diretora de operações.",
    "念のため申し上げますが、退職はしておりません。現在もLaguna AMに在籍しております。",
]


@pytest.mark.parametrize("body", DENIALS, ids=range(len(DENIALS)))
def test_a_denied_departure_is_still_active(body):
    c = _classify(body)
    assert (c.determination, c.reason) == ("ACTIVE", "still_active"), (body, c.determination, c.rule)


def test_a_denial_of_someone_else_is_not_the_writer_staying():
    c = _classify("Tom has not left, he is on leave until Monday.", subject="Automatic reply: Q4", auto=True)
    assert c.determination != "ACTIVE"


EARLY = [
    ("I left early today and will read your message tomorrow morning.", "Automatic reply: Q4 outlook"),
    ("Ich bin heute früher gegangen und lese Ihre Nachricht morgen.", "Automatische Antwort: Q4 outlook"),
    ("Je suis partie plus tôt aujourd'hui ; je lirai votre message demain.", "Réponse automatique : Q4 outlook"),
    ("Hoy salí antes de la oficina; mañana leo su correo.", "Respuesta automática: Q4 outlook"),
    ("Oggi sono uscito prima, leggerò la mail domani.", "Risposta automatica: Q4 outlook"),
    ("Ik ben vandaag eerder weg en lees je bericht morgen.", "Automatisch antwoord: Q4 outlook"),
    ("Hoje saí mais cedo; respondo amanhã.", "Resposta automática: Q4 outlook"),
    ("本日は早退いたしました。明日出社後にご連絡いたします。", "自動応答: Q4 outlook"),
]


@pytest.mark.parametrize(("body", "subject"), EARLY, ids=range(len(EARLY)))
def test_leaving_early_today_is_an_absence_back_tomorrow(body, subject):
    c = _classify(body, subject=subject, auto=True)
    assert c.determination == "OUT_OF_OFFICE", (body, c.determination, c.rule)
    assert c.return_date == "2026-11-19", (body, c.return_date)
