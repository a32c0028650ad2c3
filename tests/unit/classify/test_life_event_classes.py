"""Classes found with tests/fixtures/classify_dev2, in own phrasings: a role taken on ("habe die Funktion als X
übernommen", "X を拝命"); retirement told as a life event ("I'm
enjoying my retirement", "genieße meinen Lebensabend", "colgué las botas"); "a colleague is gone, I'll handle it"
(the writer stays: ACTIVE); an automatic notice that the office moved is no live acknowledgement; and a human
reply that mentions somebody going away is never settled as "nothing to act on".
"""

import pytest

from .conftest import classify_reply

FROM = "Sofia Lind <sofia.lind@ostra-wm.se>"


def _classify(body: str, subject: str = "Re: Q4 outlook", auto: bool = False, sender: str = FROM):
    return classify_reply(body, subject=subject, auto=auto, sender=sender)


RETIREMENTS = [
    "Too late, I'm afraid: since October I am enjoying my retirement in the garden.",
    "Seit Oktober genieße ich meinen Ruhestand am See.",
    "Depuis octobre, je profite de ma retraite à la campagne.",
    "Ya colgué las botas en octubre; ahora cultivo tomates.",
    "Ho appeso la cravatta al chiodo a ottobre, ora mi dedico al giardino.",
    "Sinds oktober geniet ik van mijn pensioen aan zee.",
    "Pendurei as chuteiras em outubro; agora só praia.",
    "10月末で会社を卒業いたしました。",
    "After 28 years I'm now officially a pensioner.",
    "Da ottobre mi godo il meritato riposo.",
    "実は9月末で定年を迎えました。",
]


@pytest.mark.parametrize("body", RETIREMENTS, ids=range(len(RETIREMENTS)))
def test_retirement_told_as_a_life_event(body):
    c = _classify(body)
    assert (c.determination, c.reason) == ("INACTIVE", "retired"), (body, c.determination, c.rule)


def test_enjoying_someone_elses_retirement_is_not_the_writers():
    c = _classify("Our former CFO is enjoying his retirement; I remain your contact.")
    assert c.determination != "INACTIVE"


TAKE_OVER = [
    "Mark is gone since September, I'll handle it. Questionnaire by Friday.",
    "Frau Berg ist nicht mehr da, ich kümmere mich darum.",
    "Julien est parti en septembre, je m'en occupe.",
    "Pablo se fue en septiembre; yo me encargo.",
    "Marco non c'è più da settembre, me ne occupo io.",
    "Joost is vertrokken, ik neem het over.",
    "O Rui já saiu em setembro, eu trato disso.",
    "担当の木村は辞めましたので、私が対応いたします。",
]


@pytest.mark.parametrize("body", TAKE_OVER, ids=range(len(TAKE_OVER)))
def test_a_colleague_gone_and_the_writer_takes_over_is_active(body):
    c = _classify(body, sender="高橋 美咲 <misaki.takahashi@ostra-wm.se>" if "担当" in body else FROM)
    assert (c.determination, c.reason) == ("ACTIVE", "still_active"), (body, c.determination, c.rule)


def test_taking_over_alone_is_an_ordinary_answer():
    c = _classify("Thanks, I'll handle it and send the questionnaire by Friday.")
    assert c.determination != "ACTIVE"


OFFICE_MOVES = [
    "Thank you, we received your message and will get back to you shortly. Our offices have moved to 5 Harbour Street.",
    "メールを受信いたしました。弊社は下記へ移転いたしました。",
    "Gracias por su mensaje, le responderé en breve. Nos hemos trasladado a la calle Mayor 5.",
]


@pytest.mark.parametrize("body", OFFICE_MOVES, ids=range(len(OFFICE_MOVES)))
def test_an_office_move_notice_is_no_live_acknowledgement(body):
    c = _classify(body, subject="Automatic reply: Q4 outlook", auto=True)
    assert c.determination != "ACTIVE", (body, c.rule)


def test_a_human_reply_about_somebody_going_away_stays_open():
    c = _classify("Luca se n'è andato via. Il questionario lo compilo domani.")
    assert c.reason != "not_an_auto_reply" or c.determination != "UNKNOWN"


TITLES_TAKEN_ON = [
    ("Zur Info: Ich habe per 1. Oktober die Funktion als Leiterin Portfoliomanagement übernommen.", "Leiterin Portfoliomanagement"),
    ("なお、10月1日付で運用部長を拝命いたしました。", "運用部長"),
]


@pytest.mark.parametrize(("body", "title"), TITLES_TAKEN_ON, ids=["de", "ja"])
def test_a_role_taken_on_is_a_title_update(body, title):
    c = _classify(body)
    assert (c.determination, c.new_title) == ("TITLE_UPDATE", title), (body, c.determination, c.rule)


def test_a_role_someone_else_took_on_is_not_the_writers_title():
    c = _classify("Herr Kraus hat die Funktion als Leiter Vertrieb übernommen.")
    assert c.determination != "TITLE_UPDATE"
