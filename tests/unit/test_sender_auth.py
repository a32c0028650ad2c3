"""The default policy's quick verdict (`default_status`) is the full parse's verdict, header by header."""

import pytest

from autoresponder.sender_auth import default_status, sender_authentication

_SENDER = "ethan@mail.ironbridge-sec.com"


@pytest.mark.parametrize("header", [
    "mx.example-research.com; dmarc=pass",
    "mx.example-research.com; DMARC=FAIL (p=reject)",
    "mx; DKIM=pass header.d=IronBridge-Sec.COM",
    "mx; spf=softfail smtp.mailfrom=bounce@ironbridge-sec.com",
    "mx; spf=pass smtp.mailfrom=relay.example.net; dkim=pass header.d=relay.example.net",
    "mx; auth=pass smtp.auth=ethan",
    "mx; none",
    "mx; spf=neutral smtp.mailfrom=ironbridge-sec.com; dkim=none; dmarc=none header.from=ironbridge-sec.com",
    "not a header at all ;;; ===",
    "",
], ids=["dmarc-no-domain", "dmarc-upper", "dkim-upper-domain", "spf-softfail", "other-domain", "no-method",
        "none", "neither-pass-nor-fail", "unparsable", "empty"])
def test_quick_verdict_equals_the_full_parse(header: str) -> None:
    # twice each (the second verdict is remembered), and for other senders at the same organisation
    for values in ([header], [header, "mx2; dmarc=pass header.from=ironbridge-sec.com"]):
        for sender in (_SENDER, None, "no-at-sign", _SENDER, "anna@ironbridge-sec.com", "bo@eu.ironbridge-sec.com"):
            assert default_status(values, sender) == sender_authentication(values, sender).status


def test_no_header_is_none() -> None:
    assert default_status([], _SENDER) == "none"
