"""Exit codes of the command line, and an argparse parser whose usage errors exit with the right one."""

from __future__ import annotations

import argparse
import sys
from typing import NoReturn

EXIT_NOTHING_DONE = 1
EXIT_FILES_FAILED = 2
EXIT_BUG = 3
EXIT_USAGE = 64  # EX_USAGE of BSD sysexits.h
EXIT_CODES = (
    "exit codes: 0 done; 1 nothing could be done (no input, a missing store, a bad manifest); "
    "2 some inputs failed (the others were done); 3 internal error (a bug: please report it); "
    "64 usage error (a bad option or value, a folder given for a file, a diff of two regions)"
)


class ArgumentParser(argparse.ArgumentParser):
    """argparse with usage errors exiting 64 (EX_USAGE), as the exit codes say, not argparse's 2."""

    def error(self, message: str) -> NoReturn:
        """Print the usage and ``prog: error: message``, and exit 64."""
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")
