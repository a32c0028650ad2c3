"""`autoresponder` command line (DESIGN §12). Each command imports its module lazily.

Exit codes (DESIGN §10): 0 all done; 2 bad input or configuration (one `error:` line naming
the file, line, column and the fix; nothing half-written); 3 some writes failed (listed in the
impact report with the remote's own message); 4 a guard stopped the run (deactivation guard,
also for a plan; Salesforce quota guard).
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from collections.abc import Callable
from datetime import date

from pydantic import ValidationError

from autoresponder.errors import EXIT_BAD_INPUT, EXIT_CODES_HELP, AutoResponderError
from autoresponder.systems import registry


class Parser(argparse.ArgumentParser):
    """argparse with one `error:` line (and exit 2) for a bad command line, as for bad input."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_BAD_INPUT, f"error: {self.prog}: {message}; see '{self.prog} --help'\n")


def iso_date(text: str) -> str:
    """`--as-of` value: a calendar date YYYY-MM-DD."""
    try:
        return date.fromisoformat(text.strip()).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date; give YYYY-MM-DD, e.g. 2026-11-25") from None


def _demo(args: argparse.Namespace) -> int:
    # lazy: a command's modules load only when it runs, so --help stays fast
    from autoresponder.commands import demo_main

    return demo_main(args)


def _run(args: argparse.Namespace) -> int:
    # lazy: a command's modules load only when it runs, so --help stays fast
    from autoresponder.commands import run_main

    return run_main(args)


def _rollback(args: argparse.Namespace) -> int:
    # lazy: a command's modules load only when it runs, so --help stays fast
    from autoresponder.commands import rollback_main

    return rollback_main(args)


def _notify(args: argparse.Namespace) -> int:
    # lazy: a command's modules load only when it runs, so --help stays fast
    from autoresponder.commands import notify_main

    return notify_main(args)


def _serve(args: argparse.Namespace) -> int:
    # lazy: a command's modules load only when it runs, so --help stays fast
    from autoresponder.review.server import serve_main

    return serve_main(args)


def _classify(args: argparse.Namespace) -> int:
    # lazy: a command's modules load only when it runs, so --help stays fast
    from autoresponder.classify.cli import classify_main

    return classify_main(args)


def _eval_corpus(args: argparse.Namespace) -> int:
    # lazy: a command's modules load only when it runs, so --help stays fast
    from autoresponder.classify.evaluate import eval_corpus_main

    return eval_corpus_main(args)


def _generate(args: argparse.Namespace) -> int:
    # lazy: a command's modules load only when it runs, so --help stays fast
    from autoresponder.generate import generate_main

    return generate_main(args)


def _bench(args: argparse.Namespace) -> int:
    # lazy: a command's modules load only when it runs, so --help stays fast
    from autoresponder.bench import bench_main

    return bench_main(args)


def _bench_classify(args: argparse.Namespace) -> int:
    # lazy: a command's modules load only when it runs, so --help stays fast
    from autoresponder.classify.evaluate import bench_classify_main

    return bench_classify_main(args)


def _soak(args: argparse.Namespace) -> int:
    # lazy: a command's modules load only when it runs, so --help stays fast
    from autoresponder.soak import soak_main

    return soak_main(args)


# not (yet) registered contact systems: the LLM, and HubSpot until it is wired as a target
EMULATORS = {"openai": "autoresponder.emulators.openai.server", "hubspot": "autoresponder.emulators.hubspot.server"}


def _emulators() -> dict[str, str | None]:
    """`emulate` choices: each registered system (its `System.emulator` module, if any) and the LLM."""

    return {**{s.name: s.emulator for s in registry.systems() if s.open is not None or s.emulator}, **EMULATORS}


class _EmulatorChoices:
    """`emulate` choices, found only when they are checked or listed: discovering the systems imports
    every system's client, seconds that `classify` and the other commands would pay at start-up."""

    def __contains__(self, name: object) -> bool:
        return name in _emulators()

    def __iter__(self):
        return iter(sorted(_emulators()))


def _emulate(args: argparse.Namespace) -> int:

    module = _emulators().get(args.system)
    if module is None:
        print(f"error: no emulator for {args.system!r} yet", file=sys.stderr)
        return 2
    return importlib.import_module(module).emulate_main(args)


def _eval_safety(args: argparse.Namespace) -> int:
    # lazy: a command's modules load only when it runs, so --help stays fast
    from autoresponder.safety.evaluate import eval_safety_main

    return eval_safety_main(args)


def _calibrate(args: argparse.Namespace) -> int:
    # lazy: a command's modules load only when it runs, so --help stays fast
    from autoresponder.classify.calibrate import calibrate_main

    return calibrate_main(args)


def _dbt_vars(args: argparse.Namespace) -> int:
    # lazy: a command's modules load only when it runs, so --help stays fast
    from autoresponder.commands import settings_from_args
    from autoresponder.dbt import dbt_vars_for

    settings = settings_from_args(args)
    print(json.dumps(dbt_vars_for(settings, as_of=settings.as_of or date.today().isoformat(), run_id=args.run_id)))
    return 0


