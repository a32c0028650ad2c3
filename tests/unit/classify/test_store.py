import multiprocessing as mp
from pathlib import Path

import duckdb

from autoresponder.classify import classify_all
from autoresponder.config import Settings

ROOT = Path(__file__).resolve().parents[2] / "fixtures" / "classify"


def test_classify_all_keeps_one_row_per_message_and_classifies_only_new_ones():
    conn = duckdb.connect()
    conn.execute("create schema raw; create table raw.emails (message_id varchar, raw blob, file_path varchar)")
    files = sorted((ROOT / "mta").glob("*.eml")) + sorted((ROOT / "edge").glob("*.eml"))
    for i, p in enumerate(files):
        conn.execute("insert into raw.emails values (?, ?, ?)", [f"m{i}", p.read_bytes(), str(p)])
    stats = classify_all(conn, None)
    stats_again = classify_all(conn, None)
    assert stats["messages"] == len(files) == stats_again["messages"]
    assert stats["classified_now"] == len(files) and stats_again["classified_now"] == 0
    assert stats["llm_calls"] == 0
    n, ids = conn.execute("select count(*), count(distinct message_id) from classification.classified_messages"
                          ).fetchone()
    assert n == ids == len(files)
    unknown = conn.execute("select count(*) from classification.classified_messages where reason = 'llm_unavailable'"
                           ).fetchone()[0]
    # arf, success and garbage are settled UNKNOWN without the LLM; a human "Thanks, noted." is ACTIVE
    assert unknown == stats["by_determination"].get("UNKNOWN", 0) - 3
    assert conn.execute("select count(*) from classification.classified_messages where rule = 'human_reply/text' "
                        "and determination = 'ACTIVE'").fetchone()[0] == 1


def test_a_new_message_is_classified_alone_and_other_settings_classify_all_again():
    conn = duckdb.connect()
    conn.execute("create schema raw; create table raw.emails (message_id varchar, raw blob, file_path varchar)")
    files = sorted((ROOT / "mta").glob("*.eml"))[:3]
    for i, p in enumerate(files[:2]):
        conn.execute("insert into raw.emails values (?, ?, ?)", [f"m{i}", p.read_bytes(), str(p)])
    classify_all(conn, None, batch_size=1)
    conn.execute("insert into raw.emails values ('m2', ?, ?)", [files[2].read_bytes(), str(files[2])])
    assert classify_all(conn, None, batch_size=1)["classified_now"] == 1
    other = classify_all(conn, Settings(our_domains=["other.example"]))
    assert other["classified_now"] == 3 and other["reclassified_all"] and other["messages"] == 3


def _landed(files: list[Path]) -> duckdb.DuckDBPyConnection:
    conn = duckdb.connect()
    conn.execute("create schema raw; create table raw.emails (message_id varchar, raw blob, file_path varchar)")
    for i, p in enumerate(files):
        conn.execute("insert into raw.emails values (?, ?, ?)", [f"m{i:04d}", p.read_bytes(), str(p)])
    return conn


def _table(conn: duckdb.DuckDBPyConnection) -> list[tuple]:
    return conn.execute("select * from classification.classified_messages order by message_id").fetchall()


def test_many_new_messages_are_classified_on_every_core_with_the_same_results_as_on_one():
    files = sorted(ROOT.rglob("*.eml"))
    one, two = _landed(files), _landed(files)
    alone = classify_all(one, Settings(classify_jobs=1), parallel_min=1)
    pooled = classify_all(two, Settings(classify_jobs=2), parallel_min=1, batch_size=100)
    assert (alone["jobs"], pooled["jobs"]) == (1, 2)
    assert pooled["classified_now"] == alone["classified_now"] == len(files) > 100
    assert _table(two) == _table(one)


def _classify_in_a_pool_worker(files: list[str]) -> int:
    conn = _landed([Path(f) for f in files])
    return classify_all(conn, Settings(classify_jobs=2), parallel_min=1)["jobs"]


def test_inside_a_daemonic_worker_it_classifies_in_that_one_process():
    # `bench` runs the chain in a pool worker, which may not start processes of its own
    files = [str(p) for p in sorted((ROOT / "mta").glob("*.eml"))[:3]]
    with mp.get_context("spawn").Pool(1) as pool:
        assert pool.apply(_classify_in_a_pool_worker, (files,)) == 1
