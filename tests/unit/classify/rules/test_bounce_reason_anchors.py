"""`codes.bounce_reason` skips a reason pattern when none of the words it requires is in the text."""

import re
from pathlib import Path

import pytest

from autoresponder.classify.rules import codes
from autoresponder.mime import parse_message


def _reason_by_searching_every_pattern(diagnostic: str) -> str | None:
    text = diagnostic.lower()
    return next((reason for reason, pat in codes._TEXT_REASONS if pat.search(text)), None)


@pytest.mark.parametrize(("pattern", "anchors"), [
    (r"mailbox (is )?full|over ?quota", ("mailbox ", "quota")),
    (r"\b(spf|dkim)\b|unauthenticated", ("dkim", "spf", "unauthenticated")),
    (r"does ?n[o']t exist|not exists?\b", ("t exist",)),
    (r"host (or domain name )?(not found|unknown)", ("not found", "unknown")),
    (r"a.{0,20}b|c", ("a", "c")),
    (r"spam|\d+", None),  # a branch that requires no word: always searched
    (r"\d+", None),
])
def test_the_required_words_of_a_pattern(pattern: str, anchors) -> None:
    assert codes._anchors(re.compile(pattern)) == anchors


def test_every_reason_pattern_has_required_words() -> None:
    assert all(anchors for _, _, anchors in codes._TEXT_ANCHORS)


def test_the_shortcut_decides_as_searching_every_pattern_on_the_fixtures() -> None:
    root = Path(__file__).resolve().parents[3] / "fixtures"
    texts = [parse_message(p.read_bytes()).full_text for p in sorted(root.rglob("*.eml"))[::3]]
    lines = [line for t in texts for line in t.split("\n") if line.strip()]
    assert len(lines) > 2000
    for text in texts + lines:
        expected = _reason_by_searching_every_pattern(text)
        assert codes.bounce_reason(None, text) == (expected or "undefined"), text[:200]
        assert codes.smtp_command(text) == _command_by_searching_every_pattern(text), text[:200]


def _command_by_searching_every_pattern(text: str) -> str | None:
    for rx, _word in codes._CMD_PATTERNS:
        m = rx.search(text)
        if m:
            word = m.group(1).upper()
            return next((c for p, c in (("DATA", "DATA"), ("END OF DATA", "DATA"), ("RCPT", "RCPT"), ("MAIL", "MAIL"))
                         if word.startswith(p)), "CONN")
    return None


@pytest.mark.parametrize("text", [
    "550 5.1.1 user unknown (in reply to RCPT TO command)", "host said: 550 rejected (IN REPLY TO end of DATA command)",
    "SMTP error from remote mail server after RCPT TO:<a@b.example>: 550 unknown", "After HELO: 421 busy",
    ">>> DATA\n<<< 550 5.7.1 refused\n", "no command named here",
    "in reply to rcpt to command (Kelvin sign: \u212a)", "\u212a: \u0131n reply to MAIL FROM command",
])
def test_smtp_command_skips_only_patterns_whose_words_are_missing(text: str) -> None:
    assert codes.smtp_command(text) == _command_by_searching_every_pattern(text)
