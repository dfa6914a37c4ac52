"""Run the real ``reportparse`` command line in a child process and measure it: exit code,
stdout (bytes), stderr and the command's own peak resident memory.

The peak is the process's ``VmHWM`` read as it exits: ``ru_maxrss`` would not do, as Linux
carries it over from the forking process (the test runner, hundreds of megabytes) through
``exec``. Worker processes of the command are not counted.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

_MAIN = """
import atexit, os, re, sys
def _peak():
    status = open("/proc/self/status").read()
    with open(os.environ["REPORTPARSE_TEST_PEAK"], "w") as fh:
        fh.write(re.search(r"VmHWM:\\s*(\\d+) kB", status).group(1))
atexit.register(_peak)
from reportparse.cli import main
sys.exit(main())
"""


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
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, tempfile.TemporaryDirectory() as tmp:
        peak_file = Path(tmp) / "peak"
        proc = subprocess.Popen(argv, stdout=out, stderr=err, cwd=cwd,
                                env={**os.environ, "REPORTPARSE_TEST_PEAK": str(peak_file)},
                                stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL)
        if stdin is not None and proc.stdin is not None:
            proc.stdin.write(stdin)
            proc.stdin.close()
        deadline = time.monotonic() + timeout
        while True:
            pid, status = os.waitpid(proc.pid, os.WNOHANG)
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
        peak_kb = int(peak_file.read_text()) if peak_file.exists() else 0
        return Run(proc.returncode, out.read(), err.read().decode("utf-8", "replace"), peak_kb / 1024)
