"""The title a Markdown file's front matter gives its report, as document metadata.

The text decides first: the front matter's ``title:`` is the document's ``title`` only where the
pack read none from the text, and the region (with its level) the pack reads from that title only
where the text names none (or only guesses it: ``region_guessed``, the place the text names
most). The report year is never taken from a title: a collection's titles and file names are
sometimes another report's (the text says which year a report is).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from .normalise.markdown import front_matter


def with_title(meta: Mapping[str, Any], text: str, read: Callable[[str], Mapping[str, Any]]) -> dict[str, Any]:
    """``meta`` (read from the text) completed from the front matter ``text`` opens with, if any;
    ``read`` is the pack's metadata reader, applied to the title alone.

    >>> with_title({"title": None, "region": None, "level": None}, "---\\ntitle: T\\n---\\n",
    ...            lambda t: {"region": "R", "level": "city"})
    {'title': 'T', 'region': 'R', 'level': 'city'}
    """
    out = dict(meta)
    guessed = out.pop("region_guessed", False)
    title = front_matter(text)[1].get("title", "").strip()
    if not title:
        return out
    if not out.get("title"):
        out["title"] = title
    if (out.get("region") is None or guessed) and (told := read(title)).get("region"):
        out["region"], out["level"] = told["region"], told.get("level")
    return out
