"""Throughput benchmark (a script, not a test): reportparse against jionlp and jieba, in one run.

On the same texts (``../shared/corpus`` and every Nth report of ``../shared/reports``), it measures:
  * chars/s of ``reportparse.parse_text`` (every claim) and of ``validate_document`` on its output,
  * chars/s of jionlp's ``ner.extract_money`` (money only; ``pip install ".[bench]"``),
  * chars/s of ``jieba.lcut`` (tokens with jieba's default dictionary),
  * chars/s of each pipeline stage (normalise, metadata, recognise, segment, assemble, validate),
  * the peak resident memory of this process,
  * the start-up time: a fresh interpreter importing reportparse and parsing one report.
After one untimed pass (every language's data loaded and compiled), each round times every
contender on all texts; the ratios are taken per round and the median of
the rounds is printed (absolute times on a shared machine are noisy; a ratio measured in one run
is the number to report). See benchmarks/README.md.

usage: python benchmarks/throughput.py [--corpus DIR] [--reports DIR] [--every N] [--rounds 3]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent / "shared"


def texts_of(corpus: Path, reports: Path, every: int) -> list[str]:
    """The corpus's .txt reports and every ``every``-th Markdown report of ``reports`` (not its README)."""
    files = sorted(corpus.glob("*.txt"))
    if every and reports.is_dir():
        files += sorted(f for f in reports.rglob("*.md") if f.name != "README.md")[::every]
    return [f.read_text("utf-8") for f in files]


def seconds(func: Callable[[str], object], texts: list[str]) -> float:
    """Wall time of ``func`` over every text."""
    start = time.perf_counter()
    for text in texts:
        func(text)
    return time.perf_counter() - start


def startup(sample: str) -> float:
    """Median wall time of `import reportparse; parse_text(sample)` in a fresh interpreter (after
    one warm-up run that writes the bytecode caches, as an installed package has them)."""
    code = "import sys, reportparse; reportparse.parse_text(sys.stdin.read())"
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run([sys.executable, "-c", code], input=sample, text=True, check=True, env=env)
    runs = []
    for _ in range(3):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], input=sample, text=True, check=True, env=env)
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def one_round(texts: list[str], contenders: dict[str, Callable[[str], object]]
              ) -> tuple[dict[str, float], dict[str, float]]:
    """Seconds of each contender over all texts, and seconds per stage of reportparse."""
    from reportparse import parse_text
    from reportparse.stopwatch import stage, timing
    from reportparse.validate import validate_document

    def ours(text: str) -> None:
        doc = parse_text(text)
        with stage("validate"):
            validate_document(doc.to_dict())

    with timing() as stages:
        took = {"reportparse": seconds(ours, texts)}
    for name, func in contenders.items():
        took[name] = seconds(func, texts)
    return took, stages


def contenders(texts: list[str]) -> dict[str, Callable[[str], object]]:
    """jionlp's money extractor and jieba's tokenizer, warmed up, when installed."""
    out: dict[str, Callable[[str], object]] = {}
    try:
        import jionlp
    except ImportError:
        print("jionlp not installed: pip install '.[bench]' to compare")
    else:
        out["jionlp.extract_money"] = jionlp.ner.extract_money
    import jieba

    jieba.setLogLevel(60)
    out["jieba.lcut"] = jieba.lcut
    for func in out.values():
        func(texts[0])
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=SHARED / "corpus")
    ap.add_argument("--reports", type=Path, default=SHARED / "reports")
    ap.add_argument("--every", type=int, default=20, help="take every Nth report of --reports (0: none)")
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    texts = texts_of(args.corpus, args.reports, args.every)
    if not texts:
        print(f"no texts in {args.corpus} or {args.reports}", file=sys.stderr)
        return 2
    chars = sum(len(t) for t in texts)
    print(f"texts: {len(texts)}, {chars:,} chars; {args.rounds} rounds, medians printed")
    import reportparse
    from reportparse.build_info import build_summary

    print(f"reportparse build: {build_summary()} (setup.py)")
    for text in texts:  # every language's data loaded (and compiled) outside the timing
        reportparse.parse_text(text)
    others = contenders(texts)
    rounds = [one_round(texts, others) for _ in range(args.rounds)]
    ours = statistics.median(chars / took["reportparse"] for took, _ in rounds)
    print(f"{'reportparse.parse_text + validate':36s} {ours:12,.0f} chars/s")
    for name in others:
        rate = statistics.median(chars / took[name] for took, _ in rounds)
        ratio = statistics.median(took[name] / took["reportparse"] for took, _ in rounds)
        print(f"{name:36s} {rate:12,.0f} chars/s   reportparse / {name}: {ratio:.2f}x")
    print("reportparse by stage (chars/s of the stage alone, share of the time):")
    total = statistics.median(sum(st.values()) for _, st in rounds)
    for name in rounds[0][1]:
        spent = statistics.median(st[name] for _, st in rounds)
        print(f"  {name:12s} {chars / spent:14,.0f} chars/s  {spent / total:6.1%}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS of this process (all contenders loaded): {peak:,.0f} MB")
    print(f"start-up (fresh interpreter, import + parse one report): {startup(texts[0]):.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
