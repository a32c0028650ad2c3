"""What a correct pipeline must do with each demo reply: the rows of `seeds/expected.csv`.

Each row: file, determination, reason, lookup_email, expected_outcome, review_reason, rule (the
DESIGN section it exercises) and notes. The builder adds the message id it parsed and
`parse_error` ("expected" for the files in `PARSE_ERROR_FILES`).
"""

from __future__ import annotations

EXPECTED_COLUMNS = ["file", "message_id", "determination", "reason", "lookup_email", "expected_outcome",
                    "review_reason", "rule", "notes", "parse_error"]

PARSE_ERROR_FILES = frozenset({"30_malformed_mime_broken_boundary.eml", "31_empty_file.eml"})

EXPECTED = [
    ("01_unknown_ticket_receipt.eml", "UNKNOWN", "llm_unavailable", "paul.unger@acme.com", "skipped_unknown", "",
     "§5 UNKNOWN",
     "an automatic ticket receipt from Paul's mailbox that says nothing about Paul (offline llm_unavailable, with "
     "the LLM unclear). Not looked up even though Paul has an active CUPOLA row; no actions; counter "
     "skipped_unknown_determination. (A person's own plain answer would be ACTIVE, a live acknowledgement.)"),
    ("02_no_contact_left.eml", "INACTIVE", "left", "dana.whitfield@quarrylabs.io", "skipped_no_contact", "",
     "§5 any / no match", "address in no system (CUPOLA, Hodor, Multipub, Salesforce, SFMC); counter skipped_no_contact"),
    ("03_active_still_with_firm.eml", "ACTIVE", "still_active", "ben.carter@borealis-capital.com", "confirm_only", "",
     "§5 ACTIVE active",
     "From header in mixed case (Ben.Carter@Borealis-Capital.com); CUPOLA op 5003 active -> confirm_active, "
     "no write in any system; Hodor no row"),
    ("04_active_not_in_cupola.eml", "ACTIVE", "still_active", "chloe.adams@juniperfo.ch", "manual_review",
     "ACTIVE_NEW_CONTACT", "§5 ACTIVE none",
     "in Hodor H-70004 and a Salesforce Lead only; inactive_no_cupola_match document; never auto-created in CUPOLA"),
    ("05_active_reactivation_candidate.eml", "ACTIVE", "still_active", "marcus.lee@kestrelwealth.com",
     "manual_review", "REACTIVATION_CANDIDATE", "§5 ACTIVE inactive; §6 reactivation off",
     "CUPOLA op 5005 Inactive since 2025-06-30; inactive_no_cupola_match document; no CUPOLA reactivation; "
     "Salesforce Contact stays Inactive (reactivation flag off)"),
    ("06_inactive_left_all_systems.eml", "INACTIVE", "left", "priya.nair@everlypension.org", "auto_update", "",
     "§5 INACTIVE active; §6 Contact+Lead flip",
     "CUPOLA MarkPersonInactive op 5006 only (5106 at Kestrel already Inactive; CUPOLA email stored mixed case); "
     "Hodor Prospect Import row H-70006; Salesforce Contact 003..6 -> Contact_Status__c=Inactive (not "
     "Multipub-linked) and Lead 00Q..6 (email upper case) -> Status=Inactive; no Multipub record -> no "
     "multipub_audit; suppression row for Marketing"),
    ("07_inactive_retired_multipub_active.eml", "INACTIVE", "retired", "margaret.ellis@crestline-ins.com",
     "auto_update", "", "§5 INACTIVE active; §6 Multipub skip; §7 active subscription",
     "CUPOLA MarkPersonInactive op 5007; Hodor row H-70007; Salesforce Contact skipped (Multipub/Marketing owns "
     "this contact); multipub_audit row (active subscription S-900701); Multipub never written; suppression row"),
    ("08_inactive_deceased_multipub_expired_6m.eml", "INACTIVE", "deceased", "robert.hale@dunmore-am.com",
     "auto_update", "", "§5 INACTIVE active (deceased); §7 expired within 12 months",
     "CUPOLA MarkPersonInactive op 5008; not in Hodor -> no Hodor row; Salesforce Contact (email mixed case) "
     "skipped as Multipub-linked; multipub_audit row (S-900801 expired 2026-05-25, 6 months before as-of); "
     "suppression row"),
    ("09_inactive_left_multipub_single_issue.eml", "INACTIVE", "left", "fiona.walsh@fairhavenbank.co.uk",
     "auto_update", "", "§5 INACTIVE active; §7 single-issue within 12 months",
     "CUPOLA MarkPersonInactive op 5009; no Salesforce, no Hodor; multipub_audit row (single-issue S-900901 "
     "bought 2026-08-25, 3 months before as-of; its end_date is also within 12 months)"),
    ("10_inactive_retired_multipub_expired_2y.eml", "INACTIVE", "retired", "george.whitaker@halcyon-re.com",
     "auto_update", "", "§5 INACTIVE active; §7 expired > 12 months (not flagged); §6 Leads never Multipub-skipped",
     "CUPOLA MarkPersonInactive op 5010; Multipub S-901001 expired 2024-10-31 -> NOT flagged, no multipub_audit; "
     "Salesforce Lead 00Q..10 -> Status=Inactive even though a Multipub subscription exists for the email"),
    ("11_inactive_already_inactive_everywhere.eml", "INACTIVE", "left", "irene.novak@borealis-capital.com",
     "record_only", "", "§5 INACTIVE inactive; §6 already in target state",
     "CUPOLA op 5011 already Inactive -> record_only (skipped_already_inactive_at_org) for CUPOLA and Hodor "
     "(H-70011); Salesforce Contact already Inactive -> no write; already in SFMC suppressions"),
    ("12_inactive_no_cupola_salesforce_only.eml", "INACTIVE", "left", "kevin.doyle@graniteridge.com",
     "auto_update", "", "§5 INACTIVE none; §6 Lead Disqualified",
     "not in CUPOLA -> inactive_no_cupola_match row; Salesforce Contact 003..12 (not Multipub-linked) -> "
     "Contact_Status__c=Inactive (auto); Lead 00Q..12 Status 'Disqualified' is already not active -> "
     "expected no write (see README: unsure)"),
    ("13_inactive_moved_to_other_org.eml", "INACTIVE", "moved_to_other_org", "samuel.okafor@fairhavenbank.co.uk",
     "auto_update", "", "§5 INACTIVE moved_to_other_org",
     "as INACTIVE for Fairhaven Bank: CUPOLA MarkPersonInactive op 5013, Hodor row H-70013 (email stored mixed "
     "case), Salesforce Contact -> Inactive; plus inactive_new_org row: new org 'Northwind Advisors', new email "
     "s.okafor@northwind-advisors.com, title Head of Fixed Income; nothing created for the new org"),
    ("14_email_update_multipub_linked.eml", "EMAIL_UPDATE", "new_email", "ltran@graniteridge.com", "auto_update", "",
     "§5 EMAIL_UPDATE active; §6 Multipub skip + Lead update",
     "CUPOLA OrgPersonUpdates op 5014 (@Email=lucy.tran@graniteridge.com, position null; CUPOLA email stored "
     "LTran@GraniteRidge.com); Hodor row H-70014; Salesforce Contact skipped (Multipub-linked); Salesforce Lead "
     "00Q..14 Email updated; email_update_requests row for Marketing/SFMC; Multipub not written, not audited"),
    ("15_title_update_active.eml", "TITLE_UPDATE", "new_title", "daniel.osei@everlypension.org", "auto_update", "",
     "§5 TITLE_UPDATE active; §6 active-only gate",
     "CUPOLA OrgPersonUpdates op 5015 (@Position='Chief Information Officer'); Hodor row H-70015; Salesforce "
     "Contact Title='Chief Information Officer'; no email_update_requests (not an email change)"),
    ("16_email_update_on_inactive.eml", "EMAIL_UPDATE", "new_email", "nina.petrova@acme.com", "manual_review",
     "UPDATE_ON_INACTIVE", "§5 EMAIL_UPDATE inactive; §6 active-only gate",
     "CUPOLA op 5016 Inactive -> human review; no write anywhere, in particular NOT the active Salesforce "
     "Contact 003..16 (active-only gate)"),
    ("17_title_update_no_cupola.eml", "TITLE_UPDATE", "new_title", "raj.malhotra@ironbridge-sec.com",
     "manual_review", "ACTIVE_NEW_CONTACT", "§5 TITLE_UPDATE none; §6 active-only gate",
     "only a Salesforce Lead exists; human review; Lead Title NOT updated"),
    ("18_replacement_one_alternate.eml", "REPLACEMENT", "left", "jane.smith@acme.com", "auto_update", "",
     "§5 REPLACEMENT; §6 no contact creation",
     "original follows INACTIVE active: CUPOLA MarkPersonInactive op 5018, Hodor row H-70018, Salesforce "
     "Contact -> Inactive, suppression row; alternate_contacts row {John Doe, john.doe@acme.com, Head of "
     "Research}; John Doe NOT added to CUPOLA, NO Salesforce Account/Contact create (auto_add_replacements off)"),
    ("19_replacement_own_domain_only.eml", "INACTIVE", "left", "oliver.grant@juniperfo.ch", "auto_update", "",
     "§4 post-processing: REPLACEMENT with only own-domain alternate -> INACTIVE",
     "emma.lewis@example-research.com dropped (our domain); no alternate_contacts row; then INACTIVE active: "
     "CUPOLA MarkPersonInactive op 5019; not in Hodor/Salesforce/Multipub; suppression row"),
    ("20_ooo_with_return_date.eml", "OUT_OF_OFFICE", "out_of_office", "sarah.whitman@borealis-capital.com",
     "manual_review", "OUT_OF_OFFICE", "§5 OUT_OF_OFFICE (return date)",
     "return_date 2026-12-07; out-of-office tracking row; never inactivates; no write"),
    ("21_ooo_without_date.eml", "OUT_OF_OFFICE", "out_of_office", "tom.becker@fairhavenbank.co.uk",
     "manual_review", "OUT_OF_OFFICE", "§5 OUT_OF_OFFICE (no date)", "return_date empty; no write"),
    ("22_bounce_hard_dsn.eml", "BOUNCE", "hard", "kwame.mensah@borealis-capital.com", "manual_review", "BOUNCE",
     "§5 BOUNCE hard (RFC 3464)",
     "lookup = DSN Final-Recipient (From is MAILER-DAEMON); status 5.1.1, diagnostic '550 5.1.1 ... User "
     "unknown'; undeliverables row + Marketing suppression notification; no CUPOLA/Salesforce write"),
    ("23_bounce_soft_mailbox_full.eml", "BOUNCE", "soft", "alice.moreau@halcyon-re.com", "manual_review", "BOUNCE",
     "§5 BOUNCE soft", "status 4.2.2 mailbox full; undeliverables row; no write"),
    ("24_ambiguous_cupola_shared_mailbox.eml", "INACTIVE", "left", "research-desk@dunmore-am.com", "manual_review",
     "AMBIGUOUS_MATCH", "§5 ambiguous CUPOLA match",
     "research-desk@dunmore-am.com is on two Active org-person rows (5024 Hannah Cole, 5124 Victor Lindgren); "
     "no write anywhere"),
    ("25_inactive_retired_multipub_ambiguous.eml", "INACTIVE", "retired", "laura.jensen@ironbridge-sec.com",
     "auto_update", "", "§5 INACTIVE active; §7 Multipub ambiguous; §6 Multipub skip",
     "CUPOLA MarkPersonInactive op 5025; two Multipub subscribers (MP-40025, MP-41025; one email mixed case) -> "
     "multipub_audit row (ambiguous + active); Salesforce Contact skipped (Multipub-linked); suppression row"),
    ("26_spoofed_sender_left.eml", "INACTIVE", "left", "ethan.brooks@ironbridge-sec.com", "manual_review",
     "SENDER_NOT_AUTHENTICATED", "§10 spoofed reply",
     "Authentication-Results spf=fail dkim=none dmarc=fail; active CUPOLA op 5026 and active Salesforce Contact "
     "but every write gated review; nothing written"),
    ("27_relay_autoreply_true_sender_quoted.eml", "INACTIVE", "retired", "grace.lindqvist@crestline-ins.com",
     "manual_review", "IDENTITY_MISMATCH", "§4 identify true sender behind relay; §5 IDENTITY_MISMATCH",
     "From no-reply@relay.crestline-ins.com is in no system; quoted original To: names Grace Lindqvist -> "
     "lookup grace.lindqvist@...; the person is named only through quoted text, so no write: review"),
    ("28_duplicate_message_id_a.eml", "OUT_OF_OFFICE", "out_of_office", "noah.fischer@graniteridge.com",
     "manual_review", "OUT_OF_OFFICE", "§4 dedup by Message-ID",
     "same Message-ID as file 29 (brackets/case differ, bodies identical); one landed row, one outcome row; "
     "return_date 2026-11-30"),
    ("29_duplicate_message_id_b.eml", "OUT_OF_OFFICE", "out_of_office", "noah.fischer@graniteridge.com",
     "not_landed_separately", "", "§4 dedup by Message-ID", "duplicate of file 28; no second row anywhere"),
    ("30_malformed_mime_broken_boundary.eml", "OUT_OF_OFFICE", "out_of_office", "mia.russo@acme.com",
     "manual_review", "OUT_OF_OFFICE", "§4 land malformed MIME",
     "multipart never closed (CloseBoundaryNotFoundDefect) and a truncated base64 HTML part -> lands "
     "with parse_error; the text/plain part is intact ('out of the office until 1 December 2026' -> "
     "return_date 2026-12-01); no write"),
    ("31_empty_file.eml", "UNKNOWN", "unreadable", "", "skipped_unknown", "", "§4 land empty file",
     "0 bytes; lands with parse_error 'empty file' and message_id sha256 of the empty string"),
    ("32_ooo_german_return_date.eml", "OUT_OF_OFFICE", "out_of_office", "klaus.richter@rheinland-vers.de",
     "manual_review", "OUT_OF_OFFICE", "§4 multilingual rules; §5 OUT_OF_OFFICE",
     "German Exchange auto-reply; return_date 2026-12-07 ('ab Montag, 7. Dezember 2026 wieder erreichbar')"),
    ("33_undetermined_sender_gateway.eml", "INACTIVE", "left", "no-reply@mailgw.halcyon-re.com",
     "skipped_no_contact", "", "§7 sender cannot be determined",
     "gateway notice names nobody, no quoted To/Final-Recipient -> lookup falls back to the raw sender, in no "
     "system -> skipped_no_contact; row for the Multipub reviewer (undetermined sender)"),
]
