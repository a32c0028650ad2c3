import pytest

from autoresponder.mime import parse_email


@pytest.mark.parametrize("raw", [b"", b"\xff\xfe", b"Subject: x\n\nbody", b"Content-Type: text/plain; charset=bogus\n\n\xe9"],
                         ids=["empty", "binary", "minimal", "bogus-charset"])
def test_parse_email_never_raises(raw):
    parsed = parse_email(raw)
    assert parsed.sha256


def _auth(header: str, sender: str = "ethan@ironbridge-sec.com") -> str:
    from autoresponder.mime import parse_email

    raw = f"From: {sender}\nMessage-ID: <a@b>\nAuthentication-Results: {header}\n\nhi\n".encode()
    return parse_email(raw).auth_status


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
