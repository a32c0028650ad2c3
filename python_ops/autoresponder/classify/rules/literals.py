"""Required literals: a cheap test that a pattern cannot match a text, before the regex runs.

For each compiled pattern, `required` reads its parse tree (the standard library's own `re._parser`) and finds a
set of literal strings one of which every match must contain ("no longer", "left" for `no longer (with|at)|left`).
A text holding none of them cannot match, so the regex is not run: most of a lexicon's patterns match no sentence of
a reply, and a substring test is many times cheaper than a case-insensitive scan. Texts and literals are compared
after `canon`, which folds case the way `re.IGNORECASE` does (the simple lowercase mapping plus the extra
equivalences of `re._casefix`, e.g. "ſ" = "s"), so the test never rejects a text the pattern would match.
"""

from __future__ import annotations

import re
import re._casefix as _casefix  # the extra IGNORECASE equivalences ("ı"/"i", "ſ"/"s"): must match re's own folding
import re._constants as _c
import re._parser as _parser  # the stdlib's regex parser: its tree is what the pattern means

# each character of an IGNORECASE equivalence class -> one representative; "İ".lower() is two characters where re
# folds to "i"
_FOLD = {k: min(chr(k), *(chr(x) for x in v)) for k, v in _casefix._EXTRA_CASES.items()}
_FOLD[ord("İ")] = "i"
_REPEATS = (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT)


def canon(text: str) -> str:
    """`text` case-folded as `re.IGNORECASE` compares characters."""
    return text.translate(_FOLD).lower().translate(_FOLD)


def _better(a: frozenset[str] | None, b: frozenset[str] | None) -> frozenset[str] | None:
    """The more selective of two alternatives: the longer shortest literal, then fewer literals."""
    if not b or min(map(len, b)) == 0:
        return a
    if not a:
        return b
    ka, kb = (min(map(len, a)), -len(a)), (min(map(len, b)), -len(b))
    return b if kb > ka else a


def _need(items) -> frozenset[str] | None:
    best: frozenset[str] | None = None
    run: list[str] = []
    for op, av in list(items) + [(None, None)]:
        if op is _c.LITERAL:
            run.append(chr(av))
            continue
        if run:
            best = _better(best, frozenset(["".join(run)]))
            run = []
        if op is _c.SUBPATTERN:
            best = _better(best, _need(av[3]))
        elif op is _c.ATOMIC_GROUP:
            best = _better(best, _need(av))
        elif op is _c.BRANCH:
            alternatives = [_need(b) for b in av[1]]
            if all(alternatives):
                best = _better(best, frozenset().union(*alternatives))
        elif op in _REPEATS and av[0] >= 1:
            best = _better(best, _need(av[2]))
    return best


def required(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Literals (folded by `canon`) one of which every match of `pattern` contains; None when there is no such set."""
    try:
        found = _need(_parser.parse(pattern.pattern, pattern.flags))
    except Exception:  # noqa: BLE001 - an unexpected tree: no shortcut, the regex always runs
        return None
    return frozenset(canon(s) for s in found) if found else None


def may_match(need: frozenset[str] | None, folded_text: str) -> bool:
    """False only when the text (folded by `canon`) holds none of the required literals."""
    if need is None:
        return True
    for s in need:
        if s in folded_text:
            return True
    return False
