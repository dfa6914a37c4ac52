"""The English language pack (official translations of the reports)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ...scripts import letters

if TYPE_CHECKING:
    from ...lexicon import Lexicon
    from ...mention import Mention
    from ...model import Claim
    from ...normalise import NormalisedText
    from ...segment import Sentence
    from ..base import LanguagePack


class EnglishPack:
    """English: number words and scales, percent and percentage points, tense and modal cues."""

    code = "en"
    data_files: tuple[str, ...] = ("units", "qualifiers", "ranking", "cues", "numbers", "clutter", "segment", "meta",
                                   "metrics", "layout", "compare", "framing")

    def detect_score(self, sample: str) -> float:
        """The count of Latin letters, when there are at least three and they outnumber other
        scripts' letters more than two to one; else 0."""
        latin = letters(sample, "latin")
        return float(latin) if latin >= 3 and latin > 2 * letters(sample, "han") else 0.0

    def missing_extra(self, text: str) -> tuple[str, str, str] | None:
        """English needs no optional library."""
        return None

    def prepare(self, text: str) -> str:
        """English text is read as it is."""
        return text

    def metadata(self, text: str, lex: Lexicon) -> dict[str, Any]:
        """Title, region, level and report year from the delivery line, title or dated headings."""
        from .meta import read_metadata

        return read_metadata(text, lex)

    def recognise(self, text: str, lex: Lexicon) -> list[Mention]:
        """Quantities and rankings."""
        from .quantities import recognise_quantities

        return recognise_quantities(text, lex)

    def segment(self, text: str, lex: Lexicon, report_year: int | None, number_starts: list[int]) -> list[Sentence]:
        """Sentences with their review or plan context."""
        from .segment import segment

        return segment(text, lex, report_year, number_starts)

    def words(self, phrase: str) -> list[str]:
        """Lower-case words between spaces."""
        return phrase.lower().split()

    def assemble(self, norm: NormalisedText, lex: Lexicon, doc_id: str, report_year: int | None,
                 mentions: list[Mention], sentences: list[Sentence]) -> list[Claim]:
        """Claims with metric, kind, status and period."""
        from .assemble import build_claims

        return build_claims(norm, lex, doc_id, report_year, mentions, sentences)


PACK: LanguagePack = EnglishPack()
