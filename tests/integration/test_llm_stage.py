"""The classification stage with an OpenAI-compatible endpoint (the local emulator, reached by the
real openai client): rules first, the LLM only for what they leave open, cached across runs."""

from __future__ import annotations

from pathlib import Path

from autoresponder.emulators.openai import start_emulator
from autoresponder.pipeline import run_pipeline
from autoresponder.run import RunContext
from tests.integration.chain import start_chain


def test_llm_sees_only_what_rules_leave_open_and_a_rerun_pays_nothing(sources: Path, tmp_path: Path) -> None:
    with start_emulator() as llm:
        llm.script("PDF version of the\nrates chapter", {
            "category": "ACTIVE", "confidence": 0.9, "evidence": "Could you send me the PDF version",
            "new_email": None, "new_title": None, "new_org": None, "return_date": None, "replacements": [],
            "reason": "still_active"})
        run = start_chain(sources, tmp_path, llm_base_url=llm.base_url, llm_api_key=llm.api_key)
        try:
            first_calls = len(llm.requests)
            impact = run.impact
            rows = run.query("select method, count(*) as n from classification.classified_messages group by 1")
            by_method = {r["method"]: r["n"] for r in rows}
            again = run_pipeline(RunContext.create(run.ctx.settings), run.systems)
        finally:
            run.stack.close()
    assert impact["llm"]["calls"] == first_calls > 0
    assert by_method.get("rules", 0) >= 25  # the rules settle most of the demo set
    assert first_calls <= 2 * (32 - by_method["rules"])  # classification + QA agent, only for the rest
    assert again["llm"]["calls"] == 0 and len(llm.requests) == first_calls
