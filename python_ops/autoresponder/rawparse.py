"""The standard library's compat32 message tree, built from the whole text at once.

`email.message_from_bytes(raw, policy=compat32)` feeds the text line by line through a generator
(`email.feedparser`), which is most of what a bounce costs to classify. `message_tree(raw)` builds
the same tree of `email.message.Message` objects (same headers, payload strings, nested parts,
preamble, epilogue, unix-from, default types and parse defects) by scanning the text with string
searches: a part's body is one slice, boundaries are found with `str.find`, delivery-status blocks
are split at their blank lines. Everything read from the tree afterwards (`get_payload(decode=True)`,
`get_content_charset`, `get_param`, …) is the standard library's own code on the same values.

What the scan does not model returns None and the caller uses the standard library instead: a lone
CR line end, a boundary or a `From ` line where the feedparser pushes lines back in unusual orders,
several boundary lines in a row, a boundary with a line break in it, a delivery-status block that
declares a multipart or message type, nesting deeper than 50 parts.
`tests/unit/test_rawparse.py` checks the tree against the standard library's on tricky inputs and
on every message of the fixtures.
"""

from __future__ import annotations

import re
from email import errors
from email.message import Message

# email.feedparser's patterns (module-private there)
_HEADER_RE = re.compile(r"^(From |[\041-\071\073-\176]*:|[\t ])")
_EOL_RE = re.compile(r"(\r\n|\r|\n)\Z")
_BLANK_LINE_RE = re.compile(r"^\r?\n", re.M)
# a run of lines `_HEADER_RE` matches (each consumes at least one character)
_HEADER_BLOCK_RE = re.compile(r"(?:(?:From |[\041-\071\073-\176]*:|[\t ])[^\n]*(?:\n|\Z))*")
_LINE_RE = re.compile(r"[^\n]*\n|[^\n]+")  # lines with their ends (`str.splitlines` also splits at \f, \v, …)
# one field and its continuation lines: compat32's name and value (before the trailing CR/LF is cut)
_FIELD_RE = re.compile(r"^([\041-\071\073-\176]*):[ \t]*([^\n]*\n?(?:[ \t][^\n]*\n?)*)", re.M)
_MAX_DEPTH = 50


class TreeMessage(Message):
    """A compat32 `Message` of a built tree: the tree is only read once built, so the first value of
    each header and the content type are looked up once (`Message.get` scans every header per call)."""

    _index: dict[str, tuple[str, str]] | None = None
    _ctype: str | None = None

    def get(self, name, failobj=None):
        index = self._index
        if index is None:
            index = {}
            for k, v in self._headers:
                index.setdefault(k.lower(), (k, v))
            self._index = index
        kv = index.get(name.lower())
        return failobj if kv is None else self.policy.header_fetch_parse(*kv)

    def get_content_type(self) -> str:
        ctype = self._ctype
        if ctype is None:
            ctype = self._ctype = super().get_content_type()
        return ctype


class _Unsupported(Exception):
    """The input needs the standard library's line-by-line parse."""


