"""Run the real ``reportparse`` command line in a child process and measure it: exit code,
stdout (bytes), stderr and the child's peak resident memory (from ``os.wait4``, so earlier
children do not count)."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
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


def run_cli(*args: str | os.PathLike[str] | bytes, cwd: Path | None = None, stdin: bytes | None = None,
            timeout: float = 300) -> Run:
    """Run ``reportparse ARGS`` (arguments may be bytes: file names that are not UTF-8); a
    command still running after ``timeout`` seconds is killed and fails the test."""
    argv: list[str | bytes | os.PathLike[str]] = [sys.executable, "-c", _MAIN, *args]
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(argv, stdout=out, stderr=err, cwd=cwd,
                                stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL)
        if stdin is not None and proc.stdin is not None:
            proc.stdin.write(stdin)
            proc.stdin.close()
        deadline = time.monotonic() + timeout
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() > deadline:  # a hang is a failure, not a stuck test run
                proc.kill()
                proc.wait()
                raise AssertionError(f"reportparse {args!r} still running after {timeout} s")
            time.sleep(0.02)
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return Run(proc.returncode, out.read(), err.read().decode("utf-8", "replace"), usage.ru_maxrss / 1024)
