"""`autoresponder serve`: the reviewers' web page and upload endpoints (FastAPI, issue 10, DESIGN §7).

* `GET /` a plain HTML page: the open review items of the last run with their evidence, links to
  download the files and forms to upload them back (no JavaScript).
* `GET /download/human_review.csv`, `GET /download/multipub_audit.csv`: the open items as CSV
  (cells neutralised for spreadsheets), with the empty `approve` / `decision` column to fill.
* `POST /upload/multipub-audit`, `POST /upload/human-review`: multipart form, field `file`.
* `GET /healthz`: liveness, no authentication.
* `GET /oauth/salesforce/start`, `GET /oauth/salesforce/callback`: the OAuth 2.0 web-server flow
  that grants AutoResponder access to the Salesforce org (`review/oauth_routes.py`).
* `GET /oauth/hubspot/start`, `GET /oauth/hubspot/callback`: the same for the HubSpot portal.

Authentication per reviewer from `Settings.reviewers` (name -> secret): `Authorization: Bearer
<secret>` or HTTP basic auth `name:secret`. Errors: 401 unauthenticated, 413 file over
`review_max_upload_bytes`, 415 not CSV/XLSX, 422 missing columns / unknown message ids / formula
cells / bad decisions, 409 nothing to review yet, 503 warehouse busy (a run holds it). Nothing is
stored when an upload is refused.

The warehouse is opened per request and closed at once, so a pipeline run can use it between
requests (DuckDB allows one writer process at a time).
"""

from __future__ import annotations

import base64
import binascii
import hmac
import html
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb
from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response

from autoresponder.report.csv_safe import write_csv
from autoresponder.review import service
from autoresponder.review.oauth_routes import add_hubspot_oauth_routes, add_oauth_routes
from autoresponder.review.parse import BadUpload

REALM = 'Basic realm="AutoResponder review", charset="UTF-8"'


def authenticate(settings, header: str | None) -> str | None:
    """The reviewer's name for an `Authorization` header, or None."""
    if not header:
        return None
    scheme, _, value = header.partition(" ")
    reviewers = {name: secret.get_secret_value() for name, secret in (settings.reviewers or {}).items()}
    if scheme.lower() == "bearer":
        token = value.strip()
        found = None
        for name, secret in reviewers.items():  # compare with every secret, in constant time each
            if secret and hmac.compare_digest(token.encode(), secret.encode()):
                found = name
        return found
    if scheme.lower() == "basic":
        try:
            user, _, password = base64.b64decode(value.strip(), validate=True).decode("utf-8").partition(":")
        except (binascii.Error, UnicodeDecodeError):
            return None
        secret = reviewers.get(user)
        if secret and hmac.compare_digest(password.encode(), secret.encode()):
            return user
    return None


