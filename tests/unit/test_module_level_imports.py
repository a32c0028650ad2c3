"""Imports sit at module level; an import inside a function says why on its own or the previous
line (a heavy optional library, an import cycle, a command's lazy stack), STYLE.md "Habits"."""

from __future__ import annotations

import ast
import io
import tokenize
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("python_ops", "dagster_defs")


def _comment_lines(source: str) -> set[int]:
    tokens = tokenize.generate_tokens(io.StringIO(source).readline)
    return {tok.start[0] for tok in tokens if tok.type == tokenize.COMMENT}


def _function_imports(tree: ast.AST) -> list[tuple[ast.stmt, ast.stmt]]:
    """(import, first import of its run) for every import statement inside a function body.

    A run is a sequence of sibling import statements, so one comment above a block of lazy
    imports covers the block.
    """
    found: list[tuple[ast.stmt, ast.stmt]] = []
    for func in ast.walk(tree):
        if not isinstance(func, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        for node in ast.walk(func):
            for name in ("body", "orelse", "finalbody", "handlers"):
                block = getattr(node, name, None)
                if not isinstance(block, list):
                    continue
                first: ast.stmt | None = None
                for stmt in block:
                    if isinstance(stmt, (ast.Import, ast.ImportFrom)):
                        first = first or stmt
                        found.append((stmt, first))
                    else:
                        first = None
    return found


def uncommented_function_imports(source: str) -> list[tuple[int, str]]:
    """(line, import) for each function-level import with no comment saying why."""
    comments = _comment_lines(source)
    return [
        (stmt.lineno, ast.unparse(stmt))
        for stmt, first in _function_imports(ast.parse(source))
        if not comments & {first.lineno - 1, *range(first.lineno, stmt.end_lineno + 1)}
    ]


def _python_files() -> list[Path]:
    return sorted(p for pkg in PACKAGES for p in (ROOT / pkg).rglob("*.py") if ".venv" not in p.parts)


def test_every_function_level_import_says_why() -> None:
    offenders = [
        f"{path.relative_to(ROOT)}:{line}: {stmt}"
        for path in _python_files()
        for line, stmt in uncommented_function_imports(path.read_text(encoding="utf-8"))
    ]
    assert not offenders, (
        "move these imports to the top of their module, or, for a heavy optional library or an import "
        "cycle, say why in a comment on the line above:\n" + "\n".join(offenders)
    )


@pytest.mark.parametrize(
    ("source", "flagged"),
    [
        ("import json\n\ndef f():\n    return json\n", False),
        ("def f():\n    import json\n    return json\n", True),
        ("def f():\n    # heavy: GX costs seconds\n    import great_expectations\n", False),
        ("def f():\n    import great_expectations  # heavy: seconds\n", False),
        ("def f():\n    # heavy: seconds\n    import a\n\n    import b\n", False),
        ("def f():\n    # heavy: seconds\n    import a\n    x = 1\n    import b\n", True),
        ("def f(x):\n    if x:\n        from a import b\n", True),
        ("class C:\n    def m(self):\n        import json\n", True),
        ("try:\n    import a\nexcept ImportError:\n    a = None\n", False),
    ],
    ids=["module-level", "bare", "comment-above", "comment-same-line", "comment-covers-run",
         "comment-ends-at-code", "nested-block", "method", "module-level-try"],
)
def test_checker_flags_only_uncommented_function_imports(source: str, flagged: bool) -> None:
    assert bool(uncommented_function_imports(source)) is flagged
