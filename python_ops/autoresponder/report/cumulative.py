"""The impact across runs (issue 10): every run's figures kept in `report.run_impacts`, a cumulative
view over all runs, and a matplotlib chart (PNG) of processed / deactivated / updated / sent to
review / approved per run and per system, embedded in the Markdown of the run folder
(`impact_cumulative.md`, and a section of `impact_report.md`) and in Dagster's asset metadata.
"""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

import duckdb

METRICS = ("processed", "deactivated", "updated", "sent_to_review", "approved")
COLORS = dict(zip(METRICS, ("#4c72b0", "#c44e52", "#dd8452", "#8172b3", "#55a868"), strict=True))
PNG = "impact_cumulative.png"
MARKDOWN = "impact_cumulative.md"
DDL = """
create schema if not exists report;
create table if not exists report.run_impacts (
    run_id varchar primary key,
    as_of varchar,
    mode varchar,
    processed integer,
    deactivated integer,
    updated integer,
    added integer,
    sent_to_review integer,
    approved integer,
    by_system json,
    recorded_at timestamp default current_timestamp
);
"""


def _approved_writes(conn, log_rows: list[dict[str, Any]]) -> dict[str, int]:
    """This run's writes made (succeeded / queued) whose action a reviewer approved, by system."""
    keys = [(r["system"], r["idempotency_key"]) for r in log_rows if r["status"] in ("succeeded", "queued")]
    if not keys:
        return {}
    rows = conn.execute(
        "select a.system, count(*) from marts.fct_actions a join (select unnest(?::varchar[]) as system, "
        "unnest(?::varchar[]) as idempotency_key) k using (system, idempotency_key) where a.gate = 'approved' "
        "group by 1", [[s for s, _ in keys], [k for _, k in keys]]).fetchall()
    return {s: int(n) for s, n in rows}


def run_figures(conn: duckdb.DuckDBPyConnection, impact: dict[str, Any], log_rows: list[dict[str, Any]],
                runs: list[str]) -> dict[str, Any]:
    """This run's row of the cumulative view, with per-system figures."""
    approved = _approved_writes(conn, log_rows)
    review = {s: int(n) for s, n in conn.execute(
        "select system, count(distinct message_id) from marts.fct_actions where gate = 'review' "
        "and list_contains(?::varchar[], run_id) group by 1", [runs]).fetchall()}
    by_system: dict[str, dict[str, int]] = {}

    def add(system: str, metric: str, n: int) -> None:
        by_system.setdefault(system, dict.fromkeys(METRICS[1:], 0))[metric] += int(n)

    for key, n in (impact.get("deactivated_by_system") or {}).items():
        add(key.split(".")[0], "deactivated", n)
    for key, n in (impact.get("updated_by_system") or {}).items():
        add(key.split(".")[0], "updated", n)
    for s, n in review.items():
        add(s, "sent_to_review", n)
    for s, n in approved.items():
        add(s, "approved", n)
    return {
        "run_id": impact["run_id"], "as_of": impact.get("as_of"), "mode": impact.get("mode"),
        "processed": int(impact.get("total_processed") or 0),
        "deactivated": int(impact.get("records_deactivated") or 0),
        "updated": int(impact.get("records_updated") or 0),
        "added": int(impact.get("new_records_added") or 0),
        "sent_to_review": int((impact.get("by_outcome") or {}).get("manual_review", 0)),
        "approved": sum(approved.values()),
        "by_system": dict(sorted(by_system.items())),
    }


def record(conn: duckdb.DuckDBPyConnection, figures: dict[str, Any]) -> list[dict[str, Any]]:
    """Store this run's figures (a re-report of the same run replaces them); returns every run's."""
    conn.execute(DDL)
    conn.execute(
        "insert or replace into report.run_impacts (run_id, as_of, mode, processed, deactivated, updated, added, "
        "sent_to_review, approved, by_system) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [figures["run_id"], figures["as_of"], figures["mode"], *(figures[m] for m in
         ("processed", "deactivated", "updated", "added", "sent_to_review", "approved")),
         json.dumps(figures["by_system"])])
    cur = conn.execute("select run_id, as_of, mode, processed, deactivated, updated, added, sent_to_review, approved, "
                       "by_system from report.run_impacts order by run_id")
    cols = [d[0] for d in cur.description]
    out = []
    for r in cur.fetchall():
        row = dict(zip(cols, r, strict=True))
        row["by_system"] = json.loads(row["by_system"] or "{}")
        out.append(row)
    return out


