"""`autoresponder generate`: source data in the DESIGN §3 layout, at any size.

`generate(out, emails, seed, as_of)` writes `emails/*.eml` plus the CUPOLA, Multipub, Hodor, SFMC and
Salesforce CSVs, and `expected.csv` (the ground truth of every generated message: determination,
reason, lookup email, CUPOLA state of that email, and the extracted fields a classifier should find).

Design for scale (100k emails, ~650k people, ~600k Salesforce Contacts):

* Every person, organisation and message is a pure function of `(seed, index)` through a small
  counter-based PRNG (splitmix64), so nothing is held in memory: the CSVs are streamed in one pass
  over the people, and each message looks up its target person by recomputing it.
* The same seed gives the same bytes (no clocks, no `random` module state, explicit MIME boundaries).
* Messages are built with `email.message.EmailMessage` on the compat32 policy (10x faster to
  serialise than the default policy; the output is ordinary RFC 5322 / MIME that any parser reads).

Proportions of message kinds follow production: ~35% out-of-office, 25% bounces (mostly RFC 3464
multipart/report, some legacy plain-text), 15% left / retired / deceased / moved, 8% email and title
updates, 7% replacements, 5% "still here", 5% human replies with no signal; plus small shares of
relayed auto-replies, spoofed senders, shared mailboxes (ambiguous CUPOLA match), duplicate
Message-IDs, malformed MIME and empty files.
"""

from __future__ import annotations

import csv
import email.utils
import json
import math
import re
import time
from collections import Counter
from datetime import UTC, date, datetime, timedelta, timezone
from email.charset import QP, Charset
from email.header import Header
from email.message import EmailMessage, Message
from email.policy import compat32
from pathlib import Path
from typing import Any, NamedTuple

from autoresponder.generate_data import words as W
from autoresponder.generate_data.sfid import sf_id

COLUMNS: dict[str, list[str]] = {
    "cupola/persons.csv": ["person_id", "first_name", "last_name", "email", "phone"],
    "cupola/orgs.csv": ["org_id", "org_name", "website_domain"],
    "cupola/org_persons.csv": ["org_person_id", "person_id", "org_id", "position", "email", "status",
                               "status_change_date"],
    "multipub/subscriptions.csv": ["subscription_id", "subscriber_id", "email", "first_name", "last_name",
                                   "company", "product_code", "subscription_type", "status", "start_date",
                                   "end_date", "last_issue_date"],
    "hodor/prospects.csv": ["prospect_id", "first_name", "last_name", "email", "phone", "company", "title",
                            "status"],
    "sfmc/suppressions.csv": ["email", "list_name", "reason", "added_at"],
    "salesforce/Account.csv": ["Id", "Name"],
    "salesforce/Contact.csv": ["Id", "FirstName", "LastName", "Email", "Title", "AccountId", "Contact_Status__c",
                               "LastModifiedDate"],
    "salesforce/Lead.csv": ["Id", "FirstName", "LastName", "Email", "Title", "Company", "Status",
                            "LastModifiedDate"],
}

EXPECTED_COLUMNS = ["file", "message_id", "determination", "reason", "lookup_email", "cupola_state",
                    "return_date", "new_email", "new_title", "new_org", "replacements", "bounce_status",
                    "flags"]

OUR_DOMAIN = "example-research.com"
OUR_ADDRESSES = ("research@example-research.com", "insights@example-research.com",
                 "events@example-research.com")
DEFAULT_AS_OF = date(2026, 11, 25)

PEOPLE_PER_EMAIL = 6.6  # ~650k people / ~600k Salesforce Contacts for 100k emails
PEOPLE_PER_ORG = 130

# message kinds and their shares (sum 1.0)
KIND_WEIGHTS = (
    ("ooo", 0.35), ("bounce", 0.25), ("inactive", 0.15), ("email_update", 0.04), ("title_update", 0.04),
    ("replacement", 0.07), ("active", 0.05), ("unknown", 0.05),
)

_M64 = (1 << 64) - 1
_GOLDEN = 0x9E3779B97F4A7C15
_QP_UTF8 = Charset("utf-8")
_QP_UTF8.body_encoding = QP
_QP_UTF8.header_encoding = QP
_POLICY = compat32.clone(linesep="\n", max_line_length=78)


def _mix(z: int) -> int:
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & _M64
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & _M64
    return z ^ (z >> 31)


class _Rng:
    """Counter-based PRNG: `_Rng(seed, stream, index)` is independent of every other index."""

    __slots__ = ("s",)

    def __init__(self, *keys: int) -> None:
        s = 0x243F6A8885A308D3
        for k in keys:
            s = _mix((s ^ (k & _M64)) + _GOLDEN & _M64)
        self.s = s

    def u64(self) -> int:
        self.s = (self.s + _GOLDEN) & _M64
        return _mix(self.s)

    def below(self, n: int) -> int:
        return self.u64() % n

    def random(self) -> float:
        return (self.u64() >> 11) * (1.0 / 9007199254740992.0)

    def chance(self, p: float) -> bool:
        return self.random() < p

    def choice(self, seq: Any) -> Any:
        return seq[self.u64() % len(seq)]

    def weighted(self, pairs: Any) -> Any:
        total = sum(w for _, w in pairs)
        x = self.random() * total
        for value, w in pairs:
            x -= w
            if x < 0:
                return value
        return pairs[-1][0]


