"""What a language pack provides: the protocol every ``lang/<code>/`` package implements.

A pack is one folder: its modules, its ``data/*.json`` and an ``__init__.py`` that defines
``PACK``, an object with the attributes and methods below. The shared core calls nothing
language-specific except through this protocol.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from ..lexicon import Lexicon
    from ..mention import Mention
    from ..model import Claim
    from ..normalise import NormalisedText
    from ..segment import Sentence


class LanguagePack(Protocol):
    """One language: its data files and the language-specific stages of the pipeline."""

    code: str
    """The ISO 639-1 code, the folder's name (``zh``)."""
    data_files: tuple[str, ...]
    """The data files the pack reads: ``data/<name>.json`` in the pack, or the shared file of
    that name under ``reportparse/data/`` (``metrics``, ``layout``)."""

    def detect_score(self, sample: str) -> float:
        """How strongly the opening of a text looks like this language (the highest score wins;
        0 or less: not this language)."""

    def missing_extra(self, text: str) -> tuple[str, str, str] | None:
        """An optional library that reading ``text`` needs and that is not installed: its module,
        the pip extra that installs it, and what it reads (named in the error); else None."""

    def prepare(self, text: str) -> str:
        """A copy of ``text`` of the same length, character for character, that the recognisers
        read (a traditional Chinese text made simplified); ``text`` itself when nothing is to do."""

    def metadata(self, text: str, lex: Lexicon) -> dict[str, Any]:
        """``title``, ``region``, ``level`` and ``report_year`` read from the normalised text."""

    def recognise(self, text: str, lex: Lexicon) -> list[Mention]:
        """Every number expression of the normalised text (overlaps are resolved by the core)."""

    def segment(self, text: str, lex: Lexicon, report_year: int | None, number_starts: list[int]) -> list[Sentence]:
        """The sentences of the normalised text with their reading context."""

    def words(self, phrase: str) -> list[str]:
        """The words of a short phrase (a metric or a heading), for pairing claims across reports."""

    def assemble(self, norm: NormalisedText, lex: Lexicon, doc_id: str, report_year: int | None,
                 mentions: list[Mention], sentences: list[Sentence]) -> list[Claim]:
        """The claims of a document from its mentions and sentences."""
