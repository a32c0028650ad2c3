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


TRICKY_ROWS_SQL = """
select * from (values
    ('=HYPERLINK("http://x")', 1, 0.5::double, true, date '2026-01-02', timestamp '2026-01-02 03:04:05.5', ['a', 'b']),
    ('-5', -7, -1e-05::double, false, null, timestamp '2026-01-02 03:04:05', []),
    ('-5\n', null, 'nan'::double, null, date '2026-12-31', null, null),
    (null, 2, 'inf'::double, true, null, null, ['=x']),
    ('Grüße, "Zoë"\r\n', 3, 1e16::double, false, null, null, null),
    ('@ünï', 4, null, null, null, null, null),
    ('plain', 5, 2.0::double, true, null, null, null)
) t("text", "n", "x", "ok", "day", "at", "tags")
"""


def test_write_query_writes_what_write_csv_and_write_json_write(tmp_path):
    """Formula cells, plain numbers (one with a trailing newline), NULLs, non-ASCII text with
    quotes and line breaks, floats, dates, timestamps and lists: the streamed files are the
    bytes the row-at-a-time writers give, in `order by all` order, across batch boundaries."""
    import duckdb

    from autoresponder.report.csv_safe import write_query

    conn = duckdb.connect()
    cur = conn.execute(TRICKY_ROWS_SQL + " order by all")
    cols = [d[0] for d in cur.description]
    rows = [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]
    write_csv(tmp_path / "expected.csv", rows, columns=cols)
    write_json(tmp_path / "expected.json", rows)

    n = write_query(conn, TRICKY_ROWS_SQL, csv_path=tmp_path / "got.csv", json_path=tmp_path / "got.json",
                    batch_rows=3)

    assert n == 7
    assert (tmp_path / "got.csv").read_bytes() == (tmp_path / "expected.csv").read_bytes()
    assert (tmp_path / "got.json").read_bytes() == (tmp_path / "expected.json").read_bytes()
    assert "'=HYPERLINK" in (tmp_path / "got.csv").read_text(encoding="utf-8")


def test_write_query_of_no_rows_keeps_the_header_and_an_empty_json_list(tmp_path):
    import duckdb

    from autoresponder.report.csv_safe import write_query

    conn = duckdb.connect()
    n = write_query(conn, "select 1 as a, 'x' as b where false", csv_path=tmp_path / "e.csv",
                    json_path=tmp_path / "e.json")
    assert n == 0
    assert (tmp_path / "e.csv").read_text() == "a,b\n"
    assert (tmp_path / "e.json").read_text() == "[]\n"