def _coprime_step(n: int, start: int) -> int:
    step = start
    while math.gcd(step, n) != 1:
        step += 1
    return step


def _case_variant(rng: _Rng, addr: str) -> str:
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

    def __init__(self, emails: int, seed: int, as_of: date) -> None:
        self.seed = seed
        self.as_of = as_of
        self.n_people = max(60, int(emails * PEOPLE_PER_EMAIL))
        self.n_orgs = max(12, self.n_people // PEOPLE_PER_ORG)
        self.n_desks = max(1, self.n_orgs // 40)
        self._names = len(W.FIRST_NAMES) * len(W.LAST_NAMES)
        self._name_step = _coprime_step(self._names, 7919)
        n_org_combos = len(W.ORG_WORDS_A) * len(W.ORG_WORDS_B) * len(W.ORG_KINDS)
        self._org_combos = n_org_combos
        self._org_step = _coprime_step(n_org_combos, 104729)
        self._org_off = _Rng(seed, 3).below(n_org_combos)
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
        tld = W.TLDS[_Rng(self.seed, 4, o).below(len(W.TLDS))]
        suffix = "" if o < self._org_combos else str(o // self._org_combos)
        name = f"{a} {b} {kind}" + (f" {suffix}" if suffix else "")
        domain = f"{a}-{b}-{kslug}{suffix}.{tld}".lower()
        org = Org(o + 1, name, domain, a.lower(), b.lower(), sf_id("001", o + 1))
        self._orgs[o] = org
        return org

    def external_org(self, n: int) -> tuple[str, str]:
        """An organisation that exists in no system (for `skipped_no_contact`)."""
        r = _Rng(self.seed, 5, n)
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
        style = _Rng(self.seed, 6, o).below(3)
        f, la = first.lower(), last.lower()
        local = (f"{f}.{la}", f"{f}_{la}", f"{la}.{f}")[style]
        return local + extra

    def person(self, i: int) -> Person:
        r = _Rng(self.seed, 1, i)
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
        cupola_email = _case_variant(r, addr) if r.chance(0.04) else addr
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
        hodor_email = _case_variant(r, addr) if r.chance(0.03) else addr
        contact = None
        if r.chance(0.9):
            if in_cupola and not cupola_active:
                contact = "Inactive" if r.chance(0.6) else "Active"
            else:
                contact = "Inactive" if r.chance(0.08) else "Active"
        contact_email = _case_variant(r, addr) if r.chance(0.03) else addr
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

    def person_in_org(self, o: int, r: _Rng) -> Person:
        per_org = max(1, (self.n_people - o + self.n_orgs - 1) // self.n_orgs)
        return self.person(o + self.n_orgs * r.below(per_org))

    # -- shared mailboxes (two Active org-person rows of different people) -------------------------
    def desk(self, d: int) -> tuple[Org, str, list[tuple[int, str, str]]]:
        o = (d * (self.n_orgs // self.n_desks)) % self.n_orgs
        org = self.org(o)
        r = _Rng(self.seed, 7, d)
        people = []
        for j in range(2):
            pid = self.n_people + 2 * d + j + 1
            people.append((pid, r.choice(W.FIRST_NAMES), r.choice(W.LAST_NAMES)))
        return org, f"research-desk@{org.domain}", people


# ---------------------------------------------------------------------------------------------
# CSVs
# ---------------------------------------------------------------------------------------------


def _subscriptions(p: Person, as_of: date, seed: int) -> list[tuple]:
    r = _Rng(seed, 8, p.index)
    kind = p.multipub
    rows = []
    product = r.choice(W.PRODUCTS)
    if kind == "active":
        start = as_of - timedelta(days=30 + r.below(700))
        end = start + timedelta(days=365 * (1 + (as_of - start).days // 365))
        if end <= as_of:
            end = as_of + timedelta(days=30)
        last = as_of - timedelta(days=r.below(20))
        rows.append(("recurring", "active", start, end, last, product))
    elif kind == "exp_recent":
        end = as_of - timedelta(days=10 + r.below(340))  # <= 350 days: inside 12 months either way
        rows.append(("recurring", "expired", end - timedelta(days=365), end, end - timedelta(days=r.below(20)),
                     product))
    elif kind == "exp_old":
        end = as_of - timedelta(days=380 + r.below(1100))  # >= 380 days: outside 12 months either way
        rows.append(("recurring", "expired", end - timedelta(days=365), end, end - timedelta(days=r.below(20)),
                     product))
    elif kind == "single_recent":
        d = as_of - timedelta(days=10 + r.below(340))
        rows.append(("single_issue", "expired", d, d, d, r.choice(W.SINGLE_PRODUCTS)))
    elif kind == "single_old":
        d = as_of - timedelta(days=380 + r.below(800))
        rows.append(("single_issue", "expired", d, d, d, r.choice(W.SINGLE_PRODUCTS)))
    else:  # cancelled
        end = as_of - timedelta(days=30 + r.below(900))
        rows.append(("recurring", "cancelled", end - timedelta(days=200), end, end - timedelta(days=20), product))
    out = []
    for n, (typ, status, start, end, last, prod) in enumerate(rows):
        out.append((f"S-{p.person_id:08d}-{n + 1}", f"MP-{p.person_id:08d}", p.email, p.first, p.last,
                    p.org.name, prod, typ, status, start.isoformat(), end.isoformat(), last.isoformat()))
    if p.multipub_ambiguous:
        start = as_of - timedelta(days=400)
        out.append((f"S-{p.person_id:08d}-9", f"MP-{p.person_id:08d}B", _case_variant(r, p.email),
                    p.first[:1] + ".", p.last, p.org.name, r.choice(W.PRODUCTS), "recurring", "active",
                    start.isoformat(), (start + timedelta(days=730)).isoformat(),
                    (as_of - timedelta(days=5)).isoformat()))
    return out


def _write_population(world: World, out: Path) -> dict[str, int]:
    counts: Counter[str] = Counter()
    files = {name: (out / name) for name in COLUMNS}
    for path in files.values():
        path.parent.mkdir(parents=True, exist_ok=True)
    handles = {name: path.open("w", newline="", encoding="utf-8") for name, path in files.items()}
    try:
        wr = {name: csv.writer(fh, lineterminator="\n") for name, fh in handles.items()}
        for name, w in wr.items():
            w.writerow(COLUMNS[name])
        w_org, w_acc = wr["cupola/orgs.csv"], wr["salesforce/Account.csv"]
        for o in range(world.n_orgs):
            org = world.org(o)
            w_org.writerow((org.org_id, org.name, org.domain))
            w_acc.writerow((org.account_id, org.name))
        counts["cupola/orgs.csv"] = counts["salesforce/Account.csv"] = world.n_orgs
        w_per, w_op = wr["cupola/persons.csv"], wr["cupola/org_persons.csv"]
        w_mp, w_h, w_s = wr["multipub/subscriptions.csv"], wr["hodor/prospects.csv"], wr["sfmc/suppressions.csv"]
        w_c, w_l = wr["salesforce/Contact.csv"], wr["salesforce/Lead.csv"]
        as_of = world.as_of
        for i in range(world.n_people):
            p = world.person(i)
            if p.in_cupola:
                w_per.writerow((p.person_id, p.first, p.last, p.cupola_email, p.phone))
                if p.history:
                    h_org, h_email, h_pos, h_date = p.history
                    w_op.writerow((2 * p.person_id, p.person_id, h_org.org_id, h_pos, h_email, "Inactive", h_date))
                    counts["cupola/org_persons.csv"] += 1
                w_op.writerow((2 * p.person_id + 1, p.person_id, p.org.org_id, p.title, p.cupola_email,
                               "Active" if p.cupola_active else "Inactive", p.cupola_date))
                counts["cupola/persons.csv"] += 1
                counts["cupola/org_persons.csv"] += 1
            if p.hodor:
                w_h.writerow((f"H-{p.person_id:08d}", p.first, p.last, p.hodor_email, p.phone, p.org.name,
                              p.title, p.hodor))
                counts["hodor/prospects.csv"] += 1
            if p.contact:
                w_c.writerow((sf_id("003", p.person_id), p.first, p.last, p.contact_email, p.title,
                              p.org.account_id, p.contact, p.contact_modified))
                counts["salesforce/Contact.csv"] += 1
            if p.lead:
                w_l.writerow((sf_id("00Q", p.person_id), p.first, p.last, p.email, p.title, p.org.name, p.lead,
                              p.contact_modified))
                counts["salesforce/Lead.csv"] += 1
            if p.multipub:
                rows = _subscriptions(p, as_of, world.seed)
                w_mp.writerows(rows)
                counts["multipub/subscriptions.csv"] += len(rows)
            if p.sfmc:
                r = _Rng(world.seed, 9, i)
                w_s.writerow((p.email, r.choice(W.LIST_NAMES), r.choice(W.SUPPRESSION_REASONS),
                              (as_of - timedelta(days=1 + r.below(900))).isoformat()))
                counts["sfmc/suppressions.csv"] += 1
        for d in range(world.n_desks):
            org, desk, people = world.desk(d)
            for j, (pid, first, last) in enumerate(people):
                w_per.writerow((pid, first, last, desk, "+1 212 555 0000"))
                w_op.writerow((2 * pid + 1, pid, org.org_id, "Research Desk Analyst", desk, "Active",
                               (as_of - timedelta(days=100 + 50 * j)).isoformat()))
                counts["cupola/persons.csv"] += 1
                counts["cupola/org_persons.csv"] += 1
    finally:
        for fh in handles.values():
            fh.close()
    return dict(counts)


# ---------------------------------------------------------------------------------------------
# Messages
# ---------------------------------------------------------------------------------------------


class Label(NamedTuple):
    determination: str
    reason: str
    lookup_email: str
    cupola_state: str
    return_date: str = ""
    new_email: str = ""
    new_title: str = ""
    new_org: str = ""
    replacements: str = ""
    bounce_status: str = ""
    flags: str = ""


def _fmt_date(d: date, lang: str, style: int) -> str:
    if lang == "de":
        return f"{W.DAYS_DE[d.weekday()]}, {d.day}. {W.MONTHS_DE[d.month - 1]} {d.year}" if style % 2 else \
            f"{d.day}. {W.MONTHS_DE[d.month - 1]} {d.year}"
    if lang == "fr":
        return f"{d.day} {W.MONTHS_FR[d.month - 1]} {d.year}"
    if lang == "es":
        return f"{d.day} de {W.MONTHS_ES[d.month - 1]} de {d.year}"
    if lang == "nl":
        return f"{d.day} {W.MONTHS_NL[d.month - 1]} {d.year}"
    month = W.MONTHS_EN[d.month - 1]
    day = W.DAYS_EN[d.weekday()]
    return (
        f"{day} {d.day} {month} {d.year}",
        f"{day}, {month} {d.day}, {d.year}",
        f"{d.day} {month} {d.year}",
        f"{month} {d.day}, {d.year}",
        f"{day} {d.day} {month}",
    )[style % 5]


def _addr(name: str, addr: str) -> str:
    try:
        name.encode("ascii")
        return email.utils.formataddr((name, addr))
    except UnicodeEncodeError:
        return email.utils.formataddr((name, addr), charset="utf-8")


def _hdr(value: str) -> str:
    try:
        value.encode("ascii")
        return value
    except UnicodeEncodeError:
        return Header(value, "utf-8").encode()


def _text_part(text: str, subtype: str = "plain") -> EmailMessage:
    if not text.endswith("\n"):
        text += "\n"
    part = EmailMessage(policy=_POLICY)
    try:
        text.encode("ascii")
        part["Content-Type"] = f'text/{subtype}; charset="us-ascii"'
        part["Content-Transfer-Encoding"] = "7bit"
        part.set_payload(text)
    except UnicodeEncodeError:
        part.set_payload(text, _QP_UTF8)
        part.replace_header("Content-Type", f'text/{subtype}; charset="utf-8"')
    return part


def _html(text: str) -> str:
    paras = "".join(
        f"<p>{line.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;')}</p>\n"
        for line in text.split("\n") if line.strip()
    )
    return ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head>\n'
            f'<body><div style="font-family:Calibri,sans-serif;font-size:11pt">\n{paras}</div></body></html>\n')


class _MessageFactory:
    def __init__(self, world: World) -> None:
        self.w = world
        self.seed = world.seed
        self.as_of = world.as_of

    # which kind / target / overlays a message index has
    def plan(self, m: int) -> tuple[str, str, _Rng]:
        r = _Rng(self.seed, 2, m)
        kind = r.weighted(KIND_WEIGHTS)
        x = r.random()
        overlay = "none"
        if x < 0.005:
            overlay = "duplicate"
        elif x < 0.007:
            overlay = "malformed"
        elif x < 0.0075:
            overlay = "empty"
        return kind, overlay, r

    def build(self, m: int) -> tuple[bytes, str, Label]:
        kind, overlay, r = self.plan(m)
        if overlay == "empty":
            import hashlib
            return b"", "sha256:" + hashlib.sha256(b"").hexdigest(), Label("UNKNOWN", "unreadable", "", "",
                                                                            flags="empty")
        if overlay == "duplicate" and m > 0:
            src = m - 1 - r.below(min(m, 50))
            if self.plan(src)[1] == "none":
                raw, mid, label = self._base(src, *self.plan(src)[::2])
                variant = r.below(3)
                new_mid = (f"<{mid.upper()}>", mid, f"  <{mid.lower()}> ")[variant]
                pattern = rb"Message-ID:[ \t]*(?:\n[ \t]+)?<" + re.escape(mid.encode()) + rb">"
                raw = re.sub(pattern, b"Message-ID: " + new_mid.encode(), raw, count=1)
                return raw, mid.lower(), label._replace(flags=(label.flags + " duplicate").strip())
        raw, mid, label = self._base(m, kind, r)
        if overlay == "malformed":
            raw, label = self._break(raw, r, label)
        return raw, mid.lower(), label

    def _break(self, raw: bytes, r: _Rng, label: Label) -> tuple[bytes, Label]:
        flags = (label.flags + " malformed").strip()
        if b"boundary=" in raw:
            # drop the closing boundary line and truncate the last part
            idx = raw.rfind(b"\n--")
            return raw[:idx] + b"\n", label._replace(flags=flags)
        # single part: re-wrap as a multipart whose closing boundary never comes, and add a header
        # with raw 8-bit bytes (both seen in real mail from broken gateways)
        head, _, body = raw.partition(b"\n\n")
        keep, part_head = [], []
        for line in head.split(b"\n"):
            (part_head if line.lower().startswith((b"content-type:", b"content-transfer-encoding:")) else keep).append(line)
        bnd = b"=_broken_%d" % r.below(10**9)
        new_head = b"\n".join(keep) + b"\nX-Mailer: Gr\xfc\xdfe Mail\nContent-Type: multipart/mixed; boundary=\"" + bnd + b"\""
        return (new_head + b"\n\n--" + bnd + b"\n" + b"\n".join(part_head) + b"\n\n" + body,
                label._replace(flags=flags))

    # -----------------------------------------------------------------------------------------
    def _target(self, kind: str, r: _Rng) -> tuple[str, str, str, str, str, Person | None, str]:
        """(full name, first, last, email as sent, org name, person, cupola_state)."""
        x = r.random()
        if x < 0.025:
            org_name, domain = self.w.external_org(r.below(10000))
            first, last = r.choice(W.FIRST_NAMES), r.choice(W.LAST_NAMES)
            addr = f"{first.lower()}.{last.lower()}@{domain}"
            return f"{first} {last}", first, last, addr, org_name, None, "no_contact"
        if x < 0.035 and kind in ("ooo", "inactive", "replacement", "active"):
            org, desk, people = self.w.desk(r.below(self.w.n_desks))
            return "Research Desk", "Research", "Desk", desk, org.name, None, "ambiguous"
        p = self.w.person(r.below(self.w.n_people))
        return p.full, p.first, p.last, p.email, p.org.name, p, p.cupola_state

    def _msg_date(self, r: _Rng) -> datetime:
        day = self.as_of - timedelta(days=1 + r.below(10))
        tz = timezone(timedelta(hours=r.choice((0, 0, -5, -5, 1, -6, 2, -8, 8))))
        return datetime(day.year, day.month, day.day, 6 + r.below(14), r.below(60), r.below(60), tzinfo=tz)

    def _message_id(self, m: int, r: _Rng, domain: str, when: datetime) -> str:
        h = r.u64()
        style = r.below(3)
        if style == 0:
            pod = f"{'ABCDEFGHJKLMNPQRSTUVWXYZ'[h % 24]}{'ABCDEFGHJKLMNPQRSTUVWXYZ'[(h >> 5) % 24]}" \
                  f"{(h >> 10) % 9 + 1}PR{(h >> 14) % 20:02d}MB{(h >> 20) % 9000 + 1000}"
            return f"{pod}{(h >> 34) & 0xFFFFFFF:07X}{m:07d}@{pod}.namprd{(h >> 40) % 20:02d}.prod.outlook.com"
        if style == 1:
            alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
            tok = "".join(alphabet[(h >> (6 * j)) % 62] for j in range(10))
            return f"CA{tok}{m:07d}@mail.gmail.com"
        return f"{when:%Y%m%d%H%M%S}.{h & 0xFFFFFFFF:08x}.{m}@{domain}"

    def _base(self, m: int, kind: str, r: _Rng) -> tuple[bytes, str, Label]:
        full, first, last, addr, org_name, p, state = self._target(kind, r)
        domain = addr.partition("@")[2]
        when = self._msg_date(r)
        campaign = r.choice(W.CAMPAIGNS)
        our = r.choice(OUR_ADDRESSES)
        orig_id = f"<20261116.{m:07d}.{r.u64() & 0xFFFFFF:06x}@mail.{OUR_DOMAIN}>"
        if kind == "bounce":
            return self._bounce(m, r, addr, domain, when, campaign, our, orig_id, state)
        lang = "en"
        if kind in ("ooo", "inactive") and r.chance(0.12):
            lang = r.choice(("de", "de", "fr", "fr", "es", "nl"))
        if kind == "inactive" and lang in ("es", "nl"):
            lang = "de"
        ctx = {"full": full, "first": first, "org": org_name, "title": p.title if p else "the analyst",
               "phone": p.phone if p else "+1 212 555 0100"}
        flags: list[str] = []
        ret = ""
        auto = True
        label: Label
        if kind == "ooo":
            dated = r.chance(0.6)
            urgent = ""
            if r.chance(0.15):
                colleague = self.w.person_in_org(p.org.org_id - 1, r) if p else None
                if colleague is not None and colleague.email != addr:
                    urgent = r.choice(W.URGENT).format(alt_name=colleague.full, alt_email=colleague.email,
                                                       phone=ctx["phone"])
            if dated:
                rd = when.date() + timedelta(days=2 + r.below(28))
                ret = rd.isoformat()
                tmpl = r.choice(W.OOO_DATED[lang])
                text = tmpl.format(ret=_fmt_date(rd, lang, r.below(5) if rd.year == when.year else 0),
                                   urgent=urgent)
            else:
                text = r.choice(W.OOO_UNDATED[lang]).format(urgent=urgent)
            label = Label("OUT_OF_OFFICE", "out_of_office", addr, state, return_date=ret)
        elif kind == "inactive":
            reason = r.weighted((("left", 60), ("retired", 25), ("deceased", 3), ("moved_to_other_org", 12)))
            past = _fmt_date(when.date() - timedelta(days=5 + r.below(60)), lang, 2)
            new_email = new_org = new_title = ""
            if reason == "moved_to_other_org":
                lang = "en"
                o_now = p.org.org_id - 1 if p else 0
                new_org_obj = self.w.org((o_now + 1 + r.below(self.w.n_orgs - 1)) % self.w.n_orgs)
                new_org = new_org_obj.name
                new_title = r.choice(W.TITLES)
                if r.chance(0.7):
                    new_email = f"{first[:1].lower()}.{last.lower()}@{new_org_obj.domain}"
                    text = r.choice(W.MOVED_WITH_EMAIL)
                else:
                    text = r.choice(W.MOVED_NO_EMAIL)
                text = text.format(new_org=new_org, new_title=new_title, new_email=new_email, **ctx)
            else:
                table = {"left": W.LEFT, "retired": W.RETIRED, "deceased": W.DECEASED}[reason]
                texts = table.get(lang) or table["en"]
                text = r.choice(texts).format(past=past, **ctx)
            label = Label("INACTIVE", reason, addr, state, new_email=new_email, new_org=new_org)
        elif kind == "email_update":
            if r.chance(0.5):
                new_email = f"{first.lower()}{last.lower()}@{domain}"
            else:
                org = p.org if p else None
                alt_domain = f"{org.a}-{org.b}-group.com" if org else f"new-{domain}"
                new_email = f"{first.lower()}.{last.lower()}@{alt_domain}"
            future = _fmt_date(when.date() + timedelta(days=20 + r.below(60)), "en", 2)
            text = r.choice(W.EMAIL_UPDATE).format(new_email=new_email, future=future, **ctx)
            auto = r.chance(0.7)
            label = Label("EMAIL_UPDATE", "new_email", addr, state, new_email=new_email)
        elif kind == "title_update":
            new_title = r.choice(W.NEW_TITLES)
            past = _fmt_date(when.date() - timedelta(days=r.below(30)), "en", 2)
            text = r.choice(W.TITLE_UPDATE).format(new_title=new_title, past=past, **ctx)
            auto = r.chance(0.3)
            label = Label("TITLE_UPDATE", "new_title", addr, state, new_title=new_title)
        elif kind == "replacement":
            own_domain = r.chance(0.1)
            alts: list[tuple[str, str, str]] = []
            n_alts = 1 if own_domain or r.chance(0.8) else 2
            for _ in range(n_alts):
                if own_domain:
                    f2, l2 = r.choice(W.FIRST_NAMES), r.choice(W.LAST_NAMES)
                    alts.append((f"{f2} {l2}", f"{f2.lower()}.{l2.lower()}@{OUR_DOMAIN}", "Account Manager"))
                elif p is not None:
                    c = self.w.person_in_org(p.org.org_id - 1, r)
                    if c.email != addr and all(c.email != a[1] for a in alts):
                        alts.append((c.full, c.email, c.title))
                if not alts and not own_domain:
                    f2, l2 = r.choice(W.FIRST_NAMES), r.choice(W.LAST_NAMES)
                    alts.append((f"{f2} {l2}", f"{f2.lower()}.{l2.lower()}@{domain}", r.choice(W.TITLES)))
            alt_txt = " or ".join(
                (f"{n}, {t}, at {e}" if r.chance(0.6) else f"{n} ({e})") for n, e, t in alts)
            form = "left" if own_domain else r.weighted((("left", 65), ("retired", 15), ("plain", 20)))
            tmpl = {"left": W.REPLACEMENT_LEFT, "retired": W.REPLACEMENT_RETIRED,
                    "plain": W.REPLACEMENT_PLAIN}[form]
            text = r.choice(tmpl).format(alts=alt_txt, **ctx)
            reason = "replacement" if form == "plain" else form
            if own_domain:
                label = Label("INACTIVE", reason, addr, state, flags="own_domain_alternate")
            else:
                label = Label("REPLACEMENT", reason, addr, state,
                              replacements=json.dumps([{"name": n, "email": e, "title": t} for n, e, t in alts]))
        elif kind == "active":
            text = r.choice(W.ACTIVE).format(**ctx)
            auto = False
            label = Label("ACTIVE", "still_active", addr, state)
        else:
            text = r.choice(W.UNKNOWN)
            auto = False
            label = Label("UNKNOWN", "not_an_auto_reply", addr, state)

        relay = auto and kind in ("ooo", "inactive", "replacement") and state != "ambiguous" and r.chance(0.015)
        spoof = kind in ("inactive", "email_update", "title_update", "replacement") and r.chance(0.007)
        if not auto:
            text = f"Hi,\n\n{text}\n\n{r.choice(W.SIGNOFFS)},\n{first}"
        elif r.chance(0.5) and kind != "inactive":
            text = f"{text}\n\n{full}\n{org_name}"
        quote = r.chance(0.4 if not auto else 0.1) or relay
        if relay:
            text = ("This is an automated response on behalf of the recipient of your message.\n\n" + text)
            flags.append("relay")
        if quote:
            if relay or r.chance(0.6):
                text += (f"\n\n-----Original Message-----\nFrom: Example Research <{our}>\n"
                         f"Sent: Monday, November 16, 2026 9:00 AM\nTo: {full} <{addr}>\nSubject: {campaign}\n\n"
                         "Dear client,\n\nPlease find our latest research attached.\n\nKind regards,\nExample Research\n")
            else:
                text += (f"\n\nOn Mon, 16 Nov 2026 at 09:00, Example Research <{our}> wrote:\n"
                         "> Dear client,\n>\n> Please find our latest research attached.\n")
        msg = EmailMessage(policy=_POLICY)
        if spoof:
            msg["Authentication-Results"] = (f"mx.{OUR_DOMAIN}; spf=fail smtp.mailfrom={domain}; dkim=none; "
                                             f"dmarc=fail (p=REJECT) header.from={domain}")
            flags.append("spoofed")
        elif r.chance(0.7):
            d = f"relay.{domain}" if relay else domain
            msg["Authentication-Results"] = (f"mx.{OUR_DOMAIN}; spf=pass smtp.mailfrom={d}; dkim=pass "
                                             f"header.d={d}; dmarc=pass header.from={d}")
        mid = self._message_id(m, r, f"relay.{domain}" if relay else domain, when)
        msg["Message-ID"] = f"<{mid}>"
        msg["Date"] = email.utils.format_datetime(when)
        if relay:
            msg["From"] = _addr(f"{org_name} Mail Gateway", f"no-reply@relay.{domain}")
        else:
            sent_addr = _case_variant(r, addr) if r.chance(0.08) else addr
            msg["From"] = _addr(full, sent_addr)
        msg["To"] = our
        if auto:
            prefix = r.choice(W.SUBJECT_PREFIX[lang])
        else:
            prefix = r.choice(("RE: ", "Re: ", "AW: " if lang == "de" else "RE: "))
        msg["Subject"] = _hdr(prefix + campaign)
        msg["In-Reply-To"] = orig_id
        msg["References"] = orig_id
        msg["MIME-Version"] = "1.0"
        if auto:
            h = r.below(4)
            if h in (0, 1):
                msg["Auto-Submitted"] = "auto-replied"
            if h in (1, 2):
                msg["X-Autoreply"] = "yes"
            if h == 3:
                msg["X-Auto-Response-Suppress"] = "All"
                if not relay:
                    msg["X-MS-Exchange-Inbox-Rules-Loop"] = addr
            if relay:
                msg["Precedence"] = "auto_reply"
        if r.chance(0.25):
            boundary = f"_000_{r.u64():016x}{m:07d}_"
            msg["Content-Type"] = "multipart/alternative"
            msg.set_payload([_text_part(text), _text_part(_html(text), "html")])
            msg.set_boundary(boundary)
            flags.append("html")
        else:
            part = _text_part(text)
            for k, v in part.items():
                if k.lower() != "mime-version":
                    msg[k] = v
            msg.set_payload(part.get_payload())
        raw = msg.as_bytes(policy=_POLICY)
        if flags:
            label = label._replace(flags=" ".join([label.flags, *flags]).strip())
        return raw, mid, label

    def _bounce(self, m: int, r: _Rng, addr: str, domain: str, when: datetime, campaign: str, our: str,
                orig_id: str, state: str) -> tuple[bytes, str, Label]:
        hard = r.chance(0.75)
        if hard:
            status, diag = r.choice((
                ("5.1.1", "550 5.1.1 <{r}>: Recipient address rejected: User unknown in virtual mailbox table"),
                ("5.1.1", "550-5.1.1 The email account that you tried to reach does not exist."),
                ("5.1.10", "550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup"),
                ("5.2.1", "550 5.2.1 The email account that you tried to reach is disabled."),
                ("5.4.1", "550 5.4.1 Recipient address rejected: Access denied."),
            ))
            action = "failed"
        else:
            status, diag = r.choice((
                ("4.2.2", "452 4.2.2 <{r}>: Mailbox full - user is over quota"),
                ("4.4.7", "Message expired: unable to deliver in 48 hours (4.4.7)"),
                ("4.7.1", "451 4.7.1 Greylisted, please try again later"),
            ))
            action = r.choice(("failed", "delayed"))
        diag = diag.format(r=addr)
        mta = r.choice((f"mx1.{domain}", f"mail.{domain}", f"mx-out.{OUR_DOMAIN}",
                        "NAM12-BN8-obe.outbound.protection.outlook.com"))
        mid = f"{when:%Y%m%d%H%M%S}.{r.u64() & 0xFFFFFFFFFF:010X}.{m}@{mta.lower()}"
        label = Label("BOUNCE", "hard" if hard else "soft", addr, state, bounce_status=status)
        msg = EmailMessage(policy=_POLICY)
        msg["Message-ID"] = f"<{mid}>"
        msg["Date"] = email.utils.format_datetime(when)
        msg["To"] = our
        msg["Auto-Submitted"] = "auto-replied"
        msg["MIME-Version"] = "1.0"
        if r.chance(0.85):
            msg["From"] = _addr("Mail Delivery System", f"MAILER-DAEMON@{mta}")
            msg["Subject"] = r.choice(("Undelivered Mail Returned to Sender", "Delivery Status Notification (Failure)",
                                       "Undeliverable: " + campaign, "Returned mail: see transcript for details"))
            human = (f"This is the mail system at host {mta}.\n\nI'm sorry to have to inform you that your message "
                     f"could not\nbe delivered to one or more recipients. It's attached below.\n\n<{addr}>: "
                     f"host {mta} said:\n    {diag}\n")
            b1 = Message()
            b1["Reporting-MTA"] = f"dns; {mta}"
            b1["Arrival-Date"] = email.utils.format_datetime(when - timedelta(seconds=5))
            b2 = Message()
            b2["Final-Recipient"] = f"rfc822; {addr}"
            if r.chance(0.5):
                b2["Original-Recipient"] = f"rfc822;{addr}"
            b2["Action"] = action
            b2["Status"] = status
            b2["Remote-MTA"] = f"dns; {mta}"
            b2["Diagnostic-Code"] = f"smtp; {diag}"
            ds = EmailMessage(policy=_POLICY)
            ds["Content-Type"] = "message/delivery-status"
            ds.set_payload([b1, b2])
            hdrs = _text_part(f"Return-Path: <bounces@{OUR_DOMAIN}>\nMessage-ID: {orig_id}\n"
                              f"From: Example Research <{our}>\nTo: {addr}\nSubject: {campaign}\n", "rfc822-headers")
            msg["Content-Type"] = "multipart/report; report-type=delivery-status"
            msg.set_payload([_text_part(human), ds, hdrs])
            msg.set_boundary(f"{r.u64() & 0xFFFFFFFFFF:010X}.{m}/{mta.lower()}")
            flags = "dsn"
        else:
            # legacy non-DSN bounce (Exchange 2010 / qmail style): plain text only
            msg["From"] = _addr("Postmaster", f"postmaster@{domain}")
            msg["Subject"] = "Undeliverable: " + campaign
            text = (f"Delivery has failed to these recipients or groups:\n\n{addr}\n"
                    f"The e-mail address you entered couldn't be found. Please check the recipient's e-mail "
                    f"address and try to resend the message.\n\nDiagnostic information for administrators:\n\n"
                    f"Generating server: {mta}\n\n{addr}\n{mta}\nRemote Server returned '{diag}'\n\n"
                    f"Original message headers:\n\nMessage-ID: {orig_id}\nFrom: Example Research <{our}>\n"
                    f"To: <{addr}>\nSubject: {campaign}\n")
            part = _text_part(text)
            for k, v in part.items():
                if k.lower() != "mime-version":
                    msg[k] = v
            msg.set_payload(part.get_payload())
            flags = "plain_bounce"
        return msg.as_bytes(policy=_POLICY), mid, label._replace(flags=flags)


def generate(out: Path, emails: int, seed: int, as_of: date = DEFAULT_AS_OF) -> dict[str, Any]:
    """Write a source directory in the DESIGN §3 layout with `emails` messages; returns a summary."""
    t0 = time.perf_counter()
    out = Path(out)
    world = World(emails, seed, as_of)
    (out / "emails").mkdir(parents=True, exist_ok=True)
    for old in (out / "emails").glob("*.eml"):
        old.unlink()
    rows = _write_population(world, out)
    t_pop = time.perf_counter() - t0
    factory = _MessageFactory(world)
    kinds: Counter[str] = Counter()
    states: Counter[str] = Counter()
    flags: Counter[str] = Counter()
    mids: set[str] = set()
    width = max(6, len(str(emails)))
    email_dir = out / "emails"
    with (out / "expected.csv").open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(EXPECTED_COLUMNS)
        for m in range(emails):
            raw, mid, label = factory.build(m)
            name = f"msg_{m:0{width}d}.eml"
            (email_dir / name).write_bytes(raw)
            w.writerow((name, mid, *label))
            kinds[label.determination] += 1
            states[label.cupola_state or "-"] += 1
            for f in label.flags.split():
                flags[f] += 1
            mids.add(mid)
    wall = time.perf_counter() - t0
    return {
        "out": str(out),
        "seed": seed,
        "as_of": as_of.isoformat(),
        "emails": emails,
        "distinct_message_ids": len(mids),
        "determinations": dict(sorted(kinds.items())),
        "cupola_states": dict(sorted(states.items())),
        "flags": dict(sorted(flags.items())),
        "rows": {**rows, "expected.csv": emails},
        "people": world.n_people,
        "orgs": world.n_orgs,
        "wall_s": {"population": round(t_pop, 2), "emails": round(wall - t_pop, 2), "total": round(wall, 2)},
    }


def generate_main(args: Any) -> int:
    as_of_raw = getattr(args, "as_of", None)
    as_of = date.fromisoformat(as_of_raw) if as_of_raw else DEFAULT_AS_OF
    summary = generate(Path(args.out), int(args.emails), int(args.seed), as_of)
    print(json.dumps(summary, indent=2))
    return 0
