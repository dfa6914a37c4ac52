"""Analyst tables from the store: every claim in long form, or a region x year panel (``wide``),
written as CSV, JSON Lines, Parquet, Stata .dta (version 118, Unicode) or Excel via pandas.

pandas (and pyarrow for Parquet, openpyxl for Excel) are optional extras; a missing one is a
clear error naming the extra to install.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .atomic import atomic_path
from .cells import neutralise
from .errors import ReportParseError
from .export import CSV_COLUMNS

TABLE_FORMATS = ("csv", "jsonl", "parquet", "dta", "xlsx")
NUMERIC_COLUMNS = frozenset({"report_year", "period", "value", "low", "high", "rank_position", "rank_of",
                             "span_start", "span_end"})
PANEL_KEYS = ["region", "level", "year"]
_KIND_CODES = {"growth": "g", "level": "l", "ratio": "r", "ranking": "k"}
_FIELD_NAMES = {"t": "target", "th": "target high", "tq": "target qualifier", "a": "actual"}
_STATA_NAME = 32
_STATA_LABEL = 80
_LONG_LABELS = {
    "doc": "report file", "doc_sha256": "SHA-256 of the report's bytes", "region": "region (地区)",
    "level": "national, province, city or county", "report_year": "year the report was delivered",
    "id": "claim id", "text": "claim as written", "period": "year the claim is about",
    "metric_id": "standard indicator id", "metric_text": "indicator as written", "metric_en": "indicator in English",
    "kind": "level, growth, ratio or ranking", "status": "actual or target", "value": "normalised value",
    "low": "range low", "high": "range high", "unit": "canonical unit", "unit_text": "unit as written",
    "qualifier": "exact, approx, at_least, more_than, at_most, less_than, range",
    "rank_position": "rank position", "rank_of": "ranked among", "rank_scope": "ranking scope",
    "span_start": "span start (code points)", "span_end": "span end (code points)",
    "section": "heading the claim stands under", "sentence": "sentence of the claim", "rule": "recogniser rule",
}


def _pandas() -> Any:
    try:
        import pandas
    except ImportError:
        raise ReportParseError("exports need pandas: pip install 'reportparse[export]'") from None
    return pandas


def _typed(df: Any, numeric: Iterable[str]) -> Any:
    """Numeric columns as floats (missing: NaN), the others as text (missing: None)."""
    pd = _pandas()
    numeric = set(numeric)
    for col in df.columns:
        if col in numeric:
            df[col] = pd.to_numeric(df[col], errors="coerce").astype("float64")
        else:
            df[col] = df[col].astype(object).where(df[col].notna(), None)
    return df


def long_table(rows: Iterable[dict[str, Any]]) -> Any:
    """A DataFrame with one row per claim and the long-form columns."""
    pd = _pandas()
    return _typed(pd.DataFrame(list(rows), columns=CSV_COLUMNS), NUMERIC_COLUMNS)


def panel_column(metric_id: str, kind: str, what: str) -> str:
    """The panel's column for one indicator, kind and field (t target, th target high end,
    tq target qualifier, a actual): ``gdp_g_t``; a Stata-safe name of at most 32 characters."""
    name = f"{metric_id}_{_KIND_CODES.get(kind, kind[:1])}_{what}"
    if len(name) <= _STATA_NAME:
        return name
    tag = hashlib.sha1(metric_id.encode("utf-8")).hexdigest()[:4]
    suffix = f"_{tag}_{_KIND_CODES.get(kind, kind[:1])}_{what}"
    return metric_id[: _STATA_NAME - len(suffix)] + suffix


def wide_table(rows: Iterable[dict[str, Any]]) -> tuple[Any, dict[str, str]]:
    """The region x year panel and its column labels.

    For each standard indicator and kind: the target a report sets for its own year (``_t``
    value, ``_th`` high end of a range, ``_tq`` qualifier) and the actual the next year's
    report states for that year (``_a``); the first statement in text order wins.
    """
    pd = _pandas()
    cells: dict[tuple[Any, ...], dict[str, Any]] = {}
    labels: dict[str, str] = {"region": "region (地区)", "level": "administrative level", "year": "year"}
    for row in rows:
        metric_id, year, period = row["metric_id"], row["report_year"], row["period"]
        if not metric_id or year is None or period is None:
            continue
        if row["status"] == "target" and period == year:
            fields = {"t": row["value"], "th": row["high"], "tq": row["qualifier"]}
        elif row["status"] == "actual" and period == year - 1:
            fields = {"a": row["value"]}
        else:
            continue
        cell = cells.setdefault((row["region"], row["level"], period), {})
        for what, value in fields.items():
            col = panel_column(metric_id, row["kind"], what)
            if col not in cell:
                cell[col] = value
                labels.setdefault(col, f"{metric_id} {row['kind']} {_FIELD_NAMES[what]} ({row['metric_text']})")
    order = sorted(cells, key=lambda key: (key[0] or "", key[1] or "", key[2]))
    records = [dict(zip(PANEL_KEYS, key), **cells[key]) for key in order]
    value_cols = sorted({c for values in cells.values() for c in values})
    df = pd.DataFrame(records, columns=PANEL_KEYS + value_cols)
    numeric = {"year"} | {c for c in value_cols if not c.endswith("_tq")}
    return _typed(df, numeric), labels


def write_table(df: Any, target: Path, fmt: str, labels: dict[str, str] | None = None, bom: bool = False,
                raw_cells: bool = False) -> None:
    """Write a DataFrame as ``fmt`` to ``target`` atomically (temporary file, then rename).

    In CSV and Excel, text cells a spreadsheet would evaluate as formulas are neutralised
    (:mod:`.cells`) unless ``raw_cells``.
    """
    if fmt not in TABLE_FORMATS:
        raise ReportParseError(f"unknown export format {fmt!r}; choose one of {', '.join(TABLE_FORMATS)}")
    if fmt in ("csv", "xlsx") and not raw_cells:
        df = df.copy()
        for col in df.columns[df.dtypes == object]:
            df[col] = df[col].map(neutralise)
    with atomic_path(target) as tmp:
        if fmt == "csv":
            df.to_csv(tmp, index=False, encoding="utf-8-sig" if bom else "utf-8")
        elif fmt == "jsonl":
            with tmp.open("w", encoding="utf-8") as fh:
                for record in df.to_dict(orient="records"):
                    fh.write(json.dumps({k: _json_value(v) for k, v in record.items()}, ensure_ascii=False) + "\n")
        elif fmt == "parquet":
            _require("pyarrow", "parquet")
            df.to_parquet(tmp, index=False)
        elif fmt == "xlsx":
            _require("openpyxl", "export")
            df.to_excel(tmp, index=False, engine="openpyxl")
        else:
            _write_stata(df, tmp, labels or {})


def _json_value(value: Any) -> Any:
    """NaN as null, whole floats as integers (pandas stores numbers with gaps as floats)."""
    if isinstance(value, float):
        if value != value:
            return None
        if value.is_integer() and abs(value) < 2**53:
            return int(value)
    return value


def _require(module: str, extra: str) -> None:
    try:
        __import__(module)
    except ImportError:
        raise ReportParseError(f"this export needs {module}: pip install 'reportparse[{extra}]'") from None


def _write_stata(df: Any, path: Path, labels: dict[str, str]) -> None:
    """Stata 14+ .dta (version 118): UTF-8 text, ASCII variable names; long text as strL."""
    out = df.copy()
    text_cols = [c for c in out.columns if out[c].dtype == object]
    for col in text_cols:
        out[col] = out[col].where(out[col].notna(), "").astype(str)
    too_long = [c for c in text_cols if len(out) and out[c].map(lambda s: len(s.encode("utf-8"))).max() > 2045]
    variable_labels = {c: _stata_label(labels.get(c) or _LONG_LABELS.get(c, c)) for c in out.columns}
    out.to_stata(path, version=118, write_index=False, variable_labels=variable_labels,
                 convert_strl=too_long, data_label="reportparse claims")


def _stata_label(label: str) -> str:
    """A label Stata accepts: at most 80 characters."""
    return label[:_STATA_LABEL]
