"""The metric of a claim: the phrase that says what is measured, and its standard id.

The phrase is the counted noun after a measure word (370个重大项目, :mod:`nouns`) or the indicator
before the number (地区生产总值完成785.6亿元), trimmed of cue words, comparison bases
(比上年) and years. Its id is the lexicon metric named at the head of the phrase.
"""

from __future__ import annotations

from functools import cache

from ...assemble import SentenceState
from ...explain import active, note
from ...lexicon import Lexicon, Metric
from ...mention import Mention
from .cues import Cues, ends_with_word, holds_any, strip_end_word, strip_start_word
from .nouns import CountedNouns, Memo
from .views import Grammar, cue_words, grammar
from .years import YEAR_SUFFIX

_COUNT_KINDS = ("count", "people")


@cache
def _quotes(lex: Lexicon) -> tuple[str, ...]:
    """The quotation marks."""
    g = grammar(lex)
    return tuple(sorted(set("".join(g.quote_pairs) + "".join(g.quote_pairs.values()) + '"')))


def _unbalanced_quotes_removed(phrase: str, g: Grammar, quotes: tuple[str, ...]) -> str:
    """Drop quotation marks whose partner lies outside the phrase (三个一批”项目 -> 三个一批项目);
    balanced ones stay (“获得信贷指标”考核)."""
    if not holds_any(phrase, quotes):
        return phrase
    drop: set[int] = set()
    for opening, closing in g.quote_pairs.items():
        stack: list[int] = []
        for i, ch in enumerate(phrase):
            if ch == opening:
                stack.append(i)
            elif ch == closing and stack:
                stack.pop()
            elif ch == closing:
                drop.add(i)
        drop.update(stack)
    if phrase.count('"') % 2:
        drop.update(i for i, ch in enumerate(phrase) if ch == '"')
    return "".join(ch for i, ch in enumerate(phrase) if i not in drop)


def _id(metric: Metric | None) -> str | None:
    return metric.id if metric else None


