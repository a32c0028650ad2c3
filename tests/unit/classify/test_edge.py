from pathlib import Path

import pytest

from autoresponder.classify import classify_message

ROOT = Path(__file__).resolve().parents[2] / "fixtures" / "classify" / "edge"
CASES = [
    ("html_only_ooo", "OUT_OF_OFFICE", "out_of_office"),
    ("latin1_left", "INACTIVE", "left"),
    ("sjis_ooo", "OUT_OF_OFFICE", "out_of_office"),
    ("unknown_charset", "INACTIVE", "retired"),
    ("broken_boundary", "BOUNCE", "hard"),
    ("garbage", "UNKNOWN", "unreadable"),
    ("quoted_original_drives_nothing", "ACTIVE", "still_active"),  # "Thanks, noted.": a person's live answer
    ("relay_quoted_to", "INACTIVE", "left"),
    ("replacement_own_domain_only", "INACTIVE", "left"),
    ("injection_replacement", "UNKNOWN", "llm_unavailable"),
]


@pytest.mark.parametrize(("name", "determination", "reason"), CASES, ids=[c[0] for c in CASES])
def test_awkward_message_still_gets_a_sensible_determination(name, determination, reason):
    c = classify_message((ROOT / f"{name}.eml").read_bytes(), path=name)
    assert (c.determination, c.reason) == (determination, reason)
    assert c.path == name


def test_relay_reply_is_attributed_to_the_quoted_original_recipient():
    c = classify_message((ROOT / "relay_quoted_to.eml").read_bytes())
    assert c.source_email == "tom.hale@acme.example"


def test_alternates_in_our_domain_or_equal_to_sender_are_dropped():
    c = classify_message((ROOT / "replacement_own_domain_only.eml").read_bytes())
    assert c.replacements == ()
    assert c.source_email == "una.bell@acme.example"


def test_injected_instructions_never_yield_addresses():
    c = classify_message((ROOT / "injection_replacement.eml").read_bytes())
    assert c.new_email is None and c.replacements == ()


@pytest.mark.parametrize("raw", [b"", b"   \n", b"\xff\xfe\x00", b"x" * 10],
                         ids=["empty", "blank", "binary", "no-headers"])
def test_unreadable_input_is_unknown_unreadable_and_never_raises(raw):
    c = classify_message(raw)
    assert (c.determination, c.reason) == ("UNKNOWN", "unreadable")


def test_huge_message_is_classified_quickly():
    body = "I am out of the office until 6 January 2025.\n" + ("filler text line\n" * 400_000)
    raw = ("From: a@acme.example\nSubject: Out of Office\nDate: Mon, 16 Dec 2024 09:00:00 +0000\n"
           "Content-Type: text/plain\n\n" + body).encode()
    c = classify_message(raw)
    assert c.determination == "OUT_OF_OFFICE"
    assert c.return_date == "2025-01-06"
