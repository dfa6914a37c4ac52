"""Claims freeze: hash every document's claims, to prove a refactor changes no output.

Parses every ``.txt`` report of ``../shared/corpus``, ``../shared/seed``, ``../shared/english``,
the bundled ``corpus/`` and ``tests/data`` (language detected per text, as the CLI does), and
with ``--reports`` every Markdown report of ``../shared/reports`` too (read as ``reportparse parse``
reads them), and writes one line per file: the SHA-256 of its claims serialised as canonical JSON, and the
claim count. Run it before a change (``--write FILE``) and after (``--check FILE``): any
difference is listed by file.

usage: python benchmarks/freeze.py --write freeze.tsv | --check freeze.tsv [--reports] [--jobs N]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SHARED = ROOT.parent / "shared"
FOLDERS = [SHARED / "corpus", SHARED / "seed", SHARED / "english", ROOT / "corpus", ROOT / "tests" / "data"]
REPORTS = SHARED / "reports"


def texts(reports: bool = False) -> list[Path]:
    """Every text file the freeze covers, in a stable order; with ``reports`` the shared Markdown reports too."""
    found = [p for folder in FOLDERS if folder.is_dir() for p in folder.rglob("*.txt")]
    if reports and REPORTS.is_dir():
        found += REPORTS.rglob("*.md")
    return sorted(found)


def _key(path: Path) -> str:
    """The file's name in a freeze: shared/... or its path in the repository (the same in any clone)."""
    return f"shared/{path.relative_to(SHARED)}" if path.is_relative_to(SHARED) else str(path.relative_to(ROOT))


def digest(path: Path) -> tuple[str, str, int]:
    """The path, the SHA-256 of its claims and document metadata, and its claim count."""
    from reportparse import parse_file, parse_text

    doc = (parse_file(path) if path.suffix == ".md" else parse_text(path.read_text(encoding="utf-8"))).to_dict()
    doc["document"].pop("parser_version", None)
    doc["document"]["path"] = None  # a Markdown report's path differs between clones
    body = json.dumps([doc["document"], doc["claims"]], ensure_ascii=False, sort_keys=True)
    return _key(path), hashlib.sha256(body.encode("utf-8")).hexdigest(), len(doc["claims"])


def freeze(jobs: int, reports: bool) -> dict[str, tuple[str, int]]:
    """Hash of every covered text's claims, by path."""
    with ProcessPoolExecutor(jobs) as pool:
        return {path: (sha, n) for path, sha, n in pool.map(digest, texts(reports), chunksize=4)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--write", type=Path, help="write the freeze to this file")
    mode.add_argument("--check", type=Path, help="compare with a freeze written before")
    parser.add_argument("--reports", action="store_true", help="cover the Markdown reports of ../shared/reports too")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    now = freeze(args.jobs, args.reports)
    if args.write:
        args.write.write_text("".join(f"{p}\t{sha}\t{n}\n" for p, (sha, n) in sorted(now.items())), encoding="utf-8")
        print(f"{len(now)} documents, {sum(n for _, n in now.values())} claims frozen in {args.write}")
        return 0
    rows = (line.split("\t") for line in args.check.read_text("utf-8").splitlines())
    before = {p: (sha, int(n)) for p, sha, n in rows}
    changed = sorted(p for p in before.keys() | now.keys() if before.get(p) != now.get(p))
    for p in changed:
        print(f"changed: {p} {before.get(p)} -> {now.get(p)}")
    print(f"{len(now)} documents checked, {len(changed)} changed")
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main())
