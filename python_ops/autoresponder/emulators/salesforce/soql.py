"""A SOQL subset: tokenizer, recursive-descent parser to an AST, and a compiler to SQLite.

Supported: ``SELECT f1, f2 | COUNT() FROM Obj [WHERE cond] [ORDER BY f [ASC|DESC] [NULLS
FIRST|LAST], ...] [LIMIT n] [OFFSET n]`` where ``cond`` combines ``=, !=, <>, <, <=, >, >=,
IN, NOT IN, LIKE`` with ``AND, OR, NOT`` and parentheses; literals are quoted strings,
numbers, ``true/false``, ``null``, dates, datetimes and ``TODAY``/``YESTERDAY``.
Errors raise `SoqlError` carrying Salesforce's error code (MALFORMED_QUERY, INVALID_FIELD,
INVALID_TYPE) so the app can answer with the real error body.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from typing import Any

from .soql_ast import BoolOp, Comparison, InList, Literal, Not, OrderItem, Query, SoqlError, Token

__all__ = ["BoolOp", "Comparison", "InList", "Literal", "Not", "OrderItem", "Query", "SoqlError", "Token", "parse",
           "tokenize"]


_TOKEN_RE = re.compile(
    r"""
    (?P<ws>\s+)
  | (?P<string>'(?:\\.|[^'\\])*')
  | (?P<datetime>\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?(?:Z|[+-]\d{2}:?\d{2}))
  | (?P<date>\d{4}-\d{2}-\d{2})
  | (?P<number>-?\d+(?:\.\d+)?)
  | (?P<op>!=|<>|<=|>=|=|<|>)
  | (?P<punct>[(),:])
  | (?P<ident>[A-Za-z_][A-Za-z0-9_.]*)
    """,
    re.VERBOSE,
)
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", '"': '"', "'": "'", "\\": "\\",
            "_": "\\_", "%": "\\%"}
_KEYWORDS = {"SELECT", "FROM", "WHERE", "AND", "OR", "NOT", "IN", "LIKE", "ORDER", "BY", "ASC", "DESC",
             "NULLS", "FIRST", "LAST", "LIMIT", "OFFSET", "NULL", "TRUE", "FALSE", "COUNT"}


def tokenize(text: str) -> list[Token]:
    out: list[Token] = []
    pos = 0
    while pos < len(text):
        m = _TOKEN_RE.match(text, pos)
        if not m:
            raise SoqlError("MALFORMED_QUERY", f"unexpected token: '{text[pos:pos + 10]}'")
        kind = m.lastgroup or ""
        if kind != "ws":
            out.append(Token(kind, m.group(), pos))
        pos = m.end()
    out.append(Token("eof", "", len(text)))
    return out


def _unquote(raw: str) -> str:
    body = raw[1:-1]
    out: list[str] = []
    i = 0
    while i < len(body):
        c = body[i]
        if c == "\\" and i + 1 < len(body):
            nxt = body[i + 1]
            if nxt not in _ESCAPES:
                raise SoqlError("MALFORMED_QUERY", f"Invalid string literal '{raw}'. Illegal character sequence "
                                f"'\\{nxt}' in string literal.")
            out.append(_ESCAPES[nxt])
            i += 2
        else:
            out.append(c)
            i += 1
    return "".join(out)


class _Parser:
    def __init__(self, text: str):
        self.text = text
        self.toks = tokenize(text)
        self.i = 0

    def peek(self, ahead: int = 0) -> Token:
        return self.toks[min(self.i + ahead, len(self.toks) - 1)]

    def is_kw(self, word: str, ahead: int = 0) -> bool:
        t = self.peek(ahead)
        return t.kind == "ident" and t.value.upper() == word

    def next(self) -> Token:
        t = self.toks[self.i]
        self.i += 1
        return t

    def fail(self, tok: Token | None = None) -> SoqlError:
        tok = tok or self.peek()
        shown = tok.value or "<EOF>"
        return SoqlError("MALFORMED_QUERY", f"\n{self.text}\n{' ' * tok.pos}^\nERROR at Row:1:Column:{tok.pos + 1}\n"
                         f"unexpected token: '{shown}'")

    def expect_kw(self, word: str) -> None:
        if not self.is_kw(word):
            raise self.fail()
        self.i += 1

    def expect_punct(self, p: str) -> None:
        t = self.next()
        if t.kind != "punct" or t.value != p:
            raise self.fail(t)

    def ident(self) -> str:
        t = self.next()
        if t.kind != "ident" or t.value.upper() in _KEYWORDS - {"FIRST", "LAST"}:
            raise self.fail(t)
        return t.value

    def query(self) -> Query:
        self.expect_kw("SELECT")
        fields: list[str] = []
        count = False
        if self.is_kw("COUNT") and self.peek(1).value == "(":
            self.i += 1
            self.expect_punct("(")
            self.expect_punct(")")
            count = True
        else:
            fields.append(self.ident())
            while self.peek().value == ",":
                self.i += 1
                fields.append(self.ident())
        self.expect_kw("FROM")
        sobject = self.ident()
        where = None
        if self.is_kw("WHERE"):
            self.i += 1
            where = self.or_expr()
        order: list[OrderItem] = []
        if self.is_kw("ORDER"):
            self.i += 1
            self.expect_kw("BY")
            order.append(self.order_item())
            while self.peek().value == ",":
                self.i += 1
                order.append(self.order_item())
        limit = offset = None
        if self.is_kw("LIMIT"):
            self.i += 1
            limit = self.integer()
        if self.is_kw("OFFSET"):
            self.i += 1
            offset = self.integer()
        if self.peek().kind != "eof":
            raise self.fail()
        return Query(tuple(fields), sobject, where, tuple(order), limit, offset, count)

    def integer(self) -> int:
        t = self.next()
        if t.kind != "number" or not t.value.isdigit():
            raise self.fail(t)
        return int(t.value)

    def order_item(self) -> OrderItem:
        name = self.ident()
        desc = False
        nulls = None
        if self.is_kw("ASC") or self.is_kw("DESC"):
            desc = self.next().value.upper() == "DESC"
        if self.is_kw("NULLS"):
            self.i += 1
            t = self.next()
            if t.value.upper() not in ("FIRST", "LAST"):
                raise self.fail(t)
            nulls = t.value.upper()
        return OrderItem(name, desc, nulls)

    def or_expr(self) -> Any:
        items = [self.and_expr()]
        while self.is_kw("OR"):
            self.i += 1
            items.append(self.and_expr())
        return items[0] if len(items) == 1 else BoolOp("OR", tuple(items))

    def and_expr(self) -> Any:
        items = [self.not_expr()]
        while self.is_kw("AND"):
            self.i += 1
            items.append(self.not_expr())
        return items[0] if len(items) == 1 else BoolOp("AND", tuple(items))

    def not_expr(self) -> Any:
        if self.is_kw("NOT"):
            self.i += 1
            return Not(self.not_expr())
        if self.peek().value == "(":
            self.i += 1
            inner = self.or_expr()
            self.expect_punct(")")
            return inner
        return self.condition()

    def condition(self) -> Any:
        name = self.ident()
        t = self.peek()
        if t.kind == "op":
            self.i += 1
            op = "!=" if t.value == "<>" else t.value
            return Comparison(name, op, self.literal())
        if self.is_kw("LIKE"):
            self.i += 1
            lit = self.literal()
            if lit.kind != "string":
                raise self.fail()
            return Comparison(name, "LIKE", lit)
        negated = False
        if self.is_kw("NOT") and self.is_kw("IN", 1):
            self.i += 1
            negated = True
        if self.is_kw("IN"):
            self.i += 1
            self.expect_punct("(")
            values = [self.literal()]
            while self.peek().value == ",":
                self.i += 1
                values.append(self.literal())
            self.expect_punct(")")
            return InList(name, tuple(values), negated)
        raise self.fail()

    def literal(self) -> Literal:
        t = self.next()
        if t.kind == "string":
            return Literal(_unquote(t.value), "string")
        if t.kind == "number":
            return Literal(float(t.value) if "." in t.value else int(t.value), "number")
        if t.kind == "datetime":
            return Literal(_norm_datetime(t.value), "datetime")
        if t.kind == "date":
            return Literal(t.value, "date")
        if t.kind == "ident":
            word = t.value.upper()
            if word == "NULL":
                return Literal(None, "null")
            if word in ("TRUE", "FALSE"):
                return Literal(word == "TRUE", "boolean")
            today = datetime.now(UTC).date()
            if word == "TODAY":
                return Literal(today.isoformat(), "date")
            if word == "YESTERDAY":
                return Literal((today - timedelta(days=1)).isoformat(), "date")
        raise self.fail(t)


def _norm_datetime(text: str) -> str:
    """A SOQL datetime literal as the store keeps it: UTC, `YYYY-MM-DDTHH:MM:SS.mmm+0000`."""
    t = text.replace("Z", "+00:00")
    if re.search(r"[+-]\d{4}$", t):
        t = t[:-2] + ":" + t[-2:]
    dt = datetime.fromisoformat(t).astimezone(UTC)
    return dt.strftime("%Y-%m-%dT%H:%M:%S.") + f"{dt.microsecond // 1000:03d}+0000"


def parse(text: str) -> Query:
    """Parse SOQL text into a `Query` AST."""
    return _Parser(text.strip()).query()
