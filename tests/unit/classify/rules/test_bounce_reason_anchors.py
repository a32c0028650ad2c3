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
