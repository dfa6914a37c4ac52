"""The registry of language packs: which languages exist, and each one's pack on first use.

Every sub-package of ``reportparse.lang`` is a pack (its folder name is its language code); a
pack that lives elsewhere (a plug-in, a test) is added with :func:`register`. Packs are imported
lazily, as spaCy's ``get_lang_class`` does: listing the languages imports none of them.
"""

from __future__ import annotations

import importlib
import pkgutil
from typing import TYPE_CHECKING, cast

from ..errors import UnsupportedLanguageError

if TYPE_CHECKING:
    from .base import LanguagePack

__all__ = ["detect", "get_pack", "languages", "pack_module", "register"]

_SAMPLE = 4000  # the opening of a report tells its language
_MODULES: dict[str, str] = {
    info.name: f"{__name__}.{info.name}" for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name)
    if info.ispkg
}
_PACKS: dict[str, LanguagePack] = {}


def languages() -> tuple[str, ...]:
    """The codes of every registered language, in registration order."""
    return tuple(_MODULES)


def register(code: str, module: str) -> None:
    """Register the pack of ``code`` defined by the importable package ``module`` (its ``PACK``)."""
    _MODULES[code] = module
    _PACKS.pop(code, None)


def pack_module(code: str) -> str:
    """The importable name of the package that holds the pack of ``code``."""
    try:
        return _MODULES[code]
    except KeyError:
        raise UnsupportedLanguageError(
            f"no language pack for {code!r}; known: {', '.join(languages())}") from None


def get_pack(code: str) -> LanguagePack:
    """The language pack of ``code``, imported on first use."""
    pack = _PACKS.get(code)
    if pack is None:
        pack = _PACKS[code] = cast("LanguagePack", importlib.import_module(pack_module(code)).PACK)
    return pack


def detect(text: str) -> str:
    """The language of a text: the pack whose score of the text's opening is highest (the first
    registered language wins a tie)."""
    sample = text[:_SAMPLE]
    scores = [(get_pack(code).detect_score(sample), -i, code) for i, code in enumerate(languages())]
    return max(scores)[2]
