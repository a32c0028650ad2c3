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
    """(import, first import of its run) for every import statement inside a function.

    A run is a sequence of sibling import statements, so one comment above a block of lazy
    imports covers the block.
    """
    found: list[tuple[ast.stmt, ast.stmt]] = []

    def visit(node: ast.AST, in_function: bool) -> None:
        in_function = in_function or isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
        for name in ("body", "orelse", "finalbody") if in_function else ():
            block = getattr(node, name, None)
            first: ast.stmt | None = None
            for stmt in block if isinstance(block, list) else ():
                if isinstance(stmt, (ast.Import, ast.ImportFrom)):
                    first = first or stmt
                    found.append((stmt, first))
                else:
                    first = None
        for child in ast.iter_child_nodes(node):
            visit(child, in_function)

    visit(tree, False)
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
        ("import json\n\ndef f():\n    return json\n", []),
        ("def f():\n    import json\n    return json\n", [2]),
        ("def f():\n    # heavy: GX costs seconds\n    import great_expectations\n", []),
        ("def f():\n    import great_expectations  # heavy: seconds\n", []),
        ("def f():\n    # heavy: seconds\n    import a\n\n    import b\n", []),
        ("def f():\n    # heavy: seconds\n    import a\n    x = 1\n    import b\n", [5]),
        ("def f(x):\n    if x:\n        from a import b\n    else:\n        import c\n", [3, 5]),
        ("def f():\n    try:\n        import a\n    except ImportError:\n        import b\n", [3, 5]),
        ("def f():\n    def g():\n        import json\n", [3]),
        ("class C:\n    def m(self):\n        import json\n", [3]),
        ("try:\n    import a\nexcept ImportError:\n    a = None\n", []),
    ],
    ids=["module-level", "bare", "comment-above", "comment-same-line", "comment-covers-run",
         "comment-ends-at-code", "if-else", "try-except", "nested-function-once", "method", "module-level-try"],
)
def test_checker_flags_only_uncommented_function_imports(source: str, flagged: list[int]) -> None:
    assert [line for line, _ in uncommented_function_imports(source)] == flagged
