"""The required-literal shortcut (`classify.rules.literals`): it may skip a pattern only when the pattern cannot match."""

import re
from pathlib import Path

import pytest

from autoresponder.classify.message import view_of
from autoresponder.classify.rules import lexicon, literals
from autoresponder.classify.rules.phrases import sentences_of
from autoresponder.mime import parse_message

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


def test_every_match_contains_one_of_the_required_literals():
    p = re.compile(r"\b(?:no longer (with|at)|has left)\s(?-i:[A-Z])", re.I)
    assert literals.required(p) == frozenset({"no longer ", "has left"})


def test_an_optional_part_requires_nothing_and_a_repeat_at_least_once_does():
    assert literals.required(re.compile(r"(?:abc)?x", re.I)) == frozenset({"x"})
    assert literals.required(re.compile(r"(?:abc)+x", re.I)) == frozenset({"abc"})
    assert literals.required(re.compile(r"[a-z]+\d")) is None


@pytest.mark.parametrize("pattern,text", [
    (r"\bno longer with\b", "I am NO LONGER WITH Acme."),
    (r"straße", "HAUPTSTRAßE"),
    (r"disk", "DıSK"),  # dotless i folds to i under IGNORECASE
    (r"best", "beſt"),  # long s folds to s
    (r"istanbul", "İstanbul"),
    (r"退職(?:いたしました|しました)", "本日退職いたしました。"),
])
def test_a_text_the_pattern_matches_is_never_skipped(pattern, text):
    p = re.compile(pattern, re.I)
    assert p.search(text)
    assert literals.may_match(literals.required(p), literals.canon(text))


def test_a_text_without_any_required_literal_is_skipped():
    p = re.compile(r"\b(?:passed away|has died)\b", re.I)
    assert not literals.may_match(literals.required(p), literals.canon("Out of office until Monday."))


def test_no_lexicon_pattern_is_skipped_on_a_sentence_it_matches():
    tables = [getattr(lexicon, n) for n in dir(lexicon)]
    patterns = [p for t in tables if isinstance(t, list) and t and hasattr(t[0][1], "search") for _, p in t]
    checked = 0
    for path in sorted(FIXTURES.glob("classify/*/*.eml")):
        for sentence in sentences_of(view_of(parse_message(path.read_bytes())).reply_text):
            folded = literals.canon(sentence)
            for p in patterns:
                if p.search(sentence):
                    checked += 1
                    assert literals.may_match(literals.required(p), folded), (path.name, p.pattern[:60], sentence)
    assert checked > 100
