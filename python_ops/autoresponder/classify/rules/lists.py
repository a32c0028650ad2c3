"""A mailing-list manager that refused to distribute our message (DESIGN §4 step 2).

List servers (fml, Mailman, Sympa, ezmlm, LISTSERV, …) answer a post they will not pass on
with a notice of their own instead of a DSN: a loop they detected ("Loop Alert: Duplicated
Message-ID"), a post from a non-member, a rejected post. The message did not reach the list,
so it is a BOUNCE of the list address, always soft: the address exists, the list refused this
message (reason `systemerror` for a loop, else `rejected`). A post only held for a moderator
is not refused and is left to the other rules.
"""

from __future__ import annotations

import re

from autoresponder.classify.decision import Decision
from autoresponder.classify.message import MessageView
from autoresponder.models import Bounce

_LIST_HEADERS = ("x-mlserver", "x-ml-server", "x-ml-name", "x-mailman-version", "x-listprocessor-version",
                 "x-sympa-to", "x-ezmlm-version", "x-listserver")
_LIST_FROM = re.compile(r"^(owner-[^@]+|[^@]+-(owner|admin|request|bounces))@", re.I)
_LOOP = re.compile(r"loop alert|loop back warning|duplicated message-id|mail loop detected|unix from loop", re.I)
_REFUSED = re.compile(
    r"\bnot (a )?member\b|non-?member|only (list )?members (may|can) post|members[- ]only list|"
    r"you are not (allowed|permitted|subscribed)|not subscribed to (this|the) list|posting (is )?restricted|"
    r"(message|post(ing)?)\b.{0,80}\b(has been|was|is) (rejected|refused|denied)|rejected (mail|post)\b|"
    r"security alert", re.I)
_HELD = re.compile(r"moderator|moderation|held for (approval|review)|awaits", re.I)
_ADDR = re.compile(r"<?([A-Za-z0-9._%+'=/-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})>?")


def _from_list_manager(view: MessageView) -> str | None:
    for name in _LIST_HEADERS:
        if view.header(name):
            return f"{name}: {view.header(name)}"[:120]
    if view.from_email and _LIST_FROM.match(view.from_email):
        return f"From: {view.from_email}"
    return None


def _list_address(view: MessageView, text: str) -> str | None:
    ours = set(view.to_emails) | ({view.from_email} if view.from_email else set())
    for m in _ADDR.finditer(text[:2000]):
        addr = m.group(1).lower().strip(".")
        if addr not in ours and not _LIST_FROM.match(addr):
            return addr
    return None


def list_refusal(view: MessageView) -> Decision | None:
    """A list server's notice that it did not distribute the message: a soft BOUNCE of the list."""
    manager = _from_list_manager(view)
    if manager is None:
        return None
    head = f"{view.subject}\n{view.own_text[:2000]}"
    loop = _LOOP.search(head)
    refused = loop or _REFUSED.search(head)
    if refused is None or _HELD.search(view.subject):
        return None
    reason = "systemerror" if loop else "rejected"
    line = next((ln.strip() for ln in view.own_text.split("\n") if ln.strip()), view.subject)
    bounce = Bounce(kind="soft", status=None, diagnostic=line[:500], recipient=_list_address(view, head),
                    reason=reason)
    return Decision(
        determination="BOUNCE", reason="soft", category="BOUNCE", confidence=0.9,
        evidence=f"{manager}; {refused.group(0)}; {line}"[:500], bounce=bounce, bounces=[bounce],
        person_email=bounce.recipient,
    )
