"""The store as pandas DataFrames: ``reportparse.open_store(PATH)``::

    store = reportparse.open_store("out/reportparse.sqlite")
    store.claims(region="北京市", status="target")   # one row per claim
    store.panel()                                   # region x year, as ``export --wide`` writes it
    store.verdicts()                                # as ``diff --all --format csv`` writes them

Years, positions and counts are nullable integers (``Int64``); kind, status, qualifier, unit and
verdict are categoricals. Needs pandas (``pip install 'reportparse[export]'``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .diff import DiffOptions
from .diff_report import VERDICT_COLUMNS, verdict_rows
from .documents import diff_all
from .panel import cell_rows
from .store import ClaimFilter, Store
from .tables import _pandas, _typed, cells_table, long_table, wide_table

_CATEGORIES = ("kind", "status", "qualifier", "unit", "verdict", "target_qualifier", "direction", "match", "level")
_VERDICT_NUMERIC = {"old_year", "new_year", "year", "target_value", "target_low", "target_high", "actual_value",
                    "gap", "gap_written", "confidence"}


def _categorical(df: Any) -> Any:
    for col in _CATEGORIES:
        if col in df.columns:
            df[col] = df[col].astype("category")
    return df


def verdict_table(results: list[dict[str, Any]]) -> Any:
    """The verdict rows of many diffs (:data:`~reportparse.diff_report.VERDICT_COLUMNS`) as a typed DataFrame."""
    rows = [row for result in results for row in verdict_rows(result)]
    return _typed(_pandas().DataFrame(rows, columns=VERDICT_COLUMNS), _VERDICT_NUMERIC)


class StoreFrames:
    """Read a store as DataFrames; use as a context manager or call :meth:`close`."""

    def __init__(self, path: str | Path, options: DiffOptions = DiffOptions()) -> None:
        """Open the store at ``path`` (an :class:`~reportparse.errors.InputError` when there is none);
        ``options`` are the diff rules the panel and verdicts follow."""
        self.store = Store(path, create=False)
        self.options = options

    def __enter__(self) -> StoreFrames:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the store."""
        self.store.close()

    def documents(self) -> Any:
        """One row per stored report: sha256, path, title, region, level, report_year, lang, claim_count, ..."""
        df = _pandas().DataFrame(self.store.documents())
        return _categorical(_typed(df, {"report_year", "chars", "claim_count"}))

    def claims(self, region: str | None = None, year: int | None = None, metric: str | None = None,
               status: str | None = None, kind: str | None = None) -> Any:
        """The claims in long form (``export``'s columns); each argument given filters (``year``
        is the report year, ``metric`` an indicator id or the metric as written)."""
        rows = self.store.long_rows(ClaimFilter(region, year, metric, status, kind))
        return _categorical(long_table(rows))

    def cells(self) -> Any:
        """The panel's long cells table: one row per target or actual of a region-year, with the
        claim ids and report files it came from and the verdict."""
        return _categorical(cells_table(cell_rows(self.store, self.options)))

    def panel(self) -> Any:
        """The region x year panel, as ``export --wide`` writes it."""
        return wide_table(cell_rows(self.store, self.options))[0]

    def verdicts(self) -> Any:
        """Every target of a report against the next year's report, as ``diff --all --format csv`` writes it."""
        return _categorical(verdict_table(diff_all(self.store, self.options)))


def open_store(path: str | Path, options: DiffOptions = DiffOptions()) -> StoreFrames:
    """The store at ``path`` as DataFrames (:class:`StoreFrames`)."""
    return StoreFrames(path, options)

