"""The writer stays while somebody else left (class found with tests/fixtures/classify_dev2; own phrasings): "X left
us, I'll pick it up", "c'est moi qui reprends", "respondo yo", "resto io la vostra referente", "zelf blijf ik
bereikbaar op dit adres", "eu sigo aqui", "until then I remain your contact" → ACTIVE `still_active`, and the other
person's departure is never the writer's.
"""

import pytest

from .conftest import classify_reply


def _classify(body: str, sender: str = "Nora Quist <nora.quist@fyris-am.se>"):
    return classify_reply(body, sender=sender, subject="Re: Q4 outlook", auto=False)


STAYS = [
    "Oliver left us in the summer, so I'll pick this one up. You'll have it on Monday.",
    "Oliver has been gone since July; I'll fill in the questionnaire myself.",
    "Sophie nous a quittés pour un concurrent, c'est moi qui reprends le dossier.",
    "Javier ya no trabaja aquí; respondo yo a la encuesta.",
    "Il dott. Conti è andato in pensione a maggio. Resto io la vostra referente.",
    "Mijn collega Bram heeft een nieuw mailadres, bram@fyris-groep.nl. Zelf blijf ik gewoon bereikbaar op dit adres.",
    "O Tiago saiu em julho; fico eu com o questionário.",
    "A Joana aposentou-se em setembro. Eu sigo aqui e respondo em breve.",
    "I will be retiring in the spring, but until then I remain your contact for the study.",
]


@pytest.mark.parametrize("body", STAYS, ids=range(len(STAYS)))
def test_the_writer_stays_while_someone_else_left(body):
    c = _classify(body)
    assert (c.determination, c.reason) == ("ACTIVE", "still_active"), (body, c.determination, c.rule)


def test_picking_it_up_without_anyone_leaving_is_an_ordinary_answer():
    # no departure of anybody: not the "X left, I'll handle it" class, just a person's live answer
    c = _classify("Thanks, I'll pick this one up and reply next week.")
    assert (c.determination, c.rule) == ("ACTIVE", "human_reply/text")
