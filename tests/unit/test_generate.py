"""The scale generator and the hand-made demo set (DESIGN §3 layout)."""

from __future__ import annotations

import csv
import email
import email.policy
import hashlib
import json
from argparse import Namespace
from datetime import date
from pathlib import Path

import pytest

from autoresponder.generate import generate, generate_main
from autoresponder.generate_data.demo import write_demo
from autoresponder.generate_data.sfid import to18
from autoresponder.mime import normalize_message_id, parse_message

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / "seeds"

# DESIGN §3, spelled out independently of the generator's own constant
SECTION3 = {
    "cupola/persons.csv": "person_id, first_name, last_name, email, phone",
    "cupola/orgs.csv": "org_id, org_name, website_domain",
    "cupola/org_persons.csv": "org_person_id, person_id, org_id, position, email, status, status_change_date",
    "multipub/subscriptions.csv": "subscription_id, subscriber_id, email, first_name, last_name, company, "
                                  "product_code, subscription_type, status, start_date, end_date, last_issue_date",
    "hodor/prospects.csv": "prospect_id, first_name, last_name, email, phone, company, title, status",
    "sfmc/suppressions.csv": "email, list_name, reason, added_at",
    "salesforce/Account.csv": "Id, Name",
    "salesforce/Contact.csv": "Id, FirstName, LastName, Email, Title, AccountId, Contact_Status__c, LastModifiedDate",
    "salesforce/Lead.csv": "Id, FirstName, LastName, Email, Title, Company, Status, LastModifiedDate",
}
DETERMINATIONS = {"ACTIVE", "INACTIVE", "EMAIL_UPDATE", "TITLE_UPDATE", "REPLACEMENT", "BOUNCE",
                  "OUT_OF_OFFICE", "UNKNOWN"}


def _digest(root: Path) -> dict[str, str]:
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def _header(path: Path) -> list[str]:
    with path.open(newline="", encoding="utf-8") as fh:
        return next(csv.reader(fh))


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    out = tmp_path_factory.mktemp("gen") / "src"
    summary = generate(out, 1500, seed=11)
    return out, summary


def test_people_sets_the_population_behind_the_contact_systems(tmp_path: Path) -> None:
    default = generate(tmp_path / "a", 40, seed=1)
    fewer = generate(tmp_path / "b", 40, seed=1, people=100)
    assert default["people"] == int(40 * 6.6) and fewer["people"] == 100
    assert fewer["rows"]["cupola/persons.csv"] < default["rows"]["cupola/persons.csv"]


def test_same_seed_same_bytes(tmp_path: Path) -> None:
    generate(tmp_path / "a", 400, seed=5)
    generate(tmp_path / "b", 400, seed=5)
    generate(tmp_path / "c", 400, seed=6)
    a, b, c = _digest(tmp_path / "a"), _digest(tmp_path / "b"), _digest(tmp_path / "c")
    assert a == b
    assert a != c


def test_regenerating_into_same_dir_replaces_emails(tmp_path: Path) -> None:
    generate(tmp_path / "a", 200, seed=5)
    generate(tmp_path / "a", 50, seed=5)
    assert len(list((tmp_path / "a" / "emails").glob("*.eml"))) == 50


def test_layout_and_headers_match_section3(small: tuple[Path, dict]) -> None:
    out, _ = small
    for rel, cols in SECTION3.items():
        assert _header(out / rel) == [c.strip() for c in cols.split(",")], rel


def test_counts(small: tuple[Path, dict]) -> None:
    out, summary = small
    files = sorted((out / "emails").glob("*.eml"))
    assert len(files) == 1500 == summary["emails"]
    expected = _rows(out / "expected.csv")
    assert [r["file"] for r in expected] == [f.name for f in files]
    assert sum(summary["determinations"].values()) == 1500
    assert set(summary["determinations"]) == DETERMINATIONS
    for rel, n in summary["rows"].items():
        assert len(_rows(out / rel)) == n, rel
    # the ~6x Salesforce Contacts ratio used for the 600k-contact scale run
    assert summary["rows"]["salesforce/Contact.csv"] > 4 * 1500
    assert summary["distinct_message_ids"] == len({r["message_id"] for r in expected})
    assert summary["distinct_message_ids"] < 1500  # some duplicate Message-IDs


