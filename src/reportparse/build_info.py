"""How this installation of reportparse was built: which modules run compiled.

``setup.py`` compiles the parser's modules with mypyc when reportparse is installed (``pip
install .``); an editable install, ``REPORTPARSE_PURE=1`` or a machine without a C compiler
leaves pure Python. Both run the same source and give the same output; the compiled build is
faster (benchmarks/README.md).
"""

from __future__ import annotations

import importlib.machinery
import importlib.util
import pkgutil


def compiled_modules() -> list[str]:
    """The reportparse modules this interpreter loads from a compiled extension, in name order
    (empty for a pure-Python installation)."""
    import reportparse

    suffixes = tuple(importlib.machinery.EXTENSION_SUFFIXES)
    found = []
    for info in pkgutil.walk_packages(reportparse.__path__, "reportparse."):
        spec = importlib.util.find_spec(info.name)
        if spec is not None and spec.origin is not None and spec.origin.endswith(suffixes):
            found.append(info.name)
    return sorted(found)


def build_summary() -> str:
    """One line for ``--version`` and the benchmarks: compiled (how many modules) or pure Python."""
    compiled = compiled_modules()
    return f"{len(compiled)} modules compiled with mypyc" if compiled else "pure Python"