def _add_run_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--sources", default=None, help="source directory in the DESIGN §3 layout")
    p.add_argument("--warehouse", default=None, help="DuckDB file (default warehouse.duckdb)")
    p.add_argument("--as-of", dest="as_of", type=iso_date, default=None,
                   help="run date YYYY-MM-DD (default today)")
    p.add_argument("--runs-dir", dest="runs_dir", default=None, help="where run folders go (default runs/)")


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(prog="autoresponder", description=__doc__.split("\n\n")[0], epilog=EXIT_CODES_HELP)
    sub = parser.add_subparsers(dest="command", required=True)

    def cmd(name: str, fn: Callable[[argparse.Namespace], int], help_: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_, description=help_, epilog=EXIT_CODES_HELP)
        p.set_defaults(func=fn)
        return p

    p = cmd("demo", _demo, "whole pipeline on the embedded default, apply mode, prints the impact report")
    _add_run_options(p)
    for name, help_ in (
        ("run", "whole pipeline in the configured mode (default plan)"),
        ("plan", "whole pipeline, compute the action table, write nothing"),
        ("apply", "whole pipeline, execute the rows gated auto"),
    ):
        p = cmd(name, _run, help_)
        _add_run_options(p)
        p.set_defaults(mode=None if name == "run" else name)

    p = cmd("rollback", _rollback, "restore the prior values of a run's writes")
    p.add_argument("run_id")
    _add_run_options(p)

    p = cmd("notify", _notify, "send the kept notifications of a run that were not delivered (failed, no relay)")
    p.add_argument("run_id")
    _add_run_options(p)

    p = cmd("serve", _serve, "reviewers' web page and upload endpoints (multipub audit, human-review approvals)")
    p.add_argument("--host", default=None, help="default AUTORESPONDER_SERVE_HOST (127.0.0.1)")
    p.add_argument("--port", type=int, default=None, help="default AUTORESPONDER_SERVE_PORT (8765)")
    _add_run_options(p)
    p = cmd("dbt-vars", _dbt_vars, "the dbt vars a run passes, from the settings, as JSON (dbt --vars)")
    p.add_argument("--as-of", dest="as_of", type=iso_date, default=None, help="run date (default today)")
    p.add_argument("--run-id", dest="run_id", default="manual")

    p = cmd("classify", _classify, "classify messages, one JSON object per message on stdout")
    p.add_argument("paths", nargs="+")
    p.add_argument("--offline", action="store_true", help="rules only, no LLM call")
    p.add_argument("--jobs", type=int, default=1, help="processes for --offline (default 1)")

    p = cmd("eval-corpus", _eval_corpus, "precision / coverage of classify on a labelled folder")
    p.add_argument("dir")
    p.add_argument("--labels", required=True)
    p.add_argument("--offline", action="store_true", default=True)

    p = cmd("eval-safety", _eval_safety, "the adversarial safety world through the real chain (plan), JSON")
    p.add_argument("--keep", default=None, help="keep the world, warehouse and run folder in this directory")

    p = cmd("calibrate", _calibrate, "measure each rule's precision on the labelled sets; choose the auto threshold")
    p.add_argument("--write", action="store_true", help="store the result in classify/rules/precision.json")

    p = cmd("generate", _generate, "write sources in the DESIGN §3 layout at any size")
    p.add_argument("--out", required=True)
    p.add_argument("--emails", type=int, default=1000)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--people", type=int, default=None,
                   help="people behind the contact systems (default 6.6 per email; bench's million profile: 2640000)")

    p = cmd("bench", _bench, "scale benchmark, prints JSON")
    p.add_argument("--emails", type=int, default=None, help="default: the profile's size")
    p.add_argument("--baseline", action="store_true")
    p.add_argument("--profile", choices=["small", "full", "million"], default="small",
                   help="small: 200 replies; full: 100,000; million: 1,000,000 with ~2M CUPOLA org-person rows")
    p.add_argument("--sources", default=None, help="a folder made by `generate` (else one is generated)")
    p.add_argument("--llm", action="store_true", help="the OpenAI-compatible emulator (zero latency) as the LLM")
    p.add_argument("--no-rerun", action="store_true", help="skip the second run over the same sources")

    p = cmd("bench-classify", _bench_classify, "rules throughput on one core, prints JSON")
    p.add_argument("--emails", type=int, default=5000)

    p = cmd("soak", _soak, "crash + fault soak of apply against the emulators, prints JSON")
    p.add_argument("--writes", type=int, default=1000, help="messages to generate (their writes are planned)")
    p.add_argument("--kills", type=int, default=10, help="SIGKILLs at random instants across every stage")
    p.add_argument("--faults", type=float, default=0.1, help="share of Salesforce requests answered with a fault")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--workdir", default=None, help="keep the sources, warehouses and run folders here")

    p = cmd("emulate", _emulate, "run a local emulator standalone; prints one JSON line")
    p.add_argument("system", choices=_EmulatorChoices(), metavar="SYSTEM", help="one of: %(choices)s")
    p.add_argument("--port", type=int, default=0)
    p.add_argument("--sources", default=None)
    p.add_argument("--faults", default=None, help='fault injection as JSON, e.g. {"rate": 0.1, "kinds": ["429"]}')
    return parser


def main(argv: list[str] | None = None) -> int:
    """Parse, run, and turn the project's errors into one `error:` line and their exit code."""
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except AutoResponderError as exc:
        print(f"error: {_one_line(exc)}", file=sys.stderr, flush=True)
        return exc.exit_code
    except ValidationError as exc:  # settings from the environment (AUTORESPONDER_*)
        first = exc.errors()[0]
        where = "AUTORESPONDER_" + "_".join(str(p) for p in first.get("loc", ())).upper()
        print(f"error: setting {where}: {first.get('msg')}; fix the environment variable and run again",
              file=sys.stderr, flush=True)
        return EXIT_BAD_INPUT


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())


if __name__ == "__main__":
    sys.exit(main())
