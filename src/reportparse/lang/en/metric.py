"""The metric of an English claim, by named rules tried in order (:data:`RULES`): a name of the
bilingual lexicon in the clause, else the counted noun, the clause's object or subject, the phrase
after the number, or the metric of the claim before. The rule that decides is noted as
``en.metric.<name>``."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

import regex

from ... import explain
from ...assemble import SentenceState
from ...lexicon import Lexicon, Metric
from ...mention import Mention
from ...segment import Sentence
from .cues import Cues, metric_key
from .meta import YEAR_EN

_NOUN_WORDS = regex.compile(r"(?<![\w.])(?:\d+[A-Za-z]|[A-Za-z])[\w'&./-]*")  # 5G base stations
Found = tuple[str | None, Metric | None]


class Phrases:
    """The noun phrases around a number in one text."""

    def __init__(self, text: str, cues: Cues) -> None:
        self.text = text
        self.cues = cues

    def clean(self, phrase: str) -> str:
        """A phrase without comparison bases, years and leading or trailing function words."""
        c = self.cues
        phrase = c.comparison.sub("", phrase)
        phrase = YEAR_EN.sub("", phrase)
        phrase = regex.sub(r"\s+", " ", phrase).strip(" ,;:-—(")
        while True:
            cleaned = c.trailing.sub("", c.leading.sub("", phrase)).strip(" ,;:-—(")
            if cleaned == phrase:
                return phrase
            phrase = cleaned

    def lexicon_metric(self, phrase: str) -> tuple[str, Metric] | None:
        """The metric name in a phrase nearest its end, asides left out; a name after 'share of' is not the metric."""
        phrase = self.cues.appositive.sub("", phrase)  # the CPI, a main gauge of inflation, ...
        hits = list(self.cues.metric_names.finditer(phrase))
        if not hits:
            return None
        hit = hits[-1]
        if self.cues.share_head.search(phrase[: hit.start()]) or self.cues.share_head.search(phrase, hit.end()):
            return None  # the share of X in GDP: not GDP; population aging and the share of nursing beds: a share
        return hit.group(), self.cues.metric_by_name[metric_key(hit.group())]

    def counted_noun(self, m: Mention) -> str:
        """The noun phrase after a number: 12 million new urban jobs, 2 million mu of high-standard cropland,
        1 trillion yuan in bonds, a 3 percent deficit-to-GDP ratio (a percent: the noun right after it)."""
        rest = self.text[m.end : m.end + 100]
        if m.unit_kind != "rate":
            rest = (self.cues.amount_linker if m.unit_kind == "money" else self.cues.counted_linker).sub(" ", rest)
        stop = self.cues.after_clause_end.search(rest)
        rest = rest[: stop.start()] if stop else rest
        words = []
        for w in _NOUN_WORDS.finditer(rest):
            if w.group().lower() in self.cues.counted_stop:
                break
            words.append(w.group())
        return " ".join(words).strip()

    def ranked_thing(self, m: Mention) -> str:
        """What a ranking ranks when it is named after it: first in the country in the number of
        high-tech enterprises."""
        after = self.cues.ranked_thing.match(self.text[m.end : m.end + 100])
        if not after or self.cues.ranked_not.search(after.group(1)):
            return ""
        return self.clean(self.cues.ranked_strip.sub("", after.group(1)))

    def after_phrase(self, m: Mention) -> str:
        """The phrase after 'in' or 'of' right after a number: a drop of 2.5 percent in energy
        consumption per unit of GDP; a 4 percent increase in general public budget revenue."""
        rest = self.cues.comparison.sub("", self.text[m.end : m.end + 120])  # up 6.1 percent in real terms
        if post := self.cues.post_growth.match(rest):
            rest = rest[post.end():]
        lead = self.cues.after_lead.match(rest)
        if not lead:
            return ""
        rest = rest[lead.end():]
        stop = self.cues.after_clause_end.search(rest)
        return self.clean(rest[: stop.start()] if stop else rest)

    def window_phrase(self, before: str) -> str:
        """The object after the last transitive verb of the clause, else its subject."""
        c = self.cues
        objects = list(c.object_verb.finditer(before))
        if objects:
            obj = self.clean(before[objects[-1].end():])
            if obj:
                return obj
        first = c.subject_stop.search(before)
        return self.clean(before[: first.start()] if first else before)


@dataclass
class MetricContext:
    """What the metric rules read; the phrases are found once, when a rule first asks."""

    m: Mention
    kind: str
    before: str
    sent: Sentence
    prev: SentenceState
    phrases: Phrases
    lex: Lexicon

    @cached_property
    def counted(self) -> str:
        """The counted noun after a count, an amount or a measure."""
        kinds = ("count", "people", "money", "measure", "rate") if self.m.rule in _NUMBER_RULES else ()
        return self.phrases.counted_noun(self.m) if self.m.unit_kind in kinds else ""

    @cached_property
    def counted_metric(self) -> tuple[str, Metric] | None:
        """The lexicon metric named in the counted noun."""
        return self.phrases.lexicon_metric(self.counted) if self.counted else None

    @cached_property
    def after(self) -> str:
        """The phrase after a rate or a change in points."""
        return self.phrases.after_phrase(self.m) if self.m.unit_kind in ("rate", "points") else ""


def _ranked_thing(c: MetricContext) -> Found | None:
    if c.kind == "ranking" and (ranked := c.phrases.ranked_thing(c.m)):
        return ranked, None
    return None


_NUMBER_RULES = ("en.digits", "en.words")  # not a fraction or doubling word
_NUMBER = regex.compile(r"\d[\d,.]*")
_LABEL = regex.compile(r"^\W*([A-Za-z][^:\d]{1,60}):")  # -- Tourist trips: (the label of a list line)


def _respectively(c: MetricContext) -> Found | None:
    """X and Y rose by 8.9 percent and 7.7 percent respectively: the n-th number of the run takes
    the n-th of the names that stand together before it."""
    text, cues = c.phrases.text, c.phrases.cues
    if not cues.respectively.search(text, c.m.end, c.sent.end):
        return None
    region = text[c.sent.start : c.m.start]
    hits = list(cues.metric_names.finditer(region))
    group = hits[-1:]
    for hit in reversed(hits[:-1]):
        if _NUMBER.search(region, hit.end(), group[0].start()):
            break
        group.insert(0, hit)
    index = len(_NUMBER.findall(region, group[-1].end())) if group else 0
    if len(group) < 2 or index >= len(group):
        return None
    name = group[index].group()
    return name, cues.metric_by_name[metric_key(name)]


def _counted_noun(c: MetricContext) -> Found | None:
    """12 million new urban jobs: what a count counts."""
    if c.m.unit_kind in ("count", "people") and c.counted:
        return c.counted_metric or (c.counted, None)
    return None


def _in_clause(c: MetricContext) -> Found | None:
    """A lexicon name in the clause; after 'accounted for' it names the whole of a share, not the
    indicator, unless the indicator is itself a share."""
    if (in_clause := c.phrases.lexicon_metric(c.before)) is None:
        return None
    text, metric = in_clause
    cues = c.phrases.cues
    if cues.share_verb.search(c.before) and not any(w in f"{metric.id} {metric.en}".lower()
                                                    for w in cues.share_metric_words):
        return text, None
    return in_clause


def _lexicon_after(c: MetricContext) -> Found | None:
    if c.counted_metric:
        return c.counted_metric
    return c.phrases.lexicon_metric(c.after) if c.after else None


def _bare_growth(c: MetricContext) -> Found | None:
    """Setting the growth rate at around 5 percent, a growth target of 6 percent, targets 5 percent
    growth: 'growth' with only determiners and rate/target words around it, as the whole phrase
    (or right after the number, with nothing after it), is the economy's growth."""
    cues = c.phrases.cues
    if c.m.unit != "percent":
        return None
    post = cues.post_growth.match(c.phrases.text, c.m.end)  # targets 5 pct growth
    phrase = post.group().strip() if post and not c.after else c.phrases.window_phrase(c.before)
    if phrase and cues.bare_growth.fullmatch(phrase):
        return phrase, c.lex.metric_by_id(cues.bare_growth_metric)
    return None


