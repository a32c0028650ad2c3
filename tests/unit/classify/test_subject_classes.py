"""Whose statement is it? Three classes found by the blind dev set 3 (issue 8), in own wording:

* German "im" (in dem) is no "I'm": "Frau X ist nicht mehr im Unternehmen" from a colleague's mailbox named
  somebody else, but "im" inside the cue made it first person and deactivated the colleague;
* a mailbox that serves somebody ("Office of X", "Büro Dr. X", "Secrétariat de X", assistant.x@) speaks about
  that person, not as them: a third-person departure there is not the mailbox person's own statement;
* "your (new) contact is X" after the writer's own departure names a successor in every language, as
  "is now your contact" already did in English.
"""

import pytest

from .conftest import classify_reply

KLAUS = "Klaus Brenner <klaus.brenner@hafenbank.de>"


SOMEBODY_ELSE_IM = [
    "Frau Vogt ist nicht mehr im Unternehmen tätig.",
    "Im Oktober hat Herr Lorenz das Unternehmen verlassen.",
    "Herr Dr. Lorenz ist nicht mehr im Haus; seine Mandate werden im Team verteilt.",
    "Der Empfänger Herr Lorenz ist nicht mehr im Unternehmen.",
]


@pytest.mark.parametrize("body", SOMEBODY_ELSE_IM, ids=range(len(SOMEBODY_ELSE_IM)))
def test_german_im_is_not_a_first_person_so_a_named_colleague_stays_somebody_else(body):
    c = classify_reply(body, sender=KLAUS)
    assert c.determination != "INACTIVE", (body, c.determination, c.rule)


@pytest.mark.parametrize("body", ["Ich bin nicht mehr im Unternehmen tätig.", "Nicht mehr im Unternehmen."])
def test_own_departure_with_im_still_counts(body):
    c = classify_reply(body, sender=KLAUS)
    assert (c.determination, c.reason) == ("INACTIVE", "left"), (body, c.rule)


SERVED_MAILBOXES = [
    ("Office of Peter Hale <office.hale@ardmore-capital.com>", "Mr Hale has left Ardmore Capital."),
    ("Office of Peter Hale <peter.hale@ardmore-capital.com>", "Mr Hale has left Ardmore Capital."),
    ("Assistant to Peter Hale <assistant.hale@ardmore-capital.com>", "Peter Hale has retired."),
    ("Peter Hale <assistant.hale@ardmore-capital.com>", "Peter Hale is no longer with Ardmore Capital."),
    ("Büro Dr. Karl Lenz <karl.lenz@hafenbank.de>", "Herr Dr. Lenz ist nicht mehr bei der Hafenbank."),
    ("Secrétariat de Marie Roux <marie.roux@banque-rive.fr>", "Madame Roux a quitté la Banque Rive."),
    ("Oficina de Elena Mora <elena.mora@banco-sierra.es>", "La Sra. Mora ya no trabaja en Banco Sierra."),
    ("Segreteria di Paolo Neri <paolo.neri@banca-lago.it>", "Il dott. Neri ha lasciato Banca Lago."),
    ("Secretariaat van Joost Baan <joost.baan@polderbank.nl>", "De heer Baan is niet meer werkzaam bij Polderbank."),
    ("Secretaria de Rita Lobo <rita.lobo@banco-rio.pt>", "A Dra. Lobo deixou o Banco Rio."),
]


@pytest.mark.parametrize(("sender", "body"), SERVED_MAILBOXES, ids=range(len(SERVED_MAILBOXES)))
def test_a_mailbox_that_serves_somebody_does_not_speak_as_them(sender, body):
    c = classify_reply(body, sender=sender)
    assert c.determination not in ("INACTIVE", "REPLACEMENT"), (sender, body, c.determination, c.rule)


def test_the_persons_own_mailbox_naming_them_still_counts():
    c = classify_reply("Peter Hale has left Ardmore Capital; this mailbox is closed.",
                       sender="Peter Hale <peter.hale@ardmore-capital.com>")
    assert c.determination == "INACTIVE"


YOUR_CONTACT_IS = [
    ("Me he jubilado. Desde hoy su nuevo contacto es Luis Prieto (luis.prieto@banco-sierra.es).", "es"),
    ("Ya no trabajo en Banco Sierra; su persona de contacto será Luis Prieto, luis.prieto@banco-sierra.es.", "es"),
    ("Sono andata in pensione. Il vostro nuovo contatto è Luis Prieto: luis.prieto@banco-sierra.es.", "it"),
    ("J'ai quitté Banco Sierra. Votre nouveau contact est Luis Prieto (luis.prieto@banco-sierra.es).", "fr"),
    ("Ik ben met pensioen gegaan. Uw contactpersoon is voortaan Luis Prieto, luis.prieto@banco-sierra.es.", "nl"),
    ("Reformei-me. O seu novo contacto é o Luis Prieto (luis.prieto@banco-sierra.es).", "pt"),
    ("Aposentei-me. Seu novo contato é Luis Prieto: luis.prieto@banco-sierra.es.", "pt-br"),
]


@pytest.mark.parametrize(("body", "lang"), YOUR_CONTACT_IS, ids=[lang for _, lang in YOUR_CONTACT_IS])
def test_your_contact_is_x_after_an_own_departure_is_a_replacement(body, lang):
    c = classify_reply(body, sender="Elena Mora <elena.mora@banco-sierra.es>")
    assert c.determination == "REPLACEMENT", (body, c.determination, c.rule)
    assert [r.email for r in c.replacements] == ["luis.prieto@banco-sierra.es"]


def test_your_contact_stays_the_writer_is_no_replacement():
    c = classify_reply("Il vostro contatto resta la sottoscritta; per le fatture scrivete a luis.prieto@banco-sierra.es.",
                       sender="Elena Mora <elena.mora@banco-sierra.es>")
    assert c.determination not in ("INACTIVE", "REPLACEMENT")
