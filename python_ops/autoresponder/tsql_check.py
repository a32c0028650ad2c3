"""`make compile-tsql`: compile every dbt model (and data test) for the `sqlserver` target and prove
each compiled file is T-SQL (issue 11, DESIGN §2: production runs on SQL Server).

`dbt compile --no-populate-cache` renders the SQL without opening a connection (dbt-sqlserver
connects lazily; without the flag it connects to fill the relation cache and fails with no
server or no ODBC driver). pyodbc still needs the unixODBC library (Debian `unixodbc`).

Each file is then parsed with sqlfluff's `tsql` dialect: an unparsable segment fails, and so does
what parses but T-SQL does not have (DuckDB functions such as `split_part`, `count(distinct …)
over`, `::` casts, `true`/`false` literals, a `varchar` without a length, which T-SQL reads as
`varchar(30)`). sqlglot's tsql reader is no proof: it accepts `LIMIT`.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

from autoresponder.config import Settings
from autoresponder.dbt import DBT_PROJECT_DIR, dbt_vars_for

# functions DuckDB has and T-SQL lacks (each has a dispatch macro in macros/cross_db.sql)
NOT_TSQL_FUNCTIONS = frozenset({
    "split_part", "substr", "length", "strftime", "strptime", "date_trunc", "date_part", "epoch",
    "regexp_matches", "regexp_replace", "regexp_extract", "array_agg", "list_agg", "string_agg_distinct",
    "sha256", "md5", "now", "ifnull", "nvl", "to_json", "json_extract_string", "starts_with", "ends_with",
})
UNSIZED_TEXT_TYPES = frozenset({"varchar", "nvarchar", "char", "nchar"})


def compile_for_sqlserver(target_path: Path) -> Path:
    """Run `dbt compile --no-populate-cache --target sqlserver`; returns the compiled folder.

    A subprocess, so the dbt adapter of this process (DuckDB for runs) is never swapped.
    """
    target_path = Path(target_path).resolve()
    variables = dbt_vars_for(Settings(), as_of=date.today().isoformat(), run_id="compile")
    argv = [str(Path(sys.executable).parent / "dbt"), "--quiet", "--log-level", "error", "compile",
            "--no-populate-cache", "--target", "sqlserver", "--vars", json.dumps(variables),
            "--project-dir", str(DBT_PROJECT_DIR),
            "--profiles-dir", str(DBT_PROJECT_DIR), "--target-path", str(target_path),
            "--log-path", str(target_path / "logs")]
    done = subprocess.run(argv, capture_output=True, text=True, env={**os.environ, "DO_NOT_TRACK": "1"})
    if done.returncode != 0:
        raise RuntimeError(f"dbt compile for sqlserver failed ({done.returncode}): {done.stdout}{done.stderr}")
    return target_path / "compiled"


def tsql_problems(sql: str, linter=None) -> list[str]:
    """Why `sql` is not T-SQL: unparsable segments and DuckDB-only constructs; [] when it is."""
    # heavy: sqlfluff takes ~1.5 s to import; only the T-SQL check needs it
    from sqlfluff.core import FluffConfig, Linter

    linter = linter or Linter(config=FluffConfig(overrides={"dialect": "tsql", "templater": "raw"}))
    parsed = linter.parse_string(sql)
    problems = [f"line {v.line_no}: {v.desc()}" for v in parsed.violations]
    if parsed.tree is None:
        return problems or ["no parse tree"]
    for seg in parsed.tree.recursive_crawl("unparsable"):
        problems.append(f"unparsable: {seg.raw[:120]!r}")
    for fn in parsed.tree.recursive_crawl("function"):
        name = fn.get_child("function_name")
        if name is not None and name.raw.lower() in NOT_TSQL_FUNCTIONS:
            problems.append(f"T-SQL has no {name.raw}()")
        contents = fn.get_child("function_contents")
        if fn.get_child("over_clause") is not None and contents is not None and any(
                k.raw.lower() == "distinct" for k in contents.recursive_crawl("keyword")):
            problems.append(f"T-SQL has no distinct in a window function: {fn.raw[:80]!r}")
    for sym in parsed.tree.recursive_crawl("symbol"):
        if sym.raw == "::":
            problems.append("T-SQL has no :: cast")
    for lit in parsed.tree.recursive_crawl("literal"):
        if lit.raw.lower() in ("true", "false"):
            problems.append(f"T-SQL has no boolean literal {lit.raw}")
    for dt in parsed.tree.recursive_crawl("data_type"):
        if dt.raw.lower() in UNSIZED_TEXT_TYPES:
            problems.append(f"{dt.raw} without a length is {dt.raw}(30) in T-SQL")
    return problems


def check_compiled(compiled: Path) -> dict[str, list[str]]:
    """Problems by file (relative path) for every compiled model and data test; {} when all parse."""
    # heavy: sqlfluff takes ~1.5 s to import; only the T-SQL check needs it
    from sqlfluff.core import FluffConfig, Linter

    linter = Linter(config=FluffConfig(overrides={"dialect": "tsql", "templater": "raw"}))
    found = {}
    for path in sorted(Path(compiled).rglob("*.sql")):
        problems = tsql_problems(path.read_text(encoding="utf-8"), linter)
        if problems:
            found[str(path.relative_to(compiled))] = problems
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="compile-tsql", description=__doc__.split("\n\n")[0])
    parser.add_argument("--target-path", default=str(DBT_PROJECT_DIR / "target" / "sqlserver"),
                        help="dbt target folder for the compiled files (git-ignored)")
    args = parser.parse_args(argv)
    compiled = compile_for_sqlserver(Path(args.target_path))
    files = sorted(compiled.rglob("*.sql"))
    found = check_compiled(compiled)
    for rel, problems in found.items():
        for p in problems:
            print(f"{rel}: {p}", file=sys.stderr)
    print(f"{len(files) - len(found)} of {len(files)} compiled files parse as T-SQL ({compiled})")
    return 1 if found or not files else 0


if __name__ == "__main__":
    sys.exit(main())
