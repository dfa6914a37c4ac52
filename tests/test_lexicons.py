"""Language data of every registered pack (src/reportparse/lang/<code>/data/) and the shared bilingual
metrics.json: schema validity, coverage and consistency."""

from __future__ import annotations

import copy
import json
from collections import defaultdict
from pathlib import Path

import jsonschema
import pytest

from reportparse.errors import LexiconError
from reportparse.lang import languages
from reportparse.lang.zh.numerals import DIGITS
from reportparse.lexicon import _validate, load_lexicon

PROJECT = Path(__file__).resolve().parents[1]
DATA_ROOT = PROJECT / "src" / "reportparse" / "data"
PACKS = PROJECT / "src" / "reportparse" / "lang"
DATA = PACKS / "zh" / "data"
SCHEMA_PATH = PROJECT / "schemas" / "lexicon.schema.json"
CLAIM_SCHEMA_PATH = PROJECT / "schemas" / "claim.schema.json"
DATA_FILES = [DATA_ROOT / "metrics.json", DATA_ROOT / "unit_families.json", DATA_ROOT / "indicators.json"] + [p for code in languages() for p in sorted((PACKS / code / "data").glob("*.json"))]


def _lang(path: Path) -> str:
    """The language code of a pack's data file ("" for a shared file)."""
    return path.parent.parent.name if path.parent.name == "data" and path.parent.parent.parent == PACKS else ""


def _definition(path: Path) -> str:
    """The schema definition of a data file: <lang>_<stem> for a file a language shapes its own way."""
    own = f"{_lang(path)}_{path.stem}"
    return own if own in json.loads(SCHEMA_PATH.read_text("utf-8"))["$defs"] else path.stem


def _data_file(name: str) -> Path:
    return DATA_ROOT / "metrics.json" if name == "metrics" else DATA / f"{name}.json"


def load(path: Path):
    return json.loads(path.read_text("utf-8"))


@pytest.fixture(scope="module")
def schema():
    return load(SCHEMA_PATH)


@pytest.fixture(scope="module")
def lex():
    return load_lexicon("zh")


@pytest.fixture(scope="module")
def metrics():
    return load(DATA_ROOT / "metrics.json")["metrics"]


@pytest.fixture(scope="module")
def units():
    return load(DATA / "units.json")


# ---------------------------------------------------------------- schema validation

def test_data_files_exist():
    for lang in languages():
        stems = {p.stem for p in DATA_FILES if _lang(p) == lang}
        assert stems >= {"units", "qualifiers", "clutter", "segment", "cues", "ranking"}, lang
    assert (DATA_ROOT / "metrics.json").is_file()


def test_lexicon_schema_is_a_valid_schema(schema):
    jsonschema.Draft202012Validator.check_schema(schema)


@pytest.mark.parametrize("path", DATA_FILES, ids=[f"{_lang(p) or 'shared'}/{p.stem}" for p in DATA_FILES])
def test_data_file_validates_against_its_definition(path, schema):
    name = _definition(path)
    assert name in schema["$defs"], f"no $defs entry for {path.name}"
    sub = {"$schema": schema["$schema"], "$defs": schema["$defs"], "$ref": f"#/$defs/{name}"}
    errors = list(jsonschema.Draft202012Validator(sub).iter_errors(load(path)))
    assert not errors, [f"{'/'.join(map(str, e.path))}: {e.message}" for e in errors[:5]]


def _break_units(d):
    d["units"][0]["kind"] = "not-a-kind"


def _break_metrics(d):
    del d["metrics"][0]["en"]


def _break_metrics_short(d):
    d["metrics"] = d["metrics"][:5]


def _break_qualifiers(d):
    d["suffix"]["左右"] = "roughly"


def _break_clutter(d):
    d["lines"] = "下载"


def _break_segment(d):
    d["heading_max_chars"] = "forty"


BREAKAGES = [
    ("units", _break_units),
    ("metrics", _break_metrics),
    ("metrics", _break_metrics_short),
    ("qualifiers", _break_qualifiers),
    ("clutter", _break_clutter),
    ("segment", _break_segment),
]


