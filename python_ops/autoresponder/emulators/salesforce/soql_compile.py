"""SOQL AST to SQLite: field resolution against describe metadata, WHERE and ORDER BY text.

Salesforce semantics kept: string `=` is case-insensitive (columns are NOCASE), `!=` and
`NOT IN` match nulls, booleans are 0/1, datetimes compare as normalised UTC text.
"""

from __future__ import annotations

from typing import Any

from .schema import ObjectMeta
from .soql_ast import BoolOp, InList, Literal, Not, Query, SoqlError


def _no_such_column(meta: ObjectMeta, name: str) -> SoqlError:
    return SoqlError("INVALID_FIELD", f"No such column '{name}' on entity '{meta.name}'. If you are attempting to "
                     "use a custom field, be sure to append the '__c' after the custom field name. Please "
                     "reference your WSDL or the describe call for the appropriate names.")


def resolve_fields(q: Query, meta: ObjectMeta) -> list[str]:
    """Canonical names of the selected fields (INVALID_FIELD for unknown ones)."""
    out: list[str] = []
    for name in q.fields:
        spec = meta.get(name)
        if spec is None:
            raise _no_such_column(meta, name)
        if spec.name not in out:
            out.append(spec.name)
    return out


def compile_where(node: Any, meta: ObjectMeta, params: list[Any]) -> str:
    """SQLite text for a WHERE node; values go to `params`."""
    if node is None:
        return "1"
    if isinstance(node, BoolOp):
        return "(" + f" {node.op} ".join(compile_where(n, meta, params) for n in node.items) + ")"
    if isinstance(node, Not):
        return "(NOT " + compile_where(node.item, meta, params) + ")"
    spec = meta.get(node.field)
    if spec is None:
        raise _no_such_column(meta, node.field)
    if spec.compound:
        raise SoqlError("INVALID_FIELD", f"field '{spec.name}' can not be filtered in a query call")
    col = f'"{spec.name}"'
    if isinstance(node, InList):
        vals = [_value(v, spec.type, meta) for v in node.values if v.kind != "null"]
        has_null = any(v.kind == "null" for v in node.values)
        marks = ",".join("?" for _ in vals)
        params.extend(vals)
        body = f"{col} IN ({marks})" if vals else "0"
        if has_null:
            body = f"({body} OR {col} IS NULL)"
        if node.negated:
            return f"(NOT {body}" + ("" if has_null else f" OR {col} IS NULL") + ")"
        return body
    lit = node.value
    if lit.kind == "null":
        if node.op == "=":
            return f"{col} IS NULL"
        if node.op == "!=":
            return f"{col} IS NOT NULL"
        raise SoqlError("MALFORMED_QUERY", f"invalid operator on null: {node.op}")
    value = _value(lit, spec.type, meta)
    params.append(value)
    if node.op == "LIKE":
        return f"{col} LIKE ? ESCAPE '\\'"
    if node.op == "!=":
        return f"({col} IS NULL OR {col} != ?)"
    return f"{col} {node.op} ?"


def _value(lit: Literal, ftype: str, meta: ObjectMeta) -> Any:
    if ftype == "boolean":
        if lit.kind != "boolean":
            raise SoqlError("INVALID_QUERY_FILTER_OPERATOR", "invalid value for a boolean field")
        return 1 if lit.value else 0
    if ftype == "datetime":
        if lit.kind == "date":
            return lit.value + "T00:00:00.000+0000"
        if lit.kind != "datetime":
            raise SoqlError("INVALID_FIELD", f"value of filter criterion for field must be of type dateTime "
                            f"and should not be enclosed in quotes on entity '{meta.name}'")
        return lit.value
    if ftype == "date" and lit.kind not in ("date",):
        raise SoqlError("INVALID_FIELD", "value of filter criterion for field must be of type date and should "
                        "not be enclosed in quotes")
    if ftype in ("double", "currency", "percent", "int") and lit.kind != "number":
        raise SoqlError("INVALID_FIELD", "value of filter criterion for field must be a number")
    if lit.kind == "boolean":
        return 1 if lit.value else 0
    return lit.value


def compile_order(q: Query, meta: ObjectMeta) -> str:
    parts = []
    for item in q.order_by:
        spec = meta.get(item.field)
        if spec is None:
            raise _no_such_column(meta, item.field)
        nulls = item.nulls or ("LAST" if item.descending else "FIRST")
        parts.append(f'"{spec.name}" {"DESC" if item.descending else "ASC"} NULLS {nulls}')
    parts.append("rowid ASC")
    return ", ".join(parts)

