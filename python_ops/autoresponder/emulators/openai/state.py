"""In-memory state of the OpenAI emulator: scripted replies, injected faults, request log."""

from __future__ import annotations

import json
import re
import threading
from collections import deque
from dataclasses import dataclass, field
from typing import Any

FAULTS = ("429", "500", "timeout", "malformed")

_HEURISTICS = [
    (re.compile(r"passed away|verstorben|décédé|falleció|deceduto|overleden|faleceu", re.I), "DECEASED"),
    (re.compile(r"retired|ruhestand|retraite|jubilad|pensione|pensioen|aposentad", re.I), "RETIRED"),
    (re.compile(r"no longer|left the|nicht mehr|ne fait plus|ya no|non lavora più|niet meer|não trabalha",
                re.I), "LEFT"),
    (re.compile(r"new (e-?mail|address)|neue e-?mail|nouvelle adresse", re.I), "EMAIL_UPDATE"),
    (re.compile(r"out of (the )?office|vacation|holiday|on leave|abwesend|absent|fuera de la oficina|urlaub",
                re.I), "OUT_OF_OFFICE"),
    (re.compile(r"undeliver|delivery (has )?failed|mailer-daemon|user unknown", re.I), "BOUNCE"),
]


def heuristic_answer(schema_name: str, user: str) -> dict[str, Any]:
    """A plausible structured answer when no scripted rule matches."""
    if schema_name == "qa_review":
        return {"verdict": "agree", "category": None, "reason": "consistent with the message"}
    body = user.split("<message>", 1)[-1]
    category = next((cat for pat, cat in _HEURISTICS if pat.search(body)), "UNCLEAR")
    return {"category": category, "confidence": 0.6, "new_email": None, "new_title": None, "new_org": None,
            "replacements": [], "return_date": None, "evidence": ""}


@dataclass
class EmulatorState:
    """What the emulator answers, which faults it injects next, and what it received."""

    rules: list[tuple[str, dict[str, Any] | str]] = field(default_factory=list)
    faults: deque[str] = field(default_factory=deque)
    requests: list[dict[str, Any]] = field(default_factory=list)
    timeout_s: float = 5.0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def script(self, substring: str, reply: dict[str, Any] | str) -> None:
        """Answer `reply` (a JSON object, or raw text) when the user message contains `substring`."""
        with self.lock:
            self.rules.append((substring, reply))

    def fail_next(self, kind: str, times: int = 1) -> None:
        """Inject a fault (429, 500, timeout, malformed) into the next `times` requests."""
        if kind not in FAULTS:
            raise ValueError(f"unknown fault {kind!r}; one of {FAULTS}")
        with self.lock:
            self.faults.extend([kind] * times)

    def reset(self) -> None:
        with self.lock:
            self.rules.clear()
            self.faults.clear()
            self.requests.clear()

    def record(self, body: dict[str, Any]) -> str | None:
        """Log a request; returns the fault to inject for it, if any."""
        with self.lock:
            self.requests.append(body)
            return self.faults.popleft() if self.faults else None

    def answer(self, schema_name: str, user: str) -> str:
        with self.lock:
            rules = list(self.rules)
        for sub, reply in rules:
            if sub in user:
                if isinstance(reply, dict) and schema_name in reply and isinstance(reply[schema_name], dict):
                    return json.dumps(reply[schema_name])
                if isinstance(reply, dict) and schema_name == "qa_review" and "verdict" not in reply:
                    continue
                return reply if isinstance(reply, str) else json.dumps(reply)
        return json.dumps(heuristic_answer(schema_name, user))
