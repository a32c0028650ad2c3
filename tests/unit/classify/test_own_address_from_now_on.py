"""The person's own address given as the one to use from now on, without the words "new address" (class found
with tests/fixtures/classify_dev2; own phrasings): "please use x@ from now on", "meine Adresse lautet ab sofort",
"désormais", "wijzigt naar", "今後は" → EMAIL_UPDATE. During an absence, until a date, or as a question it is not.
"""

import pytest

from .conftest import classify_reply

FROM = "Lars Ekman <lars.ekman@vasa-am.se>"


def _classify(body: str, subject: str = "Re: Q4 outlook", auto: bool = False):
    return classify_reply(body, subject=subject, auto=auto, sender=FROM)


FROM_NOW_ON = [
    ("Happy to help. After our merger my e-mail address changes to lars.ekman@vasa-nordic.se.", "lars.ekman@vasa-nordic.se"),
    ("Gerne. Nach der Umfirmierung lautet meine E-Mail-Adresse ab sofort lars.ekman@vasa-nordic.de.", "lars.ekman@vasa-nordic.de"),
    ("Avec plaisir. Merci d'écrire désormais à mon adresse lars.ekman@vasa-nordic.fr.", "lars.ekman@vasa-nordic.fr"),
    ("Con gusto. A partir de ahora mi correo es lars.ekman@vasa-nordic.es, por el cambio de marca.", "lars.ekman@vasa-nordic.es"),
    ("Volentieri. D'ora in poi il mio indirizzo è lars.ekman@vasa-nordic.it.", "lars.ekman@vasa-nordic.it"),
    ("Graag. Mijn e-mailadres wijzigt naar lars.ekman@vasa-nordic.nl.", "lars.ekman@vasa-nordic.nl"),
    ("Com prazer. A partir de agora o meu e-mail é lars.ekman@vasa-nordic.pt.", "lars.ekman@vasa-nordic.pt"),
    ("喜んで参加します。社名変更に伴い、私のメールアドレスが lars.ekman@vasa-nordic.jp に変わります。", "lars.ekman@vasa-nordic.jp"),
]


@pytest.mark.parametrize(("body", "new"), FROM_NOW_ON, ids=range(len(FROM_NOW_ON)))
def test_own_address_to_use_from_now_on_is_an_email_update(body, new):
    c = _classify(body)
    assert (c.determination, c.new_email) == ("EMAIL_UPDATE", new), (body, c.determination, c.rule)


NOT_FOR_GOOD = [
    ("While I am on leave, please use my private address lars.ekman@gmail.com from now on.", "Out of Office: Q4 outlook"),
    ("Bis zum 30.11. erreichen Sie mich ab sofort unter meiner Adresse lars.ekman@gmail.com.", "Re: Q4 outlook"),
    ("Should I use my address lars.ekman@vasa-nordic.se from now on?", "Re: Q4 outlook"),
    ("Mon collègue écrit désormais depuis per.olsson@vasa-nordic.fr.", "RE: Q4 outlook"),
]


@pytest.mark.parametrize(("body", "subject"), NOT_FOR_GOOD, ids=range(len(NOT_FOR_GOOD)))
def test_a_temporary_asked_or_someone_elses_address_is_no_update(body, subject):
    c = _classify(body, subject=subject)
    assert c.determination != "EMAIL_UPDATE", (body, c.rule)
