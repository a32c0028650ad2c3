import httpx
import pytest

from autoresponder.emulators.openai import start_emulator


@pytest.fixture(scope="module")
def emu():
    with start_emulator(timeout_s=0.2) as e:
        yield e


def _post(emu, content="hello", name="classification"):
    return httpx.post(f"{emu.base_url}/chat/completions", headers={"Authorization": f"Bearer {emu.api_key}"},
                      json={"model": "m", "messages": [{"role": "user", "content": content}],
                            "response_format": {"type": "json_schema", "json_schema": {"name": name}}}, timeout=5)


def test_emulator_answers_scripted_reply_with_usage(emu):
    emu.state.reset()
    emu.script("magic", {"category": "RETIRED"})
    r = _post(emu, "a magic word")
    assert r.status_code == 200
    assert '"RETIRED"' in r.json()["choices"][0]["message"]["content"]
    assert r.json()["usage"]["total_tokens"] > 0
    assert len(emu.requests) == 1


@pytest.mark.parametrize(("fault", "status"), [("429", 429), ("500", 500), ("timeout", 504)])
def test_emulator_injects_http_faults(emu, fault, status):
    emu.state.reset()
    emu.fail_next(fault)
    assert _post(emu).status_code == status
    assert _post(emu).status_code == 200


def test_emulator_rejects_a_wrong_key(emu):
    r = httpx.post(f"{emu.base_url}/chat/completions", headers={"Authorization": "Bearer nope"}, json={})
    assert r.status_code == 401
