"""`soak`: apply in a subprocess against an emulator process, SIGKILLed, restarted, compared with a clean run."""

from __future__ import annotations

from autoresponder.soak import soak


def test_small_soak_kill_between_act_and_report_loses_and_doubles_nothing(tmp_path):
    # killed between act and report (writes made, hand-offs fsynced and logged, the report not yet
    # written), under 10 % injected faults of every kind (429, 403, 500, 503, lock, 401, dropped
    # connections), then restarted to completion. The killed run goes alongside the clean run and
    # the restart reuses the dbt parse: three pipeline runs, two of them at once. (Kills in every
    # other stage: `autoresponder soak`, see docs.)
    out = soak(40, 1, 0.1, seed=3, workdir=tmp_path / "soak", stages=("between",))
    assert out["kills"] == 1 and out["kills_by_stage"] == {"between": 1}
    assert out["planned"] > 0 and out["applied_once"] == out["status_counts"]["clean"].get("succeeded", 0) + \
        out["status_counts"]["clean"].get("queued", 0)
    assert (out["duplicates"], out["lost"], out["pending_left"]) == (0, 0, 0)
    assert out["hodor_rows"]["soak"] == out["hodor_rows"]["clean"] > 0  # each Prospect Import row once
    assert out["sfmc_rows"]["soak"] == out["sfmc_rows"]["clean"]  # each suppression row once
    assert out["tasks"]["soak"] == out["tasks"]["clean"] > 0  # each Task once
    # HubSpot, the second CRM target, under its own faults: each contact write and its Task once
    assert out["hubspot_writes"]["soak"] == out["hubspot_writes"]["clean"] > 0
    assert out["hubspot_tasks"]["soak"] == out["hubspot_tasks"]["clean"] > 0
    assert out["lost_by_kind"]["hubspot_contacts_values_differ"] == 0
