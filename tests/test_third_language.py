"""A third language is one folder: the minimal German pack of tests/packs/de, registered from the
test folder, parses a text end to end (detection, recognise, segment, assemble, validate, export)
with no edit to shared code."""

from __future__ import annotations

from pathlib import Path

import pytest

import reportparse.lang as registry
from reportparse import parse_text
from reportparse.errors import LexiconError
from reportparse.export import render
from reportparse.lexicon import load_lexicon
from reportparse.validate import validate_document

PACKS = Path(__file__).resolve().parent / "packs"
TEXT = "Im Jahr 2024 wuchs das Bruttoinlandsprodukt um 5,2 Prozent. Die Einnahmen betrugen 3,5 Milliarden Yuan."


@pytest.fixture
def german(monkeypatch):
    monkeypatch.syspath_prepend(str(PACKS.parent))
    monkeypatch.setattr(registry, "_MODULES", dict(registry._MODULES))
    monkeypatch.setattr(registry, "_PACKS", dict(registry._PACKS))
    registry.register("de", "packs.de")
    yield


def test_the_pack_is_listed_and_detected(german):
    assert "de" in registry.languages()
    assert registry.detect(TEXT) == "de"
    assert registry.detect("GDP grew by 5.2 percent in 2024.") == "en"


def test_a_german_text_parses_end_to_end(german):
    doc = parse_text(TEXT, lang="de")
    assert doc.document["lang"] == "de" and doc.document["report_year"] == 2024
    got = [(c["text"], c["kind"], c["value"], c["unit"], c["period"], c["metric"]["id"]) for c in doc.claims]
    assert got == [("5,2 Prozent", "growth", 5.2, "percent", 2024, "gdp"),
                   ("3,5 Milliarden Yuan", "level", 3500000000, "CNY", 2024, None)]
    assert all(TEXT[c["span"][0]:c["span"][1]] == c["text"] for c in doc.claims)
    validate_document(doc.to_dict())
    assert "5,2 Prozent" in render(doc.to_dict(), "csv")


def test_its_data_files_are_validated_by_its_own_schema(german, tmp_path, monkeypatch):
    broken = tmp_path / "brokenpacks" / "xx"
    (broken / "data").mkdir(parents=True)
    for f in (PACKS / "de").iterdir():
        if f.is_file():
            (broken / f.name).write_text(f.read_text("utf-8"), encoding="utf-8")
    for f in (PACKS / "de" / "data").iterdir():
        (broken / "data" / f.name).write_text(f.read_text("utf-8"), encoding="utf-8")
    (broken / "data" / "cues.json").write_text('{"growth_words": "wuchs"}', encoding="utf-8")
    (tmp_path / "brokenpacks" / "__init__.py").write_text("", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    registry.register("xx", "brokenpacks.xx")
    with pytest.raises(LexiconError, match="xx/cues.json"):
        load_lexicon("xx")
