"""Memory benchmark (a script, not a test): peak RSS of one parser worker on the largest reports.

Each of the ``--top`` largest report files of the folders (default ``../shared/reports`` and
``../shared/corpus``) is parsed by a fresh interpreter, as one worker of ``reportparse parse``
parses it (:func:`reportparse.parse_file`, with the claims serialised as the store keeps them);
the script prints that process's peak resident set size (``ru_maxrss``) per file and the largest.
The issue's bar: under 300 MB on any report of the shared folders.

usage: python benchmarks/memory.py [DIR ...] [--top N]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent / "shared"
SUFFIXES = (".txt", ".md")
WORKER = """
import json, resource, sys
from reportparse import parse_file
doc = parse_file(sys.argv[1])
json.dumps(doc.to_dict(), ensure_ascii=False)
print(len(doc.claims), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)
"""


def largest(folders: list[Path], top: int) -> list[Path]:
    """The ``top`` largest report files of the folders (by bytes)."""
    files = [p for folder in folders for p in folder.rglob("*") if p.suffix in SUFFIXES and p.is_file()
             and p.stem.upper() != "README"]
    return sorted(files, key=lambda p: p.stat().st_size, reverse=True)[:top]


def peak_mb(path: Path) -> tuple[int, int]:
    """Claims and peak RSS in MB of a fresh interpreter that parses ``path``."""
    done = subprocess.run([sys.executable, "-c", WORKER, str(path)], check=True, capture_output=True, text=True)
    claims, mb = done.stdout.split()
    return int(claims), int(mb)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folders", nargs="*", type=Path, default=[SHARED / "reports", SHARED / "corpus"])
    ap.add_argument("--top", type=int, default=5, help="how many of the largest files to parse")
    args = ap.parse_args()
    peaks = []
    for path in largest(args.folders, args.top):
        claims, mb = peak_mb(path)
        peaks.append(mb)
        row = {"file": str(path), "chars": len(path.read_text("utf-8")), "claims": claims, "peak_rss_mb": mb}
        print(json.dumps(row, ensure_ascii=False))
    print(f"largest peak RSS: {max(peaks, default=0)} MB over {len(peaks)} files")
    return 0


if __name__ == "__main__":
    sys.exit(main())
