"""Clean a decision before it leaves classification (DESIGN §4 step 2, post-processing).

Alternates equal to the sender, in our own domains or generic role mailboxes (info@, office@,
…) are dropped; a REPLACEMENT left with
no alternates becomes INACTIVE when the text states a departure, else UNKNOWN. A new
address must be a valid address that is not the sender's own and not ours.
"""

from __future__ import annotations

from dataclasses import replace

from autoresponder.classify.decision import Decision
from autoresponder.classify.extract import is_role_mailbox, valid_email
from autoresponder.classify.sender import in_domains
from autoresponder.models import Replacement

NO_ALTERNATES = "no_alternates"


def clean_decision(d: Decision, *, source_email: str | None, from_email: str | None,
                   our_domains: list[str]) -> Decision:
    """The decision with invalid alternates / addresses removed and the category re-derived."""
    own = {a for a in (source_email, from_email) if a}
    reps: list[Replacement] = []
    for r in d.replacements:
        e = valid_email(r.email)
        if not e or e in own or in_domains(e, our_domains) or e in {x.email for x in reps} or is_role_mailbox(e):
            continue
        reps.append(Replacement(name=r.name, email=e, title=r.title))
    new_email = valid_email(d.new_email)
    if new_email and (new_email in own or in_domains(new_email, our_domains) or is_role_mailbox(new_email)):
        new_email = None
    d = replace(d, replacements=reps, new_email=new_email)
    if d.determination == "REPLACEMENT" and not reps:
        if d.departure:
            return replace(d, determination="INACTIVE", reason=d.departure)
        return replace(d, determination="UNKNOWN", reason=NO_ALTERNATES)
    if d.determination == "EMAIL_UPDATE" and not new_email:
        if d.new_title:
            return replace(d, determination="TITLE_UPDATE", reason="new_title")
        return replace(d, determination="UNKNOWN", reason=NO_ALTERNATES)
    if d.determination == "TITLE_UPDATE" and not (d.new_title or "").strip():
        return replace(d, determination="UNKNOWN", reason=NO_ALTERNATES)
    if d.determination != "REPLACEMENT":
        d = replace(d, replacements=[])
    return d
