"""How the installation was built: setup.py compiles the parser with mypyc on ``pip install .``.

``.ci/run`` installs twice and says which build it expects in ``REPORTPARSE_EXPECT_BUILD``
(``compiled`` or ``pure``), so a build that silently fell back to pure Python, or compiled when
asked not to, fails CI. Everywhere else (a developer's editable install) the test of the
expectation is skipped; the others run.
"""

from __future__ import annotations

import importlib
import importlib.machinery
import os

import pytest

from reportparse.build_info import build_summary, compiled_modules

# What parse_text runs for every report: setup.py's COMPILED list must keep these.
PIPELINE = ("reportparse.pipeline", "reportparse.normalise", "reportparse.lang.zh.quantities",
            "reportparse.lang.zh.assemble", "reportparse.lang.zh.segment", "reportparse.resolve")


def test_compiled_modules_are_loaded_from_extensions():
    suffixes = tuple(importlib.machinery.EXTENSION_SUFFIXES)
    found = compiled_modules()
    for name in found:
        assert importlib.import_module(name).__file__.endswith(suffixes), name
    for name in PIPELINE:
        compiled = importlib.import_module(name).__file__.endswith(suffixes)
        assert compiled == (name in found), name


def test_summary_says_which_build():
    count = len(compiled_modules())
    assert build_summary() == (f"{count} modules compiled with mypyc" if count else "pure Python")


@pytest.mark.skipif("REPORTPARSE_EXPECT_BUILD" not in os.environ,
                    reason=".ci/run sets REPORTPARSE_EXPECT_BUILD for each of its two installs")
def test_the_build_ci_asked_for():
    expected = os.environ["REPORTPARSE_EXPECT_BUILD"]
    assert expected in ("compiled", "pure"), expected
    compiled = compiled_modules()
    if expected == "pure":
        assert compiled == []
    else:
        assert set(PIPELINE) <= set(compiled), sorted(set(PIPELINE) - set(compiled))
