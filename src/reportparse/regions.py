"""Region names as users and manifests write them, mapped to the canonical names the parser writes.

``北京``, ``beijing``, ``Beijing`` and the corpus manifest's ``beijing (北京)`` all mean
``北京市``; ``China`` means ``全国``. The names live in data files: the short forms in the
``regions.json`` of the language packs that have one, the Latin names in ``data/region_names.json``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources
from typing import Any

_PARENTHESISED = re.compile(r"^(.*?)\s*[(\uff08]\s*(.*?)\s*[)\uff09]\s*$")  # ASCII or full-width brackets


def _key(name: str) -> str:
    """A name as looked up: lower case, without spaces, hyphens or apostrophes' variants."""
    return re.sub(r"[\s\-_]+", "", name.strip().lower()).replace("’", "'")


def _pack_regions() -> list[dict[str, Any]]:
    """The ``regions.json`` of every language pack that has one (the Chinese names today)."""
    from .lang import get_pack, languages
    from .lexicon import load_lexicon

    return [load_lexicon(code).raw["regions"] for code in languages() if "regions" in get_pack(code).data_files]


@lru_cache(maxsize=1)
def _aliases() -> dict[str, str]:
    """Every known form of a region (looked-up key) -> its canonical name."""
    latin = json.loads(resources.files("reportparse").joinpath("data").joinpath("region_names.json").read_text("utf-8"))
    out: dict[str, str] = {}
    for regions in _pack_regions():
        nation = regions["national"][0]  # the name the parser writes for national reports; the others are synonyms
        out.update((_key(name), nation) for name in regions["national"])
        out.update(_forms(regions["provinces"]))
    out.update(_forms(latin["names"]))
    return out


def _forms(names: dict[str, list[str]]) -> dict[str, str]:
    """Looked-up key -> canonical name for a table of canonical names and their other forms."""
    out = {}
    for canonical, forms in names.items():
        out[_key(canonical)] = canonical
        out.update((_key(form), canonical) for form in forms)
    return out


def canonical_region(name: str) -> str:
    """The canonical name of a region (``beijing (北京)`` -> ``北京市``); a name not known (a
    city, a county) comes back stripped but otherwise as given."""
    name = name.strip()
    aliases = _aliases()
    candidates = [name]
    match = _PARENTHESISED.match(name)
    if match:
        candidates += [match.group(1), match.group(2)]
    for candidate in candidates:
        found = aliases.get(_key(candidate))
        if found:
            return found
    return name


def match_region(name: str, stored: Iterable[str]) -> str | None:
    """The stored region ``name`` means: the same name, else the one with the same canonical
    name (``北京`` finds ``北京市``, ``beijing`` too); None when no stored region matches."""
    stored = [s for s in stored if s]
    if name in stored:
        return name
    wanted = canonical_region(name)
    return next((s for s in stored if canonical_region(s) == wanted), None)
