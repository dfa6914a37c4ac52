"""Optional format libraries: import one, or refuse the file with the extra to install."""

from __future__ import annotations

import importlib
from types import ModuleType

from ..errors import InputError, install_hint


def require(module: str, extra: str, path: str, what: str) -> ModuleType:
    """Import ``module``; when it is missing raise :class:`InputError` naming the pip extra."""
    try:
        return importlib.import_module(module)
    except ImportError:
        raise InputError(path, f"reading {what} needs the '{extra}' extra: {install_hint(extra)}") from None
