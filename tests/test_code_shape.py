"""The shape of the code: small functions and modules, no language words in code, no import cycle.

Complexity is radon's cyclomatic complexity (the measure the language-packs issue set its bar in);
lengths count a function's lines from its ``def`` to its last line, decorators excluded.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "reportparse"
MODULES = sorted(SRC.rglob("*.py"))
MAX_COMPLEXITY = 15
MAX_FUNCTION_LINES = 40
MAX_MODULE_LINES = 300
CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]")
# Where CJK literals belong in code: the numeral and year characters of the Chinese writing system.
CJK_ALLOWED = {SRC / "lang" / "zh" / "numerals.py", SRC / "lang" / "zh" / "years.py"}
# A character class of code-point ranges names a script (the CJK blocks a pack counts), not a word.
SCRIPT_RANGES = re.compile(r"\[(?:.-.)+\]", re.S)


def _rel(path: Path) -> str:
    return path.relative_to(SRC).as_posix()


def _functions(tree: ast.AST) -> list[ast.FunctionDef | ast.AsyncFunctionDef]:
    return [n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))]


@pytest.mark.parametrize("path", MODULES, ids=_rel)
def test_module_is_short(path):
    lines = len(path.read_text("utf-8").splitlines())
    assert lines <= MAX_MODULE_LINES, f"{_rel(path)} has {lines} lines"


@pytest.mark.parametrize("path", MODULES, ids=_rel)
def test_functions_are_short(path):
    tree = ast.parse(path.read_text("utf-8"))
    long = [(f.name, f.end_lineno - f.lineno + 1) for f in _functions(tree)
            if f.end_lineno - f.lineno + 1 > MAX_FUNCTION_LINES]
    assert not long, f"{_rel(path)}: functions over {MAX_FUNCTION_LINES} lines: {long}"


@pytest.mark.parametrize("path", MODULES, ids=_rel)
def test_functions_are_simple(path):
    from radon.complexity import cc_visit

    blocks = [b for b in cc_visit(path.read_text("utf-8")) if b.letter in "FM"]
    complex_ = [(b.name, b.complexity) for b in blocks if b.complexity > MAX_COMPLEXITY]
    assert not complex_, f"{_rel(path)}: cyclomatic complexity over {MAX_COMPLEXITY}: {complex_}"


def _docstrings(tree: ast.AST) -> set[int]:
    ids = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                ids.add(id(first.value))
    return ids


def _help_texts(tree: ast.AST) -> set[int]:
    """String constants passed as ``help=`` or ``description=`` (command-line help may quote Chinese)."""
    return {id(n) for call in ast.walk(tree) if isinstance(call, ast.Call) for kw in call.keywords
            if kw.arg in ("help", "description", "epilog") for n in ast.walk(kw.value) if isinstance(n, ast.Constant)}


@pytest.mark.parametrize("path", [p for p in MODULES if p not in CJK_ALLOWED], ids=_rel)
def test_no_chinese_words_in_code(path):
    """Words live in the packs' data files: a CJK string literal in code (not a docstring or help
    text) is a word that belongs in data."""
    tree = ast.parse(path.read_text("utf-8"))
    skip = _docstrings(tree) | _help_texts(tree)
    found = [(n.lineno, n.value) for n in ast.walk(tree)
             if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in skip
             and CJK.search(SCRIPT_RANGES.sub("", n.value))]
    assert not found, f"{_rel(path)}: CJK literals in code: {found[:8]}"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path, top_level_only: bool) -> set[str]:
    """The reportparse modules a module imports (relative imports resolved); ``top_level_only``
    leaves out imports inside functions and ``if TYPE_CHECKING`` blocks (they do not run at import)."""
    tree = ast.parse(path.read_text("utf-8"))
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    nodes = tree.body if top_level_only else list(ast.walk(tree))
    out = set()
    for node in nodes:
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                target = f"{base}.{node.module}" if node.module else base
            else:
                target = node.module or ""
            if target.startswith("reportparse"):
                out.add(target)
                out.update(f"{target}.{a.name}" for a in node.names)
        elif isinstance(node, ast.Import):
            out.update(a.name for a in node.names if a.name.startswith("reportparse"))
    modules = {_module_name(p) for p in MODULES}
    return {t for t in out if t in modules and t != name}


def test_no_import_cycle():
    graph = {_module_name(p): _imports(p, top_level_only=True) for p in MODULES}
    assert graph["reportparse.lexicon"] >= {"reportparse.lang", "reportparse.validate"}  # the graph is read
    state: dict[str, int] = {}

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                raise AssertionError(f"import cycle: {' -> '.join([*path, node, nxt])}")
            if nxt not in state:
                visit(nxt, [*path, node])
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node, [])


def test_no_language_pack_imports_another():
    packs = {p.name for p in (SRC / "lang").iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    for path in MODULES:
        rel = path.relative_to(SRC).parts
        if rel[0] != "lang" or len(rel) < 3:
            continue
        others = {f"reportparse.lang.{code}" for code in packs - {rel[1]}}
        bad = {t for t in _imports(path, top_level_only=False) if any(t == o or t.startswith(o + ".") for o in others)}
        assert not bad, f"{_rel(path)} imports another pack: {sorted(bad)}"


def test_the_core_names_no_language_pack():
    """Nothing outside lang/ imports a pack's modules: the core reaches languages through the registry."""
    for path in MODULES:
        if path.relative_to(SRC).parts[0] == "lang":
            continue
        bad = {t for t in _imports(path, top_level_only=False) if t.startswith("reportparse.lang.") and
               t.split(".")[2] not in ("base",)}
        assert not bad, f"{_rel(path)} imports a language pack: {sorted(bad)}"
