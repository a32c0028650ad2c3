"""What the T-SQL check refuses: DuckDB constructs that sqlfluff's tsql grammar parses or rejects."""

from __future__ import annotations

import pytest

from autoresponder.tsql_check import tsql_problems


@pytest.mark.parametrize("sql, expected", [
    ("select a from t limit 5\n", "unparsable"),
    ("select split_part(a, ' ', 1) as b from t\n", "no split_part()"),
    ("select substr(a, 3) as b from t\n", "no substr()"),
    ("select length(a) as b from t\n", "no length()"),
    ("select count(distinct a) over (partition by b) as c from t\n", "distinct in a window"),
    ("select a::int as b from t\n", "no :: cast"),
    ("select true as b from t\n", "boolean literal"),
    ("select cast(a as varchar) as b from t\n", "varchar(30)"),
], ids=["limit", "split_part", "substr", "length", "count_distinct_over", "double_colon", "true", "unsized_varchar"])
def test_duckdb_only_sql_is_refused(sql: str, expected: str) -> None:
    assert any(expected in p for p in tsql_problems(sql)), tsql_problems(sql)


def test_tsql_equivalents_pass() -> None:
    sql = """with x as (
    select
        left(a, charindex(' ', concat(a, ' ')) - 1) as first_word,
        substring(a, 3, datalength(a)) as rest,
        cast(b as nvarchar(4000)) as b_text,
        json_object('k': b null on null) as payload,
        count(*) over (partition by c) as n
    from t
)

select top 5 * from x
"""
    assert tsql_problems(sql) == []
