import pytest

from autoresponder.classify.normalize import map_category_to_determination, normalize_llm_category


@pytest.mark.parametrize(("raw", "expected"), [
    ("OUT_OF_OFFICE|REPLACEMENT", ["OUT_OF_OFFICE", "REPLACEMENT"]),
    ("Left company, replacement", ["LEFT", "REPLACEMENT"]),
    ("retired", ["RETIRED"]),
    ("", ["UNCLEAR"]),
    ("gibberish", ["UNCLEAR"]),
], ids=["pipe", "comma-words", "lowercase", "empty", "unknown"])
def test_normalize_llm_category_splits_compound_strings(raw, expected):
    assert normalize_llm_category(raw) == expected


@pytest.mark.parametrize(("cats", "expected"), [
    (["LEFT", "REPLACEMENT"], ("REPLACEMENT", "left")),
    (["OUT_OF_OFFICE", "REPLACEMENT"], ("OUT_OF_OFFICE", "out_of_office")),
    (["RETIRED"], ("INACTIVE", "retired")),
    (["EMAIL_UPDATE", "TITLE_UPDATE"], ("EMAIL_UPDATE", "new_email")),
    (["NOT_AN_AUTO_REPLY"], ("UNKNOWN", "not_an_auto_reply")),
], ids=["left-replacement", "ooo-delegate", "retired", "email-and-title", "human"])
def test_map_category_to_determination_follows_rule_precedence(cats, expected):
    assert map_category_to_determination(cats) == expected
