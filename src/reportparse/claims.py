"""Stage 4: claim assembly. Turns the mentions of a sentence into claims.

For each mention it finds the metric phrase (the indicator before the number, or the
counted noun after the measure word), the kind (level, growth, ratio, ranking) and
direction from the nearest cue word, the status and period from the sentence's
reading context, and the metric id from the lexicon.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from .lexicon import Lexicon, alternation
from .model import Mention
from .normalise import NormalisedText
from .numerals import to_number
from .segment import Sentence
from .tokenise import tokens

_CLAUSE_END = "，,；;：:。！？!?\n"
_FROM_YEAR = regex.compile(r"((?:19|20)\d\d)年(?:的|底|末)?$")
_COUNT_KINDS = ("count", "people")


@dataclass(frozen=True)
class _Cues:
    """Compiled cue patterns of one language."""

    kind_cue: regex.Pattern[str]
    trailing: regex.Pattern[str]
    leading: regex.Pattern[str]
    comparison: regex.Pattern[str]
    level_change_end: regex.Pattern[str]
    from_end: regex.Pattern[str]
    to_start: regex.Pattern[str]
    ratio_word: regex.Pattern[str]
    share: regex.Pattern[str]
    growth_up: frozenset[str]
    growth_down: frozenset[str]
    stops: frozenset[str]


@cache
def _cues(lex: Lexicon) -> _Cues:
    c = lex.raw["cues"]
    kind_words = c["growth_up"] + c["growth_down"] + c["ratio_verbs"]
    return _Cues(
        kind_cue=regex.compile(alternation(kind_words)),
        trailing=regex.compile(rf"(?:{alternation(c['metric_trailing_strip'])})$"),
        leading=regex.compile(rf"^(?:{alternation(c['metric_leading_strip'])})"),
        comparison=regex.compile(alternation(c["comparison_phrases"] + lex.raw["qualifiers"]["comparative_prefixes"])),
        level_change_end=regex.compile(rf"(?:{alternation(c['level_change_verbs'] + c['growth_up'])})$"),
        from_end=regex.compile(rf"(?:{alternation(c['from_words'])})(?:(?:19|20)\d\d年(?:的|底|末)?)?$"),
        to_start=regex.compile(rf"^(?:{alternation(c['to_verbs'])})"),
        ratio_word=regex.compile(alternation(c["ratio_words"])),
        share=regex.compile(rf"^(?:{alternation(c['share_words'])})"),
        growth_up=frozenset(c["growth_up"]),
        growth_down=frozenset(c["growth_down"]),
        stops=frozenset(c["counted_noun_stops"]),
    )


def _strip(phrase: str, cues: _Cues) -> str:
    """Trim cue words off both ends of a metric phrase (完成, 增长, 全区, 预计...)."""
    phrase = phrase.strip(" \t“”\"'、（）()·-—")
    while True:
        trimmed = cues.trailing.sub("", phrase).strip(" 、")
        trimmed = cues.leading.sub("", trimmed).strip(" 、")
        if trimmed == phrase:
            return phrase
        phrase = trimmed


@dataclass
class _Previous:
    metric: str = ""
    metric_id: str | None = None
    kind: str | None = None
    sign: int = 1
    unit: str | None = None
    end: int = -1


class ClaimBuilder:
    """Builds the claim dicts of one document from its mentions and sentences."""

    def __init__(self, norm: NormalisedText, lex: Lexicon, doc_id: str) -> None:
        self.text = norm.text
        self.lex = lex
        self.cues = _cues(lex)
        self.to_original = norm.to_original
        self.original = norm.original
        self.doc_id = doc_id

    def build(self, mentions: list[Mention], sentences: list[Sentence]) -> list[dict[str, object]]:
        """Claims of every mention that falls in a (non-heading) sentence, in text order."""
        claims: list[dict[str, object]] = []
        idx = 0
        for sent in sentences:
            prev = _Previous()
            while idx < len(mentions) and mentions[idx].start < sent.end:
                m = mentions[idx]
                idx += 1
                if m.start < sent.start or sent.is_heading or not m.claimable:
                    continue
                claim = self._claim(m, sent, prev, mentions[idx] if idx < len(mentions) else None)
                if claim is not None:
                    claims.append(claim)
        return claims

    # ----- pieces -----
    def _clause_start(self, pos: int, floor: int) -> int:
        return max([floor] + [self.text.rfind(ch, floor, pos) + 1 for ch in _CLAUSE_END])

    def _counted_noun(self, m: Mention, sent: Sentence) -> str:
        tail = self.text[m.end : sent.end]
        cut = min([len(tail)] + [i for i in (tail.find(ch) for ch in _CLAUSE_END + "、") if i >= 0])
        tail = tail[:cut].lstrip("的")
        noun = ""
        for tok in tokens(tail[:24], self.lex):
            if tok in self.cues.stops or regex.search(r"\d", tok):
                break
            noun += tok
        return noun.strip(" “”\"（）()")

    def _kind_and_sign(self, m: Mention, before: str, prev: _Previous) -> tuple[str, int]:
        cues = self.cues
        if m.unit == "rank":
            return "ranking", 1
        last = None
        for hit in cues.kind_cue.finditer(before, overlapped=True):
            if last is None or hit.end() > last.end() or (hit.end() == last.end() and len(hit.group()) > len(last.group())):
                last = hit
        word = last.group() if last else None
        sign = -1 if word in cues.growth_down else 1
        if m.unit == "percentage_point":
            return "growth", sign
        if m.unit_kind == "rate" or m.rule == "zh.fraction":
            if m.rule == "zh.doubling":
                return "growth", 1
            growth_cue = word in cues.growth_up or word in cues.growth_down
            ratio_hits = [r.start() for r in cues.ratio_word.finditer(before)]
            if growth_cue and last is not None and not any(pos >= last.end() for pos in ratio_hits):
                return "growth", sign
            if word is not None or ratio_hits:
                growth_named = any(w in before for w in cues.growth_up if len(w) > 1)
                return ("growth", 1) if growth_named and not ratio_hits else ("ratio", 1)
            if prev.kind in ("growth", "ratio") and prev.unit == m.unit:
                return prev.kind, prev.sign
            return "ratio", 1
        tail = before.rstrip("约近超达了 ")
        if cues.level_change_end.search(tail):
            return "growth", sign
        return "level", 1

    def _metric(self, m: Mention, sent: Sentence, before: str, prev: _Previous) -> tuple[str, str | None]:
        cues = self.cues
        gap = bool(cues.comparison.search(before))
        phrase = cues.comparison.split(before)[0] if gap else before
        phrase = _strip(cues.from_end.sub("", phrase), cues)
        if m.unit_kind in _COUNT_KINDS or (m.unit_kind in ("money", "measure") and len(phrase) <= 2):
            noun = self._counted_noun(m, sent)
            if len(noun) >= 2:
                metric = self.lex.metric_for(noun)
                return noun, metric.id if metric else None
        if cues.share.match(phrase) and prev.metric:
            phrase = prev.metric + phrase  # 国家科学技术奖58项、占全国28.7%
        elif m.unit == "rank" and before.endswith("的") and m.rank_scope:
            phrase = phrase + m.rank_scope  # 发布的全球百强科技集群前三位
        if not phrase:
            return prev.metric, None if gap or m.unit == "rank" else prev.metric_id
        if m.unit == "rank" or gap:
            return phrase, None
        metric = self.lex.metric_for(phrase)
        return phrase, metric.id if metric else None

    def _period(self, m: Mention, sent: Sentence, before: str, nxt: Mention | None) -> int | None:
        after = self.text[m.end : m.end + 4]
        if self.cues.from_end.search(before) and self.cues.to_start.search(after) and nxt is not None:
            year = _FROM_YEAR.search(before)
            if year:
                return int(year.group(1))
            return sent.period - 1 if sent.period else None
        return sent.period

    def _claim(self, m: Mention, sent: Sentence, prev: _Previous, nxt: Mention | None) -> dict[str, object] | None:
        floor = max(sent.start, prev.end)
        clause = self._clause_start(m.start, floor)
        before = self.text[clause : m.start]
        kind, sign = self._kind_and_sign(m, before, prev)
        metric_text, metric_id = self._metric(m, sent, before, prev)
        period = self._period(m, sent, before, nxt)
        start, end = self.to_original(m.start, m.end)
        s_start, s_end = self.to_original(sent.start, sent.end)
        value, low, high = m.value, m.low, m.high
        if sign < 0:
            value = -value if value is not None else None
            low, high = (-high if high is not None else None), (-low if low is not None else None)
            if low is not None:
                value = low
        metric_obj = self.lex.metric_by_id(metric_id) if metric_id else None
        prev.metric, prev.metric_id, prev.kind, prev.sign, prev.unit, prev.end = (
            metric_text, metric_id, kind, sign, m.unit, m.end)
        return {
            "id": f"{self.doc_id}:{start}-{end}",
            "span": [start, end],
            "text": self.original[start:end],
            "kind": kind,
            "value": to_number(value) if value is not None else None,
            "low": to_number(low) if low is not None else None,
            "high": to_number(high) if high is not None else None,
            "unit": m.unit,
            "unit_text": m.unit_text,
            "qualifier": m.qualifier,
            "status": sent.status,
            "period": period,
            "metric": {"text": metric_text or None, "id": metric_id, "en": metric_obj.en if metric_obj else None},
            "rank": {"position": to_number(m.value) if m.value is not None else None, "of": m.rank_of,
                     "scope": m.rank_scope} if kind == "ranking" else None,
            "sentence": self.original[s_start:s_end].strip(),
            "section": sent.section,
            "rule": m.rule,
        }


def resolve_overlaps(mentions: list[Mention]) -> list[Mention]:
    """Drop mentions that lie inside a longer one (54个 inside 全省54个市辖区第一)."""
    ordered = sorted(mentions, key=lambda x: (x.start, -(x.end - x.start)))
    kept: list[Mention] = []
    for m in ordered:
        if kept and m.start < kept[-1].end:
            if m.end - m.start > kept[-1].end - kept[-1].start and m.rule == "zh.ranking":
                kept[-1] = m
            continue
        kept.append(m)
    return kept

