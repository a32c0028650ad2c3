"""The review tables are dbt's (macros/review.sql): an upload to a warehouse no run has built is refused
(409, run the pipeline first) and leaves nothing behind, not even an empty review schema."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from autoresponder.config import Settings
from autoresponder.review.parse import BadUpload
from autoresponder.review.service import human_review_upload, multipub_upload

UPLOADS = {
    "multipub": (multipub_upload, b"message_id,subscription_id,decision\nm-1,S1,Yes\n"),
    "human_review": (human_review_upload, b"message_id,approve\nm-1,yes\n"),
}


@pytest.mark.parametrize("kind", UPLOADS, ids=UPLOADS)
def test_upload_before_any_run_is_refused_and_stores_nothing(kind: str, tmp_path: Path) -> None:
    upload, data = UPLOADS[kind]
    conn = duckdb.connect(str(tmp_path / "warehouse.duckdb"))
    with pytest.raises(BadUpload, match="run the pipeline first") as refused:
        upload(conn, Settings(), reviewer="tarun", filename=f"{kind}.csv", data=data, uploads_dir=tmp_path / "up")
    assert refused.value.status == 409
    assert conn.execute("select count(*) from information_schema.schemata where schema_name = 'review'"
                        ).fetchone()[0] == 0
    assert not (tmp_path / "up").exists()
