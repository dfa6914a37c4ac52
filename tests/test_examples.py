"""Duckling-style example specs: tests/examples/<lang>/*.json (one folder per registered language pack), one
file per recogniser;
each file's inputs are parsed with the language of its folder.

Each file says which layer it exercises ("quantities" -> reportparse.find_quantities,
"claims" -> reportparse.parse_text(...).to_dict()["claims"]) and lists

* ``examples``: ``{"input", "expect": [...], "note"?, "subset"?, "layer"?}``. The layer output
  must hold exactly as many items as ``expect`` (with ``"subset": true`` other outputs are
  allowed, claims layer only), in text order; each expected item names its ``text`` (the span is
  the ``at``-th occurrence of that text in the input, default 0, so offsets are really checked)
  and only the fields it checks.
* ``negative``: inputs whose layer output must be empty: a string, or a documented refusal
  ``{"input", "reason"}`` (a form left out of scope on purpose, and why).
* ``known_gaps``: contract-correct expectations the code does not meet yet, run as
  ``xfail(strict=True)``: the day one starts to pass, the test fails until it is moved up to
  ``examples``.

Expectations come from ../shared/spec/claims.md and Chinese arithmetic, not from the code.
A held-apart file (en/heldout.json) is only checked for form here: its examples are scored once,
at the end of tuning, by tests/test_heldout.py (strict F1), so that tuning never looks at them.

A malformed example file fails loudly (test_example_file_is_well_formed and a failing case
in place of the malformed entry); nothing is skipped.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest

import reportparse
from reportparse.lang import languages

EXAMPLES_ROOT = Path(__file__).resolve().parent / "examples"
# Every registered language pack has these example files (a new pack comes with its examples).
REQUIRED_FILES = {"quantities.json", "ranking.json", "noise.json", "claims.json"}
HELD_APART = {"en/heldout.json"}

LAYERS = {"quantities", "claims"}
TOP_KEYS = {"about", "layer", "examples", "negative", "known_gaps"}
EXAMPLE_KEYS = {"input", "expect", "note", "subset", "layer"}
GAP_KEYS = EXAMPLE_KEYS | {"reason"}

QUALIFIERS = {"exact", "approx", "at_least", "more_than", "at_most", "less_than", "range"}
KINDS = {"level", "growth", "ratio", "ranking"}
STATUSES = {"actual", "target"}

NUMBER_FIELDS = {"value", "low", "high"}
QUANTITY_FIELDS = {"value", "low", "high", "unit", "unit_text", "qualifier"}
CLAIM_FIELDS = QUANTITY_FIELDS | {
    "kind", "status", "period",
    "metric_text", "metric_text_contains", "metric_id",
    "rank_position", "rank_of", "rank_scope",
}
ITEM_META = {"text", "at"}


# --------------------------------------------------------------------------- loading


def _occurrence(haystack: str, needle: str, k: int) -> int:
    """Start of the k-th (0-based) occurrence of needle, or -1."""
    pos = -1
    for _ in range(k + 1):
        pos = haystack.find(needle, pos + 1)
        if pos < 0:
            return -1
    return pos


def _check_value(field: str, val: Any) -> str | None:
    if field in NUMBER_FIELDS | {"period", "rank_position", "rank_of"}:
        if val is not None and (isinstance(val, bool) or not isinstance(val, (int, float))):
            return f"{field} must be a number or null, got {val!r}"
    elif field == "qualifier" and val not in QUALIFIERS:
        return f"qualifier {val!r} not in {sorted(QUALIFIERS)}"
    elif field == "kind" and val not in KINDS:
        return f"kind {val!r} not in {sorted(KINDS)}"
    elif field == "status" and val not in STATUSES:
        return f"status {val!r} not in {sorted(STATUSES)}"
    elif field in {"unit", "metric_id", "rank_scope", "metric_text"}:
        if val is not None and not isinstance(val, str):
            return f"{field} must be a string or null, got {val!r}"
    elif field in {"unit_text", "metric_text_contains"}:
        if not isinstance(val, str):
            return f"{field} must be a string, got {val!r}"
    return None


def _negative_text(neg: Any) -> str | None:
    """The input of a negative: a string, or a documented refusal ``{"input", "reason"}`` (a form
    left out of scope on purpose, with the reason); None when malformed."""
    if isinstance(neg, str):
        return neg or None
    if isinstance(neg, dict) and set(neg) == {"input", "reason"} \
            and all(isinstance(v, str) and v for v in neg.values()):
        return str(neg["input"])
    return None


def _example_problems(ex: Any, file_layer: str, gap: bool) -> list[str]:
    """Structural problems of one example (empty when well formed)."""
    if not isinstance(ex, dict):
        return [f"example must be an object, got {type(ex).__name__}"]
    problems: list[str] = []
    allowed = GAP_KEYS if gap else EXAMPLE_KEYS
    extra = set(ex) - allowed
    if extra:
        problems.append(f"unknown keys {sorted(extra)}")
    text = ex.get("input")
    if not isinstance(text, str) or not text:
        problems.append("input must be a non-empty string")
        text = ""
    if gap and (not isinstance(ex.get("reason"), str) or not ex["reason"].strip()):
        problems.append("a known gap needs a non-empty reason")
    if "note" in ex and not isinstance(ex["note"], str):
        problems.append("note must be a string")
    if "subset" in ex and not isinstance(ex["subset"], bool):
        problems.append("subset must be true or false")
    layer = ex.get("layer", file_layer)
    if layer not in LAYERS:
        problems.append(f"layer {layer!r} not in {sorted(LAYERS)}")
        layer = file_layer
    if ex.get("subset") and layer != "claims":
        problems.append("subset is only for the claims layer")
    expect = ex.get("expect")
    if not isinstance(expect, list):
        return problems + ["expect must be a list"]
    if not expect and not gap:
        problems.append("an example with an empty expect belongs in negative")
    if ex.get("subset") and not expect:
        problems.append("subset with an empty expect checks nothing")
    fields = CLAIM_FIELDS if layer == "claims" else QUANTITY_FIELDS
    last = -1
    for i, item in enumerate(expect):
        if not isinstance(item, dict):
            problems.append(f"expect[{i}] must be an object")
            continue
        extra = set(item) - fields - ITEM_META
        if extra:
            problems.append(f"expect[{i}]: unknown fields for layer {layer}: {sorted(extra)}")
        t = item.get("text")
        at = item.get("at", 0)
        if not isinstance(t, str) or not t:
            problems.append(f"expect[{i}]: text must be a non-empty string")
            continue
        if isinstance(at, bool) or not isinstance(at, int) or at < 0:
            problems.append(f"expect[{i}]: at must be a non-negative integer")
            continue
        start = _occurrence(text, t, at)
        if start < 0:
            problems.append(f"expect[{i}]: {t!r} does not occur {at + 1} time(s) in the input")
            continue
        if start < last:
            problems.append(f"expect[{i}]: {t!r} is out of text order")
        last = start
        if len(set(item) & fields) == 0:
            problems.append(f"expect[{i}]: checks no field besides text")
        for f in set(item) & fields:
            p = _check_value(f, item[f])
            if p:
                problems.append(f"expect[{i}]: {p}")
    return problems


def _file_problems(data: Any) -> list[str]:
    """File-level structural problems (the examples themselves are checked one by one)."""
    if not isinstance(data, dict):
        return ["top level must be an object"]
    problems = []
    extra = set(data) - TOP_KEYS
    if extra:
        problems.append(f"unknown top-level keys {sorted(extra)}")
    if not isinstance(data.get("about"), str) or not data["about"].strip():
        problems.append("about must be a non-empty string")
    if data.get("layer") not in LAYERS:
        problems.append(f"layer must be one of {sorted(LAYERS)}, got {data.get('layer')!r}")
    if not isinstance(data.get("examples"), list):
        problems.append("examples must be a list")
    neg = data.get("negative", [])
    if not isinstance(neg, list) or not all(_negative_text(n) for n in neg):
        problems.append('negative must be a list of non-empty strings or {"input", "reason"} refusals')
    elif len({_negative_text(n) for n in neg}) != len(neg):
        problems.append("negative has duplicates")
    if not isinstance(data.get("known_gaps", []), list):
        problems.append("known_gaps must be a list")
    if isinstance(data.get("examples"), list) and isinstance(neg, list):
        if not data["examples"] and not neg and not data.get("known_gaps"):
            problems.append("file holds no example at all")
        inputs = [e.get("input") for e in data["examples"] if isinstance(e, dict)]
        dup = {i for i in inputs if inputs.count(i) > 1}
        if dup:
            problems.append(f"duplicate example inputs {sorted(map(str, dup))}")
    return problems


def _load(path: Path) -> tuple[Any, list[str]]:
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        return None, [f"cannot read: {exc}"]
    return data, _file_problems(data)


FILES = sorted(EXAMPLES_ROOT.glob("*/*.json"))
LOADED = {f"{p.parent.name}/{p.name}": _load(p) for p in FILES}


def _lang(name: str) -> str:
    """The language of an example file: its folder (zh/claims.json -> zh)."""
    return name.split("/")[0]


def _short(s: str) -> str:
    return s[:20].replace("\n", "⏎")


def _cases() -> tuple[list[Any], list[Any], list[Any]]:
    examples, negatives, gaps = [], [], []
    for name, (data, problems) in LOADED.items():
        if problems or not isinstance(data, dict) or name in HELD_APART:
            continue  # test_example_file_is_well_formed fails for this file, or it is held apart
        layer = data["layer"]
        for i, ex in enumerate(data["examples"]):
            bad = _example_problems(ex, layer, gap=False)
            label = _short(ex["input"]) if isinstance(ex, dict) and isinstance(ex.get("input"), str) else "?"
            examples.append(pytest.param(name, layer, ex, bad, id=f"{name}:{i}:{label}"))
        for i, neg in enumerate(data.get("negative", [])):
            text = _negative_text(neg) or ""
            negatives.append(pytest.param(name, layer, text, id=f"{name}:neg{i}:{_short(text)}"))
        for i, ex in enumerate(data.get("known_gaps", [])):
            bad = _example_problems(ex, layer, gap=True)
            label = _short(ex["input"]) if isinstance(ex, dict) and isinstance(ex.get("input"), str) else "?"
            reason = ex.get("reason", "") if isinstance(ex, dict) else ""
            marks = [] if bad else [pytest.mark.xfail(strict=True, reason=reason)]
            gaps.append(pytest.param(name, layer, ex, bad, marks=marks, id=f"{name}:gap{i}:{label}"))
    return examples, negatives, gaps


EXAMPLE_CASES, NEGATIVE_CASES, GAP_CASES = _cases()


# --------------------------------------------------------------------------- running


def _run_layer(layer: str, text: str, lang: str = "zh") -> list[dict[str, Any]]:
    if layer == "quantities":
        return [q.to_dict() for q in reportparse.find_quantities(text, lang=lang)]
    return reportparse.parse_text(text, lang=lang).to_dict()["claims"]


def _actual_field(out: dict[str, Any], field: str) -> Any:
    metric = out.get("metric") or {}
    rank = out.get("rank") or {}
    if field == "metric_id":
        return metric.get("id")
    if field in ("metric_text", "metric_text_contains"):
        return metric.get("text")
    if field == "rank_position":
        return rank.get("position")
    if field == "rank_of":
        return rank.get("of")
    if field == "rank_scope":
        return rank.get("scope")
    return out[field]


def _same(field: str, want: Any, got: Any) -> bool:
    if field == "metric_text_contains":
        return isinstance(got, str) and want in got
    if isinstance(want, (int, float)) and not isinstance(want, bool):
        if isinstance(got, bool) or not isinstance(got, (int, float)):
            return False
        return math.isclose(want, got, rel_tol=1e-9, abs_tol=0.0) or want == got
    return want == got


def _brief(outs: list[dict[str, Any]]) -> str:
    keep = ("span", "text", "value", "low", "high", "unit", "unit_text", "qualifier",
            "kind", "status", "period", "metric", "rank")
    return "\n".join(json.dumps({k: o.get(k) for k in keep if k in o}, ensure_ascii=False) for o in outs)


def check_example(layer: str, ex: dict[str, Any], lang: str = "zh") -> None:
    layer = ex.get("layer", layer)
    text = ex["input"]
    outs = _run_layer(layer, text, lang)
    expect = ex["expect"]
    spans = []
    for item in expect:
        start = _occurrence(text, item["text"], item.get("at", 0))
        spans.append([start, start + len(item["text"])])
    if ex.get("subset"):
        wanted = {tuple(s) for s in spans}
        outs = [o for o in outs if tuple(o["span"]) in wanted]
    context = f"input: {text!r}\noutput:\n{_brief(outs) or '(none)'}"
    assert len(outs) == len(expect), (
        f"expected {len(expect)} item(s) {[i['text'] for i in expect]}, got {len(outs)}\n{context}")
    errors = []
    for n, (item, span, out) in enumerate(zip(expect, spans, outs)):
        if list(out["span"]) != span or out["text"] != item["text"]:
            errors.append(f"#{n}: expected {item['text']!r} at {span}, got {out['text']!r} at {list(out['span'])}")
            continue
        assert text[out["span"][0]:out["span"][1]] == out["text"]
        for field, want in item.items():
            if field in ITEM_META:
                continue
            got = _actual_field(out, field)
            if not _same(field, want, got):
                errors.append(f"#{n} {item['text']!r}: {field} expected {want!r}, got {got!r}")
    assert not errors, "\n".join(errors) + "\n" + context


# --------------------------------------------------------------------------- tests


@pytest.mark.parametrize("lang", languages())
def test_example_files_present(lang):
    names = {p.name for p in FILES if p.parent.name == lang}
    assert names >= REQUIRED_FILES, f"missing example files: {sorted(REQUIRED_FILES - names)}"


def test_every_example_folder_is_a_registered_language():
    assert {p.parent.name for p in FILES} <= set(languages())


@pytest.mark.parametrize("name", sorted(LOADED), ids=str)
def test_example_file_is_well_formed(name):
    data, problems = LOADED[name]
    if not problems:
        for key, gap in (("examples", False), ("known_gaps", True)):
            for i, ex in enumerate(data.get(key, [])):
                problems += [f"{key}[{i}]: {p}" for p in _example_problems(ex, data["layer"], gap)]
    assert not problems, f"{name} is malformed:\n" + "\n".join(problems)


@pytest.mark.parametrize(("name", "layer", "ex", "problems"), EXAMPLE_CASES)
def test_example(name, layer, ex, problems):
    assert not problems, f"malformed example in {name}: {problems}"
    check_example(layer, ex, _lang(name))


@pytest.mark.parametrize(("name", "layer", "text"), NEGATIVE_CASES)
def test_negative(name, layer, text):
    outs = _run_layer(layer, text, _lang(name))
    assert outs == [], f"{layer} output should be empty for {text!r}, got:\n{_brief(outs)}"


if GAP_CASES:  # known gaps run as strict xfails; with none open there is nothing to collect

    @pytest.mark.parametrize(("name", "layer", "ex", "problems"), GAP_CASES)
    def test_known_gap(name, layer, ex, problems):
        if problems:
            pytest.fail(f"malformed known gap in {name}: {problems}")
        check_example(layer, ex, _lang(name))
