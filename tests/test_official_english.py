"""The official English of the 2025 and 2026 national reports (../shared/english/).

* The headline figures of each English report (GDP, jobs, unemployment, CPI, grain, energy or
  carbon intensity, deficit ratio, special bonds) come out with the right value, unit, kind,
  status and period. Expectations are read off the official English and its Chinese original
  (GDP grew by 5 percent, reaching 140.19 trillion yuan: 国内生产总值增长5%, 总量达到140.19万亿元),
  not copied from output. The English texts hold most of each report; the main-targets list
  itself is not among their paragraphs, so the targets are those the texts state elsewhere.
* Pairs of sentences of the sentence-aligned tables whose numbers must align: each Chinese
  claim of the pair finds an English claim of the same metric, kind, status and value. (The
  tables are aligned by length cost and slip in places: rows 149-153 of the 2026 table pair a
  Chinese sentence with the English of the next one; the rows here were checked by hand.)
* ``reportparse align`` on a whole report pair: the summary counts, and a floor on the share of
  Chinese claims with a matching English claim (measured 57.8% for 2025, 64% for 2026; the
  English texts leave out some paragraphs, whose Chinese claims are zh only).
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

import reportparse
from reportparse.align import align_claims, align_files, render_markdown
from reportparse.cli import main

SHARED = Path(__file__).resolve().parents[2] / "shared"
ENGLISH = SHARED / "english"
ZH_2025 = SHARED / "corpus" / "national_2025_zh.txt"

T, A = "target", "actual"
# (English text of the number, value, unit, kind, status, period, metric id)
HEADLINES = {
    2025: [
        ("around 5 percent", 5, "percent", "growth", T, 2025, "gdp"),  # In setting the growth rate at around 5 percent
        ("around 5.5 percent", 5.5, "percent", "ratio", T, 2025, "surveyed_unemployment_rate"),
        ("around 2 percent", 2, "percent", "growth", T, 2025, "cpi"),
        ("around 4 percent", 4, "percent", "ratio", T, 2025, "deficit_ratio"),
        ("4.4 trillion yuan", 4.4e12, "CNY", "level", T, 2025, "local_special_bonds"),
        ("more than 3 percent", -3, "percent", "growth", A, 2024, "energy_intensity"),
        ("5.66 trillion yuan", 5.66e12, "CNY", "level", T, 2025, "deficit_amount"),
        ("1.3 trillion yuan", 1.3e12, "CNY", "level", T, 2025, "ultra_long_bonds"),
        ("67 percent", 67, "percent", "ratio", A, 2024, "urbanization_rate"),
    ],
    2026: [
        ("5 percent", 5, "percent", "growth", A, 2025, "gdp"),
        ("140.19 trillion yuan", 140.19e12, "CNY", "level", A, 2025, "gdp"),
        ("12.67 million", 12.67e6, "person", "level", A, 2025, "urban_new_jobs"),
        ("5.2 percent", 5.2, "percent", "ratio", A, 2025, "surveyed_unemployment_rate"),
        ("715 million metric tons", 715e6, "ton", "level", A, 2025, "grain_output"),
        ("around 5.5 percent", 5.5, "percent", "ratio", T, 2026, "surveyed_unemployment_rate"),
        ("approximately 2 percent", 2, "percent", "growth", T, 2026, "cpi"),
        ("around 3.8 percent", -3.8, "percent", "growth", T, 2026, "co2_intensity"),
        ("around 4 percent", 4, "percent", "ratio", T, 2026, "deficit_ratio"),
        ("4.4 trillion yuan", 4.4e12, "CNY", "level", T, 2026, "local_special_bonds"),
        ("5.89 trillion yuan", 5.89e12, "CNY", "level", T, 2026, "deficit_amount"),
        ("1.3 trillion yuan", 1.3e12, "CNY", "level", T, 2026, "ultra_long_bonds"),
        ("2.8 percent", 2.8, "percent", "ratio", A, 2025, "rd_intensity"),
        ("67.9 percent", 67.9, "percent", "ratio", A, 2025, "urbanization_rate"),
    ],
}


def _english(year: int) -> Path:
    path = ENGLISH / f"national_{year}_en.txt"
    if not path.exists():
        pytest.skip(f"official English not found: {path}")
    return path


@pytest.mark.parametrize("year", sorted(HEADLINES))
def test_headline_figures_of_the_official_english(year: int) -> None:
    doc = reportparse.parse_file(_english(year), "en").to_dict()
    assert (doc["document"]["report_year"], doc["document"]["level"]) == (year, "national")
    claims = doc["claims"]
    for text, value, unit, kind, status, period, metric_id in HEADLINES[year]:
        found = [(c["value"], c["unit"], c["kind"], c["status"], c["period"], (c.get("metric") or {}).get("id"))
                 for c in claims if c["text"] == text]
        assert (pytest.approx(value), unit, kind, status, period, metric_id) in found, (text, found)


def _aligned_rows(year: int) -> list[dict[str, str]]:
    path = ENGLISH / f"national_{year}_zh_en_aligned.csv"
    if not path.exists():
        pytest.skip(f"aligned table not found: {path}")
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


# (year, a number the English sentence holds, the heading that gives the sentence its context)
ALIGNED = [
    (2026, "140.19 trillion yuan", ("一、2025年工作回顾", "I. A Review of Our Work in 2025")),
    (2026, "715 million metric tons", ("一、2025年工作回顾", "I. A Review of Our Work in 2025")),
    (2025, "11.2 percent", ("一、2024年工作回顾", "I. A Review of Our Work in 2024")),
    (2025, "surveyed urban unemployment rate at around 5.5 percent",
     ("二、2025年经济社会发展总体要求和政策取向", "II. Overall Requirements and Policy Orientations for 2025")),
    (2025, "deficit-to-GDP ratio for this year at around 4 percent",
     ("三、2025年政府工作任务", "III. Government Work Tasks for 2025")),
    (2025, "new government debt will total 11.86 trillion yuan",
     ("三、2025年政府工作任务", "III. Government Work Tasks for 2025")),
    (2026, "250 billion yuan in ultra-long", ("四、2026年政府工作任务", "IV. Major Tasks for 2026")),
    (2025, "4.4 trillion yuan",
     ("三、2025年政府工作任务", "III. Government Work Tasks for 2025")),
    (2025, "8.9 percent and 7.7 percent", ("一、2024年工作回顾", "I. A Review of Our Work in 2024")),
    (2025, "climbed to 67 percent", ("一、2024年工作回顾", "I. A Review of Our Work in 2024")),
    (2025, "close to 40 percent", ("一、2024年工作回顾", "I. A Review of Our Work in 2024")),
    (2025, "setting the growth rate at around 5 percent", ("二、2025年经济社会发展总体要求和政策取向",
      "II. Overall Requirements and Policy Orientations for Economic and Social Development in 2025")),
    (2026, "R&D spending reached 2.8 percent of GDP", ("一、2025年工作回顾", "I. A Review of Our Work in 2025")),
    (2026, "exceeded 10.5 percent", ("一、2025年工作回顾", "I. A Review of Our Work in 2025")),
    (2026, "19.1-percent", ("一、2025年工作回顾", "I. A Review of Our Work in 2025")),
    (2026, "8.7-percent", ("一、2025年工作回顾", "I. A Review of Our Work in 2025")),
    (2026, "approximately 2 percent", ("三、2026年经济社会发展总体要求和政策取向",
      "III. Overall Requirements and Policy Orientations for Economic and Social Development in 2026")),
    (2026, "around 3.8 percent", ("三、2026年经济社会发展总体要求和政策取向",
      "III. Overall Requirements and Policy Orientations for Economic and Social Development in 2026")),
]


@pytest.mark.parametrize(("year", "needle", "headings"), ALIGNED, ids=[a[1][:30] for a in ALIGNED])
def test_aligned_sentences_pair_every_chinese_number(year: int, needle: str, headings: tuple[str, str]) -> None:
    """A sentence pair of the official aligned table, under its heading on each side: every
    Chinese claim pairs with an English claim as a match."""
    row = next((r for r in _aligned_rows(year) if needle in r["英文"]), None)
    assert row is not None, needle
    zh = reportparse.parse_text(f"{year}年政府工作报告\n{headings[0]}\n{row['中文']}\n", lang="zh").claims
    en = reportparse.parse_text(f"{headings[1]}\n{row['英文']}\n", lang="en").claims
    result = align_claims(zh, en)
    assert zh and not result.zh_only and all(p["match"] for p in result.pairs), render_markdown(result)


def _table_alignment(year: int) -> tuple[int, int, int]:
    """Every sentence pair of a year's aligned table whose Chinese holds a claim, each side parsed
    under the heading its row stands under: (Chinese claims, matched, value mismatches)."""
    zh_heading = en_heading = ""
    zh_claims = matched = mismatched = 0
    for row in _aligned_rows(year):
        zh, en = row["中文"].strip(), row["英文"].strip()
        if zh[:1] in "一二三四五六七八九十" and "、" in zh[:4]:
            zh_heading, en_heading = zh, en
            continue
        zc = reportparse.parse_text(f"{year}年政府工作报告\n{zh_heading}\n{zh}\n", lang="zh").claims
        if zc:
            s = align_claims(zc, reportparse.parse_text(f"{en_heading}\n{en}\n", lang="en").claims).summary()
            zh_claims, matched, mismatched = zh_claims + s["zh_claims"], matched + s["matches"], mismatched + s["mismatches"]
    return zh_claims, matched, mismatched


@pytest.mark.parametrize(("year", "floor"), [(2025, 0.85), (2026, 0.78)])
def test_sentence_pairs_of_the_aligned_tables_pair_their_numbers(year: int, floor: float) -> None:
    """Over all sentence pairs of the aligned table, most Chinese claims find their English claim
    and no pair of the same metric disagrees on the value (measured: 2025 35 of 39 = 0.897,
    2026 54 of 67 = 0.806; the rest are rows the table slips by one sentence, the same amount told
    as new items in Chinese and as a change in English, and the Chinese reading 提高20元 as a level)."""
    zh_claims, matched, mismatched = _table_alignment(year)
    assert zh_claims > 30 and matched / zh_claims >= floor and mismatched == 0, (zh_claims, matched, mismatched)


def test_align_whole_report_pair_reports_counts_and_mismatch_sentences(tmp_path: Path, capsys) -> None:
    """The 2025 pair through the command line: the summary adds up, at least 55% of the Chinese
    claims find their English claim (measured 57.8%) and no value mismatch remains."""
    en = _english(2025)
    if not ZH_2025.exists():
        pytest.skip(f"corpus not found: {ZH_2025}")
    assert main(["align", str(ZH_2025), str(en)]) == 0
    out = json.loads(capsys.readouterr().out)
    s = out["summary"]
    assert s["zh_claims"] == s["matches"] + s["mismatches"] + s["kind_differs"] + s["zh_only"]
    assert s["en_claims"] == s["matches"] + s["mismatches"] + s["kind_differs"] + s["en_only"]
    assert s["zh_matched_share"] >= 0.55 and s["mismatches"] == 0
    assert len(out["mismatches"]) == s["mismatches"]


def test_align_2026_pair_from_the_markdown_original() -> None:
    """The 2026 Chinese original is Markdown: once the reader takes it as Markdown, at least 55%
    of its claims find their English claim (measured 64% on a copy with the Markdown marks
    stripped) and no value mismatch remains."""
    from reportparse.read import read_source

    zh_md = SHARED / "reports" / "national" / "全国" / "2026.md"
    if not zh_md.exists():
        pytest.skip(f"2026 original not found: {zh_md}")
    if read_source(zh_md).format != "markdown":
        pytest.skip("reportparse.read does not read Markdown yet (it lands on another branch)")
    s = align_files(zh_md, _english(2026)).summary()
    assert s["zh_matched_share"] >= 0.55 and s["mismatches"] == 0, s


def test_markdown_lists_each_mismatch_with_both_sentences() -> None:
    zh = reportparse.parse_text("2025年政府工作报告\n一、2024年工作回顾\n粮食产量1.4万亿斤。\n", lang="zh").claims
    en = reportparse.parse_text("I. A Review of Our Work in 2024\nGrain output reached 760 million metric tons.\n",
                                lang="en").claims
    result = align_claims(zh, en)
    assert result.summary()["mismatches"] == 1 and result.summary()["zh_matched_share"] == 0
    md = render_markdown(result)
    assert "- zh: 粮食产量1.4万亿斤。" in md and "- en: Grain output reached 760 million metric tons." in md


def test_one_amount_told_as_new_items_and_as_a_change_pairs_as_kind_differs() -> None:
    """新增装机3.7亿千瓦 is a level (new items), 'capacity grew by 370 million kilowatts' a growth:
    the same amount, paired with ``differs: "kind"``; neither a match nor a value mismatch."""
    zh = reportparse.parse_text("2025年政府工作报告\n一、2024年工作回顾\n可再生能源新增装机3.7亿千瓦。\n", lang="zh").claims
    en = reportparse.parse_text("I. A Review of Our Work in 2024\nInstalled renewable energy capacity grew by "
                                "370 million kilowatts.\n", lang="en").claims
    assert [(c["kind"], c["value"]) for c in zh] == [("level", 3.7e8)]
    assert [(c["kind"], c["value"]) for c in en] == [("growth", 3.7e8)]
    result = align_claims(zh, en)
    assert [(p["match"], p["differs"]) for p in result.pairs] == [(False, "kind")]
    assert result.summary() | {"zh_matched_share": None} == {
        "zh_claims": 1, "en_claims": 1, "matches": 0, "mismatches": 0, "kind_differs": 1, "zh_only": 0,
        "en_only": 0, "zh_matched_share": None}
    assert "| kind differs |" in render_markdown(result)


def _claim(start: int, value: float, metric_id: str | None = None) -> dict:
    return {"span": [start, start + 4], "text": "x", "kind": "level", "status": "actual", "value": value,
            "high": None, "unit": "person", "metric": {"id": metric_id}}


def test_claims_without_a_metric_id_pair_by_their_place_in_the_report() -> None:
    """Two English claims of 30 million (children near the start, employed people out of poverty
    later) and one Chinese (3000万人以上, late, no id): the one at the nearer relative place pairs,
    even when it has an id and the other has none."""
    zh = [_claim(0, 1), _claim(700, 3e7), _claim(1000, 2)]
    en = [_claim(0, 1), _claim(50, 3e7), _claim(690, 3e7, "poverty_reduction"), _claim(1000, 2)]
    result = align_claims(zh, en)
    paired = {p["zh"]["span"][0]: p["en"]["span"][0] for p in result.pairs}
    assert paired == {0: 0, 700: 690, 1000: 1000} and [e["span"][0] for e in result.en_only] == [50]


def test_align_files_on_the_2025_pair_is_in_memory_small() -> None:
    """Whole-report alignment keeps no more than the two claim lists: the JSON stays small."""
    en = _english(2025)
    if not ZH_2025.exists():
        pytest.skip(f"corpus not found: {ZH_2025}")
    result = align_files(ZH_2025, en)
    assert len(json.dumps(result.to_dict(), ensure_ascii=False)) < 2_000_000


def test_official_english_as_a_pdf_keeps_its_sentences_and_claims(tmp_path: Path) -> None:
    """The review of the official 2026 English laid out as a PDF (wrapped lines, running heads,
    page numbers): joined by the English line rules, it gives the claims of the text."""
    from report_files import write_pdf
    from reportparse.read import read_source

    lines = _english(2026).read_text("utf-8").splitlines()[:13]
    text = "\n".join(lines) + "\n"
    source = read_source(write_pdf(text, tmp_path / "review.pdf", latin=True))
    assert source.text.splitlines() == [line.strip() for line in lines if line.strip()]
    from_pdf = reportparse.parse_text(source.text, lang="en").to_dict()
    from_text = reportparse.parse_text(text, lang="en").to_dict()
    assert from_pdf["document"]["report_year"] == 2026
    assert [(c["text"], c["value"], c["kind"], c["status"], c["period"]) for c in from_pdf["claims"]] == \
        [(c["text"], c["value"], c["kind"], c["status"], c["period"]) for c in from_text["claims"]]
    assert any(c["text"] == "140.19 trillion yuan" for c in from_pdf["claims"])
