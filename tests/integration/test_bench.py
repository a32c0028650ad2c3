"""`autoresponder bench --profile small`: the benchmark's JSON, as a smoke test (shape and
ratios, never times: a benchmark is a command, not a timed test)."""

from __future__ import annotations

from autoresponder.bench import HUBSPOT_BENCH_MAX_WRITES, PROFILES, bench


def test_small_profile_prints_every_figure_and_a_rerun_that_does_nothing() -> None:
    result = bench(PROFILES["small"]["emails"], baseline=False)
    ours, ratios = result["ours"], result["ratios"]
    assert ours["messages"] > 0.9 * PROFILES["small"]["emails"]
    assert {"land", "classify", "dbt", "act", "report"} <= set(ours["wall_s"])
    assert ours["writes"] > 0 and ours["peak_rss_mb"] > 0
    rerun = ours["rerun"]
    assert (rerun["landed"], rerun["classified"], rerun["llm_calls"], rerun["writes"]) == (0, 0, 0, 0)
    assert rerun["snapshots_unchanged"] > 0 and rerun["suites_reused"] > 0
    settled = ours["rerun_settled"]  # nothing new anywhere: dbt and every suite on unchanged data skip
    assert (settled["landed"], settled["classified"], settled["llm_calls"], settled["writes"]) == (0, 0, 0, 0)
    assert settled["dbt_skipped"] and settled["snapshots_unchanged"] == rerun["snapshots_unchanged"]
    assert 0 < settled["suites_reused"] <= settled["suites"]
    assert ratios["llm_calls_per_reply"] == 0 and ratios["seconds_per_1k_replies"] > 0
    assert 0 < ratios["rerun_vs_first_wall"] and 0 < ratios["rerun_settled_vs_first_wall"]
    assert ratios["sf_api_requests"] is None  # no baseline asked for
    # HubSpot for as many write-backs: batches of 100 against the seed's search and update per email
    hs = result["hubspot"]
    assert hs["run_writes"] == ours["writes"] and hs["writes"] == min(ours["writes"], HUBSPOT_BENCH_MAX_WRITES)
    assert hs["seed_requests"] == 2 * hs["writes"]
    assert 0 < hs["requests"] <= 5 + 3 * -(-hs["writes"] // 100) and hs["ratio"] == round(hs["requests"] / hs["seed_requests"], 4)
    assert hs["target"] == 0.02 and hs["within_target"] == (hs["ratio"] <= 0.02)
