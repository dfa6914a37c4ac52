"""Run the real ``reportparse`` command line in a child process and measure it: exit code,
stdout (bytes), stderr and the child's peak resident memory (from ``os.wait4``, so earlier
children do not count)."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

_MAIN = "import sys; from reportparse.cli import main; sys.exit(main())"


@dataclass(frozen=True)
class Run:
    """What one command did."""

    code: int
    stdout: bytes
    stderr: str
    peak_mb: float


def run_cli(*args: str | os.PathLike[str] | bytes, cwd: Path | None = None, stdin: bytes | None = None) -> Run:
    """Run ``reportparse ARGS`` (arguments may be bytes: file names that are not UTF-8)."""
    argv: list[str | bytes | os.PathLike[str]] = [sys.executable, "-c", _MAIN, *args]
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(argv, stdout=out, stderr=err, cwd=cwd,
                                stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL)
        if stdin is not None and proc.stdin is not None:
            proc.stdin.write(stdin)
            proc.stdin.close()
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return Run(proc.returncode, out.read(), err.read().decode("utf-8", "replace"), usage.ru_maxrss / 1024)
