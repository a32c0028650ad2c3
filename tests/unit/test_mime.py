import pytest

from autoresponder.mime import parse_email


@pytest.mark.parametrize("raw", [b"", b"\xff\xfe", b"Subject: x\n\nbody", b"Content-Type: text/plain; charset=bogus\n\n\xe9"],
                         ids=["empty", "binary", "minimal", "bogus-charset"])
def test_parse_email_never_raises(raw):
    parsed = parse_email(raw)
    assert parsed.sha256
