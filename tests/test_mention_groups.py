"""zh.patterns.MentionGroups: the groups of a mention match read by position are the named groups."""

from __future__ import annotations

from reportparse.lang.zh.patterns import MentionGroups, quantity_patterns
from reportparse.lexicon import load_lexicon

TEXT = ("全年地区生产总值增长5.2%左右，超过1,234.5亿元；负百分之三；US$ 100；3至5个百分点；"
        "一个半小时；两吨半；12元3角4分；500余家；百分之十到千分之二十；零下5℃；约三千九百万人以上；3%—5%。")


def test_every_named_group_by_position():
    pattern = quantity_patterns(load_lexicon("zh")).mention
    assert pattern.groups == len(pattern.groupindex)  # every group named (a compiled class has no __slots__ to read)
    matches = list(pattern.finditer(TEXT))
    assert len(matches) > 10
    for m in matches:
        groups = MentionGroups(m)
        assert {name: getattr(groups, name) for name in pattern.groupindex} == m.groupdict()
