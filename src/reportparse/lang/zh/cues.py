"""Cue words of ``data/<lang>/cues.json`` compiled once per language for the claim builder."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from ...lexicon import Lexicon
from ...recognise.patterns import alternation
from .years import YEAR


@dataclass(frozen=True)
class Cues:
    """Compiled cue patterns and word sets of one language."""

    kind_cue: regex.Pattern[str]
    clause_end: regex.Pattern[str]
    span_phrase: regex.Pattern[str]
    plan_span: regex.Pattern[str]
    new_item: regex.Pattern[str]
    ratio_word: regex.Pattern[str]
    level_change_end: regex.Pattern[str]
    down_start: regex.Pattern[str]
    trailing: regex.Pattern[str]
    leading: regex.Pattern[str]
    comparison: regex.Pattern[str]
    comparison_base: regex.Pattern[str]
    years: regex.Pattern[str]
    trailing_year: regex.Pattern[str]
    share_start: regex.Pattern[str]
    from_end: regex.Pattern[str]
    to_start: regex.Pattern[str]
    to_verb: regex.Pattern[str]
    clause_target: regex.Pattern[str]
    future: regex.Pattern[str]
    this_year: regex.Pattern[str]
    done: regex.Pattern[str]
    object_verb_end: regex.Pattern[str]
    metric_prefix: regex.Pattern[str]
    last_year: regex.Pattern[str]
    growth_up: frozenset[str]
    growth_down: frozenset[str]
    to_verbs: frozenset[str]
    copulas: frozenset[str]
    stops: frozenset[str]
    tail_noise: str


_CN_NUMERALS = "一二三四五六七八九十"


def _prefix_words(lex: Lexicon) -> str:
    """Words that may stand before a standard metric's name without narrowing it: scope and
    time words (全市, 今年), verbs (完成, 拟安排), new-item words and region names (北京地区)."""
    c = lex.raw["cues"]
    regions = lex.raw["regions"]
    words = (c["metric_prefixes"] + c["metric_leading_strip"] + c["new_item_words"] + c["object_verbs"]
             + c["clause_target_cues"] + regions["national"])
    for name, forms in regions["provinces"].items():
        words += [name, *forms]
    return alternation(words)


@cache
def compile_cues(lex: Lexicon) -> Cues:
    """The cue patterns of a language (cached)."""
    c = lex.raw["cues"]
    last_year = alternation(c["last_year_words"])
    markers = alternation(c["comparison_markers"])
    return Cues(
        kind_cue=regex.compile(alternation(c["growth_up"] + c["growth_down"] + c["ratio_verbs"])),
        clause_end=regex.compile(rf"(?r)[{regex.escape(lex.segment.clause_ends)}]"),
        plan_span=regex.compile(
            rf"(?<![{_CN_NUMERALS}])(?:{alternation(list(c['plan_spans']))})(?![{_CN_NUMERALS}])"
        ),
        span_phrase=regex.compile(
            rf"({alternation(list(c['plan_spans']))})”?(?:{alternation(c['plan_span_phrases'])})"
        ),
        new_item=regex.compile(alternation(c["new_item_words"])),
        ratio_word=regex.compile(alternation(c["ratio_words"])),
        level_change_end=regex.compile(rf"(?r)(?:{alternation(c['level_change_verbs'])})$"),
        down_start=regex.compile(rf"^(?:{alternation(c['clause_start_down_verbs'])})"),
        trailing=regex.compile(rf"(?r)(?:{alternation(c['metric_trailing_strip'])})$"),
        leading=regex.compile(rf"^(?:{alternation(c['metric_leading_strip'])})"),
        comparison=regex.compile(alternation(c["comparison_phrases"] + lex.raw["qualifiers"]["comparative_prefixes"])),
        comparison_base=regex.compile(
            rf"(?:{markers})(?:{alternation(c['comparison_bases'])}|{YEAR}年)(?:的|同期|底|末)?"
        ),
        years=regex.compile(rf"(?:到|至)?{YEAR}年(?:的|底|末|度)?"),
        trailing_year=regex.compile(rf"(?r)(?:到|至)?{YEAR}年(?:的|底|末|度)?$"),
        share_start=regex.compile(rf"^(?:{alternation(c['share_words'])})"),
        from_end=regex.compile(
            rf"(?:{alternation(c['from_words'])})(?:{YEAR}年)?(?:的|底|末)?(?:每[人年户月]{{1,4}})?$"
        ),
        to_start=regex.compile(rf"^[^，,；;。]{{0,4}}?(?:{alternation(c['to_verbs'])})"),
        to_verb=regex.compile(alternation([v for v in c["to_verbs"] if len(v) > 1])),
        clause_target=regex.compile(alternation(c["clause_target_cues"])),
        this_year=regex.compile(alternation(c["this_year_words"])),
        future=regex.compile(
            rf"(?:{alternation(c['this_year_words'])})[^，,；;。]*?(?:{alternation(c['future_markers'])})"
        ),
        done=regex.compile(alternation(c["done_cues"])),
        object_verb_end=regex.compile(rf"(?r)(?:{alternation(c['object_verbs'])})$"),
        metric_prefix=regex.compile(rf"^(?:{_prefix_words(lex)}|{YEAR}年)*$"),
        last_year=regex.compile(rf"(?<!{markers})(?:{last_year})"),
        growth_up=frozenset(c["growth_up"]),
        growth_down=frozenset(c["growth_down"]),
        to_verbs=frozenset(c["to_verbs"]),
        copulas=frozenset(c["copula_verbs"]),
        tail_noise="".join(sorted({w for w in lex.raw["qualifiers"]["prefix"] if len(w) == 1} | set(c["tail_particles"]))) + " ",
        stops=frozenset(c["counted_noun_stops"] + c["to_verbs"] + c["ratio_verbs"]),
    )
