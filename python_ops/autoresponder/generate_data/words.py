"""Word lists and reply phrasings for the scale generator (hand-written, realistic English plus a
few German, French, Spanish and Dutch variants)."""

from __future__ import annotations

FIRST_NAMES = (
    "James Mary John Patricia Robert Jennifer Michael Linda William Elizabeth David Barbara Richard Susan "
    "Joseph Jessica Thomas Sarah Charles Karen Christopher Lisa Daniel Nancy Matthew Betty Anthony Margaret "
    "Mark Sandra Donald Ashley Steven Kimberly Paul Emily Andrew Donna Joshua Michelle Kenneth Carol Kevin "
    "Amanda Brian Dorothy George Melissa Timothy Deborah Ronald Stephanie Edward Rebecca Jason Sharon "
    "Jeffrey Laura Ryan Cynthia Jacob Kathleen Gary Amy Nicholas Angela Eric Shirley Jonathan Anna Stephen "
    "Brenda Larry Pamela Justin Emma Scott Nicole Brandon Helen Benjamin Samantha Samuel Katherine Gregory "
    "Christine Alexander Debra Frank Rachel Patrick Carolyn Raymond Janet Jack Catherine Dennis Maria Jerry "
    "Heather Tyler Diane Aaron Ruth Jose Julie Adam Olivia Nathan Joyce Henry Virginia Douglas Victoria "
    "Zachary Kelly Peter Lauren Kyle Christina Noah Joan Ethan Evelyn Jeremy Judith Walter Megan Christian "
    "Andrea Keith Cheryl Roger Hannah Terry Jacqueline Austin Martha Sean Gloria Gerald Teresa Carl Ann "
    "Harold Sara Dylan Madison Arthur Frances Lawrence Kathryn Jordan Janice Jesse Jean Bryan Abigail "
    "Priya Rahul Wei Mei Hiroshi Yuki Kwame Amara Lars Ingrid Sven Astrid Klaus Petra Jurgen Anke Pierre "
    "Camille Luca Giulia Mateo Sofia Diego Lucia Oksana Dmitri Fatima Omar Aisha Tariq Chloe Liam Freya"
).split()

LAST_NAMES = (
    "Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez Gonzalez "
    "Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson White Harris Sanchez Clark "
    "Ramirez Lewis Robinson Walker Young Allen King Wright Scott Torres Nguyen Hill Flores Green Adams "
    "Nelson Baker Hall Rivera Campbell Mitchell Carter Roberts Gomez Phillips Evans Turner Diaz Parker Cruz "
    "Edwards Collins Reyes Stewart Morris Morales Murphy Cook Rogers Gutierrez Ortiz Morgan Cooper Peterson "
    "Bailey Reed Kelly Howard Ramos Kim Cox Ward Richardson Watson Brooks Chavez Wood James Bennett Gray "
    "Mendoza Ruiz Hughes Price Alvarez Castillo Sanders Patel Myers Long Ross Foster Jimenez Powell Jenkins "
    "Perry Russell Sullivan Bell Coleman Butler Henderson Barnes Gonzales Fisher Vasquez Simmons Romero "
    "Jordan Patterson Alexander Hamilton Graham Reynolds Griffin Wallace Moreno West Cole Hayes Bryant "
    "Herrera Gibson Ellis Tran Medina Aguilar Stevens Murray Ford Castro Marshall Owens Harrison Fernandez "
    "McDonald Woods Washington Kennedy Wells Vargas Henry Chen Freeman Webb Tucker Guzman Burns Crawford "
    "Olson Simpson Porter Hunter Gordon Mendez Silva Shaw Snyder Mason Dixon Munoz Hunt Hicks Holmes Palmer "
    "Wagner Black Robertson Boyd Rose Stone Salazar Fox Warren Mills Meyer Rice Schmidt Garza Daniels "
    "Ferguson Nichols Stephens Soto Weaver Ryan Gardner Payne Grant Dunn Kelley Spencer Hawkins Arnold "
    "Pierce Hansen Peters Santos Hart Bradley Knight Elliott Cunningham Duncan Armstrong Hudson Carroll Lane "
    "Riley Andrews Ray Berry Perkins Hoffman Johnston Matthews Pena Richards Willis Carpenter Lawrence "
    "Sandoval Okafor Mensah Nair Iyer Tanaka Sato Novak Lindqvist Jensen Richter Becker Moreau Rossi Russo "
    "Fischer Weber Schulz Dubois Laurent Bianchi Kowalski Petrova Ivanova Haddad Rahman Osei Adeyemi"
).split()

