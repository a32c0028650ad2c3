"""The writes of a run that failed, with the remote's own message (exit code 3, DESIGN §10)."""

from __future__ import annotations

from typing import Any


def failed_writes(report: Any) -> list[dict[str, Any]]:
    """`{system, object, record_id, action, status, message}` for every write of `report` (an
    `ExecutionReport`) that ended `failed_*`, and one row per system whose writer raised."""
    if report is None:
        return []
    out: list[dict[str, Any]] = []
    for w, o in report.results():
        if str(o.status).startswith("failed"):
            out.append({"system": w.system, "object": w.object, "record_id": w.record_id, "action": w.action,
                        "status": o.status, "message": o.message})
    for system, error in sorted(report.errors.items()):
        if system == "run":  # plan mode: what the guard would say, not a failed write
            continue
        out.append({"system": system, "object": None, "record_id": None, "action": None, "status": "error",
                    "message": error})
    return out
