"""The demo replies written by people and their mail servers, one row per `.eml` file.

Numbers are the file numbers of `seeds/emails/`; `orig` is the campaign recipient the reply
answers. Bodies are hand-written; `build.render_reply` adds the headers and the quoted original.
"""

from __future__ import annotations

from autoresponder.generate_data.demo.rows import (
    AUTOMATIC_REPLY,
    CAMPAIGN_SUBJECT,
    GMAIL_QUOTE,
    RE_CAMPAIGN,
    Quote,
    Reply,
)

_NOAH_OOO = ("I am out of the office until 30 November 2026 and will reply on my return.\n\n"
             "Noah Fischer | Granite Ridge Partners")

_SPOOFED_TRAIL = (
    "Authentication-Results: mx.example-research.com; spf=fail smtp.mailfrom=ironbridge-sec.com;\n"
    " dkim=none; dmarc=fail (p=REJECT sp=REJECT dis=NONE) header.from=ironbridge-sec.com\n"
    "Received: from mail.bulk-sender.example (unknown [198.51.100.77])\n"
    "\tby mx.example-research.com (Postfix) with ESMTP id 7QpL2c4Vn1z;\n"
    "\tThu, 19 Nov 2026 22:41:09 +0000 (UTC)\n"
)

REPLIES = (
    Reply(
        "01_unknown_ticket_receipt.eml", mid="<CAFx7=pQ1uNGER01kd9@mail.gmail.com>",
        date="Tue, 17 Nov 2026 14:03:11 -0500", frm="Paul Unger <paul.unger@acme.com>", subject=AUTOMATIC_REPLY,
        orig=1001, auth_domain="acme.com",
        body="Thank you for contacting Acme. This is an automatic receipt: your email has been logged\n"
             "under reference ACM-4471.\n\nAcme Client Services",
    ),
    Reply(
        "02_no_contact_left.eml", mid="<1a2b3c4d.quarry.noreply.20261117@quarrylabs.io>",
        date="Tue, 17 Nov 2026 08:12:40 +0000", frm="Dana Whitfield <dana.whitfield@quarrylabs.io>",
        subject=AUTOMATIC_REPLY, orig=1002,
        body="Thank you for your email. Dana Whitfield has left Quarry Labs and is no longer with the company.\n"
             "This mailbox is not monitored.",
    ),
    Reply(
        "03_active_still_with_firm.eml", mid="<DM6PR11MB4091C3A0BEN0003@DM6PR11MB4091.namprd11.prod.outlook.com>",
        date="Wed, 18 Nov 2026 10:21:05 -0500", frm="\"Carter, Ben\" <Ben.Carter@Borealis-Capital.com>",
        subject=RE_CAMPAIGN, orig=1003, auto=False, auth_domain="borealis-capital.com",
        quote=Quote("outlook", "Carter, Ben", "ben.carter@borealis-capital.com"),
        body="Hello,\n\nI am still with the firm, please keep me on your list. I received a note saying\n"
             "my subscription might lapse - I would like to continue receiving your credit research.\n\n"
             "Ben Carter\nSenior Credit Analyst | Borealis Capital",
    ),
    Reply(
        "04_active_not_in_cupola.eml", mid="<ZRH0PR01MB2210ADAMS0004@ZRH0PR01MB2210.CHEP278.PROD.OUTLOOK.COM>",
        date="Wed, 18 Nov 2026 16:45:00 +0100", frm="Chloe Adams <chloe.adams@juniperfo.ch>",
        subject=f"AW: {CAMPAIGN_SUBJECT}", orig=1004, auto=False, auth_domain="juniperfo.ch",
        quote=Quote("outlook", "Chloe Adams", "chloe.adams@juniperfo.ch"),
        body="Dear Example Research team,\n\nI am still with Juniper Family Office, please keep me on your list.\n"
             "I joined in the spring as Head of Private Markets.\n\nKind regards,\nChloe Adams",
    ),
    Reply(
        "05_active_reactivation_candidate.eml", mid="<BY5PR04MB6980LEE0005@BY5PR04MB6980.namprd04.prod.outlook.com>",
        date="Thu, 19 Nov 2026 09:02:33 -0800", frm="Marcus Lee <marcus.lee@kestrelwealth.com>",
        subject=RE_CAMPAIGN, orig=1005, auto=False, auth_domain="kestrelwealth.com",
        quote=Quote("outlook", "Marcus Lee", "marcus.lee@kestrelwealth.com"),
        body="Hi,\n\nI am still with Kestrel Wealth as Investment Director - not sure why your system thinks\n"
             "otherwise. Please keep me on your list.\n\nMarcus",
    ),
    Reply(
        "06_inactive_left_all_systems.eml", mid="<PH0PR17MB5361NAIR0006@PH0PR17MB5361.namprd17.prod.outlook.com>",
        date="Mon, 16 Nov 2026 09:04:12 -0500", frm="Priya Nair <priya.nair@everlypension.org>",
        subject=AUTOMATIC_REPLY, orig=1006, auth_domain="everlypension.org",
        extra={"X-MS-Exchange-Inbox-Rules-Loop": "priya.nair@everlypension.org", "X-Auto-Response-Suppress": "All"},
        body="Thank you for your message. Priya Nair has left Everly Pension Fund and is no longer with\n"
             "the organisation. This mailbox is no longer monitored and your email has not been forwarded.",
    ),
    Reply(
        "07_inactive_retired_multipub_active.eml", mid="<20261116140512.MELLIS.0007@crestline-ins.com>",
        date="Mon, 16 Nov 2026 14:05:12 -0500", frm="Margaret Ellis <margaret.ellis@crestline-ins.com>",
        subject="Out of Office: " + CAMPAIGN_SUBJECT, orig=1007, auth_domain="crestline-ins.com",
        body="Thank you for your email. I retired from Crestline Insurance on 30 October 2026 and this\n"
             "mailbox will be closed shortly. Thank you for many years of excellent research.\n\nMargaret Ellis",
    ),
    Reply(
        "08_inactive_deceased_multipub_expired_6m.eml", mid="<LO2P265MB0008HALE@LO2P265MB0008.GBRP265.PROD.OUTLOOK.COM>",
        date="Tue, 17 Nov 2026 08:30:00 +0000", frm="Robert Hale <robert.hale@dunmore-am.com>",
        subject=AUTOMATIC_REPLY, orig=1008, auth_domain="dunmore-am.com",
        body="It is with great sadness that we inform you that our colleague Robert Hale passed away on\n"
             "2 November 2026. This mailbox is no longer monitored.\n\nDunmore Asset Management",
    ),
    Reply(
        "09_inactive_left_multipub_single_issue.eml", mid="<CWLP123MB0009WALSH@CWLP123MB0009.GBRP123.PROD.OUTLOOK.COM>",
        date="Mon, 16 Nov 2026 09:15:00 +0000", frm="Fiona Walsh <fiona.walsh@fairhavenbank.co.uk>",
        subject=AUTOMATIC_REPLY, orig=1009, auth_domain="fairhavenbank.co.uk",
        body="Fiona Walsh is no longer with Fairhaven Bank. Your email has not been forwarded.",
    ),
    Reply(
        "10_inactive_retired_multipub_expired_2y.eml", mid="<0010.whitaker.autoreply@halcyon-re.com>",
        date="Mon, 16 Nov 2026 05:01:00 -0400", frm="George Whitaker <george.whitaker@halcyon-re.com>",
        subject="Auto: " + CAMPAIGN_SUBJECT, orig=1010, auth_domain="halcyon-re.com",
        body="Thank you for your message. I have retired from Halcyon Re as of 31 October 2026 and will\n"
             "no longer be reading email at this address.\n\nWith best wishes,\nGeorge Whitaker",
    ),
    Reply(
        "11_inactive_already_inactive_everywhere.eml",
        mid="<BN8PR02MB5843NOVAK0011@BN8PR02MB5843.namprd02.prod.outlook.com>",
        date="Mon, 16 Nov 2026 09:00:51 -0500", frm="Irene Novak <irene.novak@borealis-capital.com>",
        subject=AUTOMATIC_REPLY, orig=1011, auth_domain="borealis-capital.com",
        body="Irene Novak is no longer employed by Borealis Capital. This mailbox is not monitored.",
    ),
    Reply(
        "12_inactive_no_cupola_salesforce_only.eml",
        mid="<CH2PR12MB3990DOYLE0012@CH2PR12MB3990.namprd12.prod.outlook.com>",
        date="Tue, 17 Nov 2026 11:30:00 -0600", frm="Kevin Doyle <kevin.doyle@graniteridge.com>",
        subject=AUTOMATIC_REPLY, orig=1012, auth_domain="graniteridge.com",
        body="I have left Granite Ridge Partners. This address will be deactivated at the end of November.\n"
             "Kevin Doyle",
    ),
    Reply(
        "13_inactive_moved_to_other_org.eml", mid="<LO4P123MB6633OKAFOR13@LO4P123MB6633.GBRP123.PROD.OUTLOOK.COM>",
        date="Mon, 16 Nov 2026 09:02:10 +0000", frm="Samuel Okafor <samuel.okafor@fairhavenbank.co.uk>",
        subject=AUTOMATIC_REPLY, orig=1013, auth_domain="fairhavenbank.co.uk",
        body="Thank you for your email. I have left Fairhaven Bank and joined Northwind Advisors as Head of\n"
             "Fixed Income. My new email address is s.okafor@northwind-advisors.com - please update your\n"
             "records. This mailbox will not be monitored.\n\nSamuel Okafor",
    ),
    Reply(
        "14_email_update_multipub_linked.eml", mid="<SA1PR08MB7214TRAN0014@SA1PR08MB7214.namprd08.prod.outlook.com>",
        date="Wed, 18 Nov 2026 07:45:00 -0600", frm="Lucy Tran <ltran@graniteridge.com>",
        subject=AUTOMATIC_REPLY, orig=1014, auth_domain="graniteridge.com",
        body="Hello, our email addresses have changed. Please note my new email address is\n"
             "lucy.tran@graniteridge.com. This address (ltran@graniteridge.com) will stop working on\n"
             "31 December 2026.\n\nLucy Tran | Partner | Granite Ridge Partners",
    ),
    Reply(
        "15_title_update_active.eml", mid="<MN2PR05MB6125OSEI0015@MN2PR05MB6125.namprd05.prod.outlook.com>",
        date="Wed, 18 Nov 2026 12:10:00 -0500", frm="Daniel Osei <daniel.osei@everlypension.org>",
        subject=RE_CAMPAIGN, orig=1015, auto=False, auth_domain="everlypension.org",
        quote=Quote("outlook", "Daniel Osei", "daniel.osei@everlypension.org"),
        body="Hi,\n\nA quick update for your records: I have been appointed Chief Information Officer of\n"
             "Everly Pension Fund, effective 1 November 2026. Please update my title.\n\nDaniel Osei",
    ),
    Reply(
        "16_email_update_on_inactive.eml", mid="<DS0PR01MB8002PETROVA16@DS0PR01MB8002.namprd01.prod.outlook.com>",
        date="Tue, 17 Nov 2026 10:00:00 -0500", frm="Nina Petrova <nina.petrova@acme.com>",
        subject=AUTOMATIC_REPLY, orig=1016, auth_domain="acme.com",
        body="Please note my new email address is npetrova@acme.com. Kindly update your distribution list.",
    ),
    Reply(
        "17_title_update_no_cupola.eml", mid="<CY4PR09MB2285MALHOTRA17@CY4PR09MB2285.namprd09.prod.outlook.com>",
        date="Thu, 19 Nov 2026 13:14:00 -0500", frm="Raj Malhotra <raj.malhotra@ironbridge-sec.com>",
        subject=RE_CAMPAIGN, orig=1017, auto=False, auth_domain="ironbridge-sec.com", quote=GMAIL_QUOTE,
        body="Thanks for the outlook. For your records, I have been promoted to Head of Credit Research\n"
             "at Ironbridge Securities.\n\nRaj",
    ),
    Reply(
        "18_replacement_one_alternate.eml", mid="<BL1PR13MB4970SMITH0018@BL1PR13MB4970.namprd13.prod.outlook.com>",
        date="Mon, 16 Nov 2026 09:01:30 -0500", frm="Jane Smith <jane.smith@acme.com>",
        subject=AUTOMATIC_REPLY, orig=1018, auth_domain="acme.com",
        body="Thank you for your email. Jane Smith has left Acme Corp and is no longer with the company.\n"
             "Please contact John Doe, Head of Research, at john.doe@acme.com.",
    ),
    Reply(
        "19_replacement_own_domain_only.eml", mid="<GV0P278MB0719GRANT0019@GV0P278MB0719.CHEP278.PROD.OUTLOOK.COM>",
        date="Mon, 16 Nov 2026 15:03:00 +0100", frm="Oliver Grant <oliver.grant@juniperfo.ch>",
        subject=AUTOMATIC_REPLY, orig=1019, auth_domain="juniperfo.ch",
        body="Oliver Grant has left Juniper Family Office. For questions about your research service\n"
             "please contact Emma Lewis at emma.lewis@example-research.com.",
    ),
    Reply(
        "20_ooo_with_return_date.eml", mid="<SJ0PR03MB6360WHITMAN20@SJ0PR03MB6360.namprd03.prod.outlook.com>",
        date="Mon, 16 Nov 2026 09:00:40 -0500", frm="Sarah Whitman <sarah.whitman@borealis-capital.com>",
        subject=AUTOMATIC_REPLY, orig=1020, auth_domain="borealis-capital.com",
        extra={"X-Auto-Response-Suppress": "All"},
        body="Thank you for your email. I am out of the office until Monday 7 December 2026 with limited\n"
             "access to email. For urgent matters please call the Borealis rates desk.\n\nSarah Whitman",
    ),
    Reply(
        "21_ooo_without_date.eml", mid="<LO6P265MB6122BECKER21@LO6P265MB6122.GBRP265.PROD.OUTLOOK.COM>",
        date="Mon, 16 Nov 2026 09:00:55 +0000", frm="Tom Becker <tom.becker@fairhavenbank.co.uk>",
        subject="Out of Office: " + CAMPAIGN_SUBJECT, orig=1021, auth_domain="fairhavenbank.co.uk",
        body="I am currently out of the office with limited access to email. I will respond to your\n"
             "message as soon as possible on my return.\n\nTom Becker",
    ),
    Reply(
        "24_ambiguous_cupola_shared_mailbox.eml", mid="<LO3P265MB2001DESK0024@LO3P265MB2001.GBRP265.PROD.OUTLOOK.COM>",
        date="Mon, 16 Nov 2026 09:06:00 +0000", frm="Research Desk <research-desk@dunmore-am.com>",
        subject=AUTOMATIC_REPLY, orig=1024, auth_domain="dunmore-am.com",
        body="Please note that this mailbox is no longer monitored: the person you are trying to reach\n"
             "has left Dunmore Asset Management.",
    ),
    Reply(
        "25_inactive_retired_multipub_ambiguous.eml",
        mid="<MW4PR15MB5128JENSEN25@MW4PR15MB5128.namprd15.prod.outlook.com>",
        date="Mon, 16 Nov 2026 09:03:00 -0500", frm="Laura Jensen <laura.jensen@ironbridge-sec.com>",
        subject=AUTOMATIC_REPLY, orig=1025, auth_domain="ironbridge-sec.com",
        body="Thank you for your email. I have now retired from Ironbridge Securities and this mailbox will be\n"
             "closed at the end of the month.\n\nLaura Jensen",
    ),
    Reply(
        "26_spoofed_sender_left.eml", mid="<e1f0b7a2-26aa-4c1e-9d33-77b0c0ffee26@bulk-sender.example>",
        date="Thu, 19 Nov 2026 22:41:07 +0000", frm="Ethan Brooks <ethan.brooks@ironbridge-sec.com>",
        subject=RE_CAMPAIGN, orig=1026, auto=False, prefix=_SPOOFED_TRAIL,
        body="Hello,\n\nI have left Ironbridge Securities. Please remove me from all your lists and\n"
             "delete my details from your CRM.\n\nEthan Brooks",
    ),
    Reply(
        "27_relay_autoreply_true_sender_quoted.eml", mid="<relay.20261116.0027.a9f3@relay.crestline-ins.com>",
        date="Mon, 16 Nov 2026 09:07:00 -0500", frm="Crestline Mail Gateway <no-reply@relay.crestline-ins.com>",
        subject=AUTOMATIC_REPLY, orig=1027, auth_domain="relay.crestline-ins.com",
        extra={"Precedence": "auto_reply"},
        quote=Quote("outlook", "Grace Lindqvist", "grace.lindqvist@crestline-ins.com"),
        body="This is an automated response on behalf of the recipient of your message.\n\n"
             "Grace Lindqvist has retired from Crestline Insurance and no longer receives email at this address.",
    ),
    Reply(
        "28_duplicate_message_id_a.eml", mid="<OOO-7781.Fischer@Mail.GraniteRidge.com>",
        date="Mon, 16 Nov 2026 08:01:00 -0600", frm="Noah Fischer <noah.fischer@graniteridge.com>",
        subject=AUTOMATIC_REPLY, orig=1028, auth_domain="graniteridge.com", body=_NOAH_OOO,
    ),
    Reply(
        "29_duplicate_message_id_b.eml", mid="  ooo-7781.fischer@mail.graniteridge.com",
        date="Mon, 16 Nov 2026 08:01:00 -0600", frm="Noah Fischer <noah.fischer@graniteridge.com>",
        subject=AUTOMATIC_REPLY, orig=1028, auth_domain="graniteridge.com", body=_NOAH_OOO,
    ),
    Reply(
        "32_ooo_german_return_date.eml", mid="<FR3P281MB1532RICHTER32@FR3P281MB1532.DEUP281.PROD.OUTLOOK.COM>",
        date="Mon, 16 Nov 2026 10:00:20 +0100", frm="Klaus Richter <klaus.richter@rheinland-vers.de>",
        subject="Automatische Antwort: " + CAMPAIGN_SUBJECT, orig=1032, auth_domain="rheinland-vers.de",
        body="Vielen Dank für Ihre Nachricht. Ich bin bis einschließlich Freitag, 4. Dezember 2026 nicht im Büro\n"
             "und ab Montag, 7. Dezember 2026 wieder erreichbar. Ihre E-Mail wird nicht weitergeleitet.\n\n"
             "Mit freundlichen Grüßen\nKlaus Richter",
    ),
    Reply(
        "33_undetermined_sender_gateway.eml", mid="<gw-20261116-0033-77c1@mailgw.halcyon-re.com>",
        date="Mon, 16 Nov 2026 05:02:00 -0400", frm="Halcyon Re Mail Gateway <no-reply@mailgw.halcyon-re.com>",
        subject="Automatic reply", orig=1033, auth_domain="mailgw.halcyon-re.com",
        body="The person you are trying to reach is no longer with Halcyon Re. Your message has not been\n"
             "delivered to them and this notification cannot be replied to.",
    ),
)
