"""The pipeline: read -> normalise (with the pack's prepare) -> metadata -> recognise -> segment -> assemble
(-> resolve, inside the pack's assembly) -> Document."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .explain import tracing
from .lang import detect, get_pack
from .lexicon import Lexicon, load_lexicon
from .mention import Mention
from .metawarn import metadata_warnings
from .model import Document, Quantity
from .normalise import NormalisedText, normalise
from .paths import printable_path
from .read import Limits, read_source
from .recognise import resolve_overlaps
from .resolve import to_json_number
from .stopwatch import stage
from .titles import with_title


def _lexicon(lang: str, text: str) -> Lexicon:
    """The language data for ``lang``; ``auto`` detects the language of ``text``."""
    return load_lexicon(detect(text) if lang == "auto" else lang)


def _mentions(text: str, lex: Lexicon) -> list[Mention]:
    """Numbers and rankings of a normalised text, the longer one kept where they overlap."""
    return resolve_overlaps(get_pack(lex.lang).recognise(text, lex))


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

    ``lang`` is a registered language code (:func:`reportparse.lang.languages`) or ``auto``
    (detect from the text). Never raises on odd text:
    whatever cannot be read as a claim is left out. ``path`` and ``sha256`` (of the file's
    bytes) are recorded in the metadata when given. ``overrides`` (``region``, ``level``,
    ``report_year``) replace what the opening lines say; the report year also dates the claims.
    """
    return _parse(text, lang, path, sha256, overrides)[0]


def _parse(text: str, lang: str, path: str | None, sha256: str | None,
           overrides: Mapping[str, Any] | None) -> tuple[Document, NormalisedText]:
    """The document of a text and the normalised copy its stages read."""
    lex = _lexicon(lang, text)
    pack = get_pack(lex.lang)
    digest = sha256 or hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    with stage("normalise"):
        norm = normalise(text, lex)
    with stage("metadata"):
        meta = {**with_title(pack.metadata(norm.text, lex), text, lambda title: pack.metadata(title, lex)),
                **(overrides or {})}
        meta["metadata_warnings"] = metadata_warnings(meta)
    report_year = meta["report_year"]
    with stage("recognise"):
        mentions = _mentions(norm.text, lex)
    with stage("segment"):
        sentences = pack.segment(norm.text, lex, report_year, [m.start for m in mentions if m.claimable])
    with stage("assemble"):
        claims = pack.assemble(norm, lex, digest[:12], report_year, mentions, sentences)
    document = {
        "path": path,
        "sha256": digest,
        "lang": lex.lang,
        "chars": len(text),
        **meta,
        "parser_version": _version(),
    }
    return Document(document, claims), norm


def explain_text(text: str, lang: str = "auto") -> list[dict[str, Any]]:
    """Every decision the parser made about the number expressions of ``text``, in text order:
    which rule found each candidate, which filter dropped it and why, and what became a claim.

    Each decision is ``{"span", "text", "stage", "rule", "outcome", "reason"}`` with the span in
    the original text (as claims have it).
    """
    with tracing() as trace:
        _doc, norm = _parse(text, lang, None, None, None)
    out = []
    for d in sorted(trace, key=lambda d: (d.start, d.end)):
        start, end = norm.to_original(d.start, d.end)
        out.append({"span": [start, end], "text": text[start:end], "stage": d.stage, "rule": d.rule,
                    "outcome": d.outcome, "reason": d.reason})
    return out


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
