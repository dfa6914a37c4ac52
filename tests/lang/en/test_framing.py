"""Report year, region and level of English text without a title block (wire copy, news
highlights, statistical bulletins), and the status of its figures.

The claim expectations of the same texts are in tests/examples/en/framing.json; here the
document metadata each text's framing gives: a dateline's year, a headline or first sentence
naming the year of the targets ('sets 2023 GDP growth target'), the report it names ('China's
2021 government work report'), or the year it reviews ('progress in 2022': report year 2023),
and 'China', 'Premier' or 'the national legislature' for a national text.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import reportparse

FRAMING = Path(__file__).resolve().parents[2] / "examples" / "en" / "framing.json"
NATIONAL = ("全国", "national")


def _framed(headline: str) -> str:
    """The input of framing.json that opens with ``headline``."""
    inputs = [ex["input"] for ex in json.loads(FRAMING.read_text("utf-8"))["examples"]]
    return next(text for text in inputs if text.startswith(headline))


@pytest.mark.parametrize(("headline", "year"), [
    ("China sets 2023 GDP growth target", 2023),          # a year framed by a target
    ("Highlights of China's 2021 government work report", 2021),  # the report it names
    ("Highlights of government work report", 2024),       # no year up top: '2023 REVIEW' heading
    ("China sets 2019 GDP growth target", 2019),
    ("China's economic and social progress in 2022", 2023),  # a bulletin on 2022
    ("Statistical Communique of the People's Republic of China on the 2019", 2020),  # on 2019
    ("Statistical Communique of the People's Republic of China on the 2021", 2022),
    ("China's GDP expands 5.2 pct in 2023", 2024),        # annual data of 2023
    ("BEIJING, Jan. 17 (Xinhua) -- China's economy grew 6.1 percent in 2019", 2020),  # past tense before 'target'
    ("China to keep 2020 deficit-to-GDP ratio", 2020),    # a headline's future
    ("China's 2023 economic data at a glance", 2024),     # key figures of 2023
])
def test_framing_gives_the_report_year_and_a_national_level(headline: str, year: int) -> None:
    doc = reportparse.parse_text(_framed(headline), lang="en").document
    assert (doc["report_year"], doc["region"], doc["level"]) == (year, *NATIONAL)
    assert doc["metadata_warnings"] == []


def test_a_dateline_with_a_year_gives_the_report_year() -> None:
    text = ("BEIJING, March 5, 2024 (Xinhua) -- China aims to create over 12 million urban jobs this year, "
            "according to the government work report.\n")
    doc = reportparse.parse_text(text, lang="en")
    assert (doc.document["report_year"], doc.document["level"]) == (2024, "national")
    assert [(c["value"], c["status"], c["period"]) for c in doc.claims] == [(12e6, "target", 2024)]


def test_a_year_the_text_cannot_tell_is_a_metadata_warning() -> None:
    """No dateline year, no year up top: the year is unknown and said so; the region still reads."""
    text = ("BEIJING, March 5 (Xinhua) -- China aims to keep its economic growth at around 5 percent this year, "
            "according to the government work report.\n"
            "The country will create over 12 million urban jobs.\n")
    doc = reportparse.parse_text(text, lang="en")
    assert doc.document["report_year"] is None
    assert any(w.startswith("report_year") for w in doc.document["metadata_warnings"])
    assert (doc.document["region"], doc.document["level"]) == NATIONAL
    assert [(c["status"], c["period"]) for c in doc.claims] == [("target", None), ("target", None)]


@pytest.mark.parametrize("text", [
    "HANGZHOU, Jan. 14 (Xinhua) -- East China's Zhejiang Province has set its 2024 GDP growth target at around "
    "5.5 percent, according to the provincial government work report.\n",
    "SHANGHAI, Jan. 23 (Xinhua) -- Shanghai aims for GDP growth of around 5 percent in 2024.\n",
])
def test_a_provincial_story_is_not_national(text: str) -> None:
    doc = reportparse.parse_text(text, lang="en").document
    assert doc["level"] != "national" and doc["report_year"] == 2024


def test_past_tense_under_a_target_headline_is_last_years_actual() -> None:
    """A target headline makes its story a plan; a past-tense sentence without a target cue
    in it reviews the year before (and one with 'this year' or a target cue stays a target)."""
    text = ("China sets 2024 GDP growth target at around 5 pct\n"
            "BEIJING, March 5 (Xinhua) -- China aims for GDP growth of around 5 percent this year.\n"
            "The economy grew 5.2 percent, and 12.44 million urban jobs were created.\n"
            "Grain output is expected to stay above 650 million tonnes.\n")
    got = [(c["text"], c["status"], c["period"]) for c in reportparse.parse_text(text, lang="en").claims]
    assert got == [("around 5 pct", "target", 2024), ("around 5 percent", "target", 2024),
                   ("5.2 percent", "actual", 2023), ("12.44 million", "actual", 2023),
                   ("above 650 million tonnes", "target", 2024)]
