"""The message factory: which kind each message index is, plus duplicate, malformed and empty overlays.

Proportions of message kinds follow production (`KIND_WEIGHTS`); bounces are built in `bounces`, every
other kind in `replies`.
"""

from __future__ import annotations

import hashlib
import re

from autoresponder.generate_data.bounces import build_bounce
from autoresponder.generate_data.envelope import pick_envelope
from autoresponder.generate_data.expected import Label
from autoresponder.generate_data.replies import build_reply
from autoresponder.generate_data.rng import Rng
from autoresponder.generate_data.world import World

# message kinds and their shares (sum 1.0)
KIND_WEIGHTS = (
    ("ooo", 0.35), ("bounce", 0.25), ("inactive", 0.15), ("email_update", 0.04), ("title_update", 0.04),
    ("replacement", 0.07), ("active", 0.05), ("unknown", 0.05),
)


class MessageFactory:
    """Message `m` of a generated source directory, rebuilt on demand from `(seed, m)`."""

    def __init__(self, world: World) -> None:
        self.w = world
        self.seed = world.seed

    # which kind / target / overlays a message index has
    def plan(self, m: int) -> tuple[str, str, Rng]:
        r = Rng(self.seed, 2, m)
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

    def _break(self, raw: bytes, r: Rng, label: Label) -> tuple[bytes, Label]:
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

    def _base(self, m: int, kind: str, r: Rng) -> tuple[bytes, str, Label]:
        env = pick_envelope(self.w, m, kind, r)
        if kind == "bounce":
            return build_bounce(m, r, env)
        return build_reply(self.w, m, kind, r, env)