def test_proportions(small: tuple[Path, dict]) -> None:
    _, summary = small
    d = summary["determinations"]
    share = {k: v / 1500 for k, v in d.items()}
    assert 0.28 < share["OUT_OF_OFFICE"] < 0.42
    assert 0.19 < share["BOUNCE"] < 0.31
    assert 0.12 < share["INACTIVE"] < 0.24  # left/retired/... plus own-domain replacements
    assert 0.04 < share["REPLACEMENT"] < 0.10
    assert 0.04 < share["EMAIL_UPDATE"] + share["TITLE_UPDATE"] < 0.12
    for k in ("ACTIVE", "UNKNOWN"):
        assert 0.02 < share[k] < 0.09
    states = summary["cupola_states"]
    for s in ("active", "inactive", "none", "no_contact", "ambiguous"):
        assert states.get(s, 0) > 0, s


def test_every_message_parses(small: tuple[Path, dict]) -> None:
    out, _ = small
    for row in _rows(out / "expected.csv"):
        raw = (out / "emails" / row["file"]).read_bytes()
        flags = row["flags"].split()
        if "empty" in flags:
            assert raw == b""
            continue
        msg = email.message_from_bytes(raw, policy=email.policy.default)
        assert normalize_message_id(str(msg["Message-ID"])) == row["message_id"]
        assert msg["From"] and msg["Date"] and msg["Subject"]
        pe = parse_message(raw)
        assert pe.message_id == row["message_id"]
        if "malformed" in flags:
            assert pe.parse_error
        else:
            assert pe.parse_error is None, (row["file"], pe.parse_error)
            assert pe.text.strip()
        assert row["determination"] in DETERMINATIONS


def test_bounces_are_rfc3464_reports(small: tuple[Path, dict]) -> None:
    out, _ = small
    seen = 0
    for row in _rows(out / "expected.csv"):
        if row["determination"] != "BOUNCE" or "dsn" not in row["flags"] or "malformed" in row["flags"]:
            continue
        msg = email.message_from_bytes((out / "emails" / row["file"]).read_bytes(), policy=email.policy.default)
        assert msg.get_content_type() == "multipart/report"
        assert msg.get_param("report-type") == "delivery-status"
        ds = [p for p in msg.walk() if p.get_content_type() == "message/delivery-status"]
        assert len(ds) == 1
        fields = {k.lower(): str(v) for blk in ds[0].get_payload() for k, v in blk.items()}
        assert fields["final-recipient"].split(";")[1].strip() == row["lookup_email"]
        assert fields["status"] == row["bounce_status"]
        assert fields["status"][0] == ("5" if row["reason"] == "hard" else "4")
        assert "diagnostic-code" in fields
        seen += 1
    assert seen > 50


def test_salesforce_ids_and_references(small: tuple[Path, dict]) -> None:
    out, _ = small
    accounts = {r["Id"] for r in _rows(out / "salesforce/Account.csv")}
    for rel, prefix in (("salesforce/Account.csv", "001"), ("salesforce/Contact.csv", "003"),
                        ("salesforce/Lead.csv", "00Q")):
        ids = [r["Id"] for r in _rows(out / rel)]
        assert len(ids) == len(set(ids))
        for i in ids:
            assert len(i) == 18 and i.startswith(prefix) and to18(i[:15]) == i
    for c in _rows(out / "salesforce/Contact.csv"):
        assert c["AccountId"] in accounts
        assert c["Contact_Status__c"] in ("Active", "Inactive")
    orgs = {r["org_id"] for r in _rows(out / "cupola/orgs.csv")}
    persons = {r["person_id"] for r in _rows(out / "cupola/persons.csv")}
    for op in _rows(out / "cupola/org_persons.csv"):
        assert op["org_id"] in orgs and op["person_id"] in persons
        assert op["status"] in ("Active", "Inactive")


