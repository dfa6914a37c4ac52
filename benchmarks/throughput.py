"""Throughput and start-up benchmark (a script, not a test).

Measures, in one run on the same texts:
  * chars/s of ``reportparse.parse_text`` (full claim extraction) over ../shared/corpus,
  * chars/s of jionlp's ``ner.extract_money`` (money only) when jionlp is installed,
  * start-up: a fresh interpreter importing reportparse and parsing one report.
Prints both rates side by side with their ratio. Absolute times on a shared machine are
noisy; the ratio measured in one run is the number to report.

usage: python benchmarks/throughput.py [CORPUS_DIR] [--rounds N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_CORPUS = HERE.parent.parent / "shared" / "corpus"


def rate(func: Callable[[str], object], texts: list[str], rounds: int) -> float:
    """Best-of-rounds chars per second of ``func`` over all texts."""
    chars = sum(len(t) for t in texts)
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        for text in texts:
            func(text)
        times.append(time.perf_counter() - start)
    return chars / min(times)


def startup(sample: Path) -> float:
    """Median wall time of `import reportparse; parse_file(sample)` in a fresh interpreter.

    One warm-up run first writes the bytecode caches and the lexicon's validation stamp, as
    an installed package has them (PYTHONDONTWRITEBYTECODE is dropped for the child).
    """
    code = f"import reportparse; reportparse.parse_file({str(sample)!r})"
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run([sys.executable, "-c", code], check=True, env=env)
    runs = []
    for _ in range(3):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True, env=env)
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    files = sorted(args.corpus.glob("*.txt"))
    if not files:
        print(f"no .txt files in {args.corpus}", file=sys.stderr)
        return 2
    texts = [f.read_text("utf-8") for f in files]
    chars = sum(len(t) for t in texts)
    print(f"corpus: {len(files)} files, {chars:,} chars, best of {args.rounds} rounds")

    import reportparse

    reportparse.parse_text(texts[0])  # load language data outside the timing
    ours = rate(reportparse.parse_text, texts, args.rounds)
    print(f"reportparse.parse_text (all claims):   {ours:12,.0f} chars/s")
    try:
        import jionlp
    except ImportError:
        print("jionlp not installed: `pip install jionlp` to compare")
    else:
        jionlp.ner.extract_money(texts[0])
        theirs = rate(jionlp.ner.extract_money, texts, args.rounds)
        print(f"jionlp.ner.extract_money (money only): {theirs:12,.0f} chars/s")
        print(f"ratio reportparse / jionlp:            {ours / theirs:12.2f}x")
    print(f"start-up (fresh interpreter, import + parse {files[0].name}): {startup(files[0]):.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
