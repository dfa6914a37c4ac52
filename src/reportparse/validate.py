"""Validation of output documents against ``schemas/document.schema.json`` (draft 2020-12)."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from .errors import SchemaValidationError

if TYPE_CHECKING:
    import jsonschema


def package_text(path: str) -> str:
    """A text file shipped with the package (schemas/..., data/...), by its path in the package."""
    return resources.files("reportparse").joinpath(path).read_text("utf-8")


def load_schema(name: str) -> dict[str, Any]:
    """A schema shipped with the package, by file name (claim.schema.json, ...)."""
    return dict(json.loads(package_text(f"schemas/{name}")))


def first_error(validator: "jsonschema.protocols.Validator", data: Any) -> tuple[str, str] | None:
    """Where the first validation error of ``data`` is (a JSON path) and what it says, or None."""
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.path))
    if not errors:
        return None
    return "/".join(str(p) for p in errors[0].path) or "(top)", errors[0].message


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
    error = first_error(_validator(), data)
    if error:
        raise SchemaValidationError(f"output does not match document.schema.json at {error[0]}: {error[1]}")
