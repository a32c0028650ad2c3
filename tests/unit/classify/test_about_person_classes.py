"""Wording classes from the hard development set (tests/fixtures/classify_dev2) where the news is not about the
mailbox's person, in own phrasings (none copied from the set), each with the true statement next to it.

Classes: bulk mail (newsletters, list mail) and role mailboxes speak for nobody; a cue inside quotation marks
is a title, not a statement; a reported question ("they ask me whether I left"), a first-person future joke
("I'll retire before I finish these") and "until then" are no settled fact; a Japanese clause whose topic is
somebody else ("佐藤は退職しました"); "he remains your contact" is not the writer staying.
"""

import pytest

from .conftest import classify_reply

FROM = "Ilse Brandt <ilse.brandt@moorland-capital.com>"


def _classify(body: str, subject: str = "Automatic reply: Q4 outlook", auto: bool = True,
              sender: str = FROM, headers: dict | None = None):
    return classify_reply(body, subject=subject, auto=auto, sender=sender, headers=headers)


NEWSLETTER_TOPICS = [
    "This month: why retirement comes earlier than you think, and meet our new head of equities.",
    "Diesen Monat: Ruhestand ohne Sorgen - und unser neuer Leiter Vertrieb stellt sich vor.",
    "Ce mois-ci : préparer sa retraite, et notre nouvelle directrice commerciale se présente.",
    "Este mes: cómo preparar la jubilación y la entrevista con nuestra nueva directora comercial.",
    "Questo mese: prepararsi alla pensione e l'intervista al nostro nuovo direttore commerciale.",
    "Deze maand: zorgeloos met pensioen en kennismaken met onze nieuwe commercieel directeur.",
    "Este mês: preparar a aposentadoria e conhecer o nosso novo diretor comercial.",
]


@pytest.mark.parametrize("body", NEWSLETTER_TOPICS, ids=range(len(NEWSLETTER_TOPICS)))
@pytest.mark.parametrize("shape", ["list_headers", "bulk_mailbox"])
def test_newsletter_news_is_nobodys_departure(body, shape):
    if shape == "list_headers":
        c = _classify(body, subject="Thanks for your message", auto=False, sender="Moorland Capital <ilse.brandt@moorland-capital.com>",
                      headers={"List-Unsubscribe": "<https://moorland-capital.com/unsub>", "Precedence": "bulk"})
    else:
        c = _classify(body, subject="Thanks for your message", auto=False,
                      sender="Moorland Capital Newsletter <newsletter@moorland-capital.com>")
    assert c.determination not in ("INACTIVE", "REPLACEMENT", "TITLE_UPDATE", "EMAIL_UPDATE"), (body, c.rule)


QUOTED_TITLES = [
    'Read our guide "Retired at last: what now?" on the website.',
    'Lesen Sie unseren Leitfaden „In den Ruhestand – was nun?“ auf der Website.',
    'Découvrez notre guide « Enfin à la retraite : et après ? » sur le site.',
    'Lea nuestra guía «Por fin jubilado: ¿y ahora qué?» en la web.',
    'Leggete la nostra guida «Finalmente in pensione: e adesso?» sul sito.',
    'Lees onze gids "Eindelijk met pensioen: en nu?" op de website.',
    'Leia o nosso guia «Finalmente aposentado: e agora?» no site.',
]


@pytest.mark.parametrize("body", QUOTED_TITLES, ids=range(len(QUOTED_TITLES)))
def test_a_departure_word_inside_a_quoted_title_is_no_departure(body):
    c = _classify(body)
    assert c.determination != "INACTIVE", (body, c.rule)


def test_a_retirement_stated_plainly_still_counts():
    assert _classify("I have retired from Moorland Capital.").determination == "INACTIVE"
    assert _classify("Ich bin seit dem 1. November im Ruhestand.").reason == "retired"


