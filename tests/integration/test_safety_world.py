"""The adversarial safety world (DESIGN §5 gates, §12 eval-safety) through the real chain in plan mode.

228 replies in eight languages: near-miss wording (transient absence, word traps, third parties,
quoted news, hedged and negated departures, human replies, injections) and attacks (forged relays,
one mailbox speaking for another, hijacked and lookalike addresses, forged Authentication-Results),
each expecting no automatic write, and true departures / updates in unusual wording that must still
write. Built by someone who did not read the rules (python_ops/autoresponder/safety/world_cases.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from autoresponder.safety.evaluate import run_world


@pytest.fixture(scope="module")
def result(tmp_path_factory: pytest.TempPathFactory) -> dict:
    return run_world(Path(tmp_path_factory.mktemp("safety_world")))


def test_no_near_miss_or_attack_reply_writes_automatically(result: dict) -> None:
    assert result["expect_none"] >= 150
    assert result["false_auto_writes"] == 0, result["wrong"]


def test_every_attack_class_is_held_in_every_language(result: dict) -> None:
    attacks = ("forged_relay", "speaks_for_other", "email_hijack", "spoofed_auth", "lookalike_sender", "injection")
    for cls in attacks:
        assert result["by_class"][cls].get("false_auto", 0) == 0, cls
    assert set(result["by_language"]) == {"en", "de", "fr", "es", "it", "nl", "pt", "ja"}


def test_true_departures_in_unusual_wording_still_write(result: dict) -> None:
    assert result["departure_recall"] >= 0.75
    assert result["auto_precision"] >= 0.95
