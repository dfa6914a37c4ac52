"""What the city benchmarks share: parse reports into a store and read the panel's GDP growth cells.

``city_targets.py`` (GDP targets against the thesis table) and ``city_actuals.py`` (GDP actuals
against a hand-read sample) both parse with ``reportparse parse``, as a user would (the metadata as
the text gives it), and read the panel through :func:`reportparse.panel.cell_rows`.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any, Literal

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent / "shared"

Side = Literal["target", "actual"]
Cells = dict[tuple[str, int], dict[str, Any]]


def parse_into_store(inputs: list[Path], out: Path, jobs: int) -> Path:
    """Run ``reportparse parse`` over ``inputs`` (folders or files) and return the store it wrote."""
    subprocess.run([sys.executable, "-m", "reportparse", "parse", *map(str, inputs), "-o", str(out),
                    "--jobs", str(jobs), "-q"], check=False)
    return out / "reportparse.sqlite"


def gdp_growth_cells(store_path: Path, side: Side) -> Cells:
    """The panel's GDP growth cells in percent (its gdp_g_ columns) with a ``side`` value, by
    (region, year), with the sentence of the claim."""
    from reportparse.panel import cell_rows
    from reportparse.store import Store

    with Store(store_path, create=False) as store:
        sha_of = {d["path"]: d["sha256"] for d in store.documents()}
        found = {}
        for cell in cell_rows(store):
            growth = cell["metric_id"] == "gdp" and cell["kind"] == "growth" and cell["unit"] == "percent"
            if growth and cell[f"{side}_value"] is not None:
                doc = store.document(sha_of[cell[f"{side}_doc"]])
                claim = next(c for c in doc["claims"] if c["id"] == cell[f"{side}_id"])
                found[(cell["region"], cell["year"])] = {**cell, "sentence": claim.get("sentence")}
    return found


def stored_documents(store_path: Path) -> list[dict[str, Any]]:
    """The store's documents (path, region, level, report year, ...), as ``Store.documents`` lists them."""
    from reportparse.store import Store

    with Store(store_path, create=False) as store:
        return list(store.documents())