def test_a_role_mailbox_named_after_its_boss_does_not_make_the_boss_the_writer():
    # the secretariat writes about the director it serves; the mailbox's person is the secretariat
    c = _classify("Dr. Brandt has left Moorland Capital. I remain at the front desk; please write to me.",
                  sender="Sekretariat Dr. Brandt <sekretariat.brandt@moorland-capital.com>")
    assert c.determination != "INACTIVE", c.rule
    c = _classify("La dott.ssa Brandt ha lasciato Moorland Capital a settembre.",
                  sender="Segreteria Dott.ssa Brandt <segreteria.brandt@moorland-capital.com>")
    assert c.determination != "INACTIVE", c.rule


NOT_SETTLED = [
    # reported questions
    "A few people asked me whether I have left the company: I have not, I am still here.",
    "Me preguntan si he dejado la empresa; sigo aquí, como siempre.",
    "Mi chiedono se ho lasciato la società: sono ancora qui.",
    "Perguntam-me se deixei a empresa: continuo cá.",
    # first-person future, often a joke
    "Con questo ritmo andrò in pensione prima di aver risposto a tutti.",
    "A este paso me jubilaré antes de terminar sus encuestas.",
    "À ce rythme je partirai à la retraite avant d'avoir fini.",
    "Nesse ritmo me aposentarei antes de terminar o questionário.",
    # "until then" in the same sentence
    "Mr Hale retires at the end of the year; until then he remains your contact.",
    "M. Roux part à la retraite en juin ; d'ici là il reste votre interlocuteur.",
    "Herr Vogt geht Ende des Jahres in den Ruhestand, bis dahin bleibt er Ihr Ansprechpartner.",
    "Il dott. Sala va in pensione a giugno; fino ad allora resta il vostro referente.",
]


@pytest.mark.parametrize("body", NOT_SETTLED, ids=range(len(NOT_SETTLED)))
def test_asked_joked_or_still_ahead_is_no_departure(body):
    c = _classify(body, subject="Re: Q4 outlook", auto=False)
    assert c.determination not in ("INACTIVE", "REPLACEMENT"), (body, c.rule)


JA_OTHER_TOPIC = [
    "前任の佐藤は9月末で退職いたしました。今後は私がご対応いたします。",
    "弊社の山本 一郎は先月退職しました。ご用件は代表までお願いいたします。",
    "担当の中村が退職いたしましたので、私が引き継ぎます。",
]


@pytest.mark.parametrize("body", JA_OTHER_TOPIC, ids=range(len(JA_OTHER_TOPIC)))
def test_japanese_departure_whose_topic_is_somebody_else(body):
    c = _classify(body, sender="高橋 美咲 <misaki.takahashi@moorland-capital.com>")
    assert c.determination != "INACTIVE", (body, c.rule)


def test_japanese_own_departure_still_counts():
    for body in ("私は10月末日をもって退職いたしました。", "突然ではございますが、10月末日をもちまして退職いたしました。",
                 "高橋は10月末日をもって退職いたしました。"):
        c = _classify(body, sender="高橋 美咲 <misaki.takahashi@moorland-capital.com>")
        assert c.determination == "INACTIVE", (body, c.rule)


def test_he_remains_your_contact_is_not_the_writer_staying():
    c = _classify("Je suis l'assistante de M. Roux. Il reste votre interlocuteur pour l'étude.",
                  subject="RE: Q4 outlook", auto=False)
    assert c.determination != "ACTIVE", c.rule
    assert _classify("Je reste votre interlocutrice pour l'étude.", subject="RE: Q4 outlook",
                     auto=False).determination == "ACTIVE"


def test_japanese_topic_with_a_one_character_given_name_is_the_person():
    # the mailbox's own person ("高橋 誠") named with the given name last: a colleague writes the death notice
    c = _classify("弊社 高橋 誠 は、去る10月2日に永眠いたしました。", sender="高橋 誠 <makoto.takahashi@moorland-capital.com>")
    assert (c.determination, c.reason) == ("INACTIVE", "deceased"), c.rule
    c = _classify("弊社の山田 誠は、去る10月2日に永眠いたしました。", sender="高橋 誠 <makoto.takahashi@moorland-capital.com>")
    assert c.determination != "INACTIVE", c.rule
