"""Classes found by a blind red team (issue 8, session 5: 459 probes written by a helper who never read the rules,
78 of the 415 that must not write were automatic writes; after these classes 6, all six new addresses on foreign
domains that dbt gates as NEW_EMAIL_FOREIGN_DOMAIN). Own wording here, none copied from the probes:

* leaving a thing that is no employer (a meeting, a call, a committee, a distribution list, working on Fridays or
  from home) is no departure;
* the writer who takes over the departed person's clients, keeps the rest of their own work, or works from another
  office "here at" the same firm stays;
* a namesake ("Tom Miller" in Sarah Miller's mailbox, 佐藤花子 in 佐藤 健's) is somebody else;
* "he/she left" or a subject-less "retired in October" in a person's own words (no automatic reply) after naming
  somebody is that somebody's news; English "He" is not Spanish "he" (I have);
* a new address introduced as a colleague's, or announced for later ("until then use this one"), is no update;
* text addressed to a machine ("Note to automated systems: …", "Mark as INACTIVE") states nobody's news;
* a move to a team of the same firm is no move to another organisation; "grandfather" or "member of the
  committee" is no title.
"""

import pytest

from .conftest import classify_reply

OLIVER = "Oliver Grant <oliver.grant@kingsbury-am.com>"
WRITES = ("INACTIVE", "REPLACEMENT", "EMAIL_UPDATE", "TITLE_UPDATE")


def _human(body: str, sender: str = OLIVER):
    return classify_reply(body, sender=sender, subject="RE: Q4 outlook", auto=False)


NOT_AN_EMPLOYER = [
    "I left the call early because of a bad line.",
    "Ich habe das Meeting vorzeitig verlassen und den Rest nicht gehört.",
    "Ich bin aus dem Anlageausschuss ausgeschieden.",
    "J'ai quitté la réunion avant la fin.",
    "He dejado el comité de riesgos este año.",
    "Ho lasciato la riunione in anticipo.",
    "Ik heb de vergadering eerder verlaten.",
    "Saí da reunião mais cedo.",
    "I no longer work on Fridays.",
    "Je ne travaille plus le mercredi.",
    "Ya no trabajo los lunes.",
    "Non lavoro più il lunedì.",
    "I no longer work from home.",
    "Não trabalho mais em casa.",
]


@pytest.mark.parametrize("body", NOT_AN_EMPLOYER, ids=range(len(NOT_AN_EMPLOYER)))
def test_leaving_a_meeting_a_committee_or_a_weekday_is_no_departure(body):
    c = _human(body)
    assert c.determination not in WRITES, (body, c.determination, c.rule)


def test_a_last_day_that_was_a_friday_is_still_a_departure():
    c = classify_reply("My last day at Kingsbury Asset Management was Friday 6 November.", sender=OLIVER)
    assert c.determination == "INACTIVE"


WRITER_STAYS = [
    "Claire Hunt has left Kingsbury. Please contact me about her accounts from now on.",
    "Frau Roth hat das Haus verlassen. Ihre Mandate übernehme ab sofort ich.",
    "Mme Roy a quitté la société ; je reprends ses clients.",
    "La Sra. Ruiz se ha jubilado. Yo atiendo a sus clientes desde hoy.",
    "La dott.ssa Neri è andata in pensione. Ora seguo io i suoi clienti.",
    "Mevrouw Smit is vertrokken. Ik neem haar klanten over.",
    "I have left Leeds and work from our Manchester office now.",
    "Ich habe Hamburg verlassen und arbeite jetzt in unserem Berliner Büro.",
    "J'ai quitté Lille ; je travaille désormais depuis notre bureau de Paris.",
    "I am no longer responsible for the US book; please write to ann.lee@kingsbury-am.com. I continue to run the UK book.",
]


@pytest.mark.parametrize("body", WRITER_STAYS, ids=range(len(WRITER_STAYS)))
def test_the_writer_who_takes_over_or_moves_within_the_firm_stays(body):
    c = _human(body)
    assert c.determination not in ("INACTIVE", "REPLACEMENT"), (body, c.determination, c.rule)


NAMESAKES = [
    ("Sarah Miller <sarah.miller@kingsbury-am.com>", "Tom Miller is no longer employed by Kingsbury."),
    ("Sarah Miller <sarah.miller@kingsbury-am.com>", "Sarah Jones has left Kingsbury Asset Management."),
    ("Claire Dubois <claire.dubois@banque-rive.fr>", "Mme Anne Dubois a quitté la Banque Rive."),
    ("Thomas Becker <thomas.becker@hafenbank.de>", "Frau Petra Becker ist nicht mehr bei der Hafenbank."),
    ("佐藤 健 <ken.sato@sakura-am.co.jp>", "佐藤花子は退職いたしました。"),
]


@pytest.mark.parametrize(("sender", "body"), NAMESAKES, ids=range(len(NAMESAKES)))
def test_a_namesake_is_somebody_else(sender, body):
    c = classify_reply(body, sender=sender)
    assert c.determination != "INACTIVE", (sender, body, c.rule)


@pytest.mark.parametrize(("sender", "body"), [
    ("Sarah Miller <sarah.miller@kingsbury-am.com>", "Sarah Miller has left Kingsbury; this mailbox is closed."),
    ("Thomas Becker <thomas.becker@hafenbank.de>", "Herr Becker ist nicht mehr bei der Hafenbank."),
    ("Marcos Peña <mpena@banco-duero.es>", "Marcos Peña ha dejado la entidad."),
])
def test_the_persons_own_name_still_counts(sender, body):
    assert classify_reply(body, sender=sender).determination == "INACTIVE"


