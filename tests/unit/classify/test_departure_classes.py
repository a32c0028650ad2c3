"""Wording classes of true departures and updates (issue 8 recall), and their near misses.

Each class is written here in several own phrasings per language (none copied from a fixture or the
safety world): the class must decide, and the transient / third-party / future look-alikes must not.
"""

from email.message import EmailMessage

import pytest

from autoresponder.classify import classify_message
from autoresponder.classify.rules.phrases import clean_title

FROM = "Jan Visser <jan.visser@dijkstra-pensioen.nl>"


def _classify(body: str, subject: str = "Automatic reply: Q4 outlook"):
    m = EmailMessage()
    m["From"] = FROM
    m["To"] = "research@example-research.com"
    m["Subject"] = subject
    m["Date"] = "Wed, 18 Nov 2026 10:00:00 +0000"
    m["Message-ID"] = "<class-test@dijkstra-pensioen.nl>"
    m["Auto-Submitted"] = "auto-replied"
    m.set_content(body)
    return classify_message(m.as_bytes())


def _inactive(body: str, reason: str = "left", subject: str = "Automatic reply: Q4 outlook") -> None:
    c = _classify(body, subject)
    assert (c.determination, c.reason) == ("INACTIVE", reason), (body, c.determination, c.reason, c.rule)
    assert c.rule == "departure/self"


def _not_inactive(body: str, subject: str = "Automatic reply: Q4 outlook") -> None:
    c = _classify(body, subject)
    assert c.determination not in ("INACTIVE", "REPLACEMENT"), (body, c.determination, c.rule)


EMPLOYMENT_ENDED = [
    "My employment with Halvorsen ended on 31 October.",
    "My contract with Borealis Capital came to an end last month.",
    "My time at Acme Corp has come to an end.",
    "Mein Arbeitsverhältnis bei der Nordlicht AG endete zum 31.10.",
    "Mein Dienstverhältnis ist mit Ablauf des Oktobers beendet.",
    "Mon contrat chez Lacroix a pris fin le 30 septembre.",
    "Ma collaboration avec la Banque Lacroix s'est achevée fin octobre.",
    "Mi relación laboral con Alcázar Seguros finalizó el pasado mes.",
    "Mi etapa en el banco ha concluido.",
    "Il mio rapporto di lavoro con Serravalle è terminato a settembre.",
    "La mia collaborazione con lo studio si è conclusa il 30 ottobre.",
    "Mijn dienstverband bij Dijkstra is per 1 november beëindigd.",
    "Mijn arbeidsovereenkomst eindigde op 31 oktober.",
    "O meu vínculo com a Tejo Capital terminou em outubro.",
    "A minha colaboração com o banco chegou ao fim.",
]

LAST_WORKING_DAY_PAST = [
    "Yesterday was my last working day.",
    "My last day at Acme was 30 October.",
    "Freitag war mein letzter Arbeitstag.",
    "Mein letzter Tag bei Kestrel war der 30. September.",
    "Le 31 octobre était mon dernier jour chez Lacroix.",
    "El viernes fue mi último día en la compañía.",
    "Venerdì è stato il mio ultimo giorno presso la banca.",
    "Vrijdag was mijn laatste werkdag.",
    "Mijn laatste dag bij Dijkstra was 13 november.",
    "Sexta-feira foi o meu último dia na Tejo.",
]

NO_LONGER_PART_OF_FIRST_PERSON = [
    "Je ne fais plus partie de l'équipe depuis novembre.",
    "Je ne suis plus salarié de la banque.",
    "Je n'appartiens plus à la Banque Lacroix.",
    "J'ai cessé mes fonctions au sein du groupe le 1er octobre.",
    "Ich gehöre nicht mehr zur Nordlicht Versicherung.",
    "Ich bin nicht mehr Mitarbeiter der Kestrel Wealth AG.",
    "He dejado de formar parte de Alcázar Seguros.",
    "Non appartengo più alla Banca Serravalle.",
    "Ho smesso di lavorare per Serravalle a ottobre.",
    "Ik maak geen deel meer uit van Dijkstra Pensioen.",
    "Ik ben vertrokken bij Dijkstra.",
    "Ik heb afscheid genomen van Dijkstra Pensioen.",
    "Deixei de fazer parte da Tejo Capital.",
    "Já não pertenço à Tejo Capital.",
    "Já não estou na Tejo Capital desde outubro.",
]

REFLEXIVE_DEPARTURE = [
    "Me he desvinculado de la compañía.",
    "Me desvinculé del banco en octubre.",
    "Desliguei-me da empresa em outubro.",
    "Me desliguei da Tejo no mês passado.",
]

