"""A system is a plug-in (issue 12): registering one `System` makes it appear in connections,
landing, the writers, the executor's order, rollback and the impact report, with no other file
touched. The toy system below is what a new `systems/<name>/system.py` holds."""

from __future__ import annotations

from contextlib import ExitStack
from pathlib import Path

import duckdb
import pytest

from autoresponder.act.executor import execute
from autoresponder.act.rollback import rollback, rollback_plan_rows
from autoresponder.cli import build_parser
from autoresponder.config import Settings
from autoresponder.connections import Connections, open_systems
from autoresponder.land.snapshots import Snapshot, preflight
from autoresponder.models import PlannedWrite, WriteOutcome
from autoresponder.pipeline import build_writers, land
from autoresponder.report.impact import requests_by_system
from autoresponder.run import RunContext
from autoresponder.systems import registry
from autoresponder.systems.registry import Opened, System


class ToyCrm:
    """A remote that keeps state: {record id: {field: value}}, and counts its requests."""

    def __init__(self) -> None:
        self.records = {"t1": {"title": "Analyst"}, "t2": {"title": "Director"}}
        self.requests = 0


class ToyWriter:
    def __init__(self, crm: ToyCrm) -> None:
        self.crm = crm

    def apply(self, writes: list[PlannedWrite]) -> list[WriteOutcome]:
        self.crm.requests += 1  # one batch request
        for w in writes:
            self.crm.records[w.record_id].update(w.payload)
        return [WriteOutcome(w.idempotency_key, "succeeded", remote_id=w.record_id) for w in writes]


def _open(settings, sources_dir: Path, warehouse: Path, stack: ExitStack) -> Opened:
    crm = ToyCrm()
    return Opened(crm, "toy:local", request_counts=lambda: {"batch": crm.requests})


def _land(crm: ToyCrm, conn, settings, objects=None) -> dict:
    conn.execute("create or replace table raw.toy_records (id varchar, title varchar)")
    conn.executemany("insert into raw.toy_records values (?, ?)", [(k, v["title"]) for k, v in crm.records.items()])
    return {"rows": len(crm.records)}


TOY = System(
    name="toy", order=5, snapshots=(Snapshot("toy/people.csv", "raw.toy_people", {"id": "VARCHAR", "email": "VARCHAR"}),),
    open=_open, land=_land, writer=lambda ctx, crm, conn: ToyWriter(crm),
    request_counts=lambda opened, writer: dict(opened.request_counts()) if opened else {}, matched=True,
)


@pytest.fixture
def toy():
    registry.register(TOY)
    yield TOY
    registry.unregister("toy")


@pytest.fixture
def toy_sources(sources: Path) -> Path:
    (sources / "toy").mkdir()
    (sources / "toy" / "people.csv").write_text("id,email\nt1,ann@toy.example\nt2,bob@toy.example\n")
    return sources


def _write(key: str, rid: str, title: str, prior: str) -> PlannedWrite:
    return PlannedWrite("r1", f"<{key}@m>", "toy", "person", rid, "update_title", {"title": title}, {"title": prior},
                        key, determination="TITLE_UPDATE")


def test_a_registered_system_is_opened_landed_and_written(toy, toy_sources: Path, tmp_path: Path) -> None:
    settings = Settings(sources_dir=toy_sources, warehouse=tmp_path / "w.duckdb", runs_dir=tmp_path / "runs")
    ctx = RunContext.create(settings, run_id="r1")
    systems = Connections()
    stack = ExitStack()
    opened = TOY.open(settings, toy_sources, settings.warehouse, stack)
    systems.handles["toy"], systems.opened["toy"], systems.targets["toy"] = opened.handle, opened, opened.target
    conn = duckdb.connect(str(settings.warehouse))

    stats = land(ctx, conn, systems)  # its CSV snapshot with the others, then its API landing
    assert stats["snapshots"]["raw.toy_people"] == 2 and stats["toy"] == {"rows": 2}
    assert conn.execute("select count(*) from raw.toy_records").fetchone()[0] == 2
    assert conn.execute("select status from ops.connections where system = 'toy'").fetchone() == ("ok",)

    writers = build_writers(ctx, systems, conn)
    assert isinstance(writers["toy"], ToyWriter) and {"hodor", "sfmc"} <= set(writers)  # CUPOLA: not opened here
    assert registry.write_order()[0] == "toy" and "toy" in registry.matched_systems()

    report = execute(conn, [_write("k1", "t1", "CIO", "Analyst")], writers, mode="apply", run_id="r1")
    assert report.counts == {"toy": {"succeeded": 1}} and opened.handle.records["t1"] == {"title": "CIO"}
    assert requests_by_system(systems, writers)["toy"] == {"batch": 1}

    [plan] = rollback_plan_rows(conn, "r1")
    assert (plan["system"], plan["restore_kind"]) == ("toy", "automatic")
    result = rollback(conn, "r1", writers)
    assert [r["status"] for r in result["restored"]] == ["succeeded"]
    assert opened.handle.records["t1"] == {"title": "Analyst"}
    conn.close()
    stack.close()


def test_a_registered_system_is_checked_before_a_run_and_opened_with_the_others(toy, toy_sources: Path,
                                                                                tmp_path: Path) -> None:
    (toy_sources / "toy" / "people.csv").unlink()
    with pytest.raises(Exception, match="toy/people.csv"):
        preflight(toy_sources)
    registry.register(System(name="toy", open=_open))  # opened with the others, target recorded
    settings = Settings(sources_dir=toy_sources, warehouse=tmp_path / "w.duckdb", cupola_odbc=None)
    with open_systems(settings, toy_sources, settings.warehouse) as systems:
        assert systems.targets["toy"] == "toy:local" and isinstance(systems.get("toy"), ToyCrm)
    emulate = next(a for a in build_parser()._subparsers._group_actions[0].choices["emulate"]._actions
                   if a.dest == "system")
    assert {"toy", "salesforce", "openai"} <= set(emulate.choices)
