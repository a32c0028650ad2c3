"""Successor cues after a departure (class found with tests/fixtures/classify_dev2; own phrasings): "X has taken on
her clients", "direct anything for her to X", "übernimmt", "succède", "mi sustituto es", "subentra", "neemt het
over", "assume a carteira", "引き継ぎ" make the named colleague the replacement; a role mailbox next to it never is.
"""

import pytest

from .conftest import classify_reply

FROM = "Hanna Roos <hanna.roos@lindgren-am.com>"


def _classify(body: str):
    return classify_reply(body, sender=FROM, subject="Automatic reply: Q4 outlook", auto=True)


SUCCESSORS = [
    "Hanna has left Lindgren AM. Please direct anything meant for her to Olle Berg, olle.berg@lindgren-am.com, "
    "who has taken on her mandates. Front desk: office@lindgren-am.com.",
    "Frau Roos hat Lindgren AM verlassen. Ihre Mandate übernimmt Olle Berg (olle.berg@lindgren-am.com).",
    "Mme Roos a quitté Lindgren AM. Olle Berg lui succède : olle.berg@lindgren-am.com.",
    "He dejado Lindgren AM. Mi sustituta es Olga Berg: olga.berg@lindgren-am.com. Consultas: info@lindgren-am.com.",
    "La dott.ssa Roos ha lasciato Lindgren AM. Subentra Olle Berg, olle.berg@lindgren-am.com.",
    "Mevrouw Roos is uit dienst getreden. Olle Berg neemt het over: olle.berg@lindgren-am.com.",
    "A Sra. Roos deixou a Lindgren AM. Olle Berg assume a carteira: olle.berg@lindgren-am.com.",
]


@pytest.mark.parametrize("body", SUCCESSORS, ids=range(len(SUCCESSORS)))
def test_a_departure_with_a_named_successor_is_a_replacement(body):
    c = _classify(body)
    assert c.determination == "REPLACEMENT", (body, c.determination, c.rule)
    emails = [r.email for r in c.replacements]
    assert emails and emails[0].split("@")[0] in ("olle.berg", "olga.berg")
    assert not any(e.startswith(("office@", "info@")) for e in emails)


def test_a_departure_with_only_a_role_mailbox_stays_inactive():
    c = _classify("Hanna has left Lindgren AM. Please direct anything meant for her to office@lindgren-am.com.")
    assert (c.determination, c.reason) == ("INACTIVE", "left")
