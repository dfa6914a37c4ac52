"""The doctests of every module of the installed package (the examples in docstrings run), found
through the package itself, so they run the same from a clone (editable install) and in CI (a
regular install)."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import reportparse

MODULES = sorted(m.name for m in pkgutil.walk_packages(reportparse.__path__, "reportparse.")
                 if m.name != "reportparse.__main__")


def test_the_package_has_doctests():
    found = sum(len(doctest.DocTestFinder().find(importlib.import_module(name))) for name in MODULES)
    assert found >= 10


@pytest.mark.parametrize("name", MODULES)
def test_doctests(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS, verbose=False)
    assert result.failed == 0, f"{name}: {result.failed} of {result.attempted} doctest examples failed"
