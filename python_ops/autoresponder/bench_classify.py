"""`python -m autoresponder.bench_classify WAREHOUSE`: classify_all over a landed warehouse with jobs=1 and
jobs=2 in turn (full re-classification each time, on a copy), two rounds; prints wall seconds as JSON."""
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

import duckdb

from autoresponder.classify import classify_all
from autoresponder.config import Settings

if __name__ == "__main__":
    src = sys.argv[1]
    copy = str(Path(tempfile.mkdtemp()) / "bench.duckdb")
    out = {}
    for _ in range(2):
        for j in (1, 2):
            shutil.copy(src, copy)
            conn = duckdb.connect(copy)
            t = time.perf_counter()
            s = classify_all(conn, Settings(classify_jobs=j), full=True, parallel_min=1)
            out.setdefault(f"jobs{j}_wall_s", []).append(round(time.perf_counter() - t, 2))
            out["messages"] = s["classified_now"]
            conn.close()
    print(json.dumps(out))