class MetricFinder:
    """Finds the metric phrase and id of claims in one normalised text."""

    def __init__(self, text: str, lex: Lexicon, cues: Cues) -> None:
        self.text = text
        self.lex = lex
        self.cues = cues
        c = cue_words(lex)
        self.item_separators = cues.item_separator
        self.separator_chars = tuple(sorted(set("".join(c.list_separators))))  # what ``item_separators`` finds
        self.clause_ends = lex.segment.clause_ends
        self.grammar = grammar(lex)
        self.quotes = _quotes(lex)
        self.item_strip = " " + self.grammar.list_comma
        self.subject_words = frozenset(c.subject_words)
        self.object_markers = c.object_markers
        self.marker_words = c.object_marker_words
        self.per_capita = c.per_capita
        self._trims = Memo(self._trim)
        self._matches = Memo(lex.metric_match)
        self.nouns = CountedNouns(text, lex, cues)

    def trim(self, phrase: str) -> str:
        """Trim cue words, comparison bases and years off both ends of a metric phrase; a
        metric name that ends the phrase is kept whole (经济增长 keeps its 增长)."""
        return self._trims[phrase]

    def _trim(self, phrase: str) -> str:
        cues, g = self.cues, self.grammar
        phrase = self._object(phrase)
        if holds_any(phrase, cues.comparison_base_starts):
            phrase = cues.comparison_base.sub("", phrase)
        phrase = _unbalanced_quotes_removed(phrase, g, self.quotes)
        phrase = phrase.strip(g.phrase_strip)
        while True:
            trimmed = cues.years.sub("", phrase) if YEAR_SUFFIX in phrase and cues.years.match(phrase) else phrase
            # cheap tests first: most phrases end with no cue, have nothing to strip, or end with no name
            cue_end = trimmed[-1:] in cues.trailing_ends
            if (cue_end or trimmed != trimmed.strip(self.item_strip)) and not self._ends_with_name(trimmed):
                trimmed = (strip_end_word(trimmed, cues.trailing) if cue_end else trimmed).strip(self.item_strip)
            trimmed = strip_start_word(trimmed, cues.leading)
            trimmed = trimmed.strip(self.item_strip)
            if YEAR_SUFFIX in trimmed:
                trimmed = cues.trailing_year.sub("", trimmed)
            if trimmed == phrase:
                return phrase
            phrase = trimmed

    def _ends_with_name(self, phrase: str) -> bool:
        """True when a standard metric's name ends the phrase."""
        return phrase[-1:] in self.cues.metric_name_ends and self._matches[phrase][2] == len(phrase)

    def _object(self, phrase: str) -> str:
        """The object of 把 in a phrase (市委市政府把全市生产总值增长目标确定为: 全市生产总值...), unless
        the marker is part of a word (把握, 把关)."""
        for marker in self.object_markers:
            if marker in phrase and not any(w in phrase for w in self.marker_words) \
                    and (head := phrase.rsplit(marker, 1)[1]):
                return head
        return phrase

    def _item(self, items: tuple[str, ...], index: int) -> str:
        """Item ``index`` of a 分别 list, completed with the shared head of the last item
        when that names a standard metric (城镇 + 居民人均可支配收入)."""
        item, last = items[index], items[-1]
        if index < len(items) - 1:
            for k in range(1, len(last)):
                if self.lex.metric_named(item + last[k:]):
                    return item + last[k:]
        return item

    def metric_id(self, phrase: str) -> Metric | None:
        """The standard metric a phrase names, if it names one and only that.

        The name must end the phrase, up to generic words (规模, 增速, 总额...), so a share
        (工业增加值占地区生产总值比重) or a count (规上工业企业) does not take the id of an
        indicator it only mentions; and only scope, time or region words may stand before it,
        so a subset (海洋生产总值, 脱贫县农村居民人均可支配收入) does not take the headline id.
        In a list (二氧化硫、氮氧化物排放量) the first item names the metric.
        """
        separated = holds_any(phrase, self.separator_chars)  # most phrases are no list
        if separated and len(items := [i for i in self.item_separators.split(phrase) if i]) > 1:
            phrase = self._item(tuple(items), 0)
        phrase = phrase.replace(" ", "")  # 社会消 费品零售总额: a line broke a word
        if phrase[-1:] not in self.cues.metric_id_ends:  # a cheap test first: four phrases in ten end otherwise
            return None
        metric, start, end = self._matches[phrase]
        # both patterns match an empty text: most names stand at an end of the phrase, and need no call
        if metric is None or (end < len(phrase) and not self.cues.metric_suffix.match(phrase[end:])):
            return None
        if start and not self.cues.metric_prefix.match(phrase[:start]):
            return None
        return metric

    def _walk_list(self, before: str, phrase: str, prev: SentenceState) -> str:
        """The metric phrase of a number in a 分别 list: item by item, in ``prev``."""
        if holds_any(before, self.cues.respectively_words) and (resp := self.cues.respectively.search(before)):
            head = self.trim(before[: resp.start()])
            items = tuple(i for i in (self.trim(x) for x in self.item_separators.split(head)) if i)
            if len(items) == 1:
                items = self._paired(items[0])  # 城乡居民人均可支配收入分别增长 -> 城镇..., 农村...
            prev.items, prev.item_index = (items, 0) if len(items) > 1 else ((), -1)
            return self._item(items, 0) if prev.items else phrase
        if not phrase and prev.items and prev.item_index + 1 < len(prev.items):
            prev.item_index += 1
            return self._item(prev.items, prev.item_index)
        return phrase

    def _paired(self, phrase: str) -> tuple[str, ...]:
        """A phrase naming a pair at once (城乡 = 城镇 and 农村) as its two items."""
        for word, parts in cue_words(self.lex).paired_words.items():
            if word in phrase:
                return tuple(phrase.replace(word, part, 1) for part in parts)
        return (phrase,)

    def find(self, m: Mention, before: str, sentence: tuple[int, int], prev: SentenceState) -> tuple[str, str | None]:
        """Metric text and id of a mention, given the clause text before it and the sentence span.

        Walks the items of a 分别 list (城镇和农村居民人均可支配收入分别增长4.3%、5.5%) in
        ``prev``, one item per number. Each way the phrase is found is a named rule
        (``zh.metric.<name>`` in an explain trace).
        """
        cues = self.cues
        compared = cues.comparison.search(before) if holds_any(before, cues.comparison_words) else None
        gap = compared is not None
        phrase = before[: compared.start()] if compared else before
        if holds_any(phrase, cues.from_starts):  # most clauses have no from-word (从, 由)
            phrase = cues.from_end.sub("", phrase)
        phrase = self._walk_list(before, self.trim(phrase), prev)
        if m.unit != "rank" and not gap and (carried := self._carried(phrase, before, prev)):
            return self._found(m, "carried_subject", *carried)
        if self._noun_first(m, phrase):
            noun = self.nouns.after(m, sentence[1])
            if len(noun) >= 2:
                return self._found(m, "counted_noun", noun, _id(self.metric_id(noun)))
        phrase = self._completed(m, before, phrase, sentence[0], prev)
        if not phrase:
            return self._found(m, "previous_metric", prev.metric, None if gap or m.unit == "rank" else prev.metric_id)
        if m.unit == "rank" or gap:
            return self._found(m, "compared_or_ranked", phrase, None)
        return self._found(m, "phrase_before", phrase, _id(self.metric_id(phrase)))

    def _carried(self, phrase: str, before: str, prev: SentenceState) -> tuple[str, str | None] | None:
        """Rule ``carried_subject``: a bare word for the subject before it (总量突破1万亿元 after the
        GDP growth) takes that metric; 人均 takes its per-capita indicator (人均达到12万元)."""
        if not prev.metric:
            return None
        if phrase in self.subject_words:
            return prev.metric, prev.metric_id
        if prev.metric_id and (per := self.cues.per_capita_end.search(before)):
            word = per.group(1)
            if (per_capita_id := self.per_capita[word].get(prev.metric_id)) is not None:
                return (prev.metric if per_capita_id == prev.metric_id else word + prev.metric), per_capita_id
        return None

    @staticmethod
    def _found(m: Mention, rule: str, phrase: str, metric_id: str | None) -> tuple[str, str | None]:
        """The metric text and id a named rule found (noted in an explain trace)."""
        if active():
            note(m.start, m.end, "assemble", f"zh.metric.{rule}", "metric", f"{phrase} -> {metric_id}")
        return phrase, metric_id

    def _noun_first(self, m: Mention, phrase: str) -> bool:
        """Rule ``counted_noun``: a count, or an amount with no subject before it or after an
        object verb (拟发行1400亿元长期建设国债), is named by the noun after it."""
        return m.unit_kind in _COUNT_KINDS or (m.unit_kind in ("money", "measure") and (
            len(phrase) <= 2 or ends_with_word(phrase, self.cues.object_verbs)))

    def _completed(self, m: Mention, before: str, phrase: str, sentence_start: int, prev: SentenceState) -> str:
        """The phrase completed by the metric before it (a share: 占全国28.7%), a ranking's scope
        (全球百强科技集群前三位), or the clause before when the number has no subject of its own."""
        if phrase.startswith(self.cues.share_words) and prev.metric:
            phrase = prev.metric + phrase  # 国家科学技术奖58项、占全国28.7%
        elif m.unit == "rank" and before.endswith(self.grammar.possessive) and m.rank_scope:
            phrase = phrase + m.rank_scope  # 发布的全球百强科技集群前三位
        if not phrase and not prev.metric:
            phrase = self._previous_clause(m.start - len(before), sentence_start)
        return phrase

    def _previous_clause(self, clause_start: int, sentence_start: int) -> str:
        """The clause before, as the subject of a number that has none in its own clause
        (城镇居民家庭人均可支配收入，由1997年的5160元增加到...)."""
        if clause_start - 1 <= sentence_start:
            return ""
        text = self.text[max(sentence_start, clause_start - 200) : clause_start - 1]
        cut = max(text.rfind(ch) for ch in self.clause_ends)
        return self.trim(text[cut + 1 :])
