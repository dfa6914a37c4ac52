"""Output schemas: they are valid draft 2020-12 schemas, parsed reports validate, bad documents do not."""

from __future__ import annotations

import copy
import hashlib
import json
from pathlib import Path

import jsonschema
import pytest

import reportparse
from reportparse.errors import SchemaValidationError
from reportparse.validate import validate_document

PROJECT = Path(__file__).resolve().parents[1]
SCHEMAS = PROJECT / "schemas"
SEED = PROJECT / "corpus" / "zh" / "2023-zhengzhou-erqi.txt"
SHARED_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


@pytest.mark.parametrize("name", ["claim.schema.json", "document.schema.json", "lexicon.schema.json"])
def test_schema_is_valid_draft_2020_12(name):
    schema = json.loads((SCHEMAS / name).read_text("utf-8"))
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)


@pytest.mark.parametrize("name", ["claim.schema.json", "document.schema.json", "lexicon.schema.json"])
def test_packaged_schema_matches_project_schema(name):
    packaged = PROJECT / "src" / "reportparse" / "schemas" / name
    if not packaged.exists():
        pytest.skip("schemas are not copied into the package")
    assert json.loads(packaged.read_text("utf-8")) == json.loads((SCHEMAS / name).read_text("utf-8"))


@pytest.fixture(scope="module")
def seed_doc():
    if not SEED.exists():
        pytest.skip(f"seed report missing: {SEED}")
    return reportparse.parse_file(SEED).to_dict()


def test_seed_document_validates(seed_doc):
    validate_document(seed_doc)
    assert set(seed_doc) == {"schema_version", "document", "claims"}
    assert seed_doc["claims"], "the seed report has numeric claims"


def test_seed_document_metadata(seed_doc):
    data = SEED.read_bytes()
    assert seed_doc["document"]["sha256"] == hashlib.sha256(data).hexdigest()
    assert seed_doc["document"]["chars"] == len(data.decode("utf-8-sig"))
    assert seed_doc["document"]["lang"] == "zh"


def test_seed_claim_spans_point_into_the_original(seed_doc):
    text = SEED.read_bytes().decode("utf-8-sig")
    for claim in seed_doc["claims"]:
        start, end = claim["span"]
        assert 0 <= start < end <= len(text)
        assert text[start:end] == claim["text"], claim["id"]


def _first_ranking(d):
    return next(c for c in d["claims"] if c["kind"] == "ranking")


def _set(path, value):
    def mutate(d):
        target = d
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
    return mutate


def _delete(path):
    def mutate(d):
        target = d
        for key in path[:-1]:
            target = target[key]
        del target[path[-1]]
    return mutate


def _ranking_with_wrong_unit(d):
    claim = _first_ranking(d)
    claim["unit"] = "count"


def _range_without_bounds(d):
    claim = d["claims"][0]
    claim["qualifier"] = "range"
    claim["low"] = claim["high"] = None


MUTATIONS = {
    "unknown kind": _set(["claims", 0, "kind"], "estimate"),
    "missing field": _delete(["claims", 0, "unit"]),
    "missing metric": _delete(["claims", 0, "metric"]),
    "value as a string": _set(["claims", 0, "value"], "785.6"),
    "bad sha256": _set(["document", "sha256"], "not-a-sha256"),
    "short sha256": _set(["document", "sha256"], "ab" * 10),
    "extra claim field": _set(["claims", 0, "confidence"], 0.9),
    "extra document field": _set(["document", "author"], "someone"),
    "extra top-level field": _set(["extra"], True),
    "unknown unit": _set(["claims", 0, "unit"], "yuan"),
    "unknown qualifier": _set(["claims", 0, "qualifier"], "roughly"),
    "unknown status": _set(["claims", 0, "status"], "planned"),
    "span of three": _set(["claims", 0, "span"], [1, 2, 3]),
    "negative span": _set(["claims", 0, "span"], [-1, 5]),
    "period out of range": _set(["claims", 0, "period"], 22),
    "wrong schema version": _set(["schema_version"], "0.9"),
    "missing document": _delete(["document"]),
    "claims not a list": _set(["claims"], {}),
    "ranking with a non-rank unit": _ranking_with_wrong_unit,
    "range without bounds": _range_without_bounds,
}


@pytest.mark.parametrize("mutation", list(MUTATIONS))
def test_mutated_document_is_rejected(seed_doc, mutation):
    bad = copy.deepcopy(seed_doc)
    MUTATIONS[mutation](bad)
    with pytest.raises(SchemaValidationError):
        validate_document(bad)


def test_mutation_does_not_touch_the_original(seed_doc):
    validate_document(seed_doc)  # still valid after all the mutated copies


# ---------------------------------------------------------------- every shared report

def _corpus_files():
    if not SHARED_CORPUS.is_dir():
        return [pytest.param(None, id="shared-corpus-absent")]
    return [pytest.param(p, id=p.stem) for p in sorted(SHARED_CORPUS.glob("*.txt"))]


@pytest.mark.parametrize("path", _corpus_files())
def test_shared_report_parses_and_validates(path):
    if path is None:
        pytest.skip(f"shared corpus not found at {SHARED_CORPUS}")
    doc = reportparse.parse_file(path).to_dict()
    validate_document(doc)
    text = path.read_bytes().decode("utf-8-sig")
    for claim in doc["claims"]:
        start, end = claim["span"]
        assert text[start:end] == claim["text"], claim["id"]


def test_claim_typeddict_mirrors_the_claim_schema():
    """model.Claim has the schema's fields, and its Literal types the schema's enums."""
    import typing

    from reportparse import model

    schema = json.loads((SCHEMAS / "claim.schema.json").read_text("utf-8"))
    hints = typing.get_type_hints(model.Claim)
    assert set(hints) == set(schema["properties"])
    assert set(model.Claim.__required_keys__) >= set(schema["required"])
    for field, literal in (("kind", model.Kind), ("qualifier", model.Qualifier), ("status", model.Status),
                           ("unit", model.Unit)):
        assert set(typing.get_args(literal)) == set(schema["properties"][field]["enum"]), field
    assert set(typing.get_type_hints(model.ClaimMetric)) == set(schema["properties"]["metric"]["properties"])
    rank = next(s for s in schema["properties"]["rank"]["oneOf"] if s["type"] == "object")
    assert set(typing.get_type_hints(model.ClaimRank)) == set(rank["properties"])


def test_document_schema_languages_are_the_registered_packs():
    from reportparse.lang import languages

    doc = json.loads((SCHEMAS / "document.schema.json").read_text("utf-8"))
    assert set(doc["properties"]["document"]["properties"]["lang"]["enum"]) == set(languages())
