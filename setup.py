"""Build hook: the parser's modules compiled to C extensions with mypyc.

The metadata is in pyproject.toml; this file only adds the compiled modules. mypyc compiles the
same typed source (mypy --strict clean), so an installed reportparse parses its reports with
identical output, about 1.6x faster (benchmarks/README.md). The ``.py`` modules are installed
too, and Python runs them wherever no extension is built:

* ``REPORTPARSE_PURE=1`` in the environment builds none;
* an editable install (``pip install -e .``) builds none, so a work tree's edits take effect;
* a machine without a C compiler (or a failed compilation) gets a warning and pure Python.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from setuptools import Distribution, Extension, setup
from setuptools.command.build_ext import build_ext

PACKAGE = Path("src") / "reportparse"
# What parse_text runs for every report. Reading files, the store, exports and the commands stay
# pure Python: their time goes to I/O and to the libraries they call.
# Not model.py (a test reads its TypedDicts at run time) nor assemble/excerpt.py (a str subclass).
COMPILED = ("lang", "normalise", "recognise", "resolve", "segment", "assemble/__init__.py", "explain.py",
            "indicators.py", "lexicon.py", "mention.py", "metawarn.py", "pipeline.py", "scripts.py", "stopwatch.py",
            "textfind.py", "titles.py")


def compiled_sources() -> list[str]:
    """The source files mypyc compiles, in a stable order."""
    found: list[Path] = []
    for name in COMPILED:
        path = PACKAGE / name
        found += sorted(path.rglob("*.py")) if path.is_dir() else [path]
    return [str(p) for p in found]


class OptionalBuildExt(build_ext):
    """Builds the compiled modules, or none of them: an editable install compiles none, and a
    failed build leaves pure Python (a half-built set would not import)."""

    def finalize_options(self) -> None:
        if self.distribution.ext_modules == [PLACEHOLDER]:
            self.distribution.ext_modules = translated() if _building_wheel(self.distribution) else []
        super().finalize_options()

    def run(self) -> None:
        try:
            super().run()
        except Exception as exc:  # a missing compiler raises several distutils and OS errors
            for output in self.get_outputs():
                Path(output).unlink(missing_ok=True)
            print(f"reportparse: WARNING: compiling with mypyc failed ({exc}); installing pure Python",
                  file=sys.stderr)


def _building_wheel(dist: Distribution) -> bool:
    """True in the run of setup.py that builds a (non-editable) wheel. pip runs setup.py three
    times (requirements, metadata, wheel), and egg_info finalizes build_ext in each: mypyc
    translates only in the last, about 20 s each time it runs."""
    return "bdist_wheel" in dist.command_obj and "editable_wheel" not in dist.command_obj


def translated() -> list[Extension]:
    """The mypyc extensions (C written into build/), or none when mypyc cannot translate."""
    try:
        from mypyc.build import mypycify

        return list(mypycify(compiled_sources(), opt_level="3"))
    except (Exception, SystemExit) as exc:  # mypyc reports a type error (a changed tree) by exiting
        print(f"reportparse: WARNING: mypyc could not translate the modules ({exc!r}); installing pure Python",
              file=sys.stderr)
        return []


# Stands for the compiled modules until build_ext translates them: it makes the wheel platform-specific
# and build_ext run. REPORTPARSE_PURE=1 asks for none.
PLACEHOLDER = Extension("reportparse._compiled", sources=[])
PURE = os.environ.get("REPORTPARSE_PURE", "") not in ("", "0")
setup(ext_modules=[] if PURE else [PLACEHOLDER], cmdclass={"build_ext": OptionalBuildExt})