def test_cupola_state_labels_agree_with_csvs(small: tuple[Path, dict]) -> None:
    out, _ = small
    rows: dict[str, list[dict[str, str]]] = {}
    for op in _rows(out / "cupola/org_persons.csv"):
        rows.setdefault(op["email"].strip().lower(), []).append(op)
    for r in _rows(out / "expected.csv"):
        state, e = r["cupola_state"], r["lookup_email"]
        if not e:
            continue
        active = {op["person_id"] for op in rows.get(e, []) if op["status"] == "Active"}
        got = ("ambiguous" if len(active) > 1 else "active" if active else
               "inactive" if rows.get(e) else None)
        if state in ("active", "inactive", "ambiguous"):
            assert got == state, (r["file"], e, state, got)
        else:
            assert got is None, (r["file"], e, state, got)


def test_multipub_windows_avoid_the_12_month_edge(small: tuple[Path, dict]) -> None:
    out, _ = small
    as_of = date(2026, 11, 25)
    for s in _rows(out / "multipub/subscriptions.csv"):
        assert s["subscription_type"] in ("recurring", "single_issue")
        assert s["status"] in ("active", "expired", "cancelled")
        if s["status"] == "expired":
            age = (as_of - date.fromisoformat(s["end_date"])).days
            assert not 350 < age < 380, s


def test_as_of_moves_the_dates(tmp_path: Path) -> None:
    generate(tmp_path / "a", 100, seed=3, as_of=date(2030, 1, 15))
    dates = [date.fromisoformat(r["end_date"]) for r in _rows(tmp_path / "a/multipub/subscriptions.csv")]
    assert max(dates) > date(2029, 6, 1)


def test_generate_main_prints_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert generate_main(Namespace(out=str(tmp_path / "g"), emails=40, seed=2)) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["emails"] == 40 and "wall_s" in summary


def test_generate_main_takes_the_population_size(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert generate_main(Namespace(out=str(tmp_path / "g"), emails=40, seed=2, people=120)) == 0
    assert json.loads(capsys.readouterr().out)["people"] == 120


# ---- the hand-made demo set -----------------------------------------------------------------


def test_demo_writer_reproduces_checked_in_seeds(tmp_path: Path) -> None:
    write_demo(tmp_path / "seeds")
    ours = _digest(tmp_path / "seeds")
    theirs = {k: v for k, v in _digest(SEEDS).items() if k != "README.md"}
    assert ours == theirs


def test_seeds_headers_and_expected() -> None:
    for rel, cols in SECTION3.items():
        assert _header(SEEDS / rel) == [c.strip() for c in cols.split(",")], rel
    expected = _rows(SEEDS / "expected.csv")
    files = sorted(p.name for p in (SEEDS / "emails").glob("*.eml"))
    assert [r["file"] for r in expected] == files
    outcomes = {"auto_update", "confirm_only", "manual_review", "record_only", "skipped_unknown",
                "skipped_no_contact", "not_landed_separately"}
    reasons = {"", "ACTIVE_NEW_CONTACT", "REACTIVATION_CANDIDATE", "UPDATE_ON_INACTIVE", "OUT_OF_OFFICE",
               "BOUNCE", "AMBIGUOUS_MATCH", "SENDER_NOT_AUTHENTICATED", "IDENTITY_MISMATCH"}
    for r in expected:
        pe = parse_message((SEEDS / "emails" / r["file"]).read_bytes())
        assert pe.message_id == r["message_id"], r["file"]
        assert r["expected_outcome"] in outcomes
        assert r["review_reason"] in reasons
        assert r["determination"] in DETERMINATIONS
        assert bool(pe.parse_error) == (r["parse_error"] == "expected"), r["file"]
    # every review reason and every outcome is exercised
    assert {r["review_reason"] for r in expected} == reasons
    assert {r["expected_outcome"] for r in expected} == outcomes
