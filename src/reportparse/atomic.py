"""Atomic file writes: write a temporary file beside the target, then rename it into place, so an
interrupted run leaves either the old file or the complete new one, never half of one."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """A temporary path to write instead of ``target``; renamed to ``target`` when the block
    ends without an exception, removed otherwise. The file gets the usual permissions (0666 less
    the umask), not the temporary file's 0600."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_atomic(target: Path, content: str) -> None:
    """Write ``content`` (UTF-8, newlines as given) to ``target`` atomically."""
    with atomic_path(target) as tmp:
        tmp.write_text(content, encoding="utf-8", newline="")