class _State:
    __slots__ = ("last", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.last: Message | None = None  # the feedparser's `_last`: the message created (or closed) last


def message_tree(raw: bytes) -> Message | None:
    """`email.message_from_bytes(raw, policy=compat32)`, or None when the stdlib must parse it."""
    return message_tree_from_string(raw.decode("ascii", "surrogateescape"))


def message_tree_from_string(text: str) -> Message | None:
    """`email.message_from_string(text, policy=compat32)`, or None when the stdlib must parse it."""
    if "\r" in text and text.count("\r") != text.count("\r\n"):
        return None  # a lone CR ends a line for the feedparser
    st = _State(text)
    try:
        root = _entity(st, 0, len(text), False, 0)
    except (_Unsupported, RecursionError):
        return None
    if root.get_content_maintype() == "multipart" and not root.is_multipart():
        root.defects.append(errors.MultipartInvariantViolationDefect())
    return root


def _line_end(text: str, pos: int, end: int) -> int:
    nl = text.find("\n", pos, end)
    return end if nl < 0 else nl + 1


def _entity(st: _State, pos: int, end: int, digest_child: bool, depth: int, leaf: bool = False) -> Message:
    """One message (or part) from text[pos:end], as `FeedParser._parsegen` reads it (`leaf`: a
    delivery-status block, which the scan reads only as headers and a text body)."""
    if depth > _MAX_DEPTH:
        raise _Unsupported
    msg = TreeMessage()
    if digest_child:
        msg.set_default_type("message/rfc822")
    st.last = msg
    pos = _headers(st, msg, pos, end)
    ctype = msg.get_content_type()
    if leaf and ctype.startswith(("message/", "multipart/")):
        raise _Unsupported
    if ctype == "message/delivery-status":
        _delivery_status(st, msg, pos, end, depth)
    elif ctype.startswith("message/"):
        msg.attach(_entity(st, pos, end, False, depth + 1))
    elif ctype.startswith("multipart/"):
        _multipart(st, msg, pos, end, ctype == "multipart/digest", depth)
    else:
        msg._payload = st.text[pos:end]
    return msg


def _headers(st: _State, msg: Message, pos: int, end: int) -> int:
    """Read the header block into `msg`; the offset of the body."""
    text = st.text
    m = _HEADER_BLOCK_RE.match(text, pos, end)
    block = m.group(0)
    body = m.end()
    if body < end:
        if text[body] in "\r\n":
            body = _line_end(text, body, end)  # the blank line between headers and body
        else:
            msg.defects.append(errors.MissingHeaderBodySeparatorDefect())
    if not block:
        return body
    if block.startswith((" ", "\t", "From ", ":")) or "\nFrom " in block or "\n:" in block:
        _header_lines(msg, _LINE_RE.findall(block))
    else:  # every line a `name:` line or its continuation
        msg._headers.extend((name, value.rstrip("\r\n")) for name, value in _FIELD_RE.findall(block))
    return body


def _header_lines(msg: Message, lines: list[str]) -> None:
    """`FeedParser._parse_headers`, for a block with a leading continuation, `From ` or `:` lines."""
    last_name = ""
    value: list[str] = []
    for lineno, line in enumerate(lines):
        if line[0] in " \t":
            if not last_name:
                msg.defects.append(errors.FirstHeaderLineIsContinuationDefect(line))
                continue
            value.append(line)
            continue
        if last_name:
            msg._headers.append(_source_parse(value))
            last_name, value = "", []
        if line.startswith("From "):
            if lineno == 0:
                mo = _EOL_RE.search(line)
                msg.set_unixfrom(line[:-len(mo.group(0))] if mo else line)
                continue
            if lineno == len(lines) - 1:
                raise _Unsupported  # the feedparser pushes it back as the body's first line
            msg.defects.append(errors.MisplacedEnvelopeHeaderDefect(line))
            continue
        i = line.find(":")
        if i == 0:
            msg.defects.append(errors.InvalidHeaderDefect("Missing header name."))
            continue
        last_name, value = line[:i], [line]
    if last_name:
        msg._headers.append(_source_parse(value))


def _source_parse(lines: list[str]) -> tuple[str, str]:
    """`compat32.header_source_parse`."""
    name, value = lines[0].split(":", 1)
    value = value.lstrip(" \t") + "".join(lines[1:])
    return name, value.rstrip("\r\n")


def _delivery_status(st: _State, msg: Message, pos: int, end: int, depth: int) -> None:
    """RFC 3464 blocks, one header-only message each, split at blank lines."""
    text = st.text
    while True:
        m = _BLANK_LINE_RE.search(text, pos, end)
        block_end = m.start() if m else end
        msg.attach(_entity(st, pos, block_end, False, depth + 1, leaf=True))
        pos = block_end
        if pos < end:
            pos = _line_end(text, pos, end)  # the blank line
        if pos >= end:
            return


def _boundary_at(text: str, sep: str, pos: int, end: int) -> tuple[int, int, bool, bool] | None:
    """The first line in text[pos:end] the feedparser's boundary pattern matches: (start, end of the
    line, close boundary, ends in a line break)."""
    n = len(sep)
    i = text.find(sep, pos, end)
    while i >= 0:
        if i == 0 or text[i - 1] == "\n":
            stop = _line_end(text, i, end)
            rest = text[i + n:stop]
            linesep = rest.endswith("\n")
            rest = rest.rstrip("\r\n") if linesep else rest
            if rest.startswith("--") and not rest[2:].strip(" \t"):
                return i, stop, True, linesep
            if not rest.strip(" \t"):
                return i, stop, False, linesep
        i = text.find(sep, i + 1, end)
    return None


def _strip_eol(value: str) -> str:
    """Without its last line break (`NLCRE_eol`); tested with `endswith`: a regex search scans the whole part."""
    if value.endswith("\r\n"):
        return value[:-2]
    return value[:-1] if value.endswith(("\n", "\r")) else value


def _multipart(st: _State, msg: Message, pos: int, end: int, digest: bool, depth: int) -> None:
    text = st.text
    boundary = msg.get_boundary()
    if boundary is None:
        msg.defects.append(errors.NoBoundaryInMultipartDefect())
        msg._payload = text[pos:end]
        return
    if "\n" in boundary or "\r" in boundary:
        raise _Unsupported
    if str(msg.get("content-transfer-encoding", "8bit")).lower() not in ("7bit", "8bit", "binary"):
        msg.defects.append(errors.InvalidMultipartContentTransferEncodingDefect())
    sep = "--" + boundary
    b = _boundary_at(text, sep, pos, end)
    if b is None or b[2]:  # no start boundary (a close boundary first counts as none)
        msg.defects.append(errors.StartBoundaryNotFoundDefect())
        msg._payload = text[pos:b[0] if b else end]
        msg.epilogue = ""
        return
    if b[0] > pos:
        msg.preamble = _strip_eol(text[pos:b[0]])
    while True:
        start = b[1]
        if start >= end:
            raise _Unsupported  # a boundary as the last line: the feedparser pushes back an empty line
        nxt = _boundary_at(text, sep, start, end)
        if nxt is not None and nxt[0] == start:
            raise _Unsupported  # boundary lines in a row
        part_end = nxt[0] if nxt else end
        msg.attach(_entity(st, start, part_end, digest, depth + 1))
        last = st.last
        if last.get_content_maintype() == "multipart":
            if last.epilogue == "":
                last.epilogue = None
            elif last.epilogue is not None:
                last.epilogue = _strip_eol(last.epilogue)
        elif isinstance(last._payload, str):
            last._payload = _strip_eol(last._payload)
        st.last = msg
        if nxt is None:
            msg.defects.append(errors.CloseBoundaryNotFoundDefect())
            return
        b = nxt
        if b[2]:
            break
    epilogue = text[b[1]:end]
    if not b[3] and epilogue:
        raise _Unsupported  # cannot happen: a line without a break is the text's last
    msg.epilogue = epilogue
