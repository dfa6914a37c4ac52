"""A minimal third language pack (German), registered from the test folder: it proves that a
language is one folder (this module and data/*.json) and needs no edit to shared code.

It reads "<number> Prozent" and "<number> Milliarden Yuan", a growth when a growth word precedes
the number in its sentence, dated by the year a sentence names.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from reportparse.assemble import by_sentence
from reportparse.lexicon import Lexicon
from reportparse.mention import Mention
from reportparse.model import Claim
from reportparse.normalise import NormalisedText
from reportparse.recognise.patterns import alternation
from reportparse.resolve import ClaimFields, claim_record
from reportparse.segment import Sentence

_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


class GermanPack:
    """German: decimal commas, Prozent and Milliarden."""

    code = "de"
    data_files: tuple[str, ...] = ("units", "clutter", "segment", "cues", "metric_names", "metrics", "layout",
                                   "compare")

    def detect_score(self, sample: str) -> float:
        """German's function words mark a Latin-letter text as German: it then scores above
        English, which scores every Latin letter."""
        if not re.search(r"\b(?:und|der|die|das|ist|im)\b", sample):
            return 0.0
        return 1.5 * len(re.findall("[A-Za-zäöüßÄÖÜ]", sample))

    def missing_extra(self, text: str) -> tuple[str, str, str] | None:
        """Nothing optional is needed."""
        return None

    def prepare(self, text: str) -> str:
        """German text is read as it is."""
        return text

    def metadata(self, text: str, lex: Lexicon) -> dict[str, Any]:
        """The first year named is the report's year."""
        year = _YEAR.search(text)
        return {"title": None, "region": None, "level": None, "report_year": int(year.group()) if year else None}

    def recognise(self, text: str, lex: Lexicon) -> list[Mention]:
        """A decimal-comma number and a unit of the pack's units.json."""
        pattern = re.compile(rf"(\d+(?:,\d+)?)\s*({alternation(lex.units)})")
        out = []
        for m in pattern.finditer(text):
            unit = lex.units[m.group(2)]
            value = Decimal(m.group(1).replace(",", ".")) * unit.factor
            out.append(Mention(m.start(), m.end(), m.start(), value, None, None, unit.code, unit.kind,
                               (m.span(2),), "exact", "de.number"))
        return out

    def segment(self, text: str, lex: Lexicon, report_year: int | None, number_starts: list[int]) -> list[Sentence]:
        """Sentences end at a full stop before a space or the end."""
        out, start = [], 0
        for m in re.finditer(r"\.(?=\s|$)", text):
            out.append(Sentence(start, m.end(), None, "actual", report_year))
            start = m.end()
        return out

    def words(self, phrase: str) -> list[str]:
        """Words between spaces."""
        return phrase.split()

    def assemble(self, norm: NormalisedText, lex: Lexicon, doc_id: str, report_year: int | None,
                 mentions: list[Mention], sentences: list[Sentence]) -> list[Claim]:
        """Growth after a growth word, else a level; the metric is a name of the pack's own
        metric_names.json (German names of the shared indicator ids) in the sentence."""
        growth = re.compile(alternation(lex.raw["cues"]["growth_words"]))
        names = {name: metric_id for metric_id, ns in lex.raw["metric_names"]["names"].items() for name in ns}
        claims = []
        for m, sent, text, _prev, _next in by_sentence(norm, mentions, sentences):
            before = norm.text[sent.start:m.start]
            kind = "growth" if growth.search(before) else "level"
            name = next((n for n in names if n in before), None)
            metric = lex.metric_by_id(names[name]) if name else None
            claims.append(claim_record(norm, doc_id, m, ClaimFields(
                kind, 1, "exact", "actual", sent.period, name, metric, text, None)))
        return claims


PACK = GermanPack()
