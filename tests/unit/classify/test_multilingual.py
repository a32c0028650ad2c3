import csv
from pathlib import Path

import pytest

from autoresponder.classify import classify_message
from autoresponder.mime import parse_message

ROOT = Path(__file__).resolve().parents[2] / "fixtures" / "classify" / "multilingual"
ROWS = list(csv.DictReader((ROOT / "labels.csv").open(encoding="utf-8")))


@pytest.mark.parametrize("row", ROWS, ids=[r["file"].removesuffix(".eml") for r in ROWS])
def test_reply_in_each_language_gets_its_labelled_determination(row):
    c = classify_message((ROOT / row["file"]).read_bytes())
    if row["label"] == "UNKNOWN":
        # a person's own short answer with no word of any change is settled as "nothing to act on"
        assert (c.determination, c.reason) == ("UNKNOWN", "not_an_auto_reply")
        return
    assert c.determination == row["label"]
    assert c.reason == row["reason"]
    assert c.method == "rules"
    assert c.evidence
    if row["return_date"]:
        assert c.return_date == row["return_date"]


@pytest.mark.parametrize("row", [r for r in ROWS if r["label"] == "REPLACEMENT"],
                         ids=lambda r: r["file"].removesuffix(".eml"))
def test_replacement_is_an_address_written_in_the_reply_not_the_quoted_original(row):
    raw = (ROOT / row["file"]).read_bytes()
    c = classify_message(raw)
    assert c.replacements
    own_words = parse_message(raw).text.split("-----Original Message-----")[0]
    for r in c.replacements:
        assert r.email in own_words
        assert not r.email.endswith("example-research.com")