@pytest.mark.parametrize(("name", "breaker"), BREAKAGES, ids=[b[1].__name__ for b in BREAKAGES])
def test_broken_copy_raises_lexicon_error_naming_the_file(name, breaker, schema):
    data = copy.deepcopy(load(_data_file(name)))
    _validate(name, data, schema)  # the intact file is fine
    breaker(data)
    with pytest.raises(LexiconError) as info:
        _validate(name, data, schema)
    assert f"{name}.json" in str(info.value)


def test_load_lexicon_succeeds(lex):
    assert lex.lang == "zh"
    assert lex.metrics and lex.units


# ---------------------------------------------------------------- metrics.json

REQUIRED_METRIC_IDS = [
    "gdp", "retail_sales", "fixed_asset_investment", "industrial_value_added", "general_budget_revenue",
    "fiscal_revenue", "urban_new_jobs", "surveyed_unemployment_rate", "registered_unemployment_rate", "cpi",
    "disposable_income", "urban_disposable_income", "rural_disposable_income", "grain_output",
    "energy_intensity", "foreign_trade", "foreign_investment", "rd_intensity", "agricultural_output",
]


def test_at_least_sixty_metrics(metrics):
    assert len(metrics) >= 60


def test_metric_ids_unique(metrics):
    ids = [m["id"] for m in metrics]
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})


def test_no_chinese_surface_in_two_metrics(metrics):
    owners = defaultdict(set)
    for m in metrics:
        for surface in m["zh"]:
            owners[surface].add(m["id"])
    shared = {s: sorted(ids) for s, ids in owners.items() if len(ids) > 1}
    assert not shared


def test_every_metric_has_an_english_name_and_a_chinese_surface(metrics):
    for m in metrics:
        assert isinstance(m.get("en"), str) and m["en"].strip(), m["id"]
        assert m["zh"], m["id"]


@pytest.mark.parametrize("metric_id", REQUIRED_METRIC_IDS)
def test_required_metric_id_exists(metric_id, metrics, lex):
    assert metric_id in {m["id"] for m in metrics}
    assert lex.metric_by_id(metric_id) is not None


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("全区地区生产总值", "gdp"),
        ("地区生产总值", "gdp"),
        ("城镇居民人均可支配收入", "urban_disposable_income"),
        ("农村居民人均可支配收入", "rural_disposable_income"),
        ("全社会研发投入占比", "rd_intensity"),
        ("单位国内生产总值能耗", "energy_intensity"),
        ("城镇新增就业", "urban_new_jobs"),
        ("新增城镇就业", "urban_new_jobs"),
        ("社会消费品零售总额", "retail_sales"),
        ("固定资产投资", "fixed_asset_investment"),
        ("规模以上工业增加值", "industrial_value_added"),
        ("一般公共预算收入", "general_budget_revenue"),
        ("城镇调查失业率", "surveyed_unemployment_rate"),
        ("粮食产量", "grain_output"),
    ],
)
def test_metric_for(phrase, expected, lex):
    metric = lex.metric_for(phrase)
    assert metric is not None, phrase
    assert metric.id == expected


def test_budget_expenditure_is_not_budget_revenue(lex):
    metric = lex.metric_for("一般公共预算支出")
    assert metric is None or metric.id != "general_budget_revenue"


def test_metric_for_without_a_metric(lex):
    assert lex.metric_for("春风又绿江南岸") is None


# ---------------------------------------------------------------- units.json

def test_no_unit_surface_under_two_codes(units):
    owners = defaultdict(set)
    for entry in units["units"]:
        for surface in entry["surfaces"]:
            owners[surface].add(entry["code"])
    assert not {s: sorted(c) for s, c in owners.items() if len(c) > 1}


def test_unit_codes_are_contract_codes(units):
    allowed = set(load(CLAIM_SCHEMA_PATH)["properties"]["unit"]["enum"])
    assert {entry["code"] for entry in units["units"]} <= allowed