def _share_subject(c: MetricContext) -> Found | None:
    """The share of electricity from non-fossil fuels increased, accounting for close to 40
    percent of ...: a share verb that opens its clause shares out the subject of the clause before."""
    phrases = c.phrases
    if not phrases.cues.share_verb.search(c.before) or phrases.window_phrase(c.before):
        return None
    subject = phrases.window_phrase(phrases.text[c.sent.start : c.m.start - len(c.before)])
    return (subject, None) if subject else None


def _clause_phrase(c: MetricContext) -> Found | None:
    phrase = c.phrases.window_phrase(c.before)
    cues = c.phrases.cues
    if phrase and phrase.lower() not in cues.counted_stop | cues.generic_nouns:
        return phrase, None
    return None


def _phrase_after(c: MetricContext) -> Found | None:
    if c.after:
        return c.after, None
    return (c.counted, None) if c.counted else None


def _unit_word(c: MetricContext) -> Found | None:
    """30,000 people: the unit word names who is counted."""
    if c.m.unit_kind == "people" and c.m.unit_spans:
        start, end = c.m.unit_spans[-1]
        return c.phrases.text[start:end], None
    return None


def _previous(c: MetricContext) -> Found | None:
    if c.prev.metric:
        return c.prev.metric, c.lex.metric_by_id(c.prev.metric_id) if c.prev.metric_id else None
    return None


def _labelled(c: MetricContext, earlier: str) -> Found | None:
    """The label of a 'Label: figure' list line (-- New urban jobs: 12.44 million), its lexicon name first."""
    label = _LABEL.match(earlier)
    if label is None:
        return None
    return c.phrases.lexicon_metric(label.group(1)) or (c.phrases.clean(label.group(1)), None)


def _label(c: MetricContext) -> Found | None:
    """A figure right after the colon of a list line's label."""
    return _labelled(c, c.phrases.text[c.sent.start : c.m.start]) if not c.before.strip() else None


def _earlier(c: MetricContext) -> Found:
    """A lexicon name earlier in the sentence, else the label of its list line, else no metric."""
    earlier = c.phrases.text[c.sent.start : c.m.start - len(c.before)]
    return c.phrases.lexicon_metric(earlier) or _labelled(c, earlier) or (None, None)


RULES: tuple[tuple[str, Callable[[MetricContext], Found | None]], ...] = (
    ("ranked_thing", _ranked_thing), ("respectively", _respectively), ("counted_noun", _counted_noun),
    ("in_clause", _in_clause), ("lexicon_after", _lexicon_after), ("bare_growth", _bare_growth),
    ("share_subject", _share_subject), ("clause_phrase", _clause_phrase), ("phrase_after", _phrase_after),
    ("label", _label), ("unit_word", _unit_word), ("previous", _previous),
)


def find_metric(context: MetricContext) -> Found:
    """The metric text and lexicon metric of a claim: the first rule that decides, else a name
    earlier in the sentence (or none)."""
    name, found = next(((name, f) for name, rule in RULES if (f := rule(context)) is not None), ("earlier", None))
    if found is None:
        found = _earlier(context)
    explain.note(context.m.start, context.m.end, "assemble", f"en.metric.{name}", "metric", found[0] or "no metric")
    return found
