from email.message import EmailMessage
from pathlib import Path

import pytest

from autoresponder.classify import classify_message

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "classify"


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


def classify_reply(body: str, *, sender: str, subject: str = "Automatic reply: Q4 outlook", auto: bool = True,
                   headers: dict | None = None, date: str = "Wed, 18 Nov 2026 10:00:00 +0000"):
    """Classify a one-part reply to our research mail (`Auto-Submitted: auto-replied` when `auto`)."""
    m = EmailMessage()
    m["From"] = sender
    m["To"] = "research@example-research.com"
    m["Subject"] = subject
    m["Date"] = date  # a Wednesday
    m["Message-ID"] = "<class-example@example.org>"
    if auto:
        m["Auto-Submitted"] = "auto-replied"
    for k, v in (headers or {}).items():
        m[k] = v
    m.set_content(body)
    return classify_message(m.as_bytes())