FORMER_EMPLOYEE = [
    "I am a former employee of Acme Corp.",
    "Ich bin ehemaliger Mitarbeiter der Nordlicht AG.",
    "Je suis un ancien collaborateur de la Banque Lacroix.",
    "Soy ex empleado de Alcázar.",
    "Sono un ex dipendente di Banca Serravalle.",
    "Ik ben oud-medewerker van Dijkstra.",
    "Sou ex-funcionário da Tejo Capital.",
]

REFLEXIVE_RETIREMENT_PT = [
    "Informo que me reformei em outubro.",
    "Reformei-me no final do ano passado.",
]


@pytest.mark.parametrize("body", EMPLOYMENT_ENDED)
def test_employment_ended_in_the_past_is_a_departure(body):
    _inactive(body)


@pytest.mark.parametrize("body", LAST_WORKING_DAY_PAST)
def test_last_working_day_in_the_past_is_a_departure(body):
    _inactive(body)


@pytest.mark.parametrize("body", NO_LONGER_PART_OF_FIRST_PERSON)
def test_first_person_no_longer_part_of_is_a_departure(body):
    _inactive(body)


@pytest.mark.parametrize("body", REFLEXIVE_DEPARTURE)
def test_reflexive_departure_is_a_departure(body):
    _inactive(body)


@pytest.mark.parametrize("body", FORMER_EMPLOYEE)
def test_i_am_a_former_employee_is_a_departure(body):
    _inactive(body)


@pytest.mark.parametrize("body", REFLEXIVE_RETIREMENT_PT)
def test_reflexive_portuguese_retirement_is_retired(body):
    _inactive(body, reason="retired")


NEAR_MISSES = [
    # future: the person is still there today
    "My employment contract ends on 31 December.",
    "Mein Arbeitsvertrag endet am 31. Dezember.",
    "Mon contrat se termine le 31 décembre.",
    "Mi contrato termina en diciembre.",
    "Il mio contratto scade a dicembre.",
    "Mijn contract loopt af op 31 december.",
    "O meu contrato termina em dezembro.",
    # negated
    "Mein Arbeitsverhältnis wurde nicht beendet.",
    # a place or a project, not an employer
    "My time in London has come to an end and I am back in New York.",
    "My role in the project has ended.",
    "Yesterday was my last day of vacation.",
    # a departure still to come is not yet true: nothing is deactivated before the day
    "My last day at Acme Capital will be 30 November.",
    "Please note my last day with Acme Capital is 30 November.",
    "My last working day in the firm is next Friday.",
    "Mon dernier jour chez Lacroix sera le 30 novembre.",
    "Mi último día en Alcázar será el 30 de noviembre.",
    "Mein letzter Arbeitstag bei der Nordlicht AG ist der 30. November.",
    "My last day at the conference was Tuesday.",
    # the office, not the employer (transient absence)
    "Ya no estoy en la oficina.",
    "Ya no estoy en mi oficina.",
    "Não estou mais no escritório.",
    "Já não estou no escritório.",
    "Non sono più in ufficio.",
    "I am no longer at the office.",
    "Je ne suis plus au bureau aujourd'hui.",
    # somebody else
    "My colleague's employment with Acme ended in October.",
    "Il suo rapporto con la banca si è concluso.",
    "Ela deixou de fazer parte da Tejo Capital.",
    "Nuestro compañero se ha desvinculado de la empresa.",
    "He was a former employee of Acme.",
    "Wij hebben afscheid genomen van Jan de Vries.",
    "La collaborazione con il fornitore si è conclusa.",
    "My contract with you ended last year, please stop writing.",
    # a person as the object of "left"
    "I have left Tom a voicemail about the report.",
]


@pytest.mark.parametrize("body", NEAR_MISSES)
def test_near_misses_of_the_departure_classes_are_not_departures(body):
    _not_inactive(body)


# --- subject line vs body -------------------------------------------------------------------------

PERMANENT_UNDER_ABSENCE_SUBJECT = [
    ("Out of Office: Q4 outlook", "I have left Acme Corp and this mailbox is no longer monitored."),
    ("Out of Office: Q4 outlook", "My employment with Acme Corp ended on 31 October."),
    ("Abwesenheitsnotiz: Q4", "Mein Arbeitsverhältnis mit der Firma endete am 30. September. Dieses Postfach wird "
                              "nicht mehr gelesen."),
    ("Absent : Q4", "Je ne fais plus partie de la société."),
    ("Fuori ufficio: Q4", "Il mio rapporto con la banca si è concluso a ottobre."),
    ("Afwezig: Q4", "Ik ben vertrokken bij Dijkstra."),
    ("Fora do escritório: Q4", "Deixei de fazer parte da Tejo Capital."),
]

