"""Instruction count of one parse pass (a script, not a test): the steadiest speed measure on a shared machine.

Run under callgrind with instrumentation off at start; the script parses (and validates) every
tenth text of ``throughput.py`` once untimed (patterns compiled, data loaded), then switches
callgrind's instrumentation on and parses them again, so the count is that of steady parsing only:

    valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file=/tmp/cg.out \\
        python benchmarks/instructions.py
    # "Collected : N" on stderr; callgrind_annotate --inclusive=yes /tmp/cg.out for the functions

Outside valgrind it runs both passes and counts nothing. See benchmarks/README.md.

usage: python benchmarks/instructions.py [--every N] [--passes N]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys

from throughput import SHARED, texts_of


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--every", type=int, default=10, help="take every Nth text of throughput.py's texts")
    ap.add_argument("--passes", type=int, default=1, help="counted passes after the warm-up pass")
    args = ap.parse_args()
    texts = texts_of(SHARED / "corpus", SHARED / "reports", 20)[:: args.every]
    if not texts:
        print(f"no texts under {SHARED}", file=sys.stderr)
        return 2
    import reportparse
    from reportparse.validate import validate_document

    def one_pass() -> None:
        for text in texts:
            validate_document(reportparse.parse_text(text).to_dict())

    one_pass()
    control = shutil.which("callgrind_control")
    if control:  # only a process run by callgrind answers; otherwise this does nothing
        subprocess.run([control, "-i", "on", str(os.getpid())], stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, check=False)
    for _ in range(args.passes):
        one_pass()
    print(f"{len(texts)} texts, {sum(map(len, texts)):,} chars, {args.passes} counted pass(es)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
