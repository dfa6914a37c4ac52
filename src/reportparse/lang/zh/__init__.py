"""The Chinese language pack (简体 and 繁體 through OpenCC)."""

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


class ChinesePack:
    """Chinese: numerals and units of the written language, jieba for counted nouns."""

    code = "zh"
    data_files: tuple[str, ...] = ("units", "qualifiers", "ranking", "cues", "noise", "clutter", "segment", "regions",
                                   "grammar", "meta", "metrics", "layout", "compare")

    def detect_score(self, sample: str) -> float:
        """Twice the count of Chinese characters; a text with no letters at all scores a little
        (it is read as Chinese, the reports' own language)."""
        return 2 * letters(sample, "han") + 0.5

    def missing_extra(self, text: str) -> tuple[str, str, str] | None:
        """OpenCC, for a text in traditional characters."""
        from .hant import converter, is_traditional

        if converter() is None and is_traditional(text):
            return ("opencc", "traditional", "traditional Chinese")
        return None

    def prepare(self, text: str) -> str:
        """A simplified copy of a traditional text, one character for one."""
        from .hant import simplified

        return simplified(text)

    def metadata(self, text: str, lex: Lexicon) -> dict[str, Any]:
        """Title, region, level and report year from the opening lines."""
        from .meta import read_metadata

        return read_metadata(text, lex)

    def recognise(self, text: str, lex: Lexicon) -> list[Mention]:
        """Quantities and rankings."""
        from .quantities import recognise_quantities
        from .ranking import recognise_rankings

        return recognise_quantities(text, lex) + recognise_rankings(text, lex)

    def segment(self, text: str, lex: Lexicon, report_year: int | None, number_starts: list[int]) -> list[Sentence]:
        """Sentences with their review or plan context."""
        from .segment import segment

        return segment(text, lex, report_year, number_starts)

    def words(self, phrase: str) -> list[str]:
        """jieba's words with its default dictionary (no HMM guessing)."""
        from .tokenise import default_tokenizer

        return list(default_tokenizer().lcut(phrase, HMM=False))

    def assemble(self, norm: NormalisedText, lex: Lexicon, doc_id: str, report_year: int | None,
                 mentions: list[Mention], sentences: list[Sentence]) -> list[Claim]:
        """Claims with metric, kind, status and period."""
        from .assemble import build_claims

        return build_claims(norm, lex, doc_id, report_year, mentions, sentences)


PACK: LanguagePack = ChinesePack()
