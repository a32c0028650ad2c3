"""Employment ended, told in the third person or verb first (class found with tests/fixtures/classify_dev2; own
phrasings): "her employment with X has ended", "sein Arbeitsverhältnis … wurde beendet", "a mis fin à son contrat
avec", "ha finalizado su relación laboral", "ya no se desempeña en", "ha concluso il suo rapporto con", "haar
dienstverband bij X is beëindigd", "encerrou o seu vínculo com" → INACTIVE `left`; with a colleague who "los tiene
ahora" it is a REPLACEMENT. Somebody else's ended employment is not the writer's.
"""

import pytest

from .conftest import classify_reply

FROM = "Vera Holm <vera.holm@saale-invest.de>"


def _classify(body: str, sender: str = FROM):
    return classify_reply(body, sender=sender)


ENDED = [
    "Vera Holm's employment with Saale Invest has ended. This mailbox is not monitored.",
    "Das Arbeitsverhältnis von Frau Holm mit der Saale Invest wurde zum 31.10. beendet.",
    "Vera Holm a mis fin à son contrat avec Saale Invest.",
    "Vera Holm ha finalizado su relación laboral con Saale Invest.",
    "Vera Holm ya no se desempeña en Saale Invest.",
    "Vera Holm ha concluso il suo rapporto di lavoro con Saale Invest.",
    "Vera Holm: haar dienstverband bij Saale Invest is beëindigd.",
    "Vera Holm encerrou o seu vínculo com a Saale Invest.",
]


@pytest.mark.parametrize("body", ENDED, ids=range(len(ENDED)))
def test_employment_ended_in_the_third_person_is_a_departure(body):
    c = _classify(body)
    assert (c.determination, c.reason) == ("INACTIVE", "left"), (body, c.determination, c.rule)


def test_with_the_colleague_who_has_the_topics_now_it_is_a_replacement():
    c = _classify("Vera Holm ya no se desempeña en Saale Invest. Sus clientes los tiene ahora Pilar Ruiz: "
                  "pilar.ruiz@saale-invest.de.")
    assert (c.determination, c.reason) == ("REPLACEMENT", "left")
    assert c.replacements[0].email == "pilar.ruiz@saale-invest.de"


@pytest.mark.parametrize("body", [
    "Ihr Arbeitsverhältnis mit der Bank wurde beendet?",
    "Il suo rapporto con la banca si è concluso.",
    "Su relación laboral con el banco ha terminado, según nos dicen.",
    "O seu vínculo com o banco terminou.",
], ids=["de", "it", "es", "pt"])
def test_the_formal_your_is_not_a_third_person(body):
    assert _classify(body).determination != "INACTIVE"


def test_someone_elses_ended_employment_is_not_the_writers():
    c = _classify("Unser Kollege Jens Abel: sein Arbeitsverhältnis mit der Saale Invest endete im Oktober.")
    assert c.determination != "INACTIVE"
