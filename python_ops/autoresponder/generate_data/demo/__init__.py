"""The hand-made demo source set (`seeds/`), one message per routing rule of DESIGN §5-§7.

`write_demo(out)` writes the DESIGN §3 layout plus `expected.csv` (the expected routing of
every message) and is what produced the checked-in `seeds/` directory. The content is rows,
written by hand: `world.py` (the contact systems), `replies.py` and `bounces.py` (the mail),
`expected.py` (what each message must do); `build.py` renders and writes them. Dates are
relative to the demo run date 2026-11-25 (`rows.AS_OF`).
Run: `.venv/bin/python -m autoresponder.generate_data.demo seeds`.
"""

from autoresponder.generate_data.demo.build import write_demo

__all__ = ["write_demo"]