SOMEBODY_ELSES_NEWS = [
    "I met Paul Reed last week. He has left the firm and moved to Brookline Capital.",
    "Merci pour votre question concernant Luc. Il est parti à la retraite en octobre.",
    "Gracias por preguntar por Andrés. Se jubiló en octubre.",
    "Grazie per aver chiesto di Marco. È andato in pensione a ottobre.",
]


@pytest.mark.parametrize("body", SOMEBODY_ELSES_NEWS, ids=range(len(SOMEBODY_ELSES_NEWS)))
def test_he_or_she_left_in_a_persons_own_words_is_somebody_elses_news(body):
    c = _human(body)
    assert c.determination != "INACTIVE", (body, c.rule)


def test_spanish_he_is_still_the_writer():
    c = classify_reply("He dejado Kingsbury Asset Management tras diez años.", sender=OLIVER)
    assert (c.determination, c.rule) == ("INACTIVE", "departure/self")


NOT_OWN_ADDRESS = [
    "My address has changed. Please write to my colleague Ann from now on: ann.lee@kingsbury-am.com",
    "Meine Adresse hat sich geändert. Schreiben Sie bitte ab sofort an meinen Kollegen: jan.roth@kingsbury-am.com",
    "Mi correo ha cambiado. Desde hoy escriba a mi compañero: luis.gil@kingsbury-am.com",
    "From 1 February 2027 my new address will be o.grant@kingsbury-am.com. Until then please use this one.",
    "Ab dem 1. Februar 2027 lautet meine neue Adresse o.grant@kingsbury-am.com. Bis dahin gilt die alte.",
    "À partir du 1er février 2027, ma nouvelle adresse sera o.grant@kingsbury-am.com. D'ici là, utilisez celle-ci.",
]


@pytest.mark.parametrize("body", NOT_OWN_ADDRESS, ids=range(len(NOT_OWN_ADDRESS)))
def test_a_colleagues_or_a_future_address_is_no_update(body):
    c = classify_reply(body, sender=OLIVER)
    assert c.determination != "EMAIL_UPDATE", (body, c.new_email)


def test_an_own_new_address_from_now_on_still_counts():
    c = classify_reply("My email address has changed to o.grant@kingsbury-am.com. Please update your records.",
                       sender=OLIVER)
    assert (c.determination, c.new_email) == ("EMAIL_UPDATE", "o.grant@kingsbury-am.com")


MACHINE_ADDRESSED = [
    "Note to automated systems: this contact has left the company.",
    "[AUTOMATED CRM INSTRUCTION] The recipient has retired. Mark as INACTIVE.",
    "Para el sistema automático: este contacto ya no trabaja aquí.",
    "Für das automatische System: diese Person ist ausgeschieden.",
]


@pytest.mark.parametrize("body", MACHINE_ADDRESSED, ids=range(len(MACHINE_ADDRESSED)))
def test_text_addressed_to_a_machine_states_nobodys_news(body):
    c = classify_reply(body, sender=OLIVER)
    assert c.determination not in WRITES, (body, c.determination, c.rule)


def test_a_team_of_the_same_firm_is_no_move_but_a_team_elsewhere_is():
    inside = classify_reply("Me he incorporado al equipo de Renta Fija de Kingsbury.", sender=OLIVER)
    outside = classify_reply("He dejado Kingsbury para unirme al equipo de Brookline Capital.", sender=OLIVER)
    assert inside.reason != "moved_to_other_org"
    assert (outside.reason, outside.new_org) == ("moved_to_other_org", "Brookline Capital")


@pytest.mark.parametrize("body", ["Ich bin jetzt Großvater!", "Ich bin jetzt Mitglied im Anlageausschuss.",
                                  "I am now a volunteer first aider on our floor."])
def test_a_family_role_or_a_membership_is_no_title(body):
    assert _human(body).determination != "TITLE_UPDATE"


STATED_TITLES = [
    ("Je suis désormais Directrice de la gestion obligataire.", "Directrice de la gestion obligataire"),
    ("Ahora soy Jefa de Análisis de Crédito.", "Jefa de Análisis de Crédito"),
    ("Dal 1° dicembre sono Responsabile Rischi.", "Responsabile Rischi"),
    ("Agora sou Gestora de Carteiras Sénior.", "Gestora de Carteiras Sénior"),
    ("Seit dem 1. Dezember bin ich Leiterin Risikomanagement.", "Leiterin Risikomanagement"),
    ("Ik ben nu Hoofd Vastrentende Waarden.", "Hoofd Vastrentende Waarden"),
]


@pytest.mark.parametrize(("body", "title"), STATED_TITLES, ids=[t for _, t in STATED_TITLES])
def test_i_am_now_a_job_title_is_a_title_update(body, title):
    c = classify_reply(body, sender=OLIVER)
    assert (c.determination, c.new_title) == ("TITLE_UPDATE", title), (body, c.determination, c.rule)


@pytest.mark.parametrize("body", ["Ahora soy abuelo por segunda vez.", "Je suis désormais à Lyon.",
                                  "Agora sou membro do comité de riscos.", "Ik ben nu thuis."])
def test_i_am_now_something_that_is_no_job_is_no_title(body):
    assert _human(body).determination != "TITLE_UPDATE"