def create_app(settings, salesforce_session: Any = None) -> FastAPI:
    """The app; `salesforce_session` makes the HTTP session of the OAuth token exchange (default
    `requests.Session`, which verifies against the system CAs or `REQUESTS_CA_BUNDLE`)."""
    app = FastAPI(title="AutoResponder review", docs_url=None, redoc_url=None, openapi_url=None)
    warehouse = Path(settings.warehouse)
    uploads_dir = Path(settings.runs_dir) / "uploads"
    limit = int(settings.review_max_upload_bytes)

    @contextmanager
    def connect(read_only: bool = False):
        deadline = time.monotonic() + 10
        while True:
            try:
                conn = duckdb.connect(str(warehouse))  # one configuration: read-write (see module doc)
                break
            except (duckdb.IOException, duckdb.ConnectionException) as exc:  # a run holds the warehouse
                if time.monotonic() > deadline:
                    raise HTTPException(503, f"the warehouse is busy (a run is using it): {exc}; try again "
                                             "in a minute", headers={"Retry-After": "60"}) from None
                time.sleep(0.2)
        try:
            yield conn
        finally:
            conn.close()

    def reviewer(request: Request) -> str:
        name = authenticate(settings, request.headers.get("authorization"))
        if name is None:
            raise HTTPException(401, "authentication required: a reviewer's bearer token or basic auth",
                                headers={"WWW-Authenticate": REALM})
        return name

    add_oauth_routes(app, settings, connect, reviewer, **({"session_factory": salesforce_session}
                                                          if salesforce_session is not None else {}))
    add_hubspot_oauth_routes(app, settings, reviewer)

    @app.exception_handler(BadUpload)
    async def _bad_upload(request: Request, exc: BadUpload) -> JSONResponse:
        return JSONResponse({"error": exc.message}, status_code=exc.status)

    @app.exception_handler(HTTPException)
    async def _http(request: Request, exc: HTTPException) -> JSONResponse:
        return JSONResponse({"error": exc.detail}, status_code=exc.status_code, headers=exc.headers)

    @app.get("/healthz")
    def healthz() -> dict:
        return {"ok": True}

    async def _file(request: Request) -> tuple[str, bytes]:
        declared = request.headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > limit + 64 * 1024:
            raise HTTPException(413, f"the upload is {int(declared)} bytes; the limit is {limit} bytes")
        body = bytearray()
        async for chunk in request.stream():
            body += chunk
            if len(body) > limit + 64 * 1024:
                raise HTTPException(413, f"the upload is over the limit of {limit} bytes")
        request._body = bytes(body)  # starlette parses the form from the body read above
        ctype = request.headers.get("content-type", "")
        if not ctype.startswith("multipart/form-data"):
            raise HTTPException(415, "send the file as multipart/form-data in a field named 'file'")
        form = await request.form(max_files=1, max_fields=10, max_part_size=limit + 1)
        upload = form.get("file")
        if upload is None or isinstance(upload, str):
            raise HTTPException(422, "no file: send it in a form field named 'file'")
        data = await upload.read()
        if len(data) > limit:
            raise HTTPException(413, f"the file is {len(data)} bytes; the limit is {limit} bytes")
        if not data:
            raise HTTPException(422, f"{upload.filename}: the file is empty")
        return upload.filename or "", data

    @app.post("/upload/multipub-audit")
    async def upload_multipub(request: Request) -> JSONResponse:
        who = reviewer(request)
        filename, data = await _file(request)
        with connect() as conn:
            result = service.multipub_upload(conn, settings, reviewer=who, filename=filename, data=data,
                                             uploads_dir=uploads_dir)
        return JSONResponse(service.to_json(result), status_code=200 if result["status"] == "duplicate" else 201)

    @app.post("/upload/human-review")
    async def upload_human_review(request: Request) -> JSONResponse:
        who = reviewer(request)
        filename, data = await _file(request)
        with connect() as conn:
            result = service.human_review_upload(conn, settings, reviewer=who, filename=filename, data=data,
                                                 uploads_dir=uploads_dir)
        return JSONResponse(service.to_json(result), status_code=200 if result["status"] == "duplicate" else 201)

    @app.get("/download/{name}")
    def download(name: str, request: Request, all: int = 0) -> Response:  # noqa: A002 - query name
        reviewer(request)
        kinds = {"human_review.csv": "human_review", "multipub_audit.csv": "multipub_audit"}
        if name not in kinds:
            raise HTTPException(404, f"no file {name!r}; there are {', '.join(kinds)}")
        with connect(read_only=True) as conn:
            items = open_items(conn, all_runs=bool(all))
        cols, rows = items[kinds[name]]
        tmp = uploads_dir / ".downloads" / name
        write_csv(tmp, rows, columns=cols)
        data = tmp.read_bytes()
        return Response(data, media_type="text/csv; charset=utf-8",
                        headers={"Content-Disposition": f'attachment; filename="{kinds[name]}_{items["run_id"]}.csv"'})

    @app.get("/", response_class=HTMLResponse)
    def page(request: Request, all: int = 0) -> HTMLResponse:  # noqa: A002
        who = reviewer(request)
        with connect(read_only=True) as conn:
            items = open_items(conn, all_runs=bool(all))
        return HTMLResponse(render_page(who, items, all_runs=bool(all), limit=limit))

    return app


