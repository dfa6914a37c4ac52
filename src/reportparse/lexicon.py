"""Language data: load, validate and compile a language pack's data files (``lang/<code>/data/``)
and the shared ones (``data/``).

This is the only module that reads data files. Each file is validated against its
definition in ``schemas/lexicon.schema.json`` when loaded; a bad file raises
:class:`LexiconError` naming the file and the place. Word lists are compiled once
into longest-first alternations (``regex`` module) and cached per language.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

import regex

from .errors import LexiconError
from .lang import get_pack, pack_module
from .model import UnitFamily, as_unit_family
from .validate import compile_schema, first_error, package_text

__all__ = ["Lexicon", "Metric", "Segmentation", "Unit", "load_lexicon"]

# Files under data/ shared by every language: the metric ids, and the page furniture of HTML and PDF.
_SHARED = ("metrics", "layout")


@dataclass(frozen=True)
class Unit:
    """A unit or measure word as written, with its canonical code."""

    surface: str
    code: str
    kind: UnitFamily
    factor: int = 1


@dataclass(frozen=True)
class Metric:
    """A standard indicator of the metric lexicon."""

    id: str
    en: str
    zh: tuple[str, ...]
    en_aliases: tuple[str, ...] = ()

    @property
    def en_names(self) -> tuple[str, ...]:
        """The official English name and every English variant seen in translations."""
        return (self.en, *self.en_aliases)


@dataclass(frozen=True)
class Segmentation:
    """Sentence and heading punctuation of a language."""

    sentence_terminators: str
    line_terminators: str
    clause_separators: str
    continuation_starts: str
    openers: str
    heading_numerals: str
    heading_max_chars: int
    body_line_min_chars: int
    fullwidth_kept: str
    body_line_marks: str
    line_joiner: str
    heading_number_ends: str
    heading_brackets: str
    heading_part_prefix: str
    heading_part_words: str

    @property
    def clause_ends(self) -> str:
        """Characters that end a clause: sentence terminators, clause separators, line breaks."""
        return self.sentence_terminators + self.clause_separators + "\n"

    def is_short_heading(self, line: str) -> bool:
        """A short line with no sentence or clause punctuation and no closing mark: a heading."""
        body = line.strip()
        return bool(body) and len(body) <= self.heading_max_chars and body[-1] not in self.line_terminators \
            and not any(ch in body for ch in self.sentence_terminators + self.clause_separators)


@dataclass(eq=False)
class Lexicon:
    """All language data of one language, compiled for the pipeline."""

    lang: str
    raw: dict[str, Any]
    units: dict[str, Unit] = field(default_factory=dict)
    metrics: tuple[Metric, ...] = ()
    segment: Segmentation = field(init=False)

    def __post_init__(self) -> None:
        for entry in self.raw["units"]["units"]:
            for surface in entry["surfaces"]:
                family = as_unit_family(entry["kind"])
                self.units[surface] = Unit(surface, entry["code"], family, entry.get("factor", 1))
        self.metrics = tuple(
            Metric(m["id"], m["en"], tuple(m["zh"]), tuple(m.get("en_aliases", ())))
            for m in self.raw["metrics"]["metrics"]
        )
        seg = {k: v for k, v in self.raw["segment"].items() if not k.startswith("_")}
        self.segment = Segmentation(**seg)
        self._metric_by_surface = {s: m for m in self.metrics for s in m.zh}
        self._metric_by_id = {m.id: m for m in self.metrics}
        lengths: dict[str, set[int]] = {}
        for surface in self._metric_by_surface:
            lengths.setdefault(surface[-1], set()).add(len(surface))
        self._metric_lengths = {ch: sorted(ls, reverse=True) for ch, ls in lengths.items()}
        clutter = self.raw["clutter"]
        self._clutter_lines = frozenset(clutter["lines"])
        self._clutter_prefixes = tuple(clutter["prefixes"])
        self.heading_re = _heading_pattern(self.segment)

    # ----- small lookups used by several stages -----
    def words(self, file: str, key: str) -> list[str]:
        """A word list of a data file."""
        return list(self.raw[file][key])

    def is_clutter_line(self, line: str) -> bool:
        """True for a line of web-page clutter (下载, 打印, 来源：...)."""
        return line in self._clutter_lines or line.startswith(self._clutter_prefixes)

    def starts_heading(self, line: str) -> bool:
        """True when a line starts with a heading number (一、 （一） 1. 第一部分)."""
        return bool(self.heading_re.match(line))

    def is_top_heading(self, line: str) -> bool:
        """True when a line starts with a top-level heading number (一、 第一部分)."""
        m = self.heading_re.match(line)
        return bool(m and m.group("top"))

    def metric_for(self, phrase: str) -> Metric | None:
        """The standard metric named in ``phrase``: the name ending last, then the longest.

        Chinese noun phrases are head-final, so in 全社会研发投入占比 the name ending
        at 占比 (R&D intensity) wins over 全社会研发投入 (R&D spending).
        """
        return self.metric_match(phrase)[0]

    def metric_match(self, phrase: str) -> tuple[Metric | None, int, int]:
        """Like :meth:`metric_for`, with the span of the matched name (0, 0 when none)."""
        lengths, named = self._metric_lengths, self._metric_by_surface
        end = len(phrase)
        for last in reversed(phrase):  # most characters end no name: one set look-up each
            if last in lengths:
                for length in lengths[last]:
                    if length <= end and (metric := named.get(phrase[end - length : end])):
                        return metric, end - length, end
            end -= 1
        return None, 0, 0

    def unit_kind(self, code: str) -> UnitFamily:
        """The family (money, people, ...) of a canonical unit code."""
        return next(u.kind for u in self.units.values() if u.code == code)

    def metric_named(self, surface: str) -> Metric | None:
        """The standard metric with exactly this Chinese name, if any."""
        return self._metric_by_surface.get(surface)

    def metric_by_id(self, metric_id: str) -> Metric | None:
        """The standard metric with this id, if any."""
        return self._metric_by_id.get(metric_id)

    def metric_names(self) -> list[str]:
        """Every Chinese metric name (for the tokenizer's dictionary)."""
        return list(self._metric_by_surface)


def _heading_pattern(seg: Segmentation) -> regex.Pattern[str]:
    """A heading number at the start of a line: a top-level numeral and its end mark (一、, with
    ``top`` set), a numbered part (第一部分, also top), a bracketed number ((一)) or a digit (1.)."""
    numerals = regex.escape(seg.heading_numerals)
    ends = regex.escape(seg.heading_number_ends)
    opening, closing = (regex.escape(seg.heading_brackets[i::2]) for i in (0, 1))
    part = (rf"|{regex.escape(seg.heading_part_prefix)}[{numerals}]+[{regex.escape(seg.heading_part_words)}]"
            if seg.heading_part_words else "")
    return regex.compile(
        rf"^\s*(?:(?P<top>[{numerals}]+[{ends}]{part})|[{opening}][{numerals}\d]+[{closing}]|\d+[{ends}](?!\d))"
    )


def _definition(lang: str, name: str, schema: dict[str, Any]) -> str:
    """The schema definition of a data file: ``<lang>_<name>`` where a language shapes the
    file its own way (en_cues), else the shared ``<name>``."""
    own = f"{lang}_{name}"
    return own if own in schema["$defs"] else name


def _validate(name: str, data: Any, schema: dict[str, Any], where: str | None = None) -> None:
    """Validate a data file against definition ``name``; ``where`` names the file in the error."""
    sub = {"$schema": schema["$schema"], "$defs": schema["$defs"], "$ref": f"#/$defs/{name}"}
    error = first_error(compile_schema(sub), data)
    if error:
        raise LexiconError(where or f"{name}.json", *error)


def _data_path(lang: str, name: str) -> str:
    """Where a data file lives: ``data/<name>.json`` in the package when shared, else
    ``data/<name>.json`` in the language's pack (named ``<lang>/<name>.json`` in errors)."""
    return f"{name}.json" if name in _SHARED else f"{lang}/{name}.json"


def _pack_file(lang: str, file: str) -> str:
    """A file of a pack's ``data/`` folder; FileNotFoundError when it has none."""
    return resources.files(pack_module(lang)).joinpath("data").joinpath(file).read_text("utf-8")


def _schema(lang: str) -> dict[str, Any]:
    """The lexicon schema of a language: the shared definitions, and those of the pack's own
    ``data/lexicon.schema.json`` (for files the language shapes its own way) over them."""
    schema: dict[str, Any] = json.loads(package_text("schemas/lexicon.schema.json"))
    try:
        own = json.loads(_pack_file(lang, "lexicon.schema.json"))
    except FileNotFoundError:
        return schema
    return {**schema, "$defs": {**schema["$defs"], **own.get("$defs", {})}}


def _read(lang: str, name: str) -> Any:
    where = _data_path(lang, name)
    try:
        text = package_text(f"data/{where}") if name in _SHARED else _pack_file(lang, f"{name}.json")
    except FileNotFoundError as exc:
        raise LexiconError(where, "(file)", "missing") from exc
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise LexiconError(where, f"line {exc.lineno}", exc.msg) from exc


@cache
def shared_data(name: str) -> Any:
    """A language-neutral data file, ``data/<name>.json`` (``unit_families``, ``indicators``),
    validated against its definition in ``schemas/lexicon.schema.json`` (read once)."""
    try:
        data = json.loads(package_text(f"data/{name}.json"))
    except FileNotFoundError as exc:
        raise LexiconError(f"{name}.json", "(file)", "missing") from exc
    except json.JSONDecodeError as exc:
        raise LexiconError(f"{name}.json", f"line {exc.lineno}", exc.msg) from exc
    _validate(name, data, json.loads(package_text("schemas/lexicon.schema.json")), f"{name}.json")
    return data


def load_lexicon(lang: str) -> Lexicon:
    """Load, validate and compile the language data of ``lang`` (cached per process).

    Each data file is validated against its definition in ``schemas/lexicon.schema.json`` or in
    the pack's own ``data/lexicon.schema.json`` (a few milliseconds with the compiled validator).
    A bad file raises :class:`LexiconError`.
    """
    return _load_lexicon(lang)


@cache
def _load_lexicon(lang: str) -> Lexicon:
    raw = {name: _read(lang, name) for name in get_pack(lang).data_files}
    schema = _schema(lang)
    for name, data in raw.items():
        _validate(_definition(lang, name, schema), data, schema, _data_path(lang, name))
    return Lexicon(lang, raw)