ORG_WORDS_A = (
    "Acme Borealis Crestline Dunmore Everly Fairhaven Granite Halcyon Ironbridge Juniper Kestrel Lakeside "
    "Meridian Northgate Oakmont Pinnacle Quarry Redwood Silverline Thornbury Upland Vantage Westbrook "
    "Yellowstone Zenith Ashford Blackstone Cedar Dover Eastwick Falcon Glenmore Harbor Highgate Kingsway "
    "Larkspur Maple Norfolk Orchard Parkside Queensbury Riverside Stanmore Tidewater Unity Valley Whitford "
    "Windsor Aldgate Beacon Carlisle Danbury Elmwood Foxhall Greystone Hawthorne Ivywood Jasper Keystone"
).split()

ORG_WORDS_B = (
    "Atlantic Pacific Northern Southern Western Eastern Global Summit Harbour Bridge Crown Shield "
    "Anchor Compass Horizon Liberty Heritage Sterling Regent Sovereign Meadow Ridge Forest River Lake Stone "
    "Iron Golden Silver"
).split()

ORG_KINDS = (
    ("Capital", "capital"), ("Partners", "partners"), ("Asset Management", "am"), ("Insurance", "ins"),
    ("Pension Fund", "pension"), ("Bank", "bank"), ("Securities", "sec"), ("Re", "re"),
    ("Wealth", "wealth"), ("Advisors", "advisors"), ("Investments", "investments"), ("Family Office", "fo"),
)

TLDS = ("com", "com", "com", "com", "co.uk", "de", "ch", "fr", "nl", "org", "com", "es")

TITLES = (
    "Portfolio Manager", "Senior Credit Analyst", "Head of Research", "Chief Investment Officer",
    "Head of Fixed Income", "Research Analyst", "Director of Research", "Head of Rates", "Economist",
    "Treasury Manager", "Chief Risk Officer", "Fund Manager", "Investment Director", "Head of Equities",
    "Quantitative Analyst", "Head of IT", "Strategist", "Associate", "Vice President", "Managing Director",
    "Head of Reinsurance", "Actuary", "Chief Underwriting Officer", "ALM Analyst", "Head of ESG",
)

NEW_TITLES = (
    "Chief Information Officer", "Chief Investment Officer", "Head of Credit Research", "Managing Director",
    "Head of Multi-Asset", "Deputy CIO", "Head of Portfolio Management", "Senior Portfolio Manager",
    "Global Head of Research", "Head of Insurance-Linked Securities",
)

PRODUCTS = ("RATES-WEEKLY", "CREDIT-MONTHLY", "ILS-WEEKLY", "EQUITY-DAILY", "PE-QUARTERLY", "MACRO-DAILY")
SINGLE_PRODUCTS = ("RATES-SPECIAL-2026", "ILS-OUTLOOK-2026", "CREDIT-HANDBOOK-2025", "ESG-REPORT-2025")
LEAD_STATUSES = (
    ("Open - Not Contacted", 35), ("Working - Contacted", 35), ("Closed - Not Converted", 10),
    ("Disqualified", 12), ("Inactive", 8),
)
SUPPRESSION_REASONS = ("hard_bounce", "unsubscribed", "left", "spam_complaint")
LIST_NAMES = ("All Research", "Rates Weekly", "Credit Monthly", "Events")

CAMPAIGNS = (
    "Q4 2026 Research Outlook: rates, credit and insurance-linked securities",
    "Weekly Rates Briefing - 13 November 2026",
    "Invitation: Insurance-Linked Securities Roundtable, 3 December 2026",
    "Credit Monthly: November 2026",
    "Your research subscription renewal",
)

