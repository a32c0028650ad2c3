from pathlib import Path

import duckdb

from autoresponder.classify import classify_all

ROOT = Path(__file__).resolve().parents[2] / "fixtures" / "classify"


def test_classify_all_rewrites_the_table_with_one_row_per_message():
    conn = duckdb.connect()
    conn.execute("create schema raw; create table raw.emails (message_id varchar, raw blob, file_path varchar)")
    files = sorted((ROOT / "mta").glob("*.eml")) + sorted((ROOT / "edge").glob("*.eml"))
    for i, p in enumerate(files):
        conn.execute("insert into raw.emails values (?, ?, ?)", [f"m{i}", p.read_bytes(), str(p)])
    stats = classify_all(conn, None)
    stats_again = classify_all(conn, None)
    assert stats["messages"] == len(files) == stats_again["messages"]
    assert stats["llm_calls"] == 0
    n, ids = conn.execute("select count(*), count(distinct message_id) from classification.classified_messages"
                          ).fetchone()
    assert n == ids == len(files)
    unknown = conn.execute("select count(*) from classification.classified_messages where reason = 'llm_unavailable'"
                           ).fetchone()[0]
    # arf, success, garbage and a human "Thanks, noted." are settled without the LLM
    assert unknown == stats["by_determination"].get("UNKNOWN", 0) - 4
