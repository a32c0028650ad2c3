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

import json
import time
from datetime import date
from pathlib import Path
from typing import Any

from autoresponder.generate_data.expected import EXPECTED_COLUMNS, fresh_email_dir, write_messages
from autoresponder.generate_data.messages import MessageFactory
from autoresponder.generate_data.population import COLUMNS, write_population
from autoresponder.generate_data.world import World

__all__ = ["COLUMNS", "DEFAULT_AS_OF", "EXPECTED_COLUMNS", "generate", "generate_main"]

DEFAULT_AS_OF = date(2026, 11, 25)


def generate(out: Path, emails: int, seed: int, as_of: date = DEFAULT_AS_OF,
             people: int | None = None) -> dict[str, Any]:
    """Write a source directory in the DESIGN §3 layout with `emails` messages; returns a summary.
    `people`: the population behind the contact systems (default 6.6 per message)."""
    t0 = time.perf_counter()
    out = Path(out)
    world = World(emails, seed, as_of, people=people)
    fresh_email_dir(out)
    rows = write_population(world, out)
    t_pop = time.perf_counter() - t0
    tallies = write_messages(MessageFactory(world).build, out, emails)
    wall = time.perf_counter() - t0
    return {
        "out": str(out),
        "seed": seed,
        "as_of": as_of.isoformat(),
        "emails": emails,
        **tallies,
        "rows": {**rows, "expected.csv": emails},
        "people": world.n_people,
        "orgs": world.n_orgs,
        "wall_s": {"population": round(t_pop, 2), "emails": round(wall - t_pop, 2), "total": round(wall, 2)},
    }


def generate_main(args: Any) -> int:
    """CLI entry: `autoresponder generate --out DIR --emails N --seed S [--people P] [--as-of YYYY-MM-DD]`."""
    as_of_raw = getattr(args, "as_of", None)
    as_of = date.fromisoformat(as_of_raw) if as_of_raw else DEFAULT_AS_OF
    people = getattr(args, "people", None)
    summary = generate(Path(args.out), int(args.emails), int(args.seed), as_of,
                       people=int(people) if people else None)
    print(json.dumps(summary, indent=2))
    return 0
