"""Execute planned writes idempotently, with a write log and a deactivation brake (DESIGN §10).

`execute` in `plan` mode writes nothing and reports what would be written. In `apply` mode it:

1. stops with `RunStopped` before any write when mark_inactive writes exceed
   `max_deactivation_share` of the matched records (in `plan` mode the report's `stopped` says
   so and the pipeline raises `RunStopped` after writing the plan's run folder: exit 4 either way);
2. skips writes whose key is already final in `ops.write_log` (a re-run writes nothing new);
3. logs every remaining write `pending` before calling any writer;
4. per system, in the registry's write order (`System.order`), first lets the writer `heal` the writes an earlier run left
   `pending` (a crash) or `failed_retriable` (the error may have come after the commit), by
   reading the remote value instead of writing again; then calls `apply` once with the rest of
   the batch, and records each outcome right away.

Writes an earlier run left `pending` or `failed_retriable` are resolved even when today's plan no
longer holds them (the re-sync already sees the value a crashed PATCH wrote, so dbt plans nothing):
they are rebuilt from the log and go through `heal` like the others.

Hand-offs follow the system of record: a Hodor Prospect Import row or an SFMC suppression row is
emitted only when the message's CUPOLA write of the same kind is done (`succeeded`, or
`skipped_noop`: CUPOLA holds the value) in this or an earlier run; otherwise the write is logged
`skipped_dependency` with the reason, and a later run emits it once CUPOLA has it.

A writer that raises for a whole batch leaves that batch `pending` (healed next run) and is
reported in `ExecutionReport.errors`; the other systems still run. A writer that raises
`ConnectionFailed` (its credentials refused after one renewal) has its finished outcomes
recorded, the rest left `pending`, and its connection marked `error` in `ops.connections`
(`ExecutionReport.connection_errors`); a system whose writer ran is marked `ok`. A writer that raises
`RunStopped` (the Salesforce quota guard) has its finished outcomes recorded (`exc.outcomes`),
the rest left `pending`, and the reason in `ExecutionReport.stopped`; the caller raises it
after the report is written.
"""

from __future__ import annotations

import inspect
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

from autoresponder.act import connection_state, write_log
from autoresponder.errors import ConnectionFailed, RunStopped
from autoresponder.models import PlannedWrite, WriteOutcome
from autoresponder.systems import registry

__all__ = ["ExecutionReport", "RunStopped", "Writer", "deactivation_share", "execute"]

MODES = ("plan", "apply")


class Writer(Protocol):
    """docs/contracts.md "Writers". May also offer `heal(writes) -> list[WriteOutcome | None]`."""

    def apply(self, writes: list[PlannedWrite]) -> list[WriteOutcome]: ...


@dataclass
class ExecutionReport:
    """What `execute` did (or, in plan mode, would do)."""

    run_id: str
    mode: str
    planned: list[PlannedWrite] = field(default_factory=list)
    would_write: list[PlannedWrite] = field(default_factory=list)
    already_done: list[PlannedWrite] = field(default_factory=list)
    outcomes: list[WriteOutcome] = field(default_factory=list)
    healed: list[str] = field(default_factory=list)
    errors: dict[str, str] = field(default_factory=dict)
    deactivation_share: float | None = None
    stopped: str | None = None  # a writer's guard stopped its writes (RunStopped); the rest stay pending
    resumed: list[PlannedWrite] = field(default_factory=list)  # unfinished writes of earlier runs, not in the plan
    connection_errors: dict[str, str] = field(default_factory=dict)  # system -> last_error (ops.connections)

    def write_for(self, key: str) -> PlannedWrite | None:
        return next((w for w in self.planned if w.idempotency_key == key), None)

    def results(self) -> list[tuple[PlannedWrite, WriteOutcome]]:
        """(write, outcome) pairs of the writes this run executed."""
        by_key = {w.idempotency_key: w for w in self.planned}
        return [(by_key[o.idempotency_key], o) for o in self.outcomes if o.idempotency_key in by_key]

    @property
    def counts(self) -> dict[str, dict[str, int]]:
        """{system: {status: n}}; `planned` in plan mode, `already_done` for skipped final keys."""
        out: dict[str, Counter[str]] = defaultdict(Counter)
        if self.mode == "plan":
            for w in self.would_write:
                out[w.system]["planned"] += 1
        for w in self.already_done:
            out[w.system]["already_done"] += 1
        for w, o in self.results():
            out[w.system][o.status] += 1
        return {s: dict(c) for s, c in sorted(out.items())}

    @property
    def remote_calls(self) -> int:
        """Calls made to remote systems (sum of attempts)."""
        return sum(int(o.attempts or 0) for o in self.outcomes)


def deactivation_share(writes: list[PlannedWrite], matched_count: int | None) -> float | None:
    """Distinct records to mark inactive (per system/object/record) over `matched_count`."""
    if matched_count is None:
        return None
    targets = {(w.system, w.object, w.record_id) for w in writes if w.action == "mark_inactive"}
    if not targets:
        return 0.0
    return float("inf") if matched_count <= 0 else len(targets) / matched_count


