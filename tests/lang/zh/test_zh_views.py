"""Typed views of the Chinese pack's data files: one per file, field for field, built once."""

from __future__ import annotations

import dataclasses

import pytest

from reportparse.lang.zh import views
from reportparse.lexicon import load_lexicon

VIEWS = {"grammar": views.grammar, "noise": views.noise, "qualifiers": views.qualifiers, "units": views.unit_words,
         "meta": views.meta_words, "cues": views.cue_words, "ranking": views.ranking_words, "regions": views.regions}


@pytest.mark.parametrize("name", sorted(VIEWS))
def test_view_has_every_key_of_its_file(name):
    lex = load_lexicon("zh")
    view = VIEWS[name](lex)
    keys = {k for k in lex.raw[name] if not k.startswith("_")} - ({"units"} if name == "units" else set())
    assert {f.name for f in dataclasses.fields(view)} == keys


@pytest.mark.parametrize("name", sorted(VIEWS))
def test_view_is_built_once_and_frozen(name):
    lex = load_lexicon("zh")
    view = VIEWS[name](lex)
    assert VIEWS[name](lex) is view
    field = dataclasses.fields(view)[0].name
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(view, field, None)


def test_word_lists_are_tuples():
    """A view cannot be changed through a list it hands out."""
    assert isinstance(views.cue_words(load_lexicon("zh")).growth_up, tuple)
