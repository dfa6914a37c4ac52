"""Validation of output documents against ``schemas/document.schema.json`` (draft 2020-12).

Uses jsonschema-rs, a compiled validator: it checks a whole report's claims in milliseconds,
where a pure-Python validator takes longer than parsing the report.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

import jsonschema_rs

from .errors import SchemaValidationError
from .lang import languages


def package_text(path: str) -> str:
    """A text file shipped with the package (schemas/..., data/...), by its path in the package."""
    return resources.files("reportparse").joinpath(path).read_text("utf-8")


def load_schema(name: str) -> dict[str, Any]:
    """A schema shipped with the package, by file name (claim.schema.json, ...)."""
    return dict(json.loads(package_text(f"schemas/{name}")))


def compile_schema(schema: dict[str, Any], *others: dict[str, Any]) -> jsonschema_rs.Draft202012Validator:
    """A draft 2020-12 validator of ``schema``; ``others`` are schemas it refers to by their ``$id``.
    Never fetches anything over the network."""
    registry = jsonschema_rs.Registry([(s["$id"], s) for s in others]) if others else None
    return jsonschema_rs.Draft202012Validator(schema, registry=registry, offline=True)


def first_error(validator: jsonschema_rs.Draft202012Validator, data: Any) -> tuple[str, str] | None:
    """Where the first validation error of ``data`` is (a JSON path) and what it says, or None."""
    if validator.is_valid(data):
        return None
    errors = sorted(validator.iter_errors(data), key=lambda e: [str(p) for p in e.instance_path])
    return "/".join(str(p) for p in errors[0].instance_path) or "(top)", errors[0].message


@cache
def _validator(languages: tuple[str, ...]) -> jsonschema_rs.Draft202012Validator:
    """The document validator; its ``lang`` accepts every registered language (the schema file
    lists the packs shipped with the package, a test keeps it so)."""
    claim = load_schema("claim.schema.json")
    document = load_schema("document.schema.json")
    document["properties"]["document"]["properties"]["lang"]["enum"] = list(languages)
    return compile_schema(document, claim)


def validate_document(data: dict[str, Any]) -> None:
    """Raise :class:`SchemaValidationError` (naming the claim and field) unless ``data`` validates."""
    error = first_error(_validator(languages()), data)
    if error:
        raise SchemaValidationError(f"output does not match document.schema.json at {error[0]}: {error[1]}")