def execute(
    conn: Any,
    writes: list[PlannedWrite],
    writers: dict[str, Writer],
    *,
    mode: str,
    run_id: str,
    max_deactivation_share: float | None = None,
    matched_count: int | None = None,
    resume_unfinished: bool = False,
    progress: Callable[[int], Any] | None = None,
) -> ExecutionReport:
    """Execute `writes` (rows of `fct_actions` gated `auto`) against `writers`.

    Args:
        conn: DuckDB connection holding `ops.write_log`.
        writes: the planned writes; duplicates (same system and key) are executed once.
        writers: system name -> writer.
        mode: `plan` (write nothing) or `apply`.
        run_id: this run; stored on each log row it writes.
        max_deactivation_share: stop when mark_inactive targets / matched_count exceeds it.
        matched_count: matched records, counted like the targets (distinct system records).
        resume_unfinished: also resolve the `pending` / `failed_retriable` writes of earlier runs
            that `writes` no longer holds (a pipeline run; never a rollback).
        progress: called with the number of planned writes each system finished (a meter).

    Raises:
        RunStopped: the deactivation share is over the limit (apply mode), before any write.
        ValueError: unknown mode, or a write for a system without a writer (before any write).
    """
    if mode not in MODES:
        raise ValueError(f"mode must be one of {MODES}, not {mode!r}")
    planned = _dedupe(writes)
    report = ExecutionReport(run_id=run_id, mode=mode, planned=planned)
    report.deactivation_share = deactivation_share(planned, matched_count)
    over = (
        max_deactivation_share is not None
        and report.deactivation_share is not None
        and report.deactivation_share > max_deactivation_share
    )
    exists = write_log.write_log_exists(conn)
    known = write_log.statuses(conn, planned) if exists else {}
    todo = [w for w in planned if known.get((w.system, w.idempotency_key)) not in write_log.DONE_STATUSES]
    if exists and resume_unfinished:  # unfinished writes of earlier runs that today's plan no longer holds
        in_plan = {(w.system, w.idempotency_key) for w in planned}
        for r in write_log.unfinished_rows(conn):
            if (r["system"], r["idempotency_key"]) not in in_plan and r["system"] in writers:
                w = _from_log(r, run_id)
                report.resumed.append(w)
                report.planned.append(w)
                todo.append(w)
                known[(w.system, w.idempotency_key)] = r["status"]
    report.already_done = [
        w for w in planned if known.get((w.system, w.idempotency_key)) in write_log.DONE_STATUSES
    ]

    if mode == "plan":
        report.would_write = todo
        if over:  # the plan is written, and the run still ends stopped (exit 4): an apply would stop here
            report.errors["run"] = _stop_text(
                report.deactivation_share, max_deactivation_share, planned, matched_count
            )
            report.stopped = f"deactivation guard (plan; apply would write nothing): {report.errors['run']}"
        return report
    if over:
        raise RunStopped(
            _stop_text(report.deactivation_share, max_deactivation_share, planned, matched_count)
        )
    missing = sorted({w.system for w in todo} - set(writers))
    if missing:
        raise ValueError(f"no writer configured for system(s) {missing}; nothing was written")

    write_log.ensure_write_log(conn)
    write_log.insert_pending(conn, todo, run_id)
    # pending: crashed between remote write and log; failed_retriable: may have committed before the error
    recovering = {(s, k) for (s, k), st in known.items() if st in write_log.RECOVERING_STATUSES}
    logged_at = write_log.logged_at(conn, recovering)  # when each was first logged: heal dates creates by it
    for system in _ordered(todo):
        batch = [w for w in todo if w.system == system]
        priors = {w.idempotency_key: w.prior for w in batch}
        blocked = _blocked_by_dependency(conn, batch) if system in registry.handoffs() else {}
        try:
            outcomes = _run_system(writers[system], batch, recovering, report, blocked, logged_at)
        except ConnectionFailed as exc:  # credentials refused after one renewal: stop writing to it
            write_log.mark_outcomes(conn, system, exc.outcomes, priors)
            report.outcomes.extend(exc.outcomes)
            report.errors[system] = exc.message
            report.connection_errors[system] = exc.message
            connection_state.mark_error(conn, system, exc.message, run_id)
            continue
        except RunStopped as exc:  # a guard: keep what finished, the rest stays pending
            done = list(getattr(exc, "outcomes", None) or [])
            write_log.mark_outcomes(conn, system, done, priors)
            report.outcomes.extend(done)
            report.stopped = f"{system}: {exc}"
            report.errors[system] = f"stopped by a guard: {exc}"
            continue
        except Exception as exc:  # noqa: BLE001 - left pending, healed next run
            report.errors[system] = f"{type(exc).__name__}: {exc}"
            continue
        write_log.mark_outcomes(conn, system, outcomes, priors)
        report.outcomes.extend(outcomes)
        connection_state.mark_ok(conn, system, run_id)
        if progress is not None:
            progress(len(batch))
    return report


