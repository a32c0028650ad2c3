import email.utils

import pytest

from autoresponder.mime import addresses_of, first_address, parse_message


@pytest.mark.parametrize("raw", [b"", b"\xff\xfe", b"Subject: x\n\nbody", b"Content-Type: text/plain; charset=bogus\n\n\xe9"],
                         ids=["empty", "binary", "minimal", "bogus-charset"])
def test_parse_message_never_raises(raw):
    parsed = parse_message(raw)
    assert parsed.sha256


def _auth(header: str, sender: str = "ethan@ironbridge-sec.com") -> str:
    from autoresponder.mime import parse_message

    raw = f"From: {sender}\nMessage-ID: <a@b>\nAuthentication-Results: {header}\n\nhi\n".encode()
    return parse_message(raw).auth_status


@pytest.mark.parametrize(("header", "expected"), [
    pytest.param("mx.example-research.com; spf=fail smtp.mailfrom=ironbridge-sec.com; dkim=none; "
                 "dmarc=fail header.from=ironbridge-sec.com", "fail", id="dmarc-fail"),
    pytest.param("mx; spf=fail smtp.mailfrom=ironbridge-sec.com; dkim=pass header.d=ironbridge-sec.com",
                 "pass", id="spf-fail-but-dkim-pass"),
    pytest.param("mx; spf=fail smtp.mailfrom=ironbridge-sec.com; dkim=none", "fail", id="spf-fail-no-dkim"),
    pytest.param("mx; dmarc=fail header.from=relay.example.net", "none", id="other-domain-ignored"),
    pytest.param("mx; spf=pass smtp.mailfrom=ironbridge-sec.com", "pass", id="pass"),
])
def test_sender_authentication_follows_design_section_10(header: str, expected: str) -> None:
    assert _auth(header) == expected


def test_an_encoded_display_name_with_a_comma_is_one_name() -> None:
    from autoresponder.mime import parse_message

    p = parse_message(b"From: =?utf-8?q?K=C3=B6hler=2C_Stefan?= <s.koehler@acme.de>\nMessage-ID: <k@acme.de>\n\nhi\n")
    assert (p.from_name, p.from_email) == ("Köhler, Stefan", "s.koehler@acme.de")


def test_classifying_a_stored_parse_equals_classifying_the_bytes() -> None:
    """Classification reads landing's stored parse; it must decide exactly as from the bytes."""
    from pathlib import Path

    from autoresponder.classify import classify_message
    from autoresponder.classify.engine import classify_parsed
    from autoresponder.mime import ParsedMessage, parse_message

    root = Path(__file__).resolve().parents[1] / "fixtures" / "classify"
    files = sorted(root.rglob("*.eml"))
    assert len(files) > 100
    for path in files:
        raw = path.read_bytes()
        stored = ParsedMessage.from_json(parse_message(raw).to_json())
        assert classify_parsed(stored, path=path.name).to_row() == classify_message(raw, path=path.name).to_row(), path


@pytest.mark.parametrize("value", [
    "a@b.example", " <A.B@Ex-Ample.com> ", "Jane Doe <jane.doe@x.example>", "Jane  Doe <j@x.example>",
    "\"Doe, Jane\" <j@x.example>", "a..b@x.example", "a@b.", "a@[192.0.2.1]", "a@b.example, c@d.example",
    "Jane<j@x.example>", "=?utf-8?q?J=C3=A9r=C3=B4me?= <j@x.example>", "<a@b.example", "a@b.example (comment)",
])
def test_addresses_read_as_the_standard_library_reads_them(value):
    expected = [a.strip().lower() for _, a in email.utils.getaddresses([value]) if a and "@" in a]
    assert addresses_of(value) == expected
    name, addr = next(((n or None, a.strip().strip("<>").lower()) for n, a in email.utils.getaddresses([value])
                       if "@" in (a or "")), (None, None))
    assert first_address(value) == (name, addr)
