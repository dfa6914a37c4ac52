"""Stage 3b: the ranking recogniser (全市第一, 市内六区第二, 居全国首位, 前三位, 榜首).

A ranking is an ordinal that stands right after a scope (全国, 全省54个市辖区) or a
ranking verb (居, 位居, 位列, 从 ... 提升至). Ordinals of meetings, batches and
generations (第十七届, 第二批, 第四代) are not rankings.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from decimal import Decimal
from functools import cache

import regex

from ...explain import active, note
from ...lexicon import Lexicon
from ...mention import Mention
from ...model import Qualifier
from ...recognise.patterns import alternation, word_tree
from .numerals import NUMERAL_CHARS, parse_numeral
from .views import grammar, ranking_words

_ORD_NUM = rf"(?:\d+|[{NUMERAL_CHARS}]+)"


@cache
def _pattern(lex: Lexicon) -> regex.Pattern[str]:
    r, g = ranking_words(lex), grammar(lex)
    suffix = alternation(r.ordinal_suffixes)
    first = regex.escape(g.ordinal_prefix)
    ordinal = (
        rf"(?P<ord>{first}(?P<n>{_ORD_NUM})(?:{suffix})?"
        rf"|{regex.escape(r.top_prefix)}(?P<top>{_ORD_NUM})(?:{suffix})?"
        rf"|(?P<word>{alternation(list(r.words) + list(r.vague_words))}))"
    )
    ends = regex.escape(g.scope_end_marks)
    scope = rf"(?P<scope>(?:{alternation(r.scope_heads)})[^\s{ends}]{{0,{r.max_scope_chars}}}?)"
    verb = rf"(?P<verb>{alternation(r.verbs)})"
    listed = rf"(?<={first}{_ORD_NUM}(?:{suffix})?[{regex.escape(g.ordinal_list_joiners)}])"  # 第1、第2位
    # a ranking starts with a scope head or an ordinal: skip every other position at once
    starts = {w[0] for w in r.scope_heads} | {w[0] for w in list(r.words) + list(r.vague_words)} \
        | {g.ordinal_prefix[0], r.top_prefix[0]}
    lead = rf"(?=[{regex.escape(''.join(sorted(starts)))}])"
    return regex.compile(rf"{lead}(?:{scope}|(?<={verb})|{listed})(?:{ordinal})")


@cache
def _stretch_patterns(lex: Lexicon) -> tuple[re.Pattern[str], regex.Pattern[str], regex.Pattern[str],
                                             regex.Pattern[str]]:
    """Where a cue may start (the standard library's ``re``, which skips to those characters fast),
    what every ranking holds (an ordinal's first word with its number, or a ranking word) and what
    none crosses (a space or a scope end mark), forwards and backwards."""
    r, g = ranking_words(lex), grammar(lex)
    ordinal = rf"(?:{alternation([g.ordinal_prefix, r.top_prefix])})(?={_ORD_NUM})"  # 第 or 前 before its number
    cue = rf"{ordinal}|{alternation([*r.words, *r.vague_words])}"
    stop = rf"[\s{regex.escape(g.scope_end_marks)}]"
    may_start = re.compile(word_tree([g.ordinal_prefix, r.top_prefix, *r.words, *r.vague_words]))
    return may_start, regex.compile(cue), regex.compile(stop), regex.compile(rf"(?r){stop}")


@cache
def _not_ranking_after(lex: Lexicon) -> re.Pattern[str]:
    """The words after which an ordinal is none of a ranking (届, 批, 代), one pattern: one test at
    the ordinal's end instead of a test for each word (the data's words are never empty)."""
    words = ranking_words(lex).not_ranking_after
    return re.compile(word_tree(words) if words else "(?!)")


def _stretches(text: str, lex: Lexicon) -> Iterator[tuple[int, int]]:
    """The stretches between spaces and scope end marks that hold an ordinal or a ranking word:
    the only places a ranking can stand (its scope, verb and ordinal hold no such mark)."""
    may_start, cue, stop, stop_back = _stretch_patterns(lex)
    done = 0
    for hit in may_start.finditer(text):
        if hit.start() < done or (m := cue.match(text, hit.start())) is None:
            continue  # inside the stretch just given, or no cue
        before = stop_back.search(text, done, m.start())
        start = before.end() if before else done
        after = stop.search(text, m.end())
        done = after.start() if after else len(text)
        yield start, done


@cache
def _size_pattern(lex: Lexicon) -> regex.Pattern[str]:
    """A number before a size word of a scope (六 of 市内六区, 百 of 全球百强)."""
    return regex.compile(rf"(\d+|[{NUMERAL_CHARS}]+)(?={alternation(ranking_words(lex).scope_size_words)})")


def _scope_size(scope: str, lex: Lexicon) -> int | None:
    """The size of a ranking's field when the scope holds it (市内六区 -> 6, 全球百强 -> 100)."""
    m = _size_pattern(lex).search(scope)
    if not m:
        return None
    try:
        return int(parse_numeral(m.group(1)))
    except ValueError:
        return None


def _after_last_verb(scope: str, verbs: Sequence[str], heads: Sequence[str]) -> int:
    """Where the real scope starts when a ranking verb sits inside the matched one: after the
    last verb, at the first scope head (0 when there is no verb)."""
    ends = [scope.rfind(v) + len(v) for v in verbs if scope.rfind(v) > 0]
    if not ends:
        return 0
    cut = max(ends)
    starts = [i for i in (scope.find(h, cut) for h in heads) if i >= 0]
    return min(starts) if starts else 0


def _position(m: regex.Match[str], words: Mapping[str, int], vague: tuple[str, ...]) -> Decimal | str | None:
    """The position a ranking names (None for a vague one: 前列), or why it is no ranking."""
    if m.group("word") in vague:
        return None
    if m.group("word"):
        return Decimal(words[m.group("word")])
    try:
        value = parse_numeral(m.group("n") or m.group("top"))
    except ValueError as exc:
        return str(exc)
    if value <= 0 or value != value.to_integral_value():
        return "not a whole positive position"
    return value


def recognise_rankings(text: str, lex: Lexicon) -> list[Mention]:
    """Every ranking of a normalised text, in text order."""
    r = ranking_words(lex)
    stops = _not_ranking_after(lex)
    found: list[Mention] = []
    matches = (m for start, stop in _stretches(text, lex) for m in _pattern(lex).finditer(text, start, stop))
    for m in matches:
        end = m.end()
        if stops.match(text, end):
            note(m.start(), end, "recognise", "zh.filter.not_ranking_after", "dropped",
                 "an ordinal of a meeting, batch or generation")
            continue
        value = _position(m, r.words, r.vague_words)
        if isinstance(value, str):
            note(m.start(), end, "recognise", "zh.filter.not_a_position", "dropped", value)
            continue
        qualifier: Qualifier = "at_most" if m.group("top") else "exact"
        scope = m.group("scope")
        start = m.start()
        if scope and (cut := _after_last_verb(scope, r.verbs, r.scope_heads)):
            scope, start = scope[cut:], start + cut  # 全区综合考评位居全市第一 -> 全市第一
        if active():
            note(start, end, "recognise", "zh.ranking", "found", f"position {value} in {scope or 'a ranking verb'}")
        found.append(Mention(start, end, m.start("ord"), value, None, None, "rank", "rank",
                             (m.span("ord"),), qualifier, "zh.ranking",
                             rank_of=_scope_size(scope, lex) if scope else None, rank_scope=scope))
    return found
