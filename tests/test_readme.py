"""Every command in the README, run from a fresh copy of the repository with no ``../shared`` beside
it, prints what the README says.

The copy holds the files a clone would (``git ls-files``: tracked and new unignored files, so no
``.venv``, no ``out/`` left from a run). The commands run with the installed ``reportparse``
script. The README is read, not restated: the commands come from its ``sh`` blocks (and the one
inline command the claim example names), and what each must print from the text that follows
its block up to the next command block or heading: the fenced output blocks, the markdown table
rows and the ``prints `...``` sentences.
"""

from __future__ import annotations

import json
import re
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[1]
README = (PROJECT / "README.md").read_text("utf-8")
_FENCE = re.compile(r"^```([a-z]*)\n(.*?)^```\n", re.M | re.S)
_SKIPPED = ("python3 -m venv", "pip install", "python -m pytest")  # the install itself: CI runs it


@dataclass
class Example:
    """One ``sh`` block of the README: its commands and what the text after it says they print."""

    commands: list[str]
    outputs: list[tuple[str, str]] = field(default_factory=list)  # (fence language, content)
    table_rows: list[str] = field(default_factory=list)
    prints: list[str] = field(default_factory=list)
    after: str = ""


def _command(line: str) -> str | None:
    """The reportparse command of a README line (after the install steps of ``a && b && c``)."""
    line = re.sub(r"\s+#.*$", "", line).strip()
    part = line.split("&&")[-1].strip()
    part = part.removeprefix(".venv/bin/")
    return part if part.startswith("reportparse ") else None


def readme_examples() -> list[Example]:
    """The README's command blocks, each with the expectations the text after it states."""
    blocks = list(_FENCE.finditer(README))
    examples: list[Example] = []
    for i, block in enumerate(blocks):
        if block.group(1) != "sh":
            continue
        commands = [c for c in map(_command, block.group(2).splitlines()) if c]
        if not commands:
            assert all(skip in block.group(2) for skip in ("pip install",)), block.group(2)
            continue
        nxt = next((b.start() for b in blocks[i + 1:] if b.group(1) == "sh"), len(README))
        heading = re.compile(r"^#{2,3} ", re.M).search(README, block.end())
        end = min(nxt, heading.start() if heading else len(README))
        after = README[block.end():end]
        example = Example(commands, after=after)
        for out in _FENCE.finditer(after):
            example.outputs.append((out.group(1), out.group(2)))
        prose = _FENCE.sub("", after)
        example.table_rows = [line for line in prose.splitlines()
                              if line.startswith("| ") and not set(line) <= set("|-: ")][1:]  # rows, not header
        for sentence in re.findall(r"prints (.*?)(?:\.\n|\.$|:\n)", prose, re.S):
            example.prints += [" ".join(t.split()) for t in re.findall(r"`([^`]+)`", sentence)]
        examples.append(example)
    return examples


EXAMPLES = readme_examples()


def _reportparse() -> list[str]:
    script = Path(sys.executable).with_name("reportparse")
    return [str(script)] if script.exists() else [sys.executable, "-m", "reportparse"]


@pytest.fixture(scope="module")
def clone(tmp_path_factory) -> Path:
    """A copy of the repository as a clone has it, in a folder with no ``shared`` beside it."""
    root = tmp_path_factory.mktemp("fresh") / "reportparse"
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                            cwd=PROJECT, capture_output=True, check=False)
    if listed.returncode == 0:
        for name in filter(None, listed.stdout.decode("utf-8").split("\0")):
            source = PROJECT / name
            if source.is_file():
                (root / name).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(source, root / name)
    else:  # not a git checkout (a source archive): copy it without build and run leftovers
        shutil.copytree(PROJECT, root, ignore=shutil.ignore_patterns(
            ".git", ".venv", ".ci-venv*", "build", "__pycache__", "*.egg-info", "out", ".pytest_cache", ".hypothesis"))
    assert not (root.parent / "shared").exists()
    assert (root / "corpus" / "SOURCES.md").is_file()
    return root


@pytest.fixture(scope="module")
def ran(clone) -> list[list[subprocess.CompletedProcess]]:
    """Every example's commands, run in order in the clone (later ones read what earlier ones wrote)."""
    results = []
    for example in EXAMPLES:
        runs = []
        for command in example.commands:
            args = _reportparse() + shlex.split(command)[1:]
            runs.append(subprocess.run(args, cwd=clone, capture_output=True, text=True, encoding="utf-8",
                                       timeout=600))
        results.append(runs)
    return results


def test_the_readme_has_the_examples_it_should():
    verbs = {shlex.split(c)[1] for e in EXAMPLES for c in e.commands}
    assert {"parse", "show", "diff", "export", "align"} <= verbs
    assert not [c for e in EXAMPLES for c in e.commands if "../shared" in c]
    assert EXAMPLES[0].commands == ["reportparse parse corpus -o out"]


@pytest.mark.parametrize("index", range(len(EXAMPLES)), ids=[e.commands[-1][:60] for e in EXAMPLES])
def test_readme_example(clone, ran, index):
    example, runs = EXAMPLES[index], ran[index]
    for command, result in zip(example.commands, runs):
        assert result.returncode == 0, f"{command}: exit {result.returncode}: {result.stderr}"
        assert "Traceback" not in result.stderr and "error:" not in result.stderr, command
    stdout = "".join(r.stdout for r in runs)
    said = stdout + "".join(r.stderr for r in runs)
    for text in example.prints:
        assert text in said, f"README says it prints {text!r}"
    for row in example.table_rows:
        assert row in stdout.splitlines(), f"README row not in the output: {row}"
    for lang, content in example.outputs:
        if lang == "json":
            _check_json_fragment(content, stdout)
        else:
            for line in content.splitlines():
                if line.strip() and line.strip() != "...":
                    assert line in stdout.splitlines(), f"README line not in the output: {line}"


def _check_json_fragment(content: str, stdout: str) -> None:
    """A README JSON block that abbreviates a claim (``..., ...}``): some claim of the output has
    every field it shows, with the value it shows."""
    shown = json.loads(re.sub(r",\s*\.\.\.\s*}", "}", content))
    claims = json.loads(stdout)["claims"]
    assert any(all(claim.get(k) == v for k, v in shown.items()) for claim in claims), shown


def test_quick_start_writes_what_it_says(clone, ran):
    out = clone / "out"
    stems = sorted(p.stem for p in (clone / "corpus").rglob("*.txt"))
    assert sorted(p.stem for p in out.glob("*.json")) == stems
    assert (out / "reportparse.sqlite").is_file()
    mentioned = re.findall(r"`(out/[^`]+)`", EXAMPLES[0].after)
    assert "out/2023-zhengzhou-erqi.json" in mentioned
    for path in mentioned:
        assert (clone / path).exists(), path


def test_the_claim_example(clone):
    """``One real claim, from `reportparse parse corpus/zh/2023-zhengzhou-erqi.txt`:`` and its JSON block."""
    command = re.search(r"One real claim, from `(reportparse [^`]+)`:\n\n```json\n(.*?)```", README, re.S)
    assert command, "the claim example is gone from the README"
    result = subprocess.run(_reportparse() + shlex.split(command.group(1))[1:], cwd=clone, capture_output=True,
                            text=True, encoding="utf-8", timeout=300)
    assert result.returncode == 0, result.stderr
    shown = json.loads(command.group(2))
    claims = {c["id"]: c for c in json.loads(result.stdout)["claims"]}
    assert claims[shown["id"]] == shown
