"""The counter-based PRNG (splitmix64) behind `autoresponder generate`.

Every person, organisation and message is a pure function of `(seed, index)`: `Rng(seed, stream,
index)` needs no state from any other index, so nothing is held in memory and the same seed gives the
same bytes (no clocks, no `random` module state).
"""

from __future__ import annotations

import math
from typing import Any

_M64 = (1 << 64) - 1
_GOLDEN = 0x9E3779B97F4A7C15


def _mix(z: int) -> int:
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & _M64
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & _M64
    return z ^ (z >> 31)


class Rng:
    """Counter-based PRNG: `Rng(seed, stream, index)` is independent of every other index."""

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


def coprime_step(n: int, start: int) -> int:
    """The first step >= `start` coprime to `n` (so `i * step % n` visits every index once)."""
    step = start
    while math.gcd(step, n) != 1:
        step += 1
    return step