def totals(history: list[dict[str, Any]]) -> dict[str, Any]:
    t = {m: sum(int(h[m] or 0) for h in history) for m in (*METRICS, "added")}
    systems: dict[str, dict[str, int]] = {}
    for h in history:
        for s, figs in (h.get("by_system") or {}).items():
            for m, n in figs.items():
                systems.setdefault(s, {}).setdefault(m, 0)
                systems[s][m] += int(n)
    return {"runs": len(history), **t, "by_system": dict(sorted(systems.items()))}


def chart(history: list[dict[str, Any]], path: Path) -> Path:
    """Two panels: the five figures per run, and per system over all runs."""
    # heavy: matplotlib takes ~1 s to import; only the chart needs it
    import matplotlib

    matplotlib.use("Agg")
    # after use("Agg"), so pyplot never looks for a display
    import matplotlib.pyplot as plt

    labels = [h["run_id"] for h in history]
    # fixed margins: constrained_layout solves the layout again on every draw (~40 % of the chart's time)
    fig, (top, bottom) = plt.subplots(2, 1, figsize=(10, 7.5), layout=None)
    width = 0.8 / len(METRICS)
    xs = range(len(history))
    for i, m in enumerate(METRICS):
        top.bar([x + i * width - 0.4 + width / 2 for x in xs], [int(h[m] or 0) for h in history], width,
                label=m.replace("_", " "), color=COLORS[m])
    top.set_xticks(list(xs), labels, rotation=20, ha="right", fontsize=7)
    top.set_title(f"Per run ({len(history)} runs)")
    top.set_ylabel("messages / records")
    top.legend(ncols=5, fontsize=8, loc="upper left")
    t = totals(history)
    systems = list(t["by_system"]) or ["none"]
    metrics = METRICS[1:]
    width = 0.8 / len(metrics)
    for i, m in enumerate(metrics):
        bottom.bar([x + i * width - 0.4 + width / 2 for x in range(len(systems))],
                   [t["by_system"].get(s, {}).get(m, 0) for s in systems], width, label=m.replace("_", " "),
                   color=COLORS[m])
    bottom.set_xticks(list(range(len(systems))), systems)
    bottom.set_title(f"Per system, all runs (processed in total: {t['processed']})")
    bottom.set_ylabel("records")
    bottom.legend(ncols=4, fontsize=8, loc="upper left")
    fig.suptitle("AutoResponder impact across runs")
    fig.subplots_adjust(left=0.07, right=0.98, top=0.92, bottom=0.1, hspace=0.45)
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=100)
    plt.close(fig)
    return path


def markdown(history: list[dict[str, Any]], image: str = PNG) -> str:
    t = totals(history)
    lines = [f"## Across runs ({t['runs']} runs)", "",
             f"![impact across runs]({image})", "",
             f"**All runs:** {t['processed']} processed · {t['deactivated']} deactivated · {t['updated']} updated · "
             f"{t['added']} added · {t['sent_to_review']} sent to review · {t['approved']} approved writes", "",
             "| run | as of | mode | processed | deactivated | updated | sent to review | approved |",
             "|---|---|---|---:|---:|---:|---:|---:|"]
    lines += [f"| {h['run_id']} | {h['as_of']} | {h['mode']} | {h['processed']} | {h['deactivated']} | "
              f"{h['updated']} | {h['sent_to_review']} | {h['approved']} |" for h in history]
    lines += ["", "| system | deactivated | updated | sent to review | approved |", "|---|---:|---:|---:|---:|"]
    lines += [f"| {s} | {f.get('deactivated', 0)} | {f.get('updated', 0)} | {f.get('sent_to_review', 0)} | "
              f"{f.get('approved', 0)} |" for s, f in t["by_system"].items()]
    return "\n".join(lines) + "\n"


def write(conn: duckdb.DuckDBPyConnection, run_dir: Path, impact: dict[str, Any], log_rows: list[dict[str, Any]],
          runs: list[str]) -> dict[str, Any]:
    """Record this run, draw the chart, write `impact_cumulative.md`; returns the cumulative view."""
    history = record(conn, run_figures(conn, impact, log_rows, runs))
    png = chart(history, Path(run_dir) / PNG)
    md = markdown(history)
    (Path(run_dir) / MARKDOWN).write_text("# Impact across runs\n\n" + md.split("\n", 1)[1], encoding="utf-8")
    return {"history": history, "totals": totals(history), "markdown": md, "png": str(png)}


def dagster_markdown(md: str, png: Path) -> str:
    """The same Markdown with the chart inlined (data URI), for Dagster's asset metadata."""
    data = base64.b64encode(Path(png).read_bytes()).decode("ascii")
    return md.replace(f"]({PNG})", f"](data:image/png;base64,{data})")
