"""The deterministic population behind one generated source directory.

Organisations, people and shared mailboxes are pure functions of `(seed, index)` (see `rng`), so the
CSVs stream in one pass over the people and each message recomputes its target person.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import NamedTuple

from autoresponder.generate_data import words as W
from autoresponder.generate_data.rng import Rng, coprime_step
from autoresponder.generate_data.sfid import sf_id

PEOPLE_PER_EMAIL = 6.6  # ~650k people / ~600k Salesforce Contacts for 100k emails
PEOPLE_PER_ORG = 130


def case_variant(rng: Rng, addr: str) -> str:
    """The same address in another letter case (`First.Last@Domain.com`, all upper-case local...)."""
    local, _, domain = addr.partition("@")
    k = rng.below(3)
    if k == 0:
        local = ".".join(p[:1].upper() + p[1:] for p in local.split("."))
        domain = domain[:1].upper() + domain[1:]
    elif k == 1:
        local = local.upper()
    else:
        local = local[:1].upper() + local[1:]
        domain = domain.upper()
    return f"{local}@{domain}"


def stranger(r: Rng, domain: str) -> tuple[str, str, str]:
    """A random (first, last, `first.last@domain`) that no population row holds."""
    first, last = r.choice(W.FIRST_NAMES), r.choice(W.LAST_NAMES)
    return first, last, f"{first.lower()}.{last.lower()}@{domain}"


class Org(NamedTuple):
    org_id: int
    name: str
    domain: str
    a: str
    b: str
    account_id: str


class Person(NamedTuple):
    index: int
    person_id: int
    org: Org
    first: str
    last: str
    email: str  # canonical lowercase
    phone: str
    title: str
    in_cupola: bool
    cupola_active: bool
    cupola_email: str  # as stored (may differ in case)
    cupola_date: str
    history: tuple[Org, str, str, str] | None  # old org, email, position, date
    hodor: str | None  # status
    hodor_email: str
    contact: str | None  # Contact_Status__c
    contact_email: str
    contact_modified: str
    lead: str | None  # Lead Status
    multipub: str | None  # active | exp_recent | exp_old | single_recent | single_old | cancelled
    multipub_ambiguous: bool
    sfmc: bool

    @property
    def in_any(self) -> bool:
        return bool(self.in_cupola or self.hodor or self.contact or self.lead or self.multipub or self.sfmc)

    @property
    def cupola_state(self) -> str:
        if self.in_cupola:
            return "active" if self.cupola_active else "inactive"
        return "none" if self.in_any else "no_contact"

    @property
    def full(self) -> str:
        return f"{self.first} {self.last}"


class World:
    """The deterministic population behind one generated source directory."""

    def __init__(self, emails: int, seed: int, as_of: date, people: int | None = None) -> None:
        self.seed = seed
        self.as_of = as_of
        self.n_people = max(60, int(people if people else emails * PEOPLE_PER_EMAIL))
        self.n_orgs = max(12, self.n_people // PEOPLE_PER_ORG)
        self.n_desks = max(1, self.n_orgs // 40)
        self._names = len(W.FIRST_NAMES) * len(W.LAST_NAMES)
        self._name_step = coprime_step(self._names, 7919)
        n_org_combos = len(W.ORG_WORDS_A) * len(W.ORG_WORDS_B) * len(W.ORG_KINDS)
        self._org_combos = n_org_combos
        self._org_step = coprime_step(n_org_combos, 104729)
        self._org_off = Rng(seed, 3).below(n_org_combos)
        self._orgs: dict[int, Org] = {}

    # -- organisations ---------------------------------------------------------------------------
    def org(self, o: int) -> Org:
        got = self._orgs.get(o)
        if got is not None:
            return got
        idx = (o * self._org_step + self._org_off) % self._org_combos
        na, nb = len(W.ORG_WORDS_A), len(W.ORG_WORDS_B)
        a = W.ORG_WORDS_A[idx % na]
        b = W.ORG_WORDS_B[(idx // na) % nb]
        kind, kslug = W.ORG_KINDS[idx // (na * nb)]
        tld = W.TLDS[Rng(self.seed, 4, o).below(len(W.TLDS))]
        suffix = "" if o < self._org_combos else str(o // self._org_combos)
        name = f"{a} {b} {kind}" + (f" {suffix}" if suffix else "")
        domain = f"{a}-{b}-{kslug}{suffix}.{tld}".lower()
        org = Org(o + 1, name, domain, a.lower(), b.lower(), sf_id("001", o + 1))
        self._orgs[o] = org
        return org

    def external_org(self, n: int) -> tuple[str, str]:
        """An organisation that exists in no system (for `skipped_no_contact`)."""
        r = Rng(self.seed, 5, n)
        a, b = r.choice(W.ORG_WORDS_A), r.choice(W.ORG_WORDS_B)
        return f"{a} {b} Labs", f"{a}-{b}-labs{n % 97}.io".lower()

    # -- people ----------------------------------------------------------------------------------
    def _name(self, o: int, k: int) -> tuple[str, str, str]:
        idx = (k * self._name_step + o * 131) % self._names
        first = W.FIRST_NAMES[idx % len(W.FIRST_NAMES)]
        last = W.LAST_NAMES[idx // len(W.FIRST_NAMES)]
        extra = "" if k < self._names else str(k // self._names)
        return first, last, extra

    def _local(self, o: int, first: str, last: str, extra: str) -> str:
        style = Rng(self.seed, 6, o).below(3)
        f, la = first.lower(), last.lower()
        local = (f"{f}.{la}", f"{f}_{la}", f"{la}.{f}")[style]
        return local + extra

    def person(self, i: int) -> Person:
        r = Rng(self.seed, 1, i)
        o = i % self.n_orgs
        k = i // self.n_orgs
        org = self.org(o)
        first, last, extra = self._name(o, k)
        addr = f"{self._local(o, first, last, extra)}@{org.domain}"
        phone = f"+1 {200 + r.below(700)} 555 {r.below(10000):04d}"
        title = r.choice(W.TITLES)
        as_of = self.as_of
        in_cupola = r.chance(0.7)
        cupola_active = r.chance(0.88)
        cupola_email = case_variant(r, addr) if r.chance(0.04) else addr
        if cupola_active:
            cdate = as_of - timedelta(days=200 + r.below(5000))
        else:
            cdate = as_of - timedelta(days=30 + r.below(1500))
        history = None
        if in_cupola and r.chance(0.08):
            o2 = (o + 1 + r.below(self.n_orgs - 1)) % self.n_orgs
            org2 = self.org(o2)
            history = (org2, f"{first[0].lower()}{last.lower()}{extra}@{org2.domain}", r.choice(W.TITLES),
                       (cdate - timedelta(days=1 + r.below(60))).isoformat())
        hodor = None
        if r.chance(0.45 if in_cupola else 0.25):
            hodor = "Inactive" if (in_cupola and not cupola_active and r.chance(0.5)) else "Active"
        hodor_email = case_variant(r, addr) if r.chance(0.03) else addr
        contact = None
        if r.chance(0.9):
            if in_cupola and not cupola_active:
                contact = "Inactive" if r.chance(0.6) else "Active"
            else:
                contact = "Inactive" if r.chance(0.08) else "Active"
        contact_email = case_variant(r, addr) if r.chance(0.03) else addr
        modified = datetime(as_of.year, as_of.month, as_of.day, tzinfo=UTC) - timedelta(
            seconds=86400 * 3 + r.below(86400 * 900))
        lead = r.weighted(W.LEAD_STATUSES) if r.chance(0.15) else None
        multipub = None
        if r.chance(0.18):
            multipub = r.weighted((("active", 45), ("exp_recent", 15), ("exp_old", 20), ("single_recent", 8),
                                   ("single_old", 5), ("cancelled", 7)))
        mp_amb = multipub is not None and r.chance(0.03)
        sfmc = r.chance(0.04)
        return Person(
            i, i + 1, org, first, last, addr, phone, title, in_cupola, cupola_active, cupola_email,
            cdate.isoformat(), history, hodor, hodor_email, contact, contact_email,
            modified.strftime("%Y-%m-%dT%H:%M:%S.000+0000"), lead, multipub, mp_amb, sfmc,
        )

    def person_in_org(self, o: int, r: Rng) -> Person:
        per_org = max(1, (self.n_people - o + self.n_orgs - 1) // self.n_orgs)
        return self.person(o + self.n_orgs * r.below(per_org))

    # -- shared mailboxes (two Active org-person rows of different people) -------------------------
    def desk(self, d: int) -> tuple[Org, str, list[tuple[int, str, str]]]:
        o = (d * (self.n_orgs // self.n_desks)) % self.n_orgs
        org = self.org(o)
        r = Rng(self.seed, 7, d)
        people = []
        for j in range(2):
            pid = self.n_people + 2 * d + j + 1
            people.append((pid, r.choice(W.FIRST_NAMES), r.choice(W.LAST_NAMES)))
        return org, f"research-desk@{org.domain}", people

