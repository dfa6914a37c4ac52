"""Pairing beyond the lexicon: by the words of the metric, one family of units, one kind, one to one."""

from __future__ import annotations

from reportparse.conversions import family
from reportparse.pairing import MIN_CONFIDENCE, confidence, match_by_words


def claim(metric, value, unit="count", kind="level", metric_id=None, section="x"):
    return {"metric": {"text": metric, "id": metric_id}, "value": value, "unit": unit, "kind": kind,
            "section": section}


def test_reworded_targets_pair_with_their_actuals():
    # from the issue: the wording changed between the target and the review
    assert confidence(claim("养老服务中心", 50), claim("区域养老服务中心", 50), "zh") >= MIN_CONFIDENCE
    assert confidence(claim("增加中小学学位", 2e4), claim("新增中小学学位", 2.4e4), "zh") >= MIN_CONFIDENCE


def test_what_cannot_be_one_thing_does_not_pair():
    assert confidence(claim("项目", 50), claim("项目", 19), "zh") < MIN_CONFIDENCE                 # too generic
    assert confidence(claim("养老服务中心", 50), claim("养老服务中心", 50, kind="growth"), "zh") == 0  # other kind
    assert confidence(claim("养老服务中心", 50), claim("养老服务中心", 50, unit="CNY"), "zh") == 0     # other unit
    assert confidence(claim("a", 1, metric_id="gdp"), claim("a", 1, metric_id="cpi"), "zh") == 0     # two indicators
    assert confidence(claim("城中村改造项目", 15000), claim("城中村改造项目", 211), "zh") < MIN_CONFIDENCE  # far apart


def test_units_of_one_family_pair():
    assert family("jin") == family("ton") == "kg" and family("mu") == family("hectare") == "m2"
    assert confidence(claim("粮食总产量", 7e10, unit="jin"), claim("粮食总产量", 3.6e10, unit="kg"), "zh") >= MIN_CONFIDENCE


def test_one_target_pairs_with_at_most_one_actual_best_first():
    targets = [("t1", claim("养老服务中心", 50))]
    actuals = [("a1", claim("区域养老服务中心", 50)), ("a2", claim("养老服务中心", 48))]
    pairs = match_by_words(targets, actuals, "zh")
    assert [(t, a) for t, a, _ in pairs] == [("t1", "a2")]           # the exact wording wins
    two = match_by_words(targets + [("t2", claim("区域养老服务中心", 60))], actuals, "zh")
    assert sorted((t, a) for t, a, _ in two) == [("t1", "a2"), ("t2", "a1")]
