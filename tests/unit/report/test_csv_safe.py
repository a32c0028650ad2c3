import csv
import json

import pytest

from autoresponder.report.csv_safe import neutralise, write_csv, write_json


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        pytest.param('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")', id="equals"),
        pytest.param("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0", id="plus"),
        pytest.param("-2+3", "'-2+3", id="minus-expression"),
        pytest.param("@SUM(A1)", "'@SUM(A1)", id="at"),
        pytest.param("\t=1", "'\t=1", id="tab"),
        pytest.param("\r=1", "'\r=1", id="carriage-return"),
    ],
)
def test_formula_cells_are_neutralised(cell, expected):
    assert neutralise(cell) == expected


@pytest.mark.parametrize("cell", ["-5", "+3.25", "-1e3", "-.5", "42"], ids=str)
def test_plain_number_text_stays_as_it_is(cell):
    assert neutralise(cell) == cell


def test_non_strings_are_unchanged_and_none_is_empty():
    assert [neutralise(v) for v in (-5, 2.5, True, None)] == [-5, 2.5, True, ""]


def test_dicts_become_compact_json_text():
    assert neutralise({"email": "a@b.com"}) == '{"email":"a@b.com"}'


def test_write_csv_neutralises_every_cell_and_keeps_column_order(tmp_path):
    path = write_csv(
        tmp_path / "out" / "x.csv", [{"b": "=1+1", "a": "ok"}, {"a": "-7", "c": "dropped"}], ["a", "b"]
    )
    with path.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    assert rows == [["a", "b"], ["ok", "'=1+1"], ["-7", ""]]


def test_write_csv_defaults_columns_to_keys_in_first_seen_order(tmp_path):
    path = write_csv(tmp_path / "x.csv", [{"z": 1}, {"y": 2, "z": 3}])
    assert path.read_text().splitlines() == ["z,y", "1,", "3,2"]


def test_write_json_round_trips_and_is_not_neutralised(tmp_path):
    path = write_json(tmp_path / "x.json", [{"a": "=1", "n": None}])
    assert json.loads(path.read_text()) == [{"a": "=1", "n": None}]
