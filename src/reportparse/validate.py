"""Validation of output documents against ``schemas/document.schema.json`` (draft 2020-12)."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from .errors import SchemaValidationError

if TYPE_CHECKING:
    import jsonschema


def load_schema(name: str) -> dict[str, Any]:
    """A schema shipped with the package, by file name (claim.schema.json, ...)."""
    text = resources.files("reportparse").joinpath(f"schemas/{name}").read_text("utf-8")
    return dict(json.loads(text))


@cache
def _validator() -> "jsonschema.protocols.Validator":
    import jsonschema
    from referencing import Registry, Resource

    claim = load_schema("claim.schema.json")
    document = load_schema("document.schema.json")
    registry: Registry = Registry().with_resources(
        [(s["$id"], Resource.from_contents(s)) for s in (claim, document)]
    )
    return jsonschema.Draft202012Validator(document, registry=registry)


def validate_document(data: dict[str, Any]) -> None:
    """Raise :class:`SchemaValidationError` (naming the claim and field) unless ``data`` validates."""
    errors = sorted(_validator().iter_errors(data), key=lambda e: list(e.path))
    if errors:
        err = errors[0]
        where = "/".join(str(p) for p in err.path) or "(top)"
        raise SchemaValidationError(f"output does not match document.schema.json at {where}: {err.message}")