_DEP_DONE = ("succeeded", "skipped_noop")


def _blocked_by_dependency(conn: Any, batch: list[PlannedWrite]) -> dict[str, WriteOutcome]:
    """`skipped_dependency` outcomes for hand-off writes whose CUPOLA write is not done."""
    if not batch:
        return {}
    source, actions = registry.handoffs()[batch[0].system]
    mids = sorted({w.message_id for w in batch})
    rows = conn.execute(
        "select message_id, action, status, remote_message from ops.write_log where system = ?"
        " and message_id in (select unnest(?::varchar[]))", [source, mids]).fetchall()
    by_msg: dict[tuple[str, str], list[tuple[str, str | None]]] = defaultdict(list)
    for mid, action, status, msg in rows:
        by_msg[(mid, action)].append((status, msg))
    out = {}
    for w in batch:
        need = actions.get(w.action, w.action)
        found = by_msg.get((w.message_id, need), [])
        if any(st in _DEP_DONE for st, _ in found):
            continue
        if not found:
            why = f"no {source} {need} write for message {w.message_id}"
        else:
            why = "; ".join(f"{source} {need} is {st}" + (f" ({m})" if m else "") for st, m in found)
        out[w.idempotency_key] = WriteOutcome(
            w.idempotency_key, "skipped_dependency", attempts=0,
            message=f"not handed off: {w.system} follows {source}, the system of record: {why}"[:2000])
    return out


def _from_log(r: dict[str, Any], run_id: str) -> PlannedWrite:
    return PlannedWrite(run_id=run_id, message_id=r["message_id"], system=r["system"], object=r["object"],
                        record_id=r["record_id"], action=r["action"], payload=r["payload"], prior=r["prior"],
                        idempotency_key=r["idempotency_key"])


def _run_system(
    writer: Writer, batch: list[PlannedWrite], recovering: set[tuple[str, str]], report: ExecutionReport,
    blocked: dict[str, WriteOutcome] | None = None, logged_at: dict[tuple[str, str], float] | None = None,
) -> list[WriteOutcome]:
    healed: dict[str, WriteOutcome] = {}
    to_heal = [w for w in batch if (w.system, w.idempotency_key) in recovering]
    heal = getattr(writer, "heal", None)
    blocked = blocked or {}
    if to_heal and callable(heal):
        kwargs = {}
        if "logged_at" in inspect.signature(heal).parameters:  # a writer that dates what it finds
            kwargs["logged_at"] = {k: t for (s, k), t in (logged_at or {}).items() if s == to_heal[0].system}
        try:
            found = heal(to_heal, **kwargs)
        except ConnectionFailed as exc:  # keep the blocked outcomes with the healed ones
            exc.outcomes = [*blocked.values(), *exc.outcomes]
            raise
        for w, o in zip(to_heal, found, strict=True):
            if o is not None:
                healed[w.idempotency_key] = o
                report.healed.append(w.idempotency_key)
    rest = [w for w in batch if w.idempotency_key not in healed and w.idempotency_key not in blocked]
    try:
        applied = {o.idempotency_key: o for o in (writer.apply(rest) if rest else [])}
    except (RunStopped, ConnectionFailed) as exc:  # keep the healed and blocked outcomes with the writer's own
        exc.outcomes = [*healed.values(), *blocked.values(), *(getattr(exc, "outcomes", None) or [])]  # type: ignore[attr-defined]
        raise
    outcomes = []
    for w in batch:
        o = healed.get(w.idempotency_key) or blocked.get(w.idempotency_key) or applied.get(w.idempotency_key)
        if o is None:
            o = WriteOutcome(
                w.idempotency_key,
                "failed_terminal",
                message="writer returned no outcome for this write",
                attempts=0,
            )
        outcomes.append(o)
    return outcomes


def _dedupe(writes: list[PlannedWrite]) -> list[PlannedWrite]:
    seen: dict[tuple[str, str], PlannedWrite] = {}
    for w in writes:
        seen.setdefault((w.system, w.idempotency_key), w)
    return list(seen.values())


def _ordered(writes: list[PlannedWrite]) -> list[str]:
    """Systems in the registry's write order (`System.order`), unknown ones last by name."""
    systems = {w.system for w in writes}
    order = registry.write_order()
    return [s for s in order if s in systems] + sorted(systems - set(order))


def _stop_text(
    share: float | None, limit: float | None, writes: list[PlannedWrite], matched: int | None
) -> str:
    n = len({(w.system, w.object, w.record_id) for w in writes if w.action == "mark_inactive"})
    return (
        f"run stopped before writing: {n} records to mark inactive out of {matched} matched "
        f"(share {share:.1%}) exceeds max_deactivation_share {limit:.1%}"
    )