# measure words and their codes as the contract (claims.md, `unit` and rule 1) lists them
CONTRACT_UNITS = [
    ("元", "CNY"), ("美元", "USD"), ("欧元", "EUR"), ("港元", "HKD"),
    ("%", "percent"), ("个百分点", "percentage_point"), ("‰", "permille"), ("倍", "times"),
    ("平方米", "m2"), ("平方公里", "km2"), ("亩", "mu"), ("公顷", "hectare"), ("公里", "km"), ("米", "m"),
    ("吨", "ton"), ("公斤", "kg"), ("斤", "jin"), ("千瓦", "kw"), ("千瓦时", "kwh"), ("立方米", "m3"),
    ("吨标准煤", "tce"), ("微克/立方米", "ug_m3"),
    ("天", "day"), ("个月", "month"), ("年", "year"), ("小时", "hour"), ("分钟", "minute"),
    ("人", "person"), ("名", "person"), ("人次", "person_time"), ("户", "household"),
    ("个", "count"), ("家", "count"), ("项", "count"), ("条", "count"), ("所", "count"), ("套", "count"),
    ("张", "count"), ("部", "count"), ("场", "count"), ("处", "count"), ("栋", "count"), ("件", "count"),
    ("次", "count"), ("座", "count"), ("批", "count"), ("辆", "count"), ("台", "count"), ("间", "count"),
    ("场次", "count"), ("架次", "count"), ("辆次", "count"), ("标箱", "count"),
]


@pytest.mark.parametrize(("surface", "code"), CONTRACT_UNITS, ids=[u[0] for u in CONTRACT_UNITS])
def test_contract_unit_surfaces(surface, code, lex):
    assert surface in lex.units, f"{surface} missing from units.json"
    assert lex.units[surface].code == code


# ---------------------------------------------------------------- qualifiers.json

CONTRACT_QUALIFIERS = [
    ("prefix", "约", "approx"), ("prefix", "近", "approx"), ("prefix", "大约", "approx"),
    ("prefix", "不少于", "at_least"), ("prefix", "不低于", "at_least"),
    ("prefix", "超", "more_than"), ("prefix", "超过", "more_than"), ("prefix", "突破", "more_than"),
    ("prefix", "不超过", "at_most"),
    ("suffix", "左右", "approx"), ("suffix", "以上", "at_least"), ("suffix", "以内", "at_most"),
    ("inner", "余", "more_than"), ("inner", "多", "more_than"),
]


@pytest.mark.parametrize(("where", "word", "code"), CONTRACT_QUALIFIERS, ids=[q[1] for q in CONTRACT_QUALIFIERS])
def test_contract_qualifiers(where, word, code):
    table = load(DATA / "qualifiers.json")[where]
    assert table.get(word) == code


# ---------------------------------------------------------------- numeral characters

FACE_VALUES = {
    0: "零〇○",
    1: "一壹幺",
    2: "二贰貳两兩倆俩",
    3: "三叁參叄",
    4: "四肆",
    5: "五伍",
    6: "六陆陸",
    7: "七柒",
    8: "八捌",
    9: "九玖",
}
FACE = {ch: value for value, chars in FACE_VALUES.items() for ch in chars}


@pytest.mark.parametrize("char", sorted(DIGITS))
def test_numeral_digit_has_its_face_value(char):
    assert char in FACE, f"unexpected numeral character {char!r} in DIGITS"
    assert DIGITS[char] == FACE[char]


@pytest.mark.parametrize(("char", "value"), [("〇", 0), ("零", 0), ("两", 2), ("一", 1), ("九", 9)])
def test_key_numerals(char, value):
    assert DIGITS[char] == value


def test_fullwidth_and_ascii_digits_are_not_numeral_characters():
    for ch in "０１２３４５６７８９" + "0123456789":
        assert ch not in DIGITS


def test_broken_english_file_is_named_in_the_error(schema):
    from reportparse.lexicon import _definition

    data = copy.deepcopy(load(PACKS / "en" / "data" / "cues.json"))
    del data["growth_up"]
    with pytest.raises(LexiconError) as info:
        _validate(_definition("en", "cues", schema), data, schema, "en/cues.json")
    assert "en/cues.json" in str(info.value)


def test_english_lexicon_loads(schema):
    lex = load_lexicon("en")
    assert lex.lang == "en" and lex.units["percent"].code == "percent" and lex.units["metric tons"].code == "ton"
    assert lex.metrics == load_lexicon("zh").metrics
