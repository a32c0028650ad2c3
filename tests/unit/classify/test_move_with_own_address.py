"""A move to another organisation stated without "left", confirmed by the person's own new address there (class
found with tests/fixtures/classify_dev2; own phrasings): INACTIVE `moved_to_other_org` with `new_email`, never an
EMAIL_UPDATE of the old record and never a REPLACEMENT. The own address may be in another house style
("k.varga@", "kvarga@" for katalin.varga@).
"""

import pytest

from .conftest import classify_reply

FROM = "Katalin Varga <katalin.varga@duna-capital.hu>"


def _classify(body: str, sender: str = FROM):
    return classify_reply(body, sender=sender, subject="Automatic reply: Q4 outlook", auto=True)


MOVES = [
    ("Since 1 November I am now at Tisza Asset Management. You can reach me at k.varga@tisza-am.hu.", "k.varga@tisza-am.hu"),
    ("Seit dem 1. November bin ich jetzt bei der Tisza Vermögensverwaltung. Meine neue E-Mail: kvarga@tisza-vv.de.",
     "kvarga@tisza-vv.de"),
    ("Depuis le 1er novembre je suis désormais chez Tisza Gestion. Ma nouvelle adresse : k.varga@tisza-gestion.fr.",
     "k.varga@tisza-gestion.fr"),
    ("Desde noviembre me incorporo a Tisza Capital Partners. Mi nuevo correo es kvarga@tisza-cp.es.", "kvarga@tisza-cp.es"),
    ("Da novembre sono ora presso Tisza Capital SGR. Il mio nuovo indirizzo è k.varga@tisza-sgr.it.", "k.varga@tisza-sgr.it"),
    ("Sinds november werk nu bij Tisza Vermogensbeheer. Mijn nieuwe e-mail: k.varga@tisza-vb.nl.", "k.varga@tisza-vb.nl"),
    ("Desde novembro estou na Tisza Gestão de Ativos. Meu novo e-mail: kvarga@tisza-ga.pt.", "kvarga@tisza-ga.pt"),
]


@pytest.mark.parametrize(("body", "new"), MOVES, ids=range(len(MOVES)))
def test_a_move_with_the_own_address_elsewhere_is_moved(body, new):
    c = _classify(body)
    assert (c.determination, c.reason) == ("INACTIVE", "moved_to_other_org"), (body, c.determination, c.rule)
    assert c.new_email == new


def test_japanese_move_with_the_own_address_in_another_style_is_not_a_replacement():
    c = _classify("11月1日付でみどりアセット株式会社に移籍いたしました。今後は k.varga@midori-am.jp までご連絡ください。")
    assert (c.determination, c.reason, c.new_email) == ("INACTIVE", "moved_to_other_org", "k.varga@midori-am.jp")


def test_a_place_or_a_meeting_is_no_move():
    c = _classify("Estoy en Madrid hasta el viernes. Mi nuevo correo es kvarga@duna-capital.hu.",
                  sender="Katalin Varga <katalin.varga@duna-capital.hu>")
    assert c.determination != "INACTIVE"
    c = _classify("Agora estou na reunião do comité. Meu novo e-mail: kvarga@gmail.com.")
    assert c.determination != "INACTIVE"


def test_a_colleague_at_another_firm_is_not_the_own_address():
    c = _classify("Desde noviembre me incorporo a Tisza Capital Partners. Contacte a mi colega: peter.nagy@tisza-cp.es.")
    assert c.determination != "EMAIL_UPDATE"
    assert c.new_email != "peter.nagy@tisza-cp.es"


@pytest.mark.parametrize(("body", "new"), [
    ("Da ottobre sono approdata in Tisza Capital SGR. Potete scrivermi a k.varga@tisza-sgr.it.", "k.varga@tisza-sgr.it"),
    ("Sinds oktober ben ik overgestapt naar Tisza Vermogensbeheer. Mail mij op k.varga@tisza-vb.nl.", "k.varga@tisza-vb.nl"),
], ids=["it_approdata", "nl_inversion"])
def test_unusual_move_verbs_with_the_own_address(body, new):
    c = _classify(body)
    assert (c.determination, c.reason, c.new_email) == ("INACTIVE", "moved_to_other_org", new), (body, c.rule)
