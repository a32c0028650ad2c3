"""Write the adversarial safety world (world_cases) as a DESIGN §3 source directory.

    python -m autoresponder.safety.build_world OUT_DIR

Deterministic: the same cases give byte-identical files.
"""

from __future__ import annotations

import csv
import email
import email.policy
import hashlib
import pathlib
import sys
from datetime import datetime, timedelta, timezone
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime

from autoresponder.generate_data.sfid import sf_id
from autoresponder.safety.world_cases import (
    CAMPAIGN,
    CASES,
    EXPECTS,
    HISTORY,
    LANGS,
    MULTIPUB,
    ORGS,
    OUR_ADDRESS,
    PEOPLE,
    SUPPRESSIONS,
    Case,
    Person,
)

RECEIVER = "mx.example-research.com"
ORG = {o.key: o for o in ORGS}
PERSON = {p.key: p for p in PEOPLE}
_PHONE = {"acme": "+1 212 555 0", "borealis": "+1 646 555 0", "halvorsen": "+44 20 7946 0",
          "everly": "+1 617 555 0", "nordlicht": "+49 40 555 0", "kestrel": "+41 44 555 0",
          "lacroix": "+33 1 55 55 0", "alcazar": "+34 91 555 0", "serravalle": "+39 02 555 0",
          "dijkstra": "+31 20 555 0", "tejo": "+351 21 555 0", "sakura": "+81 3 5555 0"}
_TZ = {"en": -5, "de": 1, "fr": 1, "es": 1, "it": 1, "nl": 1, "pt": 0, "ja": 9}
_AUTO_SUBJECT = {
    "en": ("Automatic reply: ", "Out of Office: "), "de": ("Automatische Antwort: ", "Abwesenheitsnotiz: "),
    "fr": ("Réponse automatique : ",), "es": ("Respuesta automática: ",), "it": ("Risposta automatica: ",),
    "nl": ("Automatisch antwoord: ",), "pt": ("Resposta automática: ",), "ja": ("自動応答: ", "Re: "),
}
_HUMAN_SUBJECT = {"en": "RE: ", "de": "AW: ", "fr": "RE : ", "es": "RE: ", "it": "R: ", "nl": "Antw: ",
                  "pt": "RE: ", "ja": "Re: "}
_ENC = {"utf8-8bit": ("utf-8", "8bit"), "utf8-qp": ("utf-8", "quoted-printable"),
        "utf8-b64": ("utf-8", "base64"), "latin1-qp": ("iso-8859-1", "quoted-printable"),
        "latin1-8bit": ("iso-8859-1", "8bit"), "jis": ("iso-2022-jp", "7bit")}
_ENC_CYCLE = ("utf8-8bit", "utf8-qp", "latin1-qp", "utf8-b64", "latin1-8bit", "utf8-8bit")
_ENC_CYCLE_JA = ("utf8-b64", "jis", "utf8-8bit")
_SPOOF_AUTH = {"fail", "quarantine", "softfail", "spf_fail", "unaligned", "forged_lower", "forged_foreign",
               "forged_arc"}


def _h(*parts: object) -> str:
    return hashlib.sha256("|".join(map(str, parts)).encode()).hexdigest()


