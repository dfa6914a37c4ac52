"""Where the command line writes and reads: ``-o FILE`` (``-`` is stdout), ``-o DIR``, ``--db PATH``.

The rules the anchors (sort, jq, pandoc) taught analysts: ``-o -`` is standard output; a path
ending in ``/`` is a folder, as is an existing folder; a folder given where a file is wanted,
or a file where a folder is wanted, is a one-line usage error before anything is written.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from .atomic import write_atomic
from .errors import InputError, UsageError

STDOUT = "-"
DEFAULT_DB = "reportparse.sqlite"  # the store parse writes into its output folder


def names_folder(raw: str) -> bool:
    """Whether a path given on the command line means a folder: it ends in ``/`` or is one."""
    return raw.endswith(("/", os.sep)) or Path(raw).is_dir()


def file_output(raw: str | None, flag: str = "-o", example: str = "out.json") -> Path | None:
    """The file ``-o`` names, or None for standard output (no ``-o``, or ``-o -``).

    Raises :class:`UsageError` when it names a folder.
    """
    if raw is None or raw == STDOUT:
        return None
    if names_folder(raw):
        hint = str(Path(raw) / example)
        raise UsageError(f"{flag} {raw}: is a folder; give a file name (e.g. {hint}) or - for stdout")
    return Path(raw)


def folder_output(raw: str, flag: str = "-o") -> Path:
    """The folder ``-o`` names (created later, when there is something to write).

    Raises :class:`UsageError` when it names an existing file.
    """
    path = Path(raw)
    if path.exists() and not path.is_dir():
        raise UsageError(f"{flag} {raw}: is a file; this command writes several files, give a folder")
    return path


def parse_destinations(inputs: list[str], output: str | None, db: str | None) -> tuple[Path | None, Path | None]:
    """Where ``parse`` writes: its output folder (None: standard output, for one FILE without
    ``-o`` or with ``-o -``) and the store ``--db`` names (None: the default).

    Raises :class:`UsageError` for ``-o -`` with several inputs or a folder, a file given for the
    folder, a folder for the store.
    """
    one_file = len(inputs) == 1 and not Path(inputs[0]).is_dir()
    if output == STDOUT and not one_file:
        raise UsageError(f"-o {STDOUT} (stdout) takes one FILE; several inputs or a folder need -o DIR")
    to_stdout = one_file and output in (None, STDOUT)
    out_dir = None if to_stdout else folder_output(output or ".")
    return out_dir, store_to_write(db) if db else None


def format_of(target: Path | None, given: str | None) -> str:
    """The format asked for: ``given``, else the target's extension, else ``csv`` for stdout."""
    return given or ("csv" if target is None else target.suffix.lstrip(".").lower())


def emit(text: str, target: Path | None) -> None:
    """Write ``text`` to ``target`` atomically, or to standard output when ``target`` is None."""
    if target is None:
        sys.stdout.write(text)
    else:
        write_atomic(target, text)


def emit_file(write: Callable[[Path], None], target: Path | None, suffix: str) -> None:
    """Run ``write(path)``, a writer that needs a real file, into ``target``; with ``target``
    None, into a temporary file whose bytes then go to standard output."""
    if target is not None:
        write(target)
        return
    with tempfile.TemporaryDirectory(prefix="reportparse-") as tmp:
        path = Path(tmp) / f"stdout{suffix}"
        write(path)
        sys.stdout.flush()
        with path.open("rb") as src:
            shutil.copyfileobj(src, sys.stdout.buffer)
        sys.stdout.buffer.flush()


def store_to_read(raw: str, flag: str = "--db") -> Path:
    """The store file ``--db`` names for reading: a folder is a usage error (naming the store
    inside it when there is one), a missing file an :class:`InputError`."""
    path = Path(raw)
    if path.is_dir():
        inside = path / DEFAULT_DB
        hint = f" (did you mean {inside}?)" if inside.is_file() else ""
        raise UsageError(f"{flag} {raw}: is a folder, not a store file{hint}")
    if not path.exists():
        raise InputError(raw, "no such store (write one with: reportparse parse ... -o DIR)")
    return path


def store_to_write(raw: str, flag: str = "--db") -> Path:
    """The store file ``--db`` names for writing: a folder (or a path ending in ``/``) is a usage error."""
    if names_folder(raw):
        raise UsageError(f"{flag} {raw}: is a folder; give the store's file name (e.g. {Path(raw) / 'claims.sqlite'})")
    return Path(raw)
