"""The SOQL AST (what `soql.parse` returns) and its error type."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


class SoqlError(Exception):
    """A query Salesforce would refuse; `code` is the errorCode of the reply."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(frozen=True)
class Token:
    kind: str  # ident | string | number | datetime | date | op | punct | eof
    value: str
    pos: int


@dataclass(frozen=True)
class Literal:
    value: Any
    kind: str  # string | number | boolean | null | date | datetime


@dataclass(frozen=True)
class Comparison:
    field: str
    op: str  # = != < <= > >= LIKE
    value: Literal


@dataclass(frozen=True)
class InList:
    field: str
    values: tuple[Literal, ...]
    negated: bool


@dataclass(frozen=True)
class BoolOp:
    op: str  # AND | OR
    items: tuple[Any, ...]


@dataclass(frozen=True)
class Not:
    item: Any


@dataclass(frozen=True)
class OrderItem:
    field: str
    descending: bool = False
    nulls: str | None = None  # FIRST | LAST


@dataclass(frozen=True)
class Query:
    fields: tuple[str, ...]
    sobject: str
    where: Any = None
    order_by: tuple[OrderItem, ...] = ()
    limit: int | None = None
    offset: int | None = None
    count: bool = False
