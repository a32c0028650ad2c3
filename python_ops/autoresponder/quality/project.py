"""The committed GX file data context `gx/`: its suites are written from `quality.suites`.

`python -m autoresponder.quality.project` rewrites `gx/expectations/` after a change to the
suites; `tests/unit/quality` fails while the two differ.
"""

from __future__ import annotations

import json
import shutil
import uuid
from pathlib import Path
from typing import Any

from autoresponder.quality.suites import ALL_SUITES, Suite

REPO_ROOT = Path(__file__).resolve().parents[3]
GX_DIR = REPO_ROOT / "gx"
ID_NAMESPACE = uuid.UUID("5f0c9a52-6f0e-4d6b-9d1e-a11e0a5e0011")  # stable GX ids across rewrites


def gx_suite(suite: Suite) -> Any:
    """The GX `ExpectationSuite` of one suite (imports GX)."""
    # heavy: GX takes seconds to import; only the quality stage needs it
    import great_expectations as gx
    import great_expectations.expectations as gxe

    s = gx.ExpectationSuite(name=suite.name, meta={"table": suite.table, "kind": suite.kind,
                                                    "description": suite.description})
    for name, kwargs in suite.expectations:
        s.add_expectation(getattr(gxe, name)(**kwargs))
    return s


def code_suite_doc(suite: Suite) -> dict:
    """What `write_project` writes for `suite`, in the shape of `comparable` (imports GX)."""
    # heavy: GX takes seconds to import; only the quality stage needs it
    import great_expectations.expectations as gxe

    expectations = []
    for name, kwargs in suite.expectations:
        cfg = getattr(gxe, name)(**kwargs).configuration.to_json_dict()
        expectations.append({"type": cfg["type"], "kwargs": cfg["kwargs"]})
    return {"name": suite.name, "meta": {"table": suite.table, "kind": suite.kind, "description": suite.description},
            "expectations": expectations}


def suite_file(root: Path, name: str) -> Path:
    """Where the expectations store keeps suite `name` (dots are folders)."""
    return root / "gx" / "expectations" / Path(*name.split(".")).with_suffix(".json")


def comparable(doc: dict) -> dict:
    """A suite JSON without the ids GX assigns, for comparing code and committed files."""
    return {"name": doc["name"], "meta": {k: v for k, v in doc.get("meta", {}).items() if k != "great_expectations_version"},
            "expectations": [{"type": e["type"], "kwargs": e["kwargs"]} for e in doc["expectations"]]}


DATASOURCE = "warehouse"
BATCH = "run"


def write_project(root: Path = REPO_ROOT) -> list[Path]:
    """Rewrite the suites, the dataframe datasource (one asset per suite) and the validation
    definitions of `<root>/gx/`; returns the suite files written.

    Everything a run needs is committed, so a run only reads the context (GX rewrites its YAML
    on every change, which would cost seconds per run)."""
    # heavy: GX takes seconds to import; only the quality stage needs it
    import great_expectations as gx

    for sub in ("expectations", "validation_definitions"):
        shutil.rmtree(root / "gx" / sub, ignore_errors=True)
    context = gx.get_context(mode="file", project_root_dir=root)
    try:
        context.data_sources.delete(DATASOURCE)
    except Exception:  # noqa: BLE001 - absent on a fresh project
        pass
    context.data_sources.add_pandas(DATASOURCE)
    for suite in ALL_SUITES:
        context.suites.add(gx_suite(suite))
    written = [suite_file(root, s.name) for s in ALL_SUITES]
    for path in written:  # stable files: ids derived from the names, sorted keys
        doc = json.loads(path.read_text(encoding="utf-8"))
        doc["id"] = str(uuid.uuid5(ID_NAMESPACE, doc["name"]))
        for i, e in enumerate(doc["expectations"]):
            e["id"] = str(uuid.uuid5(ID_NAMESPACE, f"{doc['name']}/{i}/{e['type']}"))
        path.write_text(json.dumps(doc, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    context = gx.get_context(mode="file", project_root_dir=root)  # re-read the suites with their ids
    source = context.data_sources.get(DATASOURCE)
    for suite in ALL_SUITES:
        batch = source.add_dataframe_asset(suite.name).add_batch_definition_whole_dataframe(BATCH)
        context.validation_definitions.add(
            gx.ValidationDefinition(name=suite.name, data=batch, suite=context.suites.get(suite.name)))
    return written


if __name__ == "__main__":
    for p in write_project():
        print(p.relative_to(REPO_ROOT))
