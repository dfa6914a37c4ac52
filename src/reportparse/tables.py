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
from .errors import ReportParseError, install_hint
from .export import CSV_COLUMNS

TABLE_FORMATS = ("csv", "jsonl", "parquet", "dta", "xlsx")
NUMERIC_COLUMNS = frozenset({"report_year", "period", "value", "low", "high", "rank_position", "rank_of",
                             "span_start", "span_end"})
INTEGER_COLUMNS = frozenset({"report_year", "period", "year", "rank_position", "rank_of", "span_start", "span_end",
                             "old_year", "new_year", "target_reports", "actual_reports", "reports"})
"""Columns of whole numbers: written as (nullable) integers, never 2025.0."""
PANEL_KEYS = ["region", "level", "year", "reports"]
_KIND_CODES = {"growth": "g", "level": "l", "ratio": "r", "ranking": "k"}
_PLAIN_UNITS = {"growth": "percent", "ratio": "percent", "ranking": "rank"}
"""The unit a kind's columns are in when their names say none (gdp_g_t); any other unit is named."""
_UNIT_TAGS = {"percentage_point": "pp", "permille": "pm"}
_FIELD_NAMES = {"t": "target", "th": "target high", "tq": "target qualifier", "a": "actual", "v": "verdict"}
_TEXT_FIELDS = ("_tq", "_v")
_STATA_NAME = 32
_STATA_LABEL = 80
_LONG_LABELS = {
    "doc": "report file", "doc_sha256": "SHA-256 of the report's bytes", "region": "region",
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
        raise ReportParseError(f"exports need pandas: {install_hint('export')}") from None
    return pandas


def _typed(df: Any, numeric: Iterable[str]) -> Any:
    """Numeric columns as nullable integers (years, positions, counts) or floats (missing: NA/NaN),
    the others as text (missing: None)."""
    pd = _pandas()
    numeric = set(numeric)
    for col in df.columns:
        if col in numeric:
            values = pd.to_numeric(df[col], errors="coerce").astype("float64")
            df[col] = values.astype("Int64") if col in INTEGER_COLUMNS else values
        else:
            df[col] = df[col].astype(object).where(df[col].notna(), None)
    return df


def long_table(rows: Iterable[dict[str, Any]]) -> Any:
    """A DataFrame with one row per claim and the long-form columns."""
    pd = _pandas()
    return _typed(pd.DataFrame(list(rows), columns=CSV_COLUMNS), NUMERIC_COLUMNS)


def panel_column(metric_id: str, kind: str, what: str, unit: str | None = None) -> str:
    """The panel's column for one indicator, kind, unit and field (t target, th target high end,
    tq target qualifier, a actual): ``gdp_g_t`` for a growth in percent, ``gdp_g_times_t`` for a
    doubling, ``gdp_l_CNY_t`` for an amount; a Stata-safe name of at most 32 characters."""
    code = _KIND_CODES.get(kind, kind[:1])
    if (named := _named_unit(kind, unit)) is not None:
        code = f"{code}_{_UNIT_TAGS.get(named, named)}"
    name = f"{metric_id}_{code}_{what}"
    if len(name) <= _STATA_NAME:
        return name
    tag = hashlib.sha1(metric_id.encode("utf-8")).hexdigest()[:4]
    suffix = f"_{tag}_{code}_{what}"
    return metric_id[: _STATA_NAME - len(suffix)] + suffix


def _named_unit(kind: str, unit: str | None) -> str | None:
    """The unit a column's name and label say: any but the kind's own (None for a growth in percent)."""
    return None if unit is None or unit == _PLAIN_UNITS.get(kind) else unit


def _kind_label(kind: str, unit: str | None) -> str:
    """A column label's kind, with the unit when the column's name says it (growth in times)."""
    named = _named_unit(kind, unit)
    return kind if named is None else f"{kind} in {named}"


def cells_table(cells: Iterable[dict[str, Any]]) -> Any:
    """The long cells table (:data:`~reportparse.panel.CELL_COLUMNS`) as a typed DataFrame."""
    from .panel import CELL_COLUMNS

    pd = _pandas()
    numeric = {"year", "target_value", "target_high", "target_reports", "actual_value", "actual_reports", "gap",
               "gap_written", "confidence"}
    return _typed(pd.DataFrame(list(cells), columns=CELL_COLUMNS), numeric)


def wide_table(cells: Iterable[dict[str, Any]]) -> tuple[Any, dict[str, str]]:
    """The region x year panel and its column labels, from the cells of :func:`reportparse.panel.cell_rows`.

    For each standard indicator and kind: the target a report sets for its own year (``_t``
    value, ``_th`` high end of a range, ``_tq`` qualifier), the actual the next year's report
    states for that year (``_a``) and the verdict (``_v``), paired and judged as ``diff`` does;
    ``reports`` is how many stored reports the region-year has (the latest parsed is used).
    Cells without a standard indicator id are left out (they are in the cells table).
    """
    pd = _pandas()
    rows: dict[tuple[Any, ...], dict[str, Any]] = {}
    labels: dict[str, str] = {"region": "region", "level": "administrative level", "year": "year",
                              "reports": "stored reports of the region-year"}
    for cell in cells:
        row = rows.setdefault((cell["region"], cell["level"], cell["year"]), {"reports": 0})
        row["reports"] = max(row["reports"], cell["target_reports"])
        if not cell["metric_id"]:
            continue
        fields = {"t": cell["target_value"], "th": cell["target_high"], "tq": cell["target_qualifier"],
                  "a": cell["actual_value"], "v": cell["verdict"]}
        for what, value in fields.items():
            col = panel_column(cell["metric_id"], cell["kind"], what, cell["unit"])
            if col not in row or row[col] is None:
                row[col] = value
                kind = _kind_label(cell["kind"], cell["unit"])
                label = f"{cell['metric_id']} {kind} {_FIELD_NAMES[what]} ({cell['metric_text']})"
                labels.setdefault(col, label)
    order = sorted(rows, key=lambda key: (key[0] or "", key[1] or "", key[2]))
    records = [dict(zip(PANEL_KEYS[:3], key), **rows[key]) for key in order]
    value_cols = sorted({c for values in rows.values() for c in values} - {"reports"})
    df = pd.DataFrame(records, columns=PANEL_KEYS + value_cols)
    numeric = {"year", "reports"} | {c for c in value_cols if not c.endswith(_TEXT_FIELDS)}
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
        for col in df.columns[df.dtypes == "object"]:
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
            _write_xlsx(df, tmp)
        else:
            _write_stata(df, tmp, labels or {})


def _write_xlsx(df: Any, path: Path) -> None:
    """Excel with real blank cells for missing values (pandas writes them as empty strings, which
    make a numeric column read back as text)."""
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append([str(c) for c in df.columns])
    for record in df.itertuples(index=False, name=None):
        sheet.append([_json_value(v) for v in record])
    workbook.save(path)


def _json_value(value: Any) -> Any:
    """NaN and NA as null, whole floats as integers (pandas stores numbers with gaps as floats)."""
    if value is None or value is _pandas().NA:
        return None
    if hasattr(value, "item"):  # a numpy scalar
        value = value.item()
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
        raise ReportParseError(f"this export needs {module}: {install_hint(extra)}") from None


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
