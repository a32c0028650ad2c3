"""An internal hand-over without a departure, worded as "the topic now lies with X" (class found with
tests/fixtures/classify_dev2; own phrasings): "zuständig ist jetzt", "ligt nu bij", "quem trata agora é", "is now
with", "ahora lo lleva", "ora se ne occupa" → REPLACEMENT `replacement` with X; without an address nothing.
"""

import pytest

from .conftest import classify_reply


def _classify(body: str):
    return classify_reply(body, sender="Ruth Falk <ruth.falk@inn-bank.at>", subject="Re: Q4 outlook", auto=False)


LIES_WITH = [
    "I changed roles internally; the technology budget is now with Omar Haddad (omar.haddad@inn-bank.at).",
    "Ich habe das IT-Thema intern abgegeben. Zuständig ist jetzt Frau Ebner (lena.ebner@inn-bank.at).",
    "Ik doe de IT-portefeuille niet meer; die ligt nu bij Koen Smit (koen.smit@inn-bank.at).",
    "Mudei de área. Quem trata agora é o Rui Costa (rui.costa@inn-bank.at).",
    "Cambié de área y ahora lo lleva Marta Gil (marta.gil@inn-bank.at).",
    "Ho cambiato ruolo: ora se ne occupa Paolo Riva (paolo.riva@inn-bank.at).",
]


@pytest.mark.parametrize("body", LIES_WITH, ids=range(len(LIES_WITH)))
def test_a_topic_that_now_lies_with_a_colleague_is_a_replacement(body):
    c = _classify(body)
    assert (c.determination, c.reason) == ("REPLACEMENT", "replacement"), (body, c.determination, c.rule)
    assert c.replacements and c.replacements[0].email.endswith("@inn-bank.at")


def test_without_an_address_it_settles_nothing():
    c = _classify("Zuständig ist jetzt Frau Ebner aus dem Risikocontrolling.")
    assert c.determination != "REPLACEMENT"
