"""What a batch reads and writes beside its outputs: the files a folder holds, one output name per
input, and the extracted text written beside an output without ever overwriting a user's file."""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

from .atomic import write_atomic
from .paths import printable_path
from .read import COLLECTION_NOTES, EXTENSIONS
from .store import Store


def discover(paths: Sequence[str | Path]) -> list[Path]:
    """The files to parse: files as given, folders searched recursively for report files (sorted).
    A link met in a folder that is not followed (to a folder, broken, or looping) is reported on
    stderr as skipped."""
    out: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if not p.is_dir():
            out.append(p)
            continue
        for q in sorted(p.rglob("*")):
            if q.is_symlink() and not q.is_file():
                why = "to a folder (links to folders are not followed)" if q.is_dir() else "broken or looping"
                print(f"reportparse: warning: {printable_path(q)}: link skipped, {why}", file=sys.stderr)
            elif q.suffix.lower() in EXTENSIONS and q.stem.lower() not in COLLECTION_NOTES and q.is_file():
                out.append(q)
    return out


def output_targets(files: Iterable[Path], out_dir: Path, fmt: str) -> dict[Path, Path]:
    """One output path per input, ``<stem>.<fmt>`` in ``out_dir``, numbered when stems repeat."""
    targets: dict[Path, Path] = {}
    used: set[Path] = set()
    for source in files:
        target = out_dir / f"{source.stem}.{fmt}"
        n = 2
        while target in used:
            target = out_dir / f"{source.stem}-{n}.{fmt}"
            n += 1
        used.add(target)
        targets[source] = target
    return targets


def holds(target: Path, content: str) -> bool:
    """Whether the file ``target`` exists and holds exactly ``content`` (UTF-8)."""
    try:
        return target.read_bytes() == content.encode("utf-8")
    except OSError:
        return False


def keep_extracted_text(target: Path, text: str, inputs: set[Path], store: Store) -> None:
    """Write the text that claim spans point into beside the output (``<stem>.txt``), unless
    that name is one of the inputs, or a file there that an earlier batch did not write (the
    store records what each wrote): a user's file is never overwritten."""
    if resolved(target) in inputs:
        print(f"reportparse: warning: {printable_path(target)}: is an input; extracted text not written",
              file=sys.stderr)
        return
    content = text.encode("utf-8")
    sha = hashlib.sha256(content).hexdigest()
    key = resolved(target)
    try:
        found: str | None = hashlib.sha256(target.read_bytes()).hexdigest()
    except FileNotFoundError:
        found = None
    if found is not None and found != sha and store.extracted_sha256(key) != found:
        print(f"reportparse: warning: {printable_path(target)}: a file reportparse did not write is there; "
              "extracted text not written", file=sys.stderr)
        return
    if found != sha:
        write_atomic(target, text)
    store.note_extracted(key, sha)


def resolved(path: Path) -> Path:
    """``path`` with its links followed, or as it is when they loop."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # RuntimeError: a symlink loop (Python before 3.13)
        return path.absolute()
