"""Who a generated message comes from, when, and which campaign mail of ours it answers."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import NamedTuple

from autoresponder.generate_data import words as W
from autoresponder.generate_data.rng import Rng
from autoresponder.generate_data.world import Person, World, stranger

OUR_DOMAIN = "example-research.com"
OUR_ADDRESSES = ("research@example-research.com", "insights@example-research.com",
                 "events@example-research.com")


class Envelope(NamedTuple):
    full: str  # display name of the sender
    first: str
    last: str
    addr: str  # the address our campaign went to
    org_name: str
    person: Person | None  # None for outsiders and shared mailboxes
    state: str  # CUPOLA state of `addr`
    domain: str
    when: datetime
    campaign: str  # subject of our campaign mail
    our: str  # our address it came from
    orig_id: str  # its Message-ID, as quoted in In-Reply-To / References


def _target(world: World, kind: str, r: Rng) -> tuple[str, str, str, str, str, Person | None, str]:
    """(full name, first, last, email as sent, org name, person, cupola_state)."""
    x = r.random()
    if x < 0.025:
        org_name, domain = world.external_org(r.below(10000))
        first, last, addr = stranger(r, domain)
        return f"{first} {last}", first, last, addr, org_name, None, "no_contact"
    if x < 0.035 and kind in ("ooo", "inactive", "replacement", "active"):
        org, desk, people = world.desk(r.below(world.n_desks))
        return "Research Desk", "Research", "Desk", desk, org.name, None, "ambiguous"
    p = world.person(r.below(world.n_people))
    return p.full, p.first, p.last, p.email, p.org.name, p, p.cupola_state


def _msg_date(world: World, r: Rng) -> datetime:
    day = world.as_of - timedelta(days=1 + r.below(10))
    tz = timezone(timedelta(hours=r.choice((0, 0, -5, -5, 1, -6, 2, -8, 8))))
    return datetime(day.year, day.month, day.day, 6 + r.below(14), r.below(60), r.below(60), tzinfo=tz)


def pick_envelope(world: World, m: int, kind: str, r: Rng) -> Envelope:
    """The sender (a person, an outsider or a shared mailbox) and campaign of message `m`."""
    full, first, last, addr, org_name, p, state = _target(world, kind, r)
    domain = addr.partition("@")[2]
    when = _msg_date(world, r)
    campaign = r.choice(W.CAMPAIGNS)
    our = r.choice(OUR_ADDRESSES)
    orig_id = f"<20261116.{m:07d}.{r.u64() & 0xFFFFFF:06x}@mail.{OUR_DOMAIN}>"
    return Envelope(full, first, last, addr, org_name, p, state, domain, when, campaign, our, orig_id)