def _write_csv(path: pathlib.Path, header: list[str], rows: list[list[object]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


# ------------------------------------------------------------------------------------ checks
def check_cases(cases: tuple[Case, ...] = CASES) -> None:
    """Fail loudly on an inconsistent case table (unknown keys, TP on a foreign domain, ...)."""
    ids = [c.id for c in cases]
    assert len(ids) == len(set(ids)), "duplicate case ids"
    tp_people: set[str] = set()
    for c in cases:
        assert c.lang in LANGS and c.expect in EXPECTS, c.id
        p = PERSON[c.person]
        if c.expect != "none":
            assert not c.frm and c.auth == "pass" and c.person not in tp_people, c.id
            tp_people.add(c.person)
            assert bool(c.new) == (c.expect != "inactivate"), c.id
        if c.expect == "update_email":
            org = ORG[p.org]
            assert c.new.split("@")[1] in (org.domain, org.website) and c.new != p.email, c.id
        if c.cls in ("forged_relay", "lookalike_sender"):
            assert c.frm and c.frm.split("@")[1] != p.email.split("@")[1], c.id
        if c.cls == "spoofed_auth":
            assert c.auth in _SPOOF_AUTH, c.id


# ------------------------------------------------------------------------------------ CSVs
def write_tables(out: pathlib.Path) -> None:
    org_sfid = {o.key: sf_id("001", 500 + o.org_id) for o in ORGS}
    _write_csv(out / "cupola/orgs.csv", ["org_id", "org_name", "website_domain"],
               [[o.org_id, o.name, o.website] for o in ORGS])
    phone = {p.key: f"{_PHONE[p.org]}{p.person_id % 1000:03d}" for p in PEOPLE}
    _write_csv(out / "cupola/persons.csv", ["person_id", "first_name", "last_name", "email", "phone"],
               [[p.person_id, p.first, p.last, p.email, phone[p.key]] for p in PEOPLE])
    op_rows: list[list[object]] = []
    for i, p in enumerate(PEOPLE):
        since = f"20{14 + i % 11:02d}-{1 + i % 12:02d}-{1 + i % 27:02d}"
        op_rows.append([7000 + i + 1, p.person_id, ORG[p.org].org_id, p.position, p.email, "Active", since])
    for j, (key, org, position, addr, when) in enumerate(HISTORY):
        op_rows.append([7900 + j + 1, PERSON[key].person_id, ORG[org].org_id, position, addr, "Inactive", when])
    _write_csv(out / "cupola/org_persons.csv",
               ["org_person_id", "person_id", "org_id", "position", "email", "status", "status_change_date"],
               op_rows)

    _write_csv(out / "salesforce/Account.csv", ["Id", "Name"], [[org_sfid[o.key], o.name] for o in ORGS])
    contacts, leads = [], []
    for i, p in enumerate(PEOPLE):
        modified = f"2026-{1 + i % 10:02d}-{1 + i % 28:02d}T{8 + i % 9:02d}:{i * 7 % 60:02d}:00.000+0000"
        # a few stored in mixed case, as real CRMs do
        sf_email = p.email if i % 9 else p.email.split("@")[0].title() + "@" + p.email.split("@")[1]
        if p.crm == "Lead":
            status = ("Working - Contacted", "Open - Not Contacted")[i % 2]
            leads.append([sf_id("00Q", 900 + i), p.first, p.last, sf_email, p.position, ORG[p.org].name,
                          status, modified])
        else:
            contacts.append([sf_id("003", 700 + i), p.first, p.last, sf_email, p.position, org_sfid[p.org],
                             "Active", modified])
    _write_csv(out / "salesforce/Contact.csv", ["Id", "FirstName", "LastName", "Email", "Title", "AccountId",
                                                "Contact_Status__c", "LastModifiedDate"], contacts)
    _write_csv(out / "salesforce/Lead.csv", ["Id", "FirstName", "LastName", "Email", "Title", "Company", "Status",
                                             "LastModifiedDate"], leads)

    _write_csv(out / "hodor/prospects.csv",
               ["prospect_id", "first_name", "last_name", "email", "phone", "company", "title", "status"],
               [[f"H-8{p.person_id:04d}", p.first, p.last, p.email, phone[p.key], ORG[p.org].name, p.position,
                 "Active"] for p in PEOPLE if p.hodor])
    mp = []
    for k, key in enumerate(MULTIPUB):
        p = PERSON[key]
        mp.append([f"S-95{k:04d}", f"MP-6{p.person_id:04d}", p.email, p.first, p.last, ORG[p.org].name,
                   "CREDIT-MONTHLY", "recurring", "active", "2026-02-01", "2027-01-31", "2026-11-01"])
    _write_csv(out / "multipub/subscriptions.csv",
               ["subscription_id", "subscriber_id", "email", "first_name", "last_name", "company", "product_code",
                "subscription_type", "status", "start_date", "end_date", "last_issue_date"], mp)
    _write_csv(out / "sfmc/suppressions.csv", ["email", "list_name", "reason", "added_at"],
               [list(r) for r in SUPPRESSIONS])


# ------------------------------------------------------------------------------------ emails
def auth_headers(variant: str, d: str) -> tuple[list[str], list[tuple[str, str]]]:
    """(values of the receiver's topmost Authentication-Results, forged headers placed lower)."""
    pass_ = f"spf=pass smtp.mailfrom={d}; dkim=pass header.d={d}; dmarc=pass header.from={d}"
    fail = f"spf=fail smtp.mailfrom={d}; dkim=none; dmarc=fail (p=REJECT sp=REJECT dis=NONE) header.from={d}"
    top = {
        "pass": pass_,
        "fail": fail,
        "quarantine": f"spf=fail smtp.mailfrom={d}; dkim=fail (signature did not verify) header.d={d}; "
                      f"dmarc=fail (p=QUARANTINE dis=QUARANTINE) header.from={d}",
        "softfail": f"spf=softfail smtp.mailfrom={d}; dkim=none; dmarc=fail (p=NONE dis=NONE) header.from={d}",
        "spf_fail": f"spf=fail smtp.mailfrom={d}; dkim=none; dmarc=none header.from={d}",
        "unaligned": "spf=pass smtp.mailfrom=bounces.mailer-cloud.net; dkim=pass header.d=mailer-cloud.net; "
                     f"dmarc=fail (p=REJECT dis=NONE) header.from={d}",
        "forged_lower": fail, "forged_foreign": fail, "forged_arc": fail,
    }
    lower = {
        "forged_lower": [("Authentication-Results", f"{RECEIVER}; {pass_}")],
        "forged_foreign": [("Authentication-Results", f"mail.{d}; {pass_}")],
        "forged_arc": [("ARC-Authentication-Results", f"i=1; mx.microsoft-relay.net; {pass_}"),
                       ("ARC-Seal", f"i=1; a=rsa-sha256; d={d}; s=arc-2026; cv=none; b=Zm9yZ2Vk")],
    }
    if variant == "none":
        return [], []
    return [f"{RECEIVER}; {top[variant]}"], lower.get(variant, [])


def _encoding(case: Case, i: int) -> tuple[str, str]:
    name = case.enc or (_ENC_CYCLE_JA if case.lang == "ja" else _ENC_CYCLE)[i % 3 if case.lang == "ja" else i % 6]
    charset, cte = _ENC[name]
    try:
        case.body.encode(charset)
        if case.html:
            case.html.encode(charset)
    except UnicodeEncodeError:
        charset, cte = ("utf-8", "quoted-printable")
    return charset, cte


def build_message(case: Case, i: int) -> EmailMessage:
    p: Person = PERSON[case.person]
    frm = case.frm or p.email
    d = frm.split("@")[1]
    h = _h(case.id, frm)
    tz = timezone(timedelta(hours=_TZ[case.lang]))
    when = datetime(2026, 11, 16 + i % 9, 7 + i % 12, (i * 13) % 60, (i * 29) % 60, tzinfo=tz)
    spoof = case.auth in _SPOOF_AUTH
    ip = f"198.51.100.{10 + i % 200}" if spoof else f"203.0.113.{10 + i % 200}"
    relay = f"unknown [{ip}]" if spoof else f"mail.{d} [{ip}]"

    msg = EmailMessage(policy=email.policy.SMTP)
    top, lower = auth_headers(case.auth, d)
    for v in top:
        msg["Authentication-Results"] = v
    msg["Received"] = (f"from mail.{d} ({relay}) by {RECEIVER} (Postfix) with ESMTPS id {h[:11].upper()}; "
                       f"{format_datetime(when + timedelta(seconds=3))}")
    for name, v in lower:
        msg[name] = v
    msg["Message-ID"] = f"<{h[:16]}.{case.id}@mail.{d}>"
    msg["Date"] = format_datetime(when)
    name = case.name or p.display or f"{p.first} {p.last}"
    msg["From"] = Address(display_name=name, addr_spec=frm)
    msg["To"] = Address(display_name="Example Research", addr_spec=OUR_ADDRESS)
    if case.subject:
        subject = case.subject
    elif case.auto:
        prefixes = _AUTO_SUBJECT[case.lang]
        subject = prefixes[i % len(prefixes)] + CAMPAIGN
    else:
        subject = _HUMAN_SUBJECT[case.lang] + CAMPAIGN
    msg["Subject"] = subject
    orig = f"<20261116.Q4OUTLOOK.{p.person_id}@mail.example-research.com>"
    msg["In-Reply-To"] = orig
    msg["References"] = orig
    if case.auto:
        style = i % 4
        if style == 0:
            msg["Auto-Submitted"] = "auto-replied"
            msg["X-Autoreply"] = "yes"
        elif style == 1:
            msg["X-Auto-Response-Suppress"] = "All"
            msg["X-MS-Exchange-Inbox-Rules-Loop"] = frm
        elif style == 2:
            msg["Auto-Submitted"] = "auto-replied"
            msg["Precedence"] = "auto_reply"
    for name_, v in case.extra:
        msg[name_] = v
    charset, cte = _encoding(case, i)
    msg.set_content(case.body + "\n", charset=charset, cte=cte)
    if case.html:
        msg.add_alternative(f"<html><body>{case.html}</body></html>\n", subtype="html", charset=charset,
                            cte=cte)
        msg.set_boundary(f"=_ar_{h[:24]}")  # deterministic output
    return msg


def _check_roundtrip(raw: bytes, case: Case) -> None:
    back = email.message_from_bytes(raw, policy=email.policy.default)
    part = back.get_body(("plain",))
    assert part is not None and part.get_content().replace("\r\n", "\n").strip() == case.body.strip(), case.id
    assert back["Message-ID"] and back["From"].addresses[0].addr_spec, case.id


# ------------------------------------------------------------------------------------ world
def build_world(out_dir: pathlib.Path) -> pathlib.Path:
    """Write the whole source directory (DESIGN §3 layout + expected.csv) under `out_dir`."""
    out = pathlib.Path(out_dir)
    check_cases()
    write_tables(out)
    emails = out / "emails"
    emails.mkdir(parents=True, exist_ok=True)
    for old in emails.glob("*.eml"):
        old.unlink()
    rows = []
    for i, case in enumerate(CASES):
        raw = build_message(case, i).as_bytes(policy=email.policy.SMTP)
        _check_roundtrip(raw, case)
        fname = f"{case.id}.eml"
        (emails / fname).write_bytes(raw)
        rows.append([case.id, fname, case.lang, case.cls, case.expect, PERSON[case.person].email.lower(),
                     case.new, case.notes])
    _write_csv(out / "expected.csv", ["case_id", "file", "lang", "cls", "expect", "person_email", "new_value",
                                      "notes"], rows)
    return out


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m autoresponder.safety.build_world OUT_DIR", file=sys.stderr)
        return 2
    out = build_world(pathlib.Path(args[0]))
    print(f"{len(CASES)} cases written to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
