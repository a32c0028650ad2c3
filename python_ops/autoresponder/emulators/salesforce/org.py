"""The emulated org: records (`OrgState`), sessions, query cursors, Bulk jobs, counters.

Collection writes live here because they combine many record actions with Salesforce's
`allOrNone` semantics (a SQLite savepoint rolls the whole request back).
"""

from __future__ import annotations

import itertools
import random
import secrets
import threading
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from .schema import KEY_PREFIXES
from .state import ApiError, OrgState, id18

MAX_COLLECTION = 200
API_DAILY_MAX = 100000
_NOT_API = frozenset({"login", "versions", "identity", "userinfo", "other"})
_ROLLED_BACK = {"statusCode": "ALL_OR_NONE_OPERATION_ROLLED_BACK",
                "message": "Record rolled back because not all records were valid and the request was using "
                           "AllOrNone header", "fields": []}


class EmulatedOrg:
    """Everything one emulator instance knows; `state` holds the records."""

    def __init__(self, db_path: Path, *, version: str = "59.0", batch_size: int = 2000,
                 faults: dict[str, Any] | None = None):
        self.state = OrgState(db_path, version)
        self.version = version
        self.batch_size = batch_size
        self.org_id = "00D5e000000AbCdEAK"
        self.username = "autoresponder@example-research.com.emulator"
        self.password = "emulator-password"
        self.security_token = "EMULATORTOKEN42"
        self.user_id = "005000000000001AAA"
        self.user_email = "autoresponder@example-research.com"
        self.user_full_name = "AutoResponder Integration"
        self.org_name = "Example Research (emulated)"
        self.access_token = self._token()
        self.sessions: set[str] = {self.access_token}
        self.instance_url = ""  # set once the server is bound
        self.cursors: dict[str, dict[str, Any]] = {}
        self.max_cursors = 50
        self.jobs: dict[str, dict[str, Any]] = {}
        self.counts: Counter[str] = Counter()
        self.faults_injected: Counter[str] = Counter()
        self.faults = faults or {}
        self.api_daily_max = API_DAILY_MAX  # the org's DailyApiRequests limit (settable: set_api_limit)
        self.api_usage_offset = 0  # requests "already used today" before this emulator started
        self._ids = itertools.count(1)
        self._lock = threading.Lock()

    def _token(self) -> str:
        return f"{self.org_id[:15]}!AR{secrets.token_urlsafe(40)}"

    # sessions ---------------------------------------------------------------------------
    def login(self, username: str, password: str) -> str | None:
        if username != self.username or password != self.password + self.security_token:
            return None
        token = self._token()
        with self._lock:
            self.sessions.add(token)
        return token

    def logout(self, token: str) -> None:
        """SOAP `logout`: that session stops working."""
        with self._lock:
            self.sessions.discard(token)

    def api_usage(self) -> int:
        """API requests used "today" (what `limits` and the `Sforce-Limit-Info` header report):
        the data requests counted since start (or `reset_counts`) plus `api_usage_offset`."""
        with self._lock:
            return self.api_usage_offset + sum(n for kind, n in self.counts.items() if kind not in _NOT_API)

    def set_api_limit(self, max_requests: int | None = None, used: int | None = None) -> dict[str, int]:
        """Set the daily limit and/or today's usage (so a test can bring the org near its quota)."""
        with self._lock:
            if max_requests is not None:
                self.api_daily_max = int(max_requests)
            if used is not None:
                counted = sum(n for kind, n in self.counts.items() if kind not in _NOT_API)
                self.api_usage_offset = int(used) - counted
        return {"max": self.api_daily_max, "used": self.api_usage()}

    def session_valid(self, token: str | None) -> bool:
        return token is not None and token in self.sessions

    def expire_sessions(self) -> None:
        """Every issued token stops working (as when an admin revokes sessions)."""
        with self._lock:
            self.sessions.clear()

    # counters ---------------------------------------------------------------------------
    def count(self, kind: str) -> None:
        with self._lock:
            self.counts[kind] += 1

    def request_counts(self) -> dict[str, int]:
        with self._lock:
            return dict(self.counts)

    def reset_counts(self) -> None:
        with self._lock:
            self.counts.clear()
            self.faults_injected.clear()

    def applied_summary(self) -> dict[str, Any]:
        """Writes the store applied, per object: how many records, writes, and the most on one record."""
        with self.state.lock:
            per: dict[str, Counter[str]] = {}
            for (obj, rid), n in self.state.applied_writes.items():
                per.setdefault(obj, Counter())[rid] = n
            tasks = self.state.db.execute('SELECT "WhoId", COUNT(*) FROM "Task" WHERE "WhoId" IS NOT NULL '
                                          'GROUP BY "WhoId" HAVING COUNT(*) > 1').fetchall()
        return {"by_object": {obj: {"records": len(c), "writes": sum(c.values()),
                                    "max_per_record": max(c.values())} for obj, c in per.items()},
                "records_with_several_tasks": len(tasks)}

    # cursors and jobs -------------------------------------------------------------------
    def _next_id(self, prefix: str) -> str:
        return id18(f"{prefix}5e{next(self._ids):010d}")

    def new_cursor(self, plan: dict[str, Any]) -> str:
        cursor_id = self._next_id("01g")
        with self._lock:
            self.cursors[cursor_id] = plan
            while len(self.cursors) > self.max_cursors:  # salesforce keeps a handful of open cursors too
                self.cursors.pop(next(iter(self.cursors)))
        return cursor_id

    def create_query_job(self, body: dict[str, Any], version: str) -> dict[str, Any]:
        op = body.get("operation")
        if op not in ("query", "queryAll"):
            raise ApiError(400, "INVALIDJOB", f"InvalidJob : Invalid operation: {op}")
        text = body.get("query") or ""
        plan = self.state.plan_query(text, include_deleted=op == "queryAll")
        if plan["rowids"] is None:
            raise ApiError(400, "API_ERROR", "FeatureNotEnabled : Aggregate queries are not supported in Bulk Query")
        meta = self.state.meta(plan["sobject"])
        if any(meta.get(f).compound for f in plan["fields"]):
            raise ApiError(400, "API_ERROR", "FeatureNotEnabled : Selecting compound data not supported in Bulk "
                           "Query")
        job_id = self._next_id("750")
        job = {"id": job_id, "operation": op, "object": plan["sobject"], "createdById": self.user_id,
               "createdDate": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.000+0000"), "state": "JobComplete",
               "concurrencyMode": "Parallel", "contentType": "CSV", "apiVersion": float(version),
               "lineEnding": body.get("lineEnding", "LF"), "columnDelimiter": body.get("columnDelimiter", "COMMA"),
               "sobject": plan["sobject"], "fields": plan["fields"], "rowids": plan["rowids"]}
        with self._lock:
            self.jobs[job_id] = job
        info = self.job_info(job_id)
        info["state"] = "UploadComplete"
        return info

    def job(self, job_id: str) -> dict[str, Any]:
        job = self.jobs.get(job_id)
        if job is None:
            raise ApiError(404, "NOT_FOUND", "The requested resource does not exist")
        return job

    def job_info(self, job_id: str) -> dict[str, Any]:
        job = self.job(job_id)
        info = {k: v for k, v in job.items() if k not in ("sobject", "fields", "rowids")}
        info.update({"jobType": "V2Query", "numberRecordsProcessed": len(job["rowids"]), "retries": 0,
                     "totalProcessingTime": 1, "isPkChunkingSupported": True})
        return info

    # collections ------------------------------------------------------------------------
    def collection_write(self, op: str, body: dict[str, Any], fault: str | None) -> list[dict[str, Any]]:
        """`composite/sobjects` POST (op=create) or PATCH (op=update): per-record results."""
        records = body.get("records")
        if not isinstance(records, list):
            raise ApiError(400, "INVALID_INPUT", "Request body must contain a records array")
        if len(records) > MAX_COLLECTION:
            raise ApiError(400, "EXCEEDED_ID_LIMIT", "record limit reached. cannot submit more than 200 records "
                           "into this call")
        all_or_none = bool(body.get("allOrNone", False))
        state = self.state
        results: list[dict[str, Any]] = []
        failed = False
        locked = self._locked_positions(len(records)) if fault == "UNABLE_TO_LOCK_ROW" else set()
        with state.lock:
            snapshot = Counter(state.applied_writes) if all_or_none else None
            state.db.execute("SAVEPOINT collection")
            for pos, rec in enumerate(records):
                sobject = (rec.get("attributes") or {}).get("type")
                rid = rec.get("id") or rec.get("Id")
                try:
                    if not sobject:
                        raise ApiError(400, "INVALID_TYPE", "Must send a concrete entity type.")
                    if pos in locked:
                        raise ApiError(400, "UNABLE_TO_LOCK_ROW", "unable to obtain exclusive access to this "
                                       f"record or 1 records: {rid or ''}".rstrip())
                    if op == "create":
                        if rid:
                            raise ApiError(400, "INVALID_FIELD", "cannot specify Id in an insert call", ["Id"])
                        values = {k: v for k, v in rec.items() if k != "attributes"}
                        new_id = state.create(sobject, values)
                        results.append({"id": new_id, "success": True, "errors": []})
                    else:
                        if not rid:
                            raise ApiError(400, "MISSING_ARGUMENT", "Id not specified in an update call", ["Id"])
                        values = {k: v for k, v in rec.items() if k not in ("attributes", "id", "Id")}
                        state.update(sobject, rid, values)
                        results.append({"id": rid if len(rid) == 18 else id18(rid), "success": True, "errors": []})
                except ApiError as exc:
                    failed = True
                    err = exc.record_error()
                    if exc.code == "NOT_FOUND" and op == "update":
                        err = {"statusCode": "INVALID_CROSS_REFERENCE_KEY",
                               "message": "invalid cross reference id", "fields": []}
                    results.append({**({"id": rid} if rid and op == "update" else {}), "success": False,
                                    "errors": [err]})
            if all_or_none and failed:
                state.db.execute("ROLLBACK TO collection")
                state.db.execute("RELEASE collection")
                state.applied_writes = snapshot  # type: ignore[assignment]
                return [r if not r["success"] else {"id": r["id"], "success": False, "errors": [_ROLLED_BACK]}
                        for r in results]
            state.db.execute("RELEASE collection")
        return results

    def collection_delete(self, ids: list[str], all_or_none: bool) -> list[dict[str, Any]]:
        if len(ids) > MAX_COLLECTION:
            raise ApiError(400, "EXCEEDED_ID_LIMIT", "record limit reached. cannot submit more than 200 records")
        prefixes = {v: k for k, v in KEY_PREFIXES.items()}
        out = []
        with self.state.lock:
            self.state.db.execute("SAVEPOINT collection")
            for rid in ids:
                try:
                    self.state.delete(prefixes.get(rid[:3], "?"), rid)
                    out.append({"id": rid, "success": True, "errors": []})
                except ApiError as exc:
                    out.append({"id": rid, "success": False, "errors": [exc.record_error()]})
            if all_or_none and any(not r["success"] for r in out):
                self.state.db.execute("ROLLBACK TO collection")
                out = [r if not r["success"] else {"id": r["id"], "success": False, "errors": [_ROLLED_BACK]}
                       for r in out]
            self.state.db.execute("RELEASE collection")
        return out

    def _locked_positions(self, n: int) -> set[int]:
        rng = self.fault_rng()
        picked = {i for i in range(n) if rng.random() < 0.5}
        return picked or ({rng.randrange(n)} if n else set())

    def fault_rng(self) -> Any:
        rng = getattr(self, "_fault_rng", None)
        if rng is None:
            rng = random.Random(self.faults.get("seed", 0))
            self._fault_rng = rng
        return rng
