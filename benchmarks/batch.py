"""Batch benchmark (a script, not a test): parse and store a whole corpus from the command line.

Measures, in one run, with the installed ``reportparse`` command on the same folder:
  * cold: ``reportparse parse CORPUS -o OUT -q`` into an empty OUT (all cores);
  * warm: the same command again (nothing changed: nothing is parsed);
  * serial: the cold run with ``--jobs 1``, for the parallel speed-up.
Prints the times and the ratios warm/cold and serial/cold. Absolute times on a shared machine
are noisy; the ratios measured in one run are the numbers to compare.

usage: python benchmarks/batch.py [CORPUS_DIR] [--jobs N] [--rounds N]
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_CORPUS = HERE.parent.parent / "shared" / "corpus"


def timed_parse(corpus: Path, out: Path, *extra: str) -> float:
    """Seconds one ``reportparse parse`` command takes (it must succeed)."""
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "reportparse.cli", "parse", str(corpus), "-o", str(out), "-q", *extra],
                   check=True)
    return time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--jobs", type=int, help="workers of the cold and warm runs (default: all cores)")
    ap.add_argument("--rounds", type=int, default=1, help="repeat the three runs, keep the best of each")
    args = ap.parse_args()
    if not args.corpus.is_dir():
        sys.exit(f"corpus folder not found: {args.corpus}")
    jobs = ["--jobs", str(args.jobs)] if args.jobs else []
    cold, warm, serial = [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        for n in range(args.rounds):
            out = Path(tmp) / f"parallel-{n}"
            cold.append(timed_parse(args.corpus, out, *jobs))
            warm.append(timed_parse(args.corpus, out, *jobs))
            serial.append(timed_parse(args.corpus, Path(tmp) / f"serial-{n}", "--jobs", "1"))
        with sqlite3.connect(out / "reportparse.sqlite") as db:
            docs, claims, chars = db.execute(
                "SELECT COUNT(*), SUM(claim_count), SUM(chars) FROM documents").fetchone()
    result = {
        "documents": docs, "claims": claims, "chars": chars,
        "cold_s": round(min(cold), 2), "warm_s": round(min(warm), 2), "serial_s": round(min(serial), 2),
        "warm_over_cold": round(min(warm) / min(cold), 3), "serial_over_cold": round(min(serial) / min(cold), 2),
    }
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
