"""Telegram-style departures (tests/fixtures/classify_dev2 showed the class; own phrasings here): a fragment with
no subject ("Left the firm.", "Ausgetreten zum 30.9.", "Uit dienst sinds juli.", "退職済み") is a departure, also
under an absence subject; and an absence subject alone never makes an absence of a mailbox that is not read
when nothing says the person comes back.
"""

import pytest

from .conftest import classify_reply


def _classify(body: str, subject: str, sender: str = "Pieter Claes <pieter.claes@zeeland-wm.nl>"):
    return classify_reply(body, subject=subject, sender=sender, auto=True)


TELEGRAMS = [
    ("Left the firm. Inbox no longer monitored.", "Out of Office: Q4 outlook"),
    ("Ausgetreten zum 30.9. Die Adresse wird nicht mehr abgerufen.", "Abwesend: Q4 outlook"),
    ("Plus en poste depuis septembre. Boîte non consultée.", "Absence: Q4 outlook"),
    ("Ya no en la empresa. Buzón no atendido.", "Ausente: Q4 outlook"),
    ("Non più in forza dal 1° ottobre. Indirizzo non monitorato.", "Assente: Q4 outlook"),
    ("Uit dienst sinds juli. Dit adres wordt niet meer gelezen.", "Afwezig: Q4 outlook"),
    ("Desligado da empresa. Caixa não é lida.", "Ausente: Q4 outlook"),
    ("退職済みです。このアドレスは確認しておりません。", "不在: Q4 outlook"),
]


@pytest.mark.parametrize(("body", "subject"), TELEGRAMS, ids=range(len(TELEGRAMS)))
def test_a_departure_fragment_under_an_absence_subject_is_a_departure(body, subject):
    c = _classify(body, subject)
    assert (c.determination, c.reason) == ("INACTIVE", "left"), (body, c.determination, c.rule)


UNREAD_ONLY = [
    ("This mailbox is not monitored.", "Out of Office: Q4 outlook"),
    ("Das Postfach wird nicht gelesen.", "Abwesenheit: Q4 outlook"),
    ("Casella non presidiata.", "Assente: Q4 outlook"),
    ("De mailbox wordt niet gelezen.", "Afwezig: Q4 outlook"),
]


@pytest.mark.parametrize(("body", "subject"), UNREAD_ONLY, ids=range(len(UNREAD_ONLY)))
def test_an_absence_subject_over_an_unread_mailbox_is_not_settled(body, subject):
    c = _classify(body, subject)
    assert c.determination not in ("OUT_OF_OFFICE", "INACTIVE"), (body, c.rule)


def test_an_unread_mailbox_with_a_return_stays_an_absence():
    c = _classify("This mailbox is not monitored while I am away. I will be back on 30 November.",
                  "Out of Office: Q4 outlook")
    assert c.determination == "OUT_OF_OFFICE"
    c = _classify("Das Postfach wird nicht gelesen. Ab dem 30.11. bin ich wieder im Büro.", "Abwesend: Q4 outlook")
    assert c.determination == "OUT_OF_OFFICE"


def test_a_fragment_that_is_not_a_departure():
    # "Ausgetreten ist nur Wasser" style: the fragment word as subject of another verb is no departure
    c = _classify("Uit dienstverlening aan klanten halen wij veel voldoening. Ik ben afwezig tot 30 november.",
                  "Afwezig: Q4 outlook")
    assert c.determination == "OUT_OF_OFFICE"
