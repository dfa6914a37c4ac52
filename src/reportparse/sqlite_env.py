"""SQLite and the machine: how long a writer waits for a lock, retrying while another process
holds it, whether a folder takes files, and what a SQLite error means for the user, in words."""

from __future__ import annotations

import os
import sqlite3
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

BUSY_SECONDS = 5.0  # how long a write waits for another process's write lock


def retry_locked(step: Callable[[], Any], tries: int = 20) -> Any:
    """Run a step of opening the store again while another process holds the lock (SQLite's
    busy wait does not cover switching the journal mode of a file being created)."""
    for attempt in range(tries):
        try:
            return step()
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or attempt == tries - 1:
                raise
            time.sleep(0.05 * (attempt + 1))
    raise AssertionError("unreachable")


def dir_accepts_files(folder: Path) -> bool:
    """Whether a file can be made in ``folder`` (root passes :func:`os.access` on a read-only mount)."""
    try:
        with tempfile.TemporaryFile(dir=folder):
            return True
    except OSError:
        return False


def describe_sqlite_error(exc: sqlite3.Error, path: Path) -> str:
    """What a SQLite error means for the user of the store at ``path``, in one line."""
    text = str(exc)
    if "locked" in text or "busy" in text:
        return f"locked by another process for over {BUSY_SECONDS:.0f} s ({text}); try again when it is done"
    if "readonly" in text or "read-only" in text:
        return f"cannot be written: the file or its folder is read-only ({text})"
    if "unable to open" in text:
        if not path.exists():
            return f"cannot be created: its folder is read-only or not writable ({text})"
        return f"{'permission denied' if not os.access(path, os.R_OK) else 'cannot be opened'} ({text})"
    if "malformed" in text or "disk image" in text:
        return f"the file is damaged ({text}); parse into a new store"
    if "disk is full" in text or "I/O" in text:
        return f"the disk failed or is full ({text})"
    return text
