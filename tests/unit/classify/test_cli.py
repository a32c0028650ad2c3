import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

from autoresponder.classify.cli import classify_main

ROOT = Path(__file__).resolve().parents[2] / "fixtures" / "classify"


def test_classify_prints_one_json_object_per_eml_and_survives_bad_paths(capsys, tmp_path):
    (tmp_path / "empty.eml").write_bytes(b"")
    classify_main(argparse.Namespace(paths=[str(ROOT / "mta"), str(tmp_path), "/no/such/file.eml"], offline=True))
    lines = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert len(lines) == len(list((ROOT / "mta").glob("*.eml"))) + 2
    keys = {"path", "message_id", "determination", "reason", "category", "confidence", "method", "source_email",
            "new_email", "new_title", "replacements", "return_date", "bounce", "evidence"}
    assert all(keys <= set(x) for x in lines)
    assert lines[-1]["reason"] == "unreadable"


def test_jobs_print_the_same_lines_in_the_same_order(capsys):
    paths = [str(ROOT / "mta"), str(ROOT / "edge"), "/no/such/file.eml"]
    classify_main(argparse.Namespace(paths=paths, offline=True, jobs=1))
    one = capsys.readouterr().out
    classify_main(argparse.Namespace(paths=paths, offline=True, jobs=2))
    assert capsys.readouterr().out == one and one.count("\n") > 10


def test_offline_classify_starts_without_the_warehouse_llm_or_contact_system_libraries(tmp_path):
    code = ("import sys; from autoresponder.cli import main; main(['classify', '--offline', sys.argv[1]]); "
            "heavy = {'pandas', 'duckdb', 'tenacity', 'pydantic_settings', 'simple_salesforce', 'fastapi'}; "
            "print(sorted(heavy & set(sys.modules)))")
    out = subprocess.run([sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True, check=True,
                         env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)})
    assert out.stdout.strip().splitlines()[-1] == "[]"
