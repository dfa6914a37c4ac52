"""Markdown input: a report kept as Markdown (YAML front matter, ``#`` headings, ``**bold**``, list
marks) gives the claims of the same report in plain text, with spans into the .md file as read.

The collection test reads ``../shared/reports`` (1,555 Markdown reports) when it is there: a sample
here, all of it with ``benchmarks/markdown_reports.py``.
"""

from __future__ import annotations

import csv
import json
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from reportparse import parse_file, parse_text
from reportparse.lexicon import load_lexicon
from reportparse.normalise import normalise
from reportparse.normalise.markdown import front_matter
from reportparse.read import EXTENSIONS, read_source

REPORTS = Path(__file__).resolve().parents[2] / "shared" / "reports"

PLAIN = (
    "2024年某市政府工作报告\n"
    "——2024年1月10日在某市第十六届人民代表大会第三次会议上\n\n"
    "一、2023年工作回顾\n\n"
    "过去一年，全市地区生产总值完成1234.5亿元，增长5.2%。\n\n"
    "1. 经济运行稳中向好。社会消费品零售总额增长7%左右，一般公共预算收入88.6亿元。\n\n"
    "二、2024年工作安排\n\n"
    "今年经济社会发展的主要预期目标是：\n"
    "地区生产总值增长6%左右；\n"
    "城镇新增就业1.2万人以上。\n"
)
MARKDOWN = (
    "---\n"
    "title: 2024年某市政府工作报告\n"
    "source: http://example.gov.cn/2024/0110/1.html\n"
    "---\n\n"
    "**2024年某市政府工作报告**\n"
    "——2024年1月10日在某市第十六届人民代表大会第三次会议上\n\n"
    "## 一、2023年工作回顾\n\n"
    "过去一年，全市**地区生产总值**完成1234.5亿元，增长5.2%。\n\n"
    "1. 经济运行稳中向好。社会消费品零售总额增长7%左右，一般公共预算收入88.6亿元。\n\n"
    "## 二、2024年工作安排\n\n"
    "**今年经济社会发展的主要预期目标是：**\n"
    "- 地区生产总值增长6%左右；\n"
    "- 城镇新增就业1.2万人以上。\n"
)


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "reportparse.cli", *args],
                          capture_output=True, text=True, encoding="utf-8", timeout=600)


def _meaning(claim: dict) -> dict:
    """What a claim says, without where it is (the sentence is the original's, marks included)."""
    out = {k: v for k, v in claim.items() if k not in ("id", "span")}
    out["sentence"] = out["sentence"].replace("**", "")
    return out


def assert_spans_index(text: str, claims: list[dict]) -> None:
    for claim in claims:
        start, end = claim["span"]
        assert text[start:end] == claim["text"], claim


# ---------------------------------------------------------------- one written file

@pytest.mark.parametrize("suffix", [".md", ".markdown"])
def test_markdown_gives_the_claims_of_the_plain_text(tmp_path, suffix):
    (tmp_path / "plain.txt").write_text(PLAIN, "utf-8")
    (tmp_path / f"report{suffix}").write_text(MARKDOWN, "utf-8")
    plain = parse_file(tmp_path / "plain.txt")
    md = parse_file(tmp_path / f"report{suffix}")
    assert md.source is not None and md.source.format == "markdown"
    assert md.source.text == MARKDOWN  # the file as read: nothing rewritten
    assert len(plain.claims) == 6
    assert [_meaning(c) for c in md.claims] == [_meaning(c) for c in plain.claims]
    assert_spans_index(MARKDOWN, md.claims)
    assert {k: md.document[k] for k in ("title", "region", "level", "report_year")} == \
        {"title": "2024年某市政府工作报告", "region": "某市", "level": "city", "report_year": 2024}


def test_the_copy_the_parser_reads_has_no_marks_and_maps_back():
    norm = normalise(MARKDOWN, load_lexicon("zh"))
    for mark in ("---", "title:", "source:", "**", "## ", "- "):
        assert mark not in norm.text
    assert norm.text.lstrip().startswith("2024年某市政府工作报告\n")
    assert "\n一、2023年工作回顾\n" in norm.text and "\n地区生产总值增长6%左右；" in norm.text
    assert "1. 经济运行" in norm.text  # a numbered mark is a heading number, kept
    assert all(norm.text[i] == MARKDOWN[norm.offset(i)] for i in range(len(norm.text)))


def test_numbered_list_mark_is_no_claim():
    mark = MARKDOWN.index("1. 经济运行")
    assert not [c for c in parse_text(MARKDOWN).claims if c["span"][0] <= mark < c["span"][1]]


def test_links_images_footnotes_and_escapes_are_read_as_their_words():
    text = ("2024年某市政府工作报告\n\n"
            "全市[地区生产总值](http://x.cn/2023/5.html)增长5.2%![](images/W0201.jpg)，"
            "一般公共预算收入增长3\\.5%[^1]。\n"
            "<!-- 2023年12月31日 市长作报告（摄影 增长9%） -->\n")
    norm = normalise(text, load_lexicon("zh"))
    assert "全市地区生产总值增长5.2%，一般公共预算收入增长3.5%。" in norm.text
    claims = parse_text(text).claims
    assert [(c["text"], c["value"]) for c in claims] == [("5.2%", 5.2), ("3\\.5%", 3.5)]
    assert claims[0]["metric"]["id"] == "gdp"
    assert_spans_index(text, claims)


# ---------------------------------------------------------------- front matter and metadata

