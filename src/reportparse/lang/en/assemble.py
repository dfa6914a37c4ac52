"""Stage 4 for English: claim assembly. For each mention of a sentence: the kind and direction
(grew by / a drop of / reached / accounted for), the metric (a name of the bilingual lexicon
in the clause, else the counted noun or the clause's subject or object), status and period
(the sentence's context, target cues such as will / projected / is set at, last year), and
the shared claim record of :func:`reportparse.claims.claim_record`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

import regex

from ...assemble import SentenceState, by_sentence
from ...lexicon import Lexicon, Metric
from ...model import Mention
from ...normalise import NormalisedText
from ...recognise.patterns import alternation
from ...resolve import ClaimFields, claim_record
from ...segment import Sentence
from .meta import YEAR_EN

_CLAUSE_END = regex.compile(r"(?r)[;:()]|,(?!\d{3})")  # not the comma of 10,000
_AFTER_CLAUSE_END = regex.compile(r"[,;:.!?()]|\s(?:and|while|but|which|with)\s")
_NOUN_WORDS = regex.compile(r"(?<![\w.])(?:\d+[A-Za-z]|[A-Za-z])[\w'&./-]*")  # 5G base stations
_BY_YEAR = regex.compile(r"\b(?:by|in|for|through)\s+((?:19|20)\d\d)\b", regex.I)
_FROM_END = regex.compile(r"\bfrom\s*$", regex.I)
_LEAD_YEAR = regex.compile(r"^\s*(?:In|in|For|During)\s+((?:19|20)\d\d)\b")


def _words(words: list[str]) -> regex.Pattern[str]:
    """Whole words or phrases of a list, case-insensitive; a phrase may break across lines."""
    return regex.compile(rf"(?<![\w-])(?:{alternation(words).replace(chr(92) + ' ', chr(92) + 's+')})(?![\w-])", regex.I)


def _name(written: str) -> str:
    """A phrase as the lexicon keys it: lower case, one space between words."""
    return " ".join(written.split()).lower()


@dataclass(frozen=True)
class Cues:
    """The compiled English cue words of ``data/en/cues.json`` and the metric names."""

    kind: regex.Pattern[str]
    growth_up: frozenset[str]
    growth_down: frozenset[str]
    to_words: frozenset[str]
    level_verbs: frozenset[str]
    ratio_words: frozenset[str]
    post_growth: regex.Pattern[str]
    post_down: frozenset[str]
    target: regex.Pattern[str]
    review_target: regex.Pattern[str]
    last_year: regex.Pattern[str]
    comparison: regex.Pattern[str]
    share_head: regex.Pattern[str]
    subject_stop: regex.Pattern[str]
    object_verb: regex.Pattern[str]
    leading: regex.Pattern[str]
    trailing: regex.Pattern[str]
    metric_names: regex.Pattern[str]
    metric_by_name: dict[str, Metric]
    counted_stop: frozenset[str]
    weak_copulas: frozenset[str]
    generic_nouns: frozenset[str]
    this_year: regex.Pattern[str]
    share_verb: regex.Pattern[str]
    reduction_metrics: frozenset[str]
    share_metric_words: tuple[str, ...]


@cache
def compile_cues(lex: Lexicon) -> Cues:
    """The English cues of ``lex``, compiled once."""
    c = lex.raw["cues"]

    def lower(key: str) -> frozenset[str]:
        return frozenset(w.lower() for w in c[key])

    by_name: dict[str, Metric] = {}
    for metric in lex.metrics:
        for name in metric.en_names:
            by_name.setdefault(_name(name), metric)
    post = c["post_growth_up"] + c["post_growth_down"]
    return Cues(
        kind=_words(c["growth_up"] + c["growth_down"] + c["to_words"] + c["level_verbs"] + c["ratio_words"]),
        growth_up=lower("growth_up"), growth_down=lower("growth_down"), to_words=lower("to_words"),
        level_verbs=lower("level_verbs"), ratio_words=lower("ratio_words"),
        post_growth=regex.compile(rf"\s+(?:{alternation(post)})(?![\w-])", regex.I),
        post_down=lower("post_growth_down"),
        target=_words(c["target_cues"]),
        review_target=_words(c["review_target_nouns"]),
        last_year=_words(c["last_year_words"]),
        comparison=_words(c["comparison_phrases"]),
        share_head=regex.compile(rf"\b(?:{alternation(c['share_heads'])})\s", regex.I),
        subject_stop=_words(c["subject_stops"] + c["object_verbs"] + c["target_cues"]),
        object_verb=_words(c["object_verbs"]),
        leading=regex.compile(rf"^(?:(?:{alternation(c['leading_strip'])})(?![\w-])\s*)+", regex.I),
        trailing=regex.compile(rf"(?:\s+(?:{alternation(c['trailing_strip'])}))+$", regex.I),
        metric_names=_words(list(by_name)),
        metric_by_name=by_name,
        counted_stop=frozenset(w.lower() for w in lex.raw["numbers"]["not_counted_before"]) | lower("subject_stops")
        | lower("growth_up") | lower("growth_down"),
        weak_copulas=lower("weak_copulas"),
        generic_nouns=lower("generic_nouns"),
        this_year=_words(c["this_year_words"]),
        share_verb=_words(c["share_verbs"]),
        reduction_metrics=frozenset(c["reduction_metrics"]),
        share_metric_words=tuple(w.lower() for w in c["share_metric_words"]),
    )


class ClaimBuilder:
    """Builds the claim dicts of one English document from its mentions and sentences."""

    def __init__(self, norm: NormalisedText, lex: Lexicon, doc_id: str, report_year: int | None) -> None:
        self.text = norm.text
        self.norm = norm
        self.lex = lex
        self.doc_id = doc_id
        self.report_year = report_year
        self.cues = compile_cues(lex)

    def build(self, mentions: list[Mention], sentences: list[Sentence]) -> list[dict[str, Any]]:
        """Claims of every claimable mention that stands in a sentence, in text order."""
        return [self._claim(m, sent, text, prev) for m, sent, text, prev, _ in by_sentence(self.norm, mentions, sentences)]

    def _claim(self, m: Mention, sent: Sentence, sentence_text: str, prev: SentenceState) -> dict[str, Any]:
        floor = max(sent.start, prev.end)
        cut = _CLAUSE_END.search(self.text, floor, m.start)
        before = self.text[cut.end() if cut else floor : m.start]
        kind, sign = self._kind(m, before, prev)
        metric_text, metric = self._metric(m, kind, before, sent, prev)
        if kind == "growth" and m.unit_kind != "rate" and metric and metric.id in self.cues.reduction_metrics:
            kind, sign = "level", 1  # cut taxes and fees by 2.2 trillion yuan: the amount of the cuts
        status, period = self._timing(m, sent, self.text[max(sent.start, prev.end) : m.start], prev)
        if _FROM_END.search(before) and period is not None:
            period -= 1  # rule 4: X of 'from X to Y' is the year before the change
        if kind == "ranking":
            prev.metric, prev.end = metric_text, m.end
        else:
            prev.metric, prev.metric_id, prev.kind, prev.sign, prev.unit, prev.end = (
                metric_text, metric.id if metric else None, kind, sign, m.unit, m.end)
        return claim_record(self.norm, self.doc_id, m, ClaimFields(
            kind, sign, m.qualifier, status, period, metric_text, None if kind == "ranking" else metric,
            sentence_text, sent.section))

    # ----- kind -----
    def _last_cue(self, before: str) -> regex.Match[str] | None:
        last = None
        for hit in self.cues.kind.finditer(before, overlapped=True):
            if last is None or (hit.end(), len(hit.group())) > (last.end(), len(last.group())):
                last = hit
        return last

    def _kind(self, m: Mention, before: str, prev: SentenceState) -> tuple[str, int]:
        """Kind and direction (-1 for a decline) of a mention from the words around it."""
        c = self.cues
        if m.unit == "rank":
            return "ranking", 1
        if m.rule == "en.doubling":
            return "growth", 1
        post = c.post_growth.match(self.text, m.end)
        if post:
            return "growth", -1 if post.group().strip().lower() in c.post_down else 1
        if _FROM_END.search(before):
            return ("ratio" if m.unit_kind == "rate" else "level"), 1  # X of 'rose from X to Y': a level
        hits = list(c.kind.finditer(before, overlapped=True))
        last = self._last_cue(before)
        word = last.group().lower() if last else None
        growth_hits = [h for h in hits if h.group().lower() in c.growth_up | c.growth_down]
        g = growth_hits[-1] if growth_hits else None
        sign = -1 if g is not None and g.group().lower() in c.growth_down else 1
        if m.unit == "percentage_point":
            return "growth", sign
        if m.unit_kind != "rate":
            tail = before.rstrip().lower()
            if g is not None and regex.search(rf"(?:{regex.escape(g.group().lower())}(?:\s.*)?\s+by|{regex.escape(g.group().lower())}\s+of|\b(?:up|down))$", tail):
                return "growth", sign  # an increase of 180 billion yuan, up 100 billion yuan; not built 2 million units
            return "level", 1
        ratio_after_growth = g is not None and any(
            h.group().lower() in c.ratio_words and h.start() >= g.end() for h in hits)
        ratio_named = any(h.group().lower() in c.ratio_words for h in hits)
        if word is None or (word in c.weak_copulas and g is None and not ratio_named):
            if prev.kind in ("growth", "ratio") and prev.unit == m.unit:
                return prev.kind, prev.sign  # exceeding the target of around 5 percent
            after = self._after_phrase(m)
            if word is None and after and self.cues.kind.search(after) and any(
                    h.group().lower() in c.growth_up | c.growth_down for h in self.cues.kind.finditer(after)):
                return "growth", 1  # around 5 percent is the target for GDP growth
            return "ratio", 1
        if word in c.growth_up or word in c.growth_down:
            return "growth", sign
        if word in c.ratio_words:
            return "ratio", 1
        if word in c.to_words:
            return "ratio", 1  # rose to 15.7 percent, raise forest coverage to about 25 percent: the rate reached
        if g is not None and not ratio_after_growth:
            return "growth", sign  # GDP growth of around 5 percent, the growth target is set at 6 percent
        return "ratio", 1

    # ----- metric -----
    def _clean(self, phrase: str) -> str:
        c = self.cues
        phrase = c.comparison.sub("", phrase)
        phrase = YEAR_EN.sub("", phrase)
        phrase = regex.sub(r"\s+", " ", phrase).strip(" ,;:-—(")
        while True:
            cleaned = c.trailing.sub("", c.leading.sub("", phrase)).strip(" ,;:-—(")
            if cleaned == phrase:
                return phrase
            phrase = cleaned

    def _lexicon_metric(self, phrase: str) -> tuple[str, Metric | None] | None:
        """The metric name in a phrase nearest its end; a name after 'share of' is not the metric."""
        hits = list(self.cues.metric_names.finditer(phrase))
        if not hits:
            return None
        hit = hits[-1]
        if self.cues.share_head.search(phrase[: hit.start()]):
            return None  # the share of X in GDP: not GDP
        return hit.group(), self.cues.metric_by_name[_name(hit.group())]

    def _counted_noun(self, m: Mention) -> str:
        """The noun phrase after a number: 12 million new urban jobs, 2 million mu of high-standard cropland."""
        rest = self.text[m.end : m.end + 100]
        rest = regex.sub(r"^\s+of\s+", " ", rest)
        stop = _AFTER_CLAUSE_END.search(rest)
        rest = rest[: stop.start()] if stop else rest
        words = []
        for w in _NOUN_WORDS.finditer(rest):
            if w.group().lower() in self.cues.counted_stop:
                break
            words.append(w.group())
        return " ".join(words).strip()

    def _ranked_thing(self, m: Mention) -> str:
        """What a ranking ranks when it is named after it: first in the country in the number of
        high-tech enterprises."""
        after = regex.match(r"\s+(?:in|for)\s+(?:terms\s+of\s+(?:the\s+)?|(?:the\s+)?(?=(?:number|amount|size|value|volume|total)\s+of\s))([^,;.!?]{3,80})",
                            self.text[m.end : m.end + 100], regex.I)
        if not after or regex.search(r"\d|\bconsecutive\b|\byears?\b", after.group(1)):
            return ""
        return self._clean(regex.sub(r"^(?:number|amount|size)\s+of\s+", "", after.group(1)))

    def _after_phrase(self, m: Mention) -> str:
        """The phrase after 'in' or 'of' right after a number: a drop of 2.5 percent in energy
        consumption per unit of GDP; a 4 percent increase in general public budget revenue."""
        rest = self.text[m.end : m.end + 120]
        if post := self.cues.post_growth.match(rest):
            rest = rest[post.end():]
        lead = regex.match(r"\s+(?:in|(?:is|are|was|as)\s+the\s+(?:\w+\s+)?(?:target|goal)\s+(?:for|of))\s+", rest, regex.I)
        if not lead:
            return ""
        rest = rest[lead.end():]
        stop = _AFTER_CLAUSE_END.search(rest)
        return self._clean(rest[: stop.start()] if stop else rest)

    def _window_phrase(self, before: str) -> str:
        """The object after the last transitive verb of the clause, else its subject."""
        c = self.cues
        objects = list(c.object_verb.finditer(before))
        if objects:
            obj = self._clean(before[objects[-1].end():])
            if obj:
                return obj
        first = c.subject_stop.search(before)
        return self._clean(before[: first.start()] if first else before)

    def _metric(self, m: Mention, kind: str, before: str, sent: Sentence,
                prev: SentenceState) -> tuple[str | None, Metric | None]:
        if kind == "ranking" and (ranked := self._ranked_thing(m)):
            return ranked, None
        counted = self._counted_noun(m) if m.unit_kind in ("count", "people", "money", "measure") else ""
        found = self._lexicon_metric(counted) if counted else None
        if m.unit_kind in ("count", "people") and counted:
            return (found[0], found[1]) if found else (counted, None)
        if (in_clause := self._lexicon_metric(before)) is not None:
            text, metric = in_clause
            if metric and self.cues.share_verb.search(before) and not any(
                    w in f"{metric.id} {metric.en}".lower() for w in self.cues.share_metric_words):
                return text, None  # high-tech manufacturing accounted for 15.7 percent of ...: a share, not the indicator
            return in_clause
        if found:
            return found
        after = self._after_phrase(m) if m.unit_kind in ("rate", "points") else ""
        if after and (in_after := self._lexicon_metric(after)) is not None:
            return in_after
        phrase = self._window_phrase(before)
        if phrase and phrase.lower() not in self.cues.counted_stop | self.cues.generic_nouns:
            return phrase, None
        if after:
            return after, None
        if counted:
            return counted, None
        if m.unit_kind == "people" and m.unit_spans:
            return self.norm.text[m.unit_spans[-1][0]:m.unit_spans[-1][1]], None
        if prev.metric:
            return prev.metric, self.lex.metric_by_id(prev.metric_id) if prev.metric_id else None
        earlier = self._lexicon_metric(self.text[sent.start : m.start - len(before)])
        return earlier if earlier else (None, None)

    # ----- status and period -----
    def _timing(self, m: Mention, sent: Sentence, before: str, prev: SentenceState) -> tuple[str, int | None]:
        c = self.cues
        sentence_before = self.text[sent.start : m.start]
        sentence = self.text[sent.start : sent.end]
        window = c.comparison.sub("", before)
        by_year = [int(y) for y in _BY_YEAR.findall(sentence_before)]
        future = [y for y in by_year if self.report_year is None or y >= self.report_year]
        report = self.report_year
        if sent.status == "target":
            since = c.comparison.sub("", before)
            last = list(c.last_year.finditer(since))
            this = list(c.this_year.finditer(since))
            about_last = (bool(last) and (not this or this[-1].start() < last[-1].start())) \
                or (prev.last_year and not this and not c.target.search(since))
            prev.last_year = about_last
            if about_last and report:
                return "actual", report - 1  # last year, retail sales grew by 7.2 percent
            return "target", future[-1] if future else sent.period or report
        if sent.status == "actual":
            if c.target.search(window):
                if c.review_target.search(window):
                    return "target", sent.period
                return "target", future[-1] if future else report
            lead = _LEAD_YEAR.match(sentence)
            if lead and (report is None or int(lead.group(1)) < report):
                return "actual", int(lead.group(1))
            return "actual", sent.period
        if c.target.search(c.comparison.sub("", sentence)):
            years = [int(y) for y in _BY_YEAR.findall(sentence)]
            return "target", years[-1] if years else report
        lead = _LEAD_YEAR.match(sentence) or _BY_YEAR.search(sentence)
        if lead:
            return "actual", int(lead.group(1))
        return "actual", report - 1 if report else None


def build_claims(norm: NormalisedText, lex: Lexicon, doc_id: str, report_year: int | None,
                         mentions: list[Mention], sentences: list[Sentence]) -> list[dict[str, Any]]:
    """The claims of an English document (see :class:`ClaimBuilder`)."""
    return ClaimBuilder(norm, lex, doc_id, report_year).build(mentions, sentences)