MONTHS_EN = ("January February March April May June July August September October November December").split()
MONTHS_DE = ("Januar Februar März April Mai Juni Juli August September Oktober November Dezember").split()
MONTHS_FR = ("janvier février mars avril mai juin juillet août septembre octobre novembre décembre").split()
MONTHS_ES = ("enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre").split()
MONTHS_NL = ("januari februari maart april mei juni juli augustus september oktober november december").split()
DAYS_EN = ("Monday Tuesday Wednesday Thursday Friday Saturday Sunday").split()
DAYS_DE = ("Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag").split()

SUBJECT_PREFIX = {
    "en": ("Automatic reply: ", "Out of Office: ", "Auto: ", "Autoreply: ", "Out of office re: "),
    "de": ("Automatische Antwort: ", "Abwesenheitsnotiz: "),
    "fr": ("Réponse automatique : ", "Absence du bureau : "),
    "es": ("Respuesta automática: ", "Fuera de la oficina: "),
    "nl": ("Automatisch antwoord: ",),
}

# ---- reply texts: {full} {first} {org} {ret} {past} {future} {new_email} {new_title} {new_org}
#      {alt} (rendered alternate sentence) -----------------------------------------------------

OOO_DATED = {
    "en": (
        "Thank you for your email. I am out of the office until {ret} with limited access to email. "
        "I will respond on my return.",
        "I am currently on annual leave, returning on {ret}. Your message will be read when I am back.",
        "Thanks for your message. I'm travelling and will be back in the office on {ret}. Responses will be "
        "delayed until then.",
        "I am out of the office until {ret}.{urgent}",
        "Please note I am on leave and will return on {ret}. I will have no access to email during this time."
        "{urgent}",
        "I'm away from the office until {ret} and checking email only intermittently.",
    ),
    "de": (
        "Vielen Dank für Ihre Nachricht. Ich bin bis {ret} nicht im Büro und habe keinen Zugriff auf meine "
        "E-Mails.",
        "Ich bin ab dem {ret} wieder im Büro. Ihre E-Mail wird nicht weitergeleitet.",
    ),
    "fr": (
        "Merci pour votre message. Je suis absent du bureau jusqu'au {ret} avec un accès limité à mes e-mails.",
        "Je serai de retour au bureau le {ret}. Votre message ne sera pas transféré.",
    ),
    "es": ("Gracias por su mensaje. Estoy fuera de la oficina hasta el {ret} con acceso limitado al correo.",),
    "nl": ("Bedankt voor uw bericht. Ik ben afwezig tot en met {ret} en heb beperkt toegang tot mijn e-mail.",),
}

OOO_UNDATED = {
    "en": (
        "I am currently out of the office with limited access to email. I will respond to your message as "
        "soon as possible on my return.",
        "Thank you for your email. I am away from my desk at the moment and will get back to you shortly.",
        "I am on parental leave. Your email will not be forwarded.{urgent}",
        "I am out of the office attending a conference this week with limited access to email.",
    ),
    "de": ("Vielen Dank für Ihre E-Mail. Ich bin derzeit nicht im Büro und habe nur eingeschränkt Zugriff "
           "auf meine E-Mails.",),
    "fr": ("Je suis actuellement absent du bureau. Je répondrai à votre message dès mon retour.",),
    "es": ("Estoy fuera de la oficina. Responderé a su mensaje a mi regreso.",),
    "nl": ("Ik ben momenteel niet op kantoor. Ik reageer zo snel mogelijk na mijn terugkomst.",),
}

URGENT = (
    " For urgent matters please contact {alt_name} at {alt_email}.",
    " In urgent cases please call our main desk on {phone}.",
)