def test_front_matter_fields_and_what_is_not_front_matter():
    assert front_matter('---\ntitle: "2019年广州市政府工作报告"\nsource: 广州市人民政府网\n---\n正文')[1] == \
        {"title": "2019年广州市政府工作报告", "source": "广州市人民政府网"}
    assert front_matter("---\n\n一、工作回顾\n---\n")[0] == 0  # a text opening with a rule
    assert front_matter("正文\n---\ntitle: x\n---\n")[0] == 0  # only at the start
    assert front_matter("---\ntitle: x\n") == (0, {})  # never closed
    assert front_matter("---\nsource: s\ntitle: x\n----\n\nText")[1] == {"source": "s", "title": "x"}
    crlf = "---\r\ntitle: x\r\n---\r\n"
    assert front_matter(crlf + "Text") == (len(crlf), {"title": "x"})


def test_title_fills_what_the_text_does_not_say():
    body = "各位代表：\n\n全市地区生产总值增长5.2%。\n"
    doc = parse_text("---\ntitle: 2019年广州市政府工作报告\n---\n" + body)
    assert doc.document["title"] == "2019年广州市政府工作报告"
    assert (doc.document["region"], doc.document["level"]) == ("广州市", "city")
    assert parse_text(body).document["title"] is None


def test_text_wins_over_the_title_and_the_title_gives_no_year():
    text = ("---\ntitle: 2019年广州市政府工作报告\n---\n\n"
            "**2020年深圳市政府工作报告**\n——2020年1月10日在深圳市第六届人民代表大会第八次会议上\n\n"
            "全市地区生产总值增长6.7%。\n")
    doc = parse_text(text)
    assert {k: doc.document[k] for k in ("title", "region", "report_year")} == \
        {"title": "2020年深圳市政府工作报告", "region": "深圳市", "report_year": 2020}
    undated = parse_text("---\ntitle: 2019年广州市政府工作报告\n---\n\n各位代表：\n")
    assert undated.document["report_year"] is None


# ---------------------------------------------------------------- reading

def test_readers_know_markdown_by_name_and_by_front_matter(tmp_path):
    assert {".md", ".markdown"} <= set(EXTENSIONS)
    sniffed = tmp_path / "report.txt"
    sniffed.write_text(MARKDOWN, "utf-8")
    plain = tmp_path / "plain.txt"
    plain.write_text(PLAIN, "utf-8")
    assert read_source(sniffed).format == "markdown"
    assert read_source(plain).format == "text"
    gbk = tmp_path / "gbk.md"
    gbk.write_bytes(MARKDOWN.encode("gb18030"))
    source = read_source(gbk)
    assert (source.format, source.encoding, source.text) == ("markdown", "gb18030", MARKDOWN)
    assert not source.is_plain_utf8 and read_source(sniffed).is_plain_utf8


def test_parse_a_folder_of_markdown_files(tmp_path):
    folder = tmp_path / "reports"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.md").write_text(MARKDOWN, "utf-8")
    (folder / "sub" / "b.markdown").write_text(MARKDOWN.replace("1234.5", "987.6"), "utf-8")
    (folder / "c.txt").write_text(PLAIN, "utf-8")
    (folder / "notes.rst").write_text("not a report\n", "utf-8")
    out = tmp_path / "out"
    result = run_cli("parse", str(folder), "-o", str(out), "-q")
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["a.json", "b.json", "c.json", "reportparse.sqlite"]
    b = json.loads((out / "b.json").read_text("utf-8"))
    assert b["claims"][0]["text"] == "987.6亿元"
    for name in ("a.json", "b.json"):
        doc = json.loads((out / name).read_text("utf-8"))
        assert len(doc["claims"]) == 6
        assert_spans_index(Path(doc["document"]["path"]).read_text("utf-8"), doc["claims"])


# ---------------------------------------------------------------- the shared collection

def _manifest() -> list[dict[str, str]]:
    with (REPORTS / "MANIFEST.tsv").open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


@pytest.mark.skipif(not (REPORTS / "MANIFEST.tsv").is_file(), reason="../shared/reports is not there")
def test_a_sample_of_the_collection_parses_with_spans_into_the_files(tmp_path):
    rows = random.Random(10).sample(_manifest(), 20)
    folder = tmp_path / "sample"
    folder.mkdir()
    for n, row in enumerate(rows):
        shutil.copy(REPORTS / row["file"], folder / f"{n:02d}-{row['year']}.md")
    out = tmp_path / "out"
    result = run_cli("parse", str(folder), "-o", str(out), "-q")
    assert result.returncode == 0, result.stderr
    docs = [json.loads(p.read_text("utf-8")) for p in sorted(out.glob("*.json"))]
    assert len(docs) == 20
    for doc in docs:
        text = Path(doc["document"]["path"]).read_text("utf-8")
        assert doc["claims"], doc["document"]["path"]
        assert_spans_index(text, doc["claims"])
        assert doc["document"]["title"], doc["document"]["path"]


def test_zero_width_characters_do_not_break_a_number():
    """The 2017 national report writes its GDP as 74.4, a line holding only U+200B, then 万亿元."""
    text = ("一、2016年工作回顾\n\n"
            "——经济运行缓中趋稳、稳中向好。国内生产总值达到74.4\n\u200b\n万亿元，增长6.7%，名列世界前茅。\n")
    claims = parse_text(text).claims
    gdp = [c for c in claims if c["unit"] == "CNY"]
    assert [(c["text"], c["value"], c["metric"]["id"], c["period"]) for c in gdp] == \
        [("74.4\n\u200b\n万亿元", 74_400_000_000_000, "gdp", 2016)]
    assert [c["metric"]["id"] for c in claims if c["text"] == "6.7%"] == ["gdp"]
    assert_spans_index(text, claims)
    norm = normalise("增长\u200b5.2%\ufeff", load_lexicon("zh"))
    assert norm.text == "增长5.2%"