# --- the open items -------------------------------------------------------------------------------

HUMAN_REVIEW_COLUMNS = ("run_id", "message_id", "review_reason", "determination", "reason", "lookup_email",
                        "first_name", "last_name", "org_name", "subject", "return_date", "new_email", "new_title",
                        "evidence", "approve")


def _exists(conn, schema: str, table: str) -> bool:
    return bool(conn.execute("select count(*) from information_schema.tables where table_schema = ? and "
                             "table_name = ?", [schema, table]).fetchone()[0])


def _rows(conn, sql: str, params: list | None = None) -> tuple[list[str], list[dict[str, Any]]]:
    cur = conn.execute(sql, params or [])
    cols = [d[0] for d in cur.description]
    return cols, [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]


def last_run(conn) -> str | None:
    if _exists(conn, "ops", "runs"):
        row = conn.execute("select run_id from ops.runs where command <> 'rollback' order by started_at desc, "
                           "run_id desc limit 1").fetchone()
        if row:
            return row[0]
    if _exists(conn, "marts", "fct_message_outcomes"):
        row = conn.execute("select max(run_id) from marts.fct_message_outcomes").fetchone()
        return row[0] if row else None
    return None


def open_items(conn, *, all_runs: bool = False) -> dict[str, Any]:
    """{'run_id', 'human_review': (cols, rows), 'multipub_audit': (cols, rows), 'undetermined': (cols, rows)}
    of the last run (or every run): undecided items only."""
    run = last_run(conn)
    where = "true" if all_runs else "run_id = ?"
    params = [] if all_runs else [run]
    out: dict[str, Any] = {"run_id": run or "none", "all_runs": all_runs}
    if _exists(conn, "marts", "output_document_human_review"):
        out["human_review"] = _rows(conn, f"select * from marts.output_document_human_review where {where} "
                                          "order by run_id desc, review_reason, message_id", params)
    else:
        out["human_review"] = (list(HUMAN_REVIEW_COLUMNS), [])
    if _exists(conn, "marts", "output_document_multipub_audit"):
        decided = ("not exists (select 1 from review.multipub_decisions d where d.message_id = a.message_id and "
                   "d.subscription_id = a.subscription_id)" if _exists(conn, "review", "multipub_decisions")
                   else "true")
        out["multipub_audit"] = _rows(conn, f"select a.* from marts.output_document_multipub_audit a where {where} "
                                            f"and {decided} order by run_id desc, message_id, subscription_id",
                                      params)
    else:
        out["multipub_audit"] = (["message_id", "subscription_id", "decision"], [])
    if _exists(conn, "marts", "output_document_undetermined_senders"):
        out["undetermined"] = _rows(conn, f"select * from marts.output_document_undetermined_senders where {where} "
                                          "order by message_id", params)
    else:
        out["undetermined"] = ([], [])
    out["older_open"] = 0
    if not all_runs and run and _exists(conn, "marts", "output_document_human_review"):
        out["older_open"] = conn.execute("select count(*) from marts.output_document_human_review where run_id <> ?",
                                         [run]).fetchone()[0]
    return out


# --- the page -----------------------------------------------------------------------------------

def _e(v: Any) -> str:
    return html.escape("" if v is None else str(v))