LEFT = {
    "en": (
        "Thank you for your email. {full} has left {org} and is no longer with the company. This mailbox is "
        "no longer monitored.",
        "{full} is no longer with {org}. Your email has not been forwarded.",
        "Please note that I have left {org}. This mailbox will be deactivated shortly.",
        "This email address is no longer in use. {full} no longer works at {org}.",
        "{full} no longer works for {org}. Please update your records accordingly.",
        "I am no longer employed by {org}. Please remove this address from your distribution lists.",
    ),
    "de": ("{full} ist nicht mehr für {org} tätig. Diese E-Mail-Adresse wird nicht mehr gelesen.",),
    "fr": ("{full} a quitté {org}. Cette adresse e-mail n'est plus consultée.",),
}

RETIRED = {
    "en": (
        "Thank you for your email. I retired from {org} on {past} and this mailbox will be closed shortly.",
        "{full} has retired from {org} and no longer receives email at this address.",
        "Thank you for your message. I have now retired and will no longer be reading email at this address.",
    ),
    "de": ("{full} ist in den Ruhestand getreten. Diese Adresse wird nicht mehr gelesen.",),
}

DECEASED = {
    "en": (
        "It is with great sadness that we inform you that our colleague {full} passed away on {past}. This "
        "mailbox is no longer monitored.",
        "We regret to inform you that {full} has passed away. Please update your records.",
    ),
}

MOVED_WITH_EMAIL = (
    "Thank you for your email. I have left {org} and joined {new_org} as {new_title}. My new email address "
    "is {new_email} - please update your records.",
    "{full} has left {org} to join {new_org}. You can reach {first} at {new_email}.",
)
MOVED_NO_EMAIL = (
    "Thank you for your email. I have moved on from {org} to a new role at {new_org}.",
    "I have left {org} and joined {new_org}. This mailbox will be closed at the end of the month.",
)

EMAIL_UPDATE = (
    "Please note my new email address is {new_email}. Kindly update your records; this address will stop "
    "working on {future}.",
    "Our email domain has changed. My new address is {new_email} - please update your distribution list.",
    "I have a new email address: {new_email}. This mailbox will no longer be monitored after {future}.",
    "Hello, our email addresses have changed. Please use {new_email} from now on.",
)

TITLE_UPDATE = (
    "A quick update for your records: I have been appointed {new_title} of {org}, effective {past}. Please "
    "update my title.",
    "For your records, I have been promoted to {new_title}.",
    "Please note my new title: {new_title}, {org}.",
)

REPLACEMENT_LEFT = (
    "Thank you for your email. {full} has left {org} and is no longer with the company. Please contact "
    "{alts}.",
    "{full} is no longer with {org}. Please direct all future correspondence to {alts}.",
    "I have left {org}. For research matters please contact {alts}.",
)
REPLACEMENT_RETIRED = (
    "I have retired from {org}. My responsibilities have been taken over by {alts}.",
)
REPLACEMENT_PLAIN = (
    "{full} no longer covers this area. Please contact {alts} going forward.",
    "Please note that {alts} now looks after research subscriptions at {org}; kindly update your "
    "distribution list.",
)

ACTIVE = (
    "I am still with the firm, please keep me on your list.",
    "Yes, I'm still at {org} and would like to keep receiving your research.",
    "Please keep me on your distribution list - I am still {title} here.",
    "Hi, just confirming I am still with {org}. Please continue sending the weekly briefing.",
)

# an automatic receipt that says nothing about the person (UNKNOWN: unclear, not looked up)
RECEIPTS = (
    "Thank you for contacting {org}. Your message has been received and logged under reference {ref}.",
    "This is an automatic receipt. Your request has been registered as ticket #{ref}; please quote it in any "
    "further correspondence.",
    "We confirm receipt of your email (reference {ref}). This mailbox is handled by our client services desk.",
)

# a person answering with nothing about themselves (ACTIVE: a live acknowledgement)
HUMAN_ANSWERS = (
    "Thanks, could you send me the PDF version of the report?",
    "Who should I talk to about pricing for next year?",
    "Thanks - interesting read. Do you have the underlying data in Excel?",
    "Can we set up a call next week to discuss your credit view?",
    "Please send the invitation to my assistant as well, thanks.",
    "Received, thank you.",
)

SIGNOFFS = ("Best regards", "Kind regards", "Thanks", "Best", "Regards", "Many thanks")
