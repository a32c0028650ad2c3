import pytest

from autoresponder.classify.rules.codes import bounce_kind, find_status


@pytest.mark.parametrize(("status", "text", "kind"), [
    ("5.1.1", "550 5.1.1 User unknown", "hard"),
    ("5.2.2", "552 5.2.2 Mailbox full", "soft"),
    ("5.7.1", "554 5.7.1 rejected as spam", "soft"),
    ("4.4.7", "421 timed out", "soft"),
    ("5.1.2", "Host or domain name not found", "hard"),
    (None, "Recipient address rejected: Message length exceeds limit", "soft"),
    (None, "553 5.1.8 Domain of sender address does not exist", "soft"),
], ids=["user-unknown", "mailbox-full", "spam", "temporary", "host-unknown", "too-big", "sender-problem"])
def test_dsn_5xx_is_hard_only_when_the_address_is_dead(status, text, kind):
    assert bounce_kind(status, text)[0] == kind


def test_find_status_reads_enhanced_code_and_ignores_ip_addresses():
    assert find_status("host 192.0.2.1 said: 550 5.1.1 no such user") == "5.1.1"
