"""The compiled patterns of the number recogniser: mentions, special words (一半, 翻番) and the
noise look-ups its filters use, built once per Lexicon from the pack's data. Every word list is
written as a tree of its shared beginnings (:func:`~reportparse.recognise.patterns.word_tree`),
which matches as the plain alternation does and costs the engine far fewer tries."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

import regex

from ...lexicon import Lexicon
from ...recognise.patterns import optional, word_tree
from ...scripts import HAN, HAN_RANGES
from .numerals import (
    BIG_UNITS,
    DECIMAL_DIGITS,
    DECIMAL_POINTS,
    DIGITS,
    FILLERS,
    MINUS_SIGNS,
    NUMERAL_CHARS,
    SCALES_BEFORE_DIGIT,
    SMALL_UNITS,
    VAGUE_LEADS,
)
from .views import UnitWords, grammar, noise, qualifiers, ranking_words, unit_words

# Digits with thousands separators and decimals: 1,234.5 as \d+(?:,\d{3})*(?:\.\d+)? reads it, in its
# order of tries, each optional part a branch its first character rules out at once
ARABIC = r"\d+" + optional(r",\d{3}(?:,\d{3})*") + optional(r"\.\d+")
CN = f"[{NUMERAL_CHARS}]"
NUMBER_STARTS = rf"{VAGUE_LEADS}\d{NUMERAL_CHARS}"  # the characters a match of number_pattern starts with (a class)
CN_DIGITS = "".join(DIGITS)
_PLACES = "".join(SMALL_UNITS) + "".join(BIG_UNITS)
_MINUS = word_tree(s for s in MINUS_SIGNS if s != "-")


def _chars(text: str) -> str:
    """A character class of the characters of ``text``."""
    return f"[{regex.escape(text)}]"


def number_pattern(numeral_units: str, measure_chars: str, digit_units: str = "", units: str = "") -> str:
    """A number: Arabic or Chinese numerals, mixed (1.2万亿, 5万4千), with 多/余/几 inside.

    A numeral character does not continue the number when it starts a unit (1亿千瓦),
    is a lone digit after 万/亿 that a measure word follows (9万亿三个), or is a digit that
    is also a unit (两) ending a number after an Arabic digit or a place (十百千万亿) and
    before no other unit (二十两, 36两; 一万两千, 一两年 and 三两 keep it a numeral).
    """
    guard = rf"(?!{numeral_units})" if numeral_units else ""
    if digit_units:  # each check looks at the characters ahead first, behind only when they fit
        guard += rf"(?![{digit_units}](?<=[\d{_PLACES}][{digit_units}])(?![\d{NUMERAL_CHARS}])(?!{units}))"
    cn = rf"(?:{guard}(?![{CN_DIGITS}][{measure_chars}](?<=[{SCALES_BEFORE_DIGIT}][{CN_DIGITS}][{measure_chars}])){CN})"
    vague = optional(rf"[{VAGUE_LEADS}](?=[{_PLACES}])")  # 几十, 数百
    decimals = optional(rf"[{DECIMAL_POINTS}][{DECIMAL_DIGITS}]+(?:{guard}[{''.join(BIG_UNITS)}])*")  # 三点五, 一点五亿
    # the repeat entered only where a filler or numeral stands (each entry costs the engine a repeat record)
    more = optional(rf"(?=[{FILLERS}\d{NUMERAL_CHARS}])(?:[{FILLERS}]?(?:{ARABIC}|{cn}))*")
    return rf"{vague}(?:{ARABIC}|{cn}){more}{decimals}"


@dataclass(frozen=True)
class QuantityPatterns:
    """The compiled recogniser of one language. The two patterns run over the whole text are compiled
    with the standard library's ``re``, three times faster there than the regex package: they keep
    to the dialect both share (no script properties, fixed-width lookbehinds). ``\\d`` is the one
    difference left: ``re`` knows the decimal digits of Unicode 14, not those added since (which
    Python's own int and Decimal cannot read either). The word lists the filters match at one
    position are ``re`` too (half the cost of a call); only the overlapped search of fixed terms
    needs the regex package."""

    mention: re.Pattern[str]
    special: re.Pattern[str]
    special_word: re.Pattern[str]  # the word every match of ``special`` holds: a text without one has none
    noise_phrases: re.Pattern[str] | None  # searched near each number; found overlapped with ``noise_phrases_all``
    noise_phrases_all: regex.Pattern[str] | None
    time_or_list: re.Pattern[str]
    abstract_noun: re.Pattern[str]
    name_follower: re.Pattern[str]


class MentionGroups:
    """The groups of one match of the mention pattern (:func:`_mention`), read in one call:
    ``Match.groups()`` costs a sixth of ``groupdict()``. In the pattern's order: prefix qualifier,
    minus before a unit word before the number, that unit word, minus, number; the range's unit
    of its first end, separator, unit word before its second number and that number; inner
    qualifier, unit, the half inside a unit (个半小时), the half and the smaller money units after
    the unit, suffix qualifier."""

    __slots__ = ("half", "halfin", "inner", "neg", "negpre", "num", "num2", "pre", "sep", "sub", "suf", "unit",
                 "unit1", "upre", "upre2")
    pre: str | None
    negpre: str | None
    upre: str | None
    neg: str | None
    num: str | None
    unit1: str | None
    sep: str | None
    upre2: str | None
    num2: str | None
    inner: str | None
    unit: str | None
    halfin: str | None
    half: str | None
    sub: str | None
    suf: str | None

    def __init__(self, m: re.Match[str]) -> None:
        (self.pre, self.negpre, self.upre, self.neg, self.num, self.unit1, self.sep, self.upre2, self.num2,
         self.inner, self.unit, self.halfin, self.half, self.sub, self.suf) = m.groups()


def _mention(lex: Lexicon) -> str:
    """The pattern of an ordinary number expression: prefix qualifier, unit word before it,
    sign, number, range, inner qualifier, unit and suffix qualifier."""
    q, g, prefixed = qualifiers(lex), grammar(lex), unit_words(lex).prefixed
    words = unit_words(lex)
    units = _units(lex, words)
    numeral_units = word_tree([u for u in lex.units if u[0] in NUMERAL_CHARS and u not in DIGITS])
    measure_chars = regex.escape("".join(sorted({u for u in lex.units if len(u) == 1})))
    digit_units = "".join(u for u in lex.units if u in DIGITS)
    other_units = word_tree(u for u in lex.units if u not in DIGITS)
    number = number_pattern(numeral_units, measure_chars, digit_units, other_units)
    # A lone Chinese digit that neither a numeral, a unit nor a qualifier follows is a word
    # (一些, 统一, 四川): skip it here, before any Python runs for it.
    follow = regex.escape("".join(sorted({u[0] for u in lex.units} | set(NUMERAL_CHARS) | set(FILLERS)
                                         | set(DECIMAL_POINTS + g.range_separators))))
    lone = rf"(?![{CN_DIGITS}](?![\d{follow}]))"
    # A match starts with a prefix qualifier or with one of these (大 of 大约 starts no number: where no
    # prefix qualifier stands, the engine leaves the position at once)
    starts = set(NUMERAL_CHARS + VAGUE_LEADS) | set("0123456789") | set("".join(MINUS_SIGNS)) \
        | {w[0] for w in prefixed} | {w[0] for w in g.minus_words}
    return (
        rf"(?=[{regex.escape(''.join(sorted(starts | {w[0] for w in q.prefix})))}])"  # one test at most positions
        rf"(?=[{regex.escape(''.join(sorted(starts)))}]|{word_tree(list(q.prefix))})"
        + _before_number(lex)
        + rf"(?(pre)|(?(upre)|{lone}))(?P<num>{number})"
        + _range(lex, units, number)
        + optional(rf"(?P<inner>[{''.join(q.inner)}])")
        + optional(optional(rf" (?={_spaced_units(lex)})") + rf"(?P<unit>{_halved(words)}|{units})")  # 12 %, 一个半小时
        + rf"(?(unit){_after_unit(words, number)}|)"
        + optional(rf"(?P<suf>{word_tree(list(q.suffix))})")
    )


def _before_number(lex: Lexicon) -> str:
    """The words before the number: prefix qualifier (超过), minus before a unit word (负百分之三),
    unit word (US$ 100, 百分之) and minus, tried only where one of them may start."""
    q, g, prefixed = qualifiers(lex), grammar(lex), unit_words(lex).prefixed
    upres = word_tree(list(prefixed))
    signed = rf"(?={_MINUS})(?:(?<![{HAN_RANGES}])|(?<={_chars(g.minus_after)}))(?:{_MINUS})"  # 负 after no word
    leads = {w[0] for w in list(q.prefix) + list(prefixed) + list(MINUS_SIGNS) + list(g.minus_words)} | {" "}
    return optional(rf"(?=[{regex.escape(''.join(sorted(leads)))}])"
                    + optional(rf"(?P<pre>{word_tree(list(q.prefix))})")
                    + optional(rf"(?P<negpre>{signed}(?={upres}))")
                    + optional(rf"(?P<upre>{upres})") + optional(rf"(?<={_chars(_symbols(prefixed))}) ")
                    + optional(rf"(?P<neg>(?(upre)(?:{_MINUS})|(?!))|(?<![\d%A-Za-z])-|{signed}"
                               rf"|{word_tree(g.minus_words)})"))


def _range(lex: Lexicon, units: str, number: str) -> str:
    """The second end of a range (3至5个, 5%—6%, 百分之十到千分之二十), tried only where a
    separator stands within a unit's length."""
    upres = word_tree(list(unit_words(lex).prefixed))
    seps = regex.escape(grammar(lex).range_separators)
    return optional(rf"(?=[^{seps}]{{0,{max(map(len, lex.units))}}}?[{seps}])"
                    + optional(rf"(?P<unit1>{units})") + rf"(?P<sep>[{seps}])"
                    rf"(?(upre){optional(rf'(?P<upre2>{upres})')}|)(?P<num2>{number})")


def _symbols(prefixed: Mapping[str, str]) -> str:
    """The last characters of the unit words before a number that are no Han words ($ of US$):
    a space may follow them (US$ 100)."""
    return "".join(sorted({w[-1] for w in prefixed if not HAN.search(w)}))


def _units(lex: Lexicon, words: UnitWords) -> str:
    """The unit words after a number: every unit of the pack, a guarded one (里, 瓦, 卡) only
    before one of its words, a character of no Han script or the end (五里路 but not 三里屯),
    毛 and 角 only before a digit (八毛五 but not 长三角)."""
    guarded = words.guarded
    plain = word_tree([u for u in lex.units if u not in guarded["surfaces"] and u not in guarded["before_digit"]])
    then = rf"(?={word_tree(guarded['then'])}|[^{HAN_RANGES}]|$)"
    digit = rf"(?:{word_tree(guarded['before_digit'])})(?=[{CN_DIGITS}])"  # 八毛五
    guard = rf"(?:{word_tree(guarded['surfaces'])}){then}"
    return rf"(?!{word_tree(words.not_units['words'])})(?:{plain}|{guard}|{digit})"


def _halved(words: UnitWords) -> str:
    """The units written with the half inside them, the half as its own group: 个半小时 of 一个半小时."""
    half = words.half["word"]
    before = word_tree(w[: w.index(half)] for w in words.half["inside"])
    after = word_tree(w[w.index(half) + len(half) :] for w in words.half["inside"])
    return rf"(?:{before})(?P<halfin>{regex.escape(half)})(?:{after})"


def _spaced_units(lex: Lexicon) -> str:
    """The units that may stand one space after the number (12 %, 100 km): no Han character,
    not a lone Latin letter."""
    return word_tree([u for u in lex.units if not HAN.search(u) and not (len(u) == 1 and u.isalpha())])


def _after_unit(words: UnitWords, number: str) -> str:
    """What may follow a unit: 半 (两吨半) or smaller money units (12元3角4分, 三美元又五美分)."""
    half = words.half
    sub = words.subunits
    small = word_tree({w for table in sub["units"].values() for w in table})
    piece = rf"(?:{number})(?:{small})(?!{word_tree(sub['not_before'])})"
    money = "(?:" + "|".join(f"(?<={regex.escape(w)})" for w in sorted(sub["units"])) + ")"  # after a money unit
    tenths = "".join(sub["bare"])  # one character each: a fixed-width lookbehind
    bare = rf"(?<=[{regex.escape(tenths)}])[{CN_DIGITS}](?={word_tree(sub['bare_then'])}|[^\d{HAN_RANGES}]|$)"
    sub_starts = regex.escape("".join(w[0] for w in sub["joiners"]) + CN_DIGITS)  # a joiner, a number or a bare digit
    return (optional(rf"(?P<half>{regex.escape(half['word'])}(?!{word_tree(half['not_before'])}))")
            + optional(rf"(?=[{sub_starts}{NUMBER_STARTS}])"
                       rf"(?P<sub>{money}{optional(word_tree(sub['joiners']))}{piece}{optional(piece)}|{bare})"))


def _special(lex: Lexicon) -> str:
    """The pattern of a fraction or doubling word with its qualifiers: 超过全球一半, 翻了一番多."""
    q, words = qualifiers(lex), unit_words(lex)
    specials = list(words.fractions) + list(words.doubling)
    special_starts = regex.escape("".join(sorted({w[0] for w in specials} | {w[0] for w in q.prefix})))
    scopes = word_tree(ranking_words(lex).scope_heads)
    return (rf"(?=[{special_starts}])(?:(?P<pre>{word_tree(list(q.prefix))})(?:{scopes})?)?"
            rf"(?P<word>{word_tree(specials)})(?P<suf>{word_tree(list(q.suffix))})?")


@cache
def quantity_patterns(lex: Lexicon) -> QuantityPatterns:
    """The compiled recogniser patterns of a language (cached)."""
    n = noise(lex)
    return QuantityPatterns(
        re.compile(_mention(lex)), re.compile(_special(lex)),
        re.compile(word_tree(list(unit_words(lex).fractions) + list(unit_words(lex).doubling))),
        re.compile(word_tree(n.phrases)) if n.phrases else None,
        regex.compile(word_tree(n.phrases)) if n.phrases else None,
        re.compile(word_tree(n.time_followers + n.list_markers)),
        re.compile(word_tree(n.abstract_nouns)),
        re.compile(word_tree(n.name_followers)),
    )
