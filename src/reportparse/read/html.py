"""HTML pages: the article body as plain text, one line per block, without page furniture.

selectolax (lexbor) parses the page; the rules of ``layout.json`` drop elements that never hold
article text (scripts, navigation, share bars, font-size switches, related links), pick the
article container (a known container name, else the block holding the most paragraph text) and
drop the clutter lines (``<lang>/clutter.json``) left inside it.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Sequence
from typing import Any

from ..errors import InputError
from ..lexicon import Lexicon
from .extras import require
from .limits import Limits

_BLOCKS = frozenset(
    "address article blockquote br dd div dl dt figcaption figure h1 h2 h3 h4 h5 h6 hr li main ol p pre "
    "section table tbody td th thead tr ul".split()
)
_SPACES = re.compile(r"[ \t\r\n\f]+")
_CJK = re.compile(r"[\u3400-\u9fff]")
_PARAGRAPHS = "p, h1, h2, h3, h4, h5, h6, li, td"
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)[^>]*?(/?)>")
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
_FOREIGN = frozenset({"svg", "math"})  # inside these a self-closing tag makes an empty element
# Elements nested deeper than this are unwrapped before parsing, as Chromium's parser does
# (its tree is at most 512 deep); parsing time grows with the square of the depth.
MAX_DEPTH = 512
_MAX_CONTAINERS_TRIED = 20  # known containers checked for text (bounds the work on hostile pages)


def html_to_text(markup: str, path: str, lexicons: Sequence[Lexicon], limits: Limits | None = None) -> str:
    """The article text of an HTML page, one line per paragraph or heading.

    ``lexicons`` holds the language data of every language: the page is not yet known to be in
    one, so a clutter line of any of them is dropped (the layout rules are shared). A page of
    more elements than ``limits.max_elements`` is refused before it is parsed.
    """
    lex = lexicons[0]
    lexbor = require("selectolax.lexbor", "html", path, "HTML")
    tree = lexbor.LexborHTMLParser(_flatten(markup, MAX_DEPTH, path, (limits or Limits()).max_elements))
    root = tree.body or tree.root
    if root is None:
        return ""
    _drop_furniture(root, lex)
    lines = (line.strip() for line in _block_text(_article(root, lex)).split("\n"))
    return "\n".join(line for line in lines if line and not any(lx.is_clutter_line(line) for lx in lexicons))


def _flatten(markup: str, max_depth: int, path: str, max_elements: int) -> str:
    """The markup with the tags of elements nested deeper than ``max_depth`` left out (their
    text kept). Untouched when it is not that deep, which is every real page. Refuses a page of
    more than ``max_elements`` elements, counted as the tags go by, before anything is built."""
    depth = deepest = elements = 0
    for _tag, step in _steps(markup):
        elements += step >= 0  # an opening or void tag
        if elements > max_elements:
            raise InputError(path, f"refused: HTML of more than {max_elements:,} elements (--max-elements)")
        depth += step
        deepest = max(deepest, depth)
    if deepest <= max_depth:
        return markup
    out: list[str] = []
    pos = depth = dropped = 0
    for tag, step in _steps(markup):
        if step > 0 and depth >= max_depth:
            dropped += 1
        elif step < 0 and dropped:
            dropped -= 1
        else:
            depth = max(0, depth + step)
            continue
        out.append(markup[pos:tag.start()])
        pos = tag.end()
    out.append(markup[pos:])
    return "".join(out)


def _steps(markup: str) -> Iterator[tuple[re.Match[str], int]]:
    """Each tag of the markup with how it changes the depth of the tree an HTML parser builds:
    +1 for a tag that opens an element, -1 for one that closes it, 0 for a void element. As in
    HTML, ``<div/>`` opens a div (the slash counts only for void elements, and inside SVG and
    MathML, where ``<path/>`` is an empty element)."""
    foreign = 0
    for tag in _TAG.finditer(markup):
        closing, name, self_closing = tag.groups()
        name = name.lower()
        if name in _VOID or (self_closing and foreign):
            yield tag, 0
        elif closing:
            foreign -= name in _FOREIGN and foreign > 0
            yield tag, -1
        else:
            foreign += name in _FOREIGN and not self_closing
            yield tag, 0 if self_closing and name in _FOREIGN else 1


def _drop_furniture(root: Any, lex: Lexicon) -> None:
    """Remove elements that are page furniture: by tag, or by a clutter word in their class or id."""
    drop_tags = set(lex.words("layout", "html_drop_tags"))
    names = tuple(n.lower() for n in lex.words("layout", "html_drop_names"))
    doomed = []
    for node in root.traverse():
        if node.tag in drop_tags:
            doomed.append(node)
            continue
        label = _label(node)
        if label and any(n in label for n in names):
            doomed.append(node)
    for node in reversed(doomed):
        node.decompose()


def _label(node: Any) -> str:
    attrs = node.attributes if node.is_element_node else {}
    return f"{attrs.get('class') or ''} {attrs.get('id') or ''}".lower().strip()


def _article(root: Any, lex: Lexicon) -> Any:
    """The article container: the first known container with text, else the densest block."""
    known = {n.lower() for n in lex.words("layout", "html_content_names")}
    labelled = (node for node in root.traverse() if set(_label(node).split()) & known)
    for node in itertools.islice(labelled, _MAX_CONTAINERS_TRIED):
        if _CJK.search(node.text(deep=True) or ""):
            return node
    weight: dict[int, tuple[Any, int]] = {}
    for para in root.css(_PARAGRAPHS):
        parent = para.parent
        if parent is None:
            continue
        node, total = weight.get(parent.mem_id, (parent, 0))
        weight[parent.mem_id] = (node, total + len(_CJK.findall(para.text(deep=True) or "")))
    if not weight:
        return root
    best, total = max(weight.values(), key=lambda item: item[1])
    return best if total > 0 else root


def _block_text(container: Any) -> str:
    """The text under ``container`` with a line break around every block element.

    Walks the tree with an explicit stack, so deeply nested markup cannot exhaust recursion.
    """
    out: list[str] = []
    stack: list[Any] = [container]
    while stack:
        node = stack.pop()
        if isinstance(node, str):
            out.append(node)
        elif node.is_text_node:
            out.append(_SPACES.sub(" ", node.text_content or ""))
        elif node.is_element_node:
            block = node.tag in _BLOCKS
            if block:
                out.append("\n")
                stack.append("\n")
            stack.extend(reversed(list(node.iter(include_text=True))))
    return "".join(out)
