"""The pipeline: text -> normalise -> metadata -> segment -> recognise -> claims -> Document."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .claims import ClaimBuilder, resolve_overlaps
from .en_claims import build_english_claims
from .en_meta import read_english_metadata
from .en_quantities import recognise_english
from .en_segment import segment_english
from .langdetect import detect_language
from .lexicon import Lexicon, load_lexicon
from .meta import read_metadata
from .model import Document, Mention, Quantity
from .normalise import NormalisedText, normalise
from .numerals import to_json_number
from .paths import printable_path
from .quantities import recognise_quantities
from .ranking import recognise_rankings
from .readers import Limits, read_source
from .segment import Sentence, segment


def _lexicon(lang: str, text: str) -> Lexicon:
    """The language data for ``lang``; ``auto`` detects the language of ``text``."""
    return load_lexicon(detect_language(text) if lang == "auto" else lang)


def _build_chinese(norm: NormalisedText, lex: Lexicon, doc_id: str, report_year: int | None,
                   mentions: list[Mention], sentences: list[Sentence]) -> list[dict[str, Any]]:
    return ClaimBuilder(norm, lex, doc_id, report_year).build(mentions, sentences)


@dataclass(frozen=True)
class _Stages:
    """The language-specific stages of the pipeline (normalise, validate and export are shared)."""

    metadata: Callable[[str, Lexicon], dict[str, Any]]
    recognise: Callable[[str, Lexicon], list[Mention]]
    segment: Callable[[str, Lexicon, int | None, list[int]], list[Sentence]]
    claims: Callable[[NormalisedText, Lexicon, str, int | None, list[Mention], list[Sentence]], list[dict[str, Any]]]


_STAGES = {
    "zh": _Stages(read_metadata, lambda text, lex: recognise_quantities(text, lex) + recognise_rankings(text, lex),
                  segment, _build_chinese),
    "en": _Stages(read_english_metadata, recognise_english, segment_english, build_english_claims),
}


def _mentions(text: str, lex: Lexicon) -> list[Mention]:
    """Numbers and rankings of a normalised text, the longer one kept where they overlap."""
    return resolve_overlaps(_STAGES[lex.lang].recognise(text, lex))


def find_quantities(text: str, lang: str = "auto") -> list[Quantity]:
    """Every number expression of ``text``, claim or not, with spans into ``text``.

    The recogniser layer of the parser: quantities with their value, unit (None when
    the expression has none of the contract's units), unit as written, qualifier and
    range bounds. Years, dates, names and codes are not quantities.
    """
    lex = _lexicon(lang, text)
    norm = normalise(text, lex)
    out = []
    for m in _mentions(norm.text, lex):
        start, end = norm.to_original(m.start, m.end)
        out.append(Quantity((start, end), text[start:end], to_json_number(m.value), m.unit,
                            norm.original_text(m.unit_spans), m.qualifier, to_json_number(m.low),
                            to_json_number(m.high)))
    return out


def parse_text(text: str, lang: str = "auto", *, path: str | None = None, sha256: str | None = None,
               overrides: Mapping[str, Any] | None = None) -> Document:
    """Parse the text of one report into a :class:`Document` of claims.

    ``lang`` is ``zh``, ``en`` or ``auto`` (detect from the text). Never raises on odd text:
    whatever cannot be read as a claim is left out. ``path`` and ``sha256`` (of the file's
    bytes) are recorded in the metadata when given. ``overrides`` (``region``, ``level``,
    ``report_year``) replace what the opening lines say; the report year also dates the claims.
    """
    lex = _lexicon(lang, text)
    stages = _STAGES[lex.lang]
    digest = sha256 or hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    norm = normalise(text, lex)
    meta = {**stages.metadata(norm.text, lex), **(overrides or {})}
    report_year = meta["report_year"]
    mentions = _mentions(norm.text, lex)
    sentences = stages.segment(norm.text, lex, report_year, [m.start for m in mentions if m.claimable])
    claims = stages.claims(norm, lex, digest[:12], report_year, mentions, sentences)
    document = {
        "path": path,
        "sha256": digest,
        "lang": lex.lang,
        "chars": len(text),
        **meta,
        "parser_version": _version(),
    }
    return Document(document, claims)


def read_text(path: str | Path, limits: Limits | None = None) -> tuple[str, str]:
    """The text of a report file (plain text in any supported encoding, HTML, .docx or PDF)
    and the SHA-256 of its bytes.

    Raises :class:`InputError` naming the file when it cannot be read, decoded or extracted,
    or is over one of ``limits``.
    """
    source = read_source(path, limits)
    return source.text, source.sha256


def parse_file(path: str | Path, lang: str = "auto", overrides: Mapping[str, Any] | None = None, *,
               limits: Limits | None = None) -> Document:
    """Read and parse one report file; raises :class:`InputError` if it cannot be read.

    The document's ``source`` holds the text that claim spans point into.
    """
    source = read_source(path, limits)
    doc = parse_text(source.text, lang, path=printable_path(path), sha256=source.sha256, overrides=overrides)
    doc.source = source
    return doc


def _version() -> str:
    from . import __version__

    return __version__