ABSENCE_THAT_COMES_BACK = [
    ("Out of Office: Q4 outlook", "I have left for vacation, back on Monday."),
    ("Out of Office: Q4 outlook", "I am no longer with Acme this week. I will be back on Monday."),
    ("Automatic reply: Q4 outlook", "I am no longer with the team. I will be back on Monday."),
    ("Abwesenheitsnotiz: Q4", "Ich bin nicht mehr bei der Firma. Ab 3. Dezember bin ich wieder im Büro."),
    ("Absent : Q4", "Je ne fais plus partie de la société. De retour le 3 décembre."),
    ("Fuori ufficio: Q4", "Non faccio più parte del team vendite, rientro il 7 dicembre."),
    ("Afwezig: Q4", "Ik ben niet meer werkzaam bij Dijkstra. Vanaf 4 december ben ik weer terug."),
    ("Fora do escritório: Q4", "Já não faço parte da Tejo. Estarei de volta a 3 de dezembro."),
]


@pytest.mark.parametrize(("subject", "body"), PERMANENT_UNDER_ABSENCE_SUBJECT)
def test_absence_subject_does_not_override_a_first_person_permanent_departure(subject, body):
    _inactive(body, subject=subject)


@pytest.mark.parametrize(("subject", "body"), ABSENCE_THAT_COMES_BACK)
def test_an_absence_that_states_a_return_stays_out_of_office(subject, body):
    c = _classify(body, subject)
    assert c.determination == "OUT_OF_OFFICE", (body, c.determination, c.rule)


# --- updates --------------------------------------------------------------------------------------

ADDRESS_IS_NOW = [
    "My address is now j.visser@dijkstra-pensioen.nl, please update your list.",
    "Our mailboxes were merged. From now on I can be reached at j.visser@dijkstra-pensioen.nl.",
    "Meine E-Mail-Adresse lautet ab sofort j.visser@dijkstra-pensioen.nl.",
    "Mon adresse mail change : merci d'écrire désormais à j.visser@dijkstra-pensioen.nl.",
    "Mi correo electrónico pasa a ser j.visser@dijkstra-pensioen.nl.",
    "Il mio indirizzo e-mail è ora j.visser@dijkstra-pensioen.nl.",
    "Mijn adres is voortaan j.visser@dijkstra-pensioen.nl.",
    "O meu e-mail passou a ser j.visser@dijkstra-pensioen.nl.",
    "私のメールアドレスが j.visser@dijkstra-pensioen.nl に変更になりました。",
]


@pytest.mark.parametrize("body", ADDRESS_IS_NOW)
def test_my_address_is_now_is_an_email_update(body):
    c = _classify(body, "Out of Office: Q4 outlook" if "From now on" in body else "Automatic reply: Q4")
    assert (c.determination, c.new_email) == ("EMAIL_UPDATE", "j.visser@dijkstra-pensioen.nl"), c.rule


@pytest.mark.parametrize("body", [
    "My colleague's address is now tom@dijkstra-pensioen.nl.",
    "If my address is now wrong in your list, please write to j.visser@dijkstra-pensioen.nl.",
])
def test_address_is_now_about_someone_else_or_hedged_is_not_an_update(body):
    assert _classify(body).determination != "EMAIL_UPDATE"


@pytest.mark.parametrize(("body", "title"), [
    ("Les comunico que he sido nombrada Directora de Riesgos.", "Directora de Riesgos"),
    ("He sido promovido a Director Comercial.", "Director Comercial"),
    ("Vi comunico che sono stato nominato Responsabile Tesoreria.", "Responsabile Tesoreria"),
    ("Sono stata nominata come Direttrice Generale.", "Direttrice Generale"),
    ("Fui nomeada Diretora Financeira.", "Diretora Financeira"),
])
def test_appointed_participle_then_title_gives_the_title(body, title):
    c = _classify(body)
    assert (c.determination, c.new_title) == ("TITLE_UPDATE", title)


@pytest.mark.parametrize(("title", "sender", "expected"), [
    ("Diretor de Gestão de Ativos da Tejo Capital", "j@tejocapital.pt", "Diretor de Gestão de Ativos"),
    ("Directora General de Inversiones de Grupo Alcázar Seguros", "c@alcazarseguros.es",
     "Directora General de Inversiones"),
    ("Head of Sales of Acme GmbH", "x@example.org", "Head of Sales"),
    ("Responsabile Analisi di Banca Serravalle", "a@bancaserravalle.it", "Responsabile Analisi"),
    ("Hoofd Beleggingen van Dijkstra Pensioen", "e@dijkstrapensioen.nl", "Hoofd Beleggingen"),
])
def test_title_with_inner_of_keeps_the_title_and_drops_only_the_organisation(title, sender, expected):
    assert clean_title(title, sender) == expected
