"""Batch benchmark (a script, not a test): parse and store a whole corpus from the command line.

Measures, in one run, with the installed ``reportparse`` command on the same folder:
  * cold: ``reportparse parse CORPUS -o OUT -q`` into an empty OUT (all cores);
  * warm: the same command again (nothing changed: nothing is parsed);
  * serial: the cold run with ``--jobs 1``, for the parallel speed-up.
Prints the times and the ratios warm/cold and serial/cold. Absolute times on a shared machine
are noisy; the ratios measured in one run are the numbers to compare.

On Linux the cold run is watched through ``/proc/<pid>/schedstat`` (sampled every 0.2 s): the CPU
seconds of the main process (which writes the outputs and the store) and of the workers, the CPU
utilisation (all CPU seconds over wall time times the workers), and how much of their lives the
workers were runnable (on a core or waiting for one: 1.0 means the batch never left a worker
idle, whatever other programs took of the machine).

usage: python benchmarks/batch.py [CORPUS_DIR] [--jobs N] [--rounds N]
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
DEFAULT_CORPUS = HERE.parent.parent / "shared" / "corpus"


def timed_parse(corpus: Path, out: Path, *extra: str) -> float:
    """Seconds one ``reportparse parse`` command takes (it must succeed)."""
    return watched_parse(corpus, out, *extra)[0]


def _schedstat(pid: int) -> tuple[float, float] | None:
    """Seconds a process has run on a core and waited for one (None once it is gone)."""
    try:
        on_cpu, waiting, _slices = Path(f"/proc/{pid}/schedstat").read_text().split()
    except (OSError, ValueError):
        return None
    return int(on_cpu) / 1e9, int(waiting) / 1e9


def _children(pid: int) -> list[int]:
    """The processes whose parent is ``pid``."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def watched_parse(corpus: Path, out: Path, *extra: str) -> tuple[float, dict[int, list[float]]]:
    """Seconds one ``reportparse parse`` command takes, and per process of it (the main one
    first) [on-CPU s, waiting s, first seen, last seen] sampled from /proc (empty elsewhere)."""
    start = time.perf_counter()
    cmd = [sys.executable, "-m", "reportparse.cli", "parse", str(corpus), "-o", str(out), "-q", *extra]
    seen: dict[int, list[float]] = {}
    with subprocess.Popen(cmd) as proc:
        while proc.poll() is None and Path("/proc/self/schedstat").exists():
            now = time.perf_counter()
            for pid in [proc.pid, *_children(proc.pid)]:
                if (stat := _schedstat(pid)) is not None:
                    seen[pid] = [*stat, seen[pid][2] if pid in seen else now, now]
            time.sleep(0.2)
    if proc.returncode:
        raise subprocess.CalledProcessError(proc.returncode, cmd)
    return time.perf_counter() - start, seen


def utilisation(wall: float, seen: dict[int, list[float]], jobs: int) -> dict[str, Any]:
    """What the watched processes did: the writer's and the workers' CPU seconds, the CPU
    utilisation of ``jobs`` cores, and the share of their lives the workers were runnable."""
    if not seen:
        return {}
    main_pid, *workers = seen
    busy = [round((seen[w][0] + seen[w][1]) / max(seen[w][3] - seen[w][2], 1e-9), 2) for w in workers]
    return {"writer_cpu_s": round(seen[main_pid][0], 1), "workers_cpu_s": round(sum(seen[w][0] for w in workers), 1),
            "cpu_utilisation": round(sum(v[0] for v in seen.values()) / (wall * jobs), 2),
            "workers_runnable": busy}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--jobs", type=int, help="workers of the cold and warm runs (default: all cores)")
    ap.add_argument("--rounds", type=int, default=1, help="repeat the three runs, keep the best of each")
    args = ap.parse_args()
    if not args.corpus.is_dir():
        sys.exit(f"corpus folder not found: {args.corpus}")
    jobs = ["--jobs", str(args.jobs)] if args.jobs else []
    cold: list[float] = []
    warm: list[float] = []
    serial: list[float] = []
    watched: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for n in range(args.rounds):
            out = Path(tmp) / f"parallel-{n}"
            wall, seen = watched_parse(args.corpus, out, *jobs)
            if not cold or wall < min(cold):
                watched = utilisation(wall, seen, args.jobs or os.cpu_count() or 1)
            cold.append(wall)
            warm.append(timed_parse(args.corpus, out, *jobs))
            serial.append(timed_parse(args.corpus, Path(tmp) / f"serial-{n}", "--jobs", "1"))
        with sqlite3.connect(out / "reportparse.sqlite") as db:
            docs, claims, chars = db.execute(
                "SELECT COUNT(*), SUM(claim_count), SUM(chars) FROM documents").fetchone()
    result = {
        "documents": docs, "claims": claims, "chars": chars,
        "cold_s": round(min(cold), 2), "warm_s": round(min(warm), 2), "serial_s": round(min(serial), 2),
        "warm_over_cold": round(min(warm) / min(cold), 3), "serial_over_cold": round(min(serial) / min(cold), 2),
        **watched,
    }
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
