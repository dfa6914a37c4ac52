"""Language selection: ``--lang auto`` (the default) detects each document's language; ``--lang en|zh`` overrides."""

from __future__ import annotations

import json
from pathlib import Path

import reportparse
from reportparse.cli import main
from reportparse.lang import detect as detect_language

EN_RENDERING = Path(__file__).resolve().parent / "data" / "national_2024_main_targets_en.txt"
SEED = Path(__file__).resolve().parents[1] / "corpus" / "zh" / "2023-zhengzhou-erqi.txt"


def test_detect_language():
    assert detect_language(EN_RENDERING.read_text("utf-8")) == "en"
    assert detect_language(SEED.read_text("utf-8-sig")) == "zh"
    assert detect_language("国内生产总值增长5%左右，GDP") == "zh"
    assert detect_language("") == "zh"
    assert detect_language("12345") == "zh"
    assert detect_language("GDP grew by 5.2 percent (国内生产总值).") == "en"


def test_cli_auto_detects_each_document(tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["parse", str(EN_RENDERING), str(SEED), "-o", str(out), "-q"]) == 0
    en = json.loads((out / f"{EN_RENDERING.stem}.json").read_text("utf-8"))
    zh = json.loads((out / f"{SEED.stem}.json").read_text("utf-8"))
    assert en["document"]["lang"] == "en" and zh["document"]["lang"] == "zh"
    assert {c["metric"]["id"] for c in en["claims"]} >= {"gdp", "urban_new_jobs", "grain_output"}


def test_cli_lang_overrides_detection(capsys):
    assert main(["parse", str(EN_RENDERING), "--lang", "zh"]) == 0
    assert json.loads(capsys.readouterr().out)["document"]["lang"] == "zh"
    assert main(["parse", str(EN_RENDERING), "--lang", "en"]) == 0
    assert json.loads(capsys.readouterr().out)["document"]["lang"] == "en"


def test_every_english_claim_carries_metric_en():
    doc = reportparse.parse_text(EN_RENDERING.read_text("utf-8"), "en").to_dict()
    for claim in doc["claims"]:
        if claim["metric"]["id"]:
            assert claim["metric"]["en"], claim
    gdp = next(c for c in doc["claims"] if c["metric"]["id"] == "gdp")
    assert gdp["metric"]["en"] == reportparse.parse_text("国内生产总值增长5%", "zh").claims[0]["metric"]["en"]