def _table(rows: list[dict[str, Any]], cols: tuple[str, ...], evidence: str = "evidence") -> str:
    if not rows:
        return "<p class=none>No open items.</p>"
    head = "".join(f"<th>{_e(c)}</th>" for c in cols)
    body = []
    for r in rows:
        cells = []
        for c in cols:
            v = r.get(c)
            cells.append(f"<td class=evidence>{_e(v)}</td>" if c == evidence else f"<td>{_e(v)}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def _display(r: dict[str, Any]) -> dict[str, Any]:
    """A review row as the page shows it: a few readable columns, the message id last."""
    name = " ".join(x for x in (r.get("first_name"), r.get("last_name")) if x)
    new = "; ".join(f"{k.replace('_', ' ')}: {r[k]}" for k in ("new_email", "new_title", "return_date") if r.get(k))
    return {**r, "reply": f"{r.get('determination', '')} / {r.get('reason', '')}",
            "person": f"{name} <{r.get('lookup_email', '')}>" if name else r.get("lookup_email", ""),
            "new values": new}


def _form(action: str, label: str) -> str:
    return (f'<form method="post" action="{action}" enctype="multipart/form-data">'
            f'<label>{_e(label)} <input type="file" name="file" accept=".csv,.xlsx" required></label> '
            '<button type="submit">Upload</button></form>')


def render_page(who: str, items: dict[str, Any], *, all_runs: bool, limit: int) -> str:
    hr = items["human_review"][1]
    mp = items["multipub_audit"][1]
    und = items["undetermined"][1]
    scope = "all runs" if all_runs else f"last run <code>{_e(items['run_id'])}</code>"
    older = (f' · <a href="/?all=1">{items["older_open"]} open items of earlier runs</a>'
             if items.get("older_open") else "")
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>AutoResponder review</title>
<style>
body {{ font-family: system-ui, sans-serif; margin: 1.5rem 2rem; color: #1d2433; }}
h1 {{ font-size: 1.4rem; margin-bottom: .2rem; }} h2 {{ font-size: 1.1rem; margin-top: 1.6rem; }}
table {{ border-collapse: collapse; width: 100%; font-size: .82rem; margin: .5rem 0; }}
th, td {{ border: 1px solid #cfd6e4; padding: .3rem .45rem; vertical-align: top; text-align: left; }}
th {{ background: #eef2fa; }} td.evidence {{ max-width: 30rem; color: #3b4660; font-style: italic; }}
td:last-child {{ font-size: .7rem; color: #6b7385; word-break: break-all; max-width: 14rem; }}
.box {{ background: #f6f9ff; border: 1px solid #cfd6e4; padding: .6rem .9rem; margin: .5rem 0; }}
.none {{ color: #6b7385; }} code {{ background: #eef2fa; padding: 0 .2rem; }}
</style></head><body>
<h1>AutoResponder review</h1>
<p>Signed in as <b>{_e(who)}</b> · open items of the {scope}{older}</p>

<h2>Human review ({len(hr)})</h2>
<div class=box>
<p>Download the file, write <b>yes</b> or <b>no</b> in its <code>approve</code> column, upload it back.
Approved replies are written by the next <code>apply</code> run (logged, idempotent, reversible);
rejected ones are remembered and not asked about again.</p>
<p><a href="/download/human_review.csv{'?all=1' if all_runs else ''}">Download human_review.csv</a></p>
{_form('/upload/human-review', 'Reviewed human-review file (.csv or .xlsx):')}
</div>
{_table([_display(r) for r in hr], ("review_reason", "reply", "person", "org_name", "new values", "evidence",
                                     "message_id"))}

<h2>Multipub audit ({len(mp)})</h2>
<div class=box>
<p>Write <b>Yes</b> or <b>No</b> in the <code>decision</code> column; rows marked Yes are emailed to
Client Services at once. Uploading the same file again sends nothing twice.</p>
<p><a href="/download/multipub_audit.csv{'?all=1' if all_runs else ''}">Download multipub_audit.csv</a></p>
{_form('/upload/multipub-audit', 'Reviewed Multipub audit file (.csv or .xlsx):')}
</div>
{_table([_display(r) for r in mp], ("reply", "person", "company", "subscription_id", "product_code",
                                     "subscription_status", "end_date", "last_issue_date", "message_id"), evidence="")}

<h2>Undetermined senders ({len(und)})</h2>
{_table([_display(r) for r in und], ("from_email", "reply", "subject", "sent_at", "evidence", "message_id"))}
<p class=none>Files up to {limit:,} bytes; cells that start a formula (= + - @) are refused.</p>
</body></html>
"""
