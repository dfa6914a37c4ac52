"""Batch parsing: many reports, in parallel processes, into output files and the store.

Each input is hashed first; one whose bytes were already parsed by this parser with the same
options is not parsed again (its output file is rewritten from the store only if missing).
The rest are parsed in a pool of worker processes, validated and rendered there, and written
by this process: outputs atomically (temporary file, then rename), the store one document per
transaction, so an interrupted run leaves only complete files and complete documents. A file
that cannot be read, or whose parse fails, is reported and never stops the others.
"""

from __future__ import annotations

import ctypes
import hashlib
import json
import os
import signal
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from .atomic import write_atomic
from .batch_files import holds, keep_extracted_text, output_targets, resolved
from .errors import InputError, SchemaValidationError
from .export import render
from .fingerprint import parser_fingerprint
from .paths import printable_path
from .read import Limits, read_bytes
from .store import Store, StoreRecord, store_record

_PR_SET_PDEATHSIG = 1  # prctl(2): the signal a process gets when its parent ends


@dataclass(frozen=True)
class FileError:
    """One input that could not be parsed, and why."""

    path: str
    reason: str

    def to_json(self) -> str:
        """The error as one line of errors.jsonl."""
        return json.dumps({"path": printable_path(self.path), "error": printable_path(self.reason)}, ensure_ascii=False)


@dataclass
class BatchResult:
    """What a batch did: files parsed, files skipped as unchanged (``rerendered`` of them written
    again from the store because their output was missing), failures, claims written."""

    parsed: int = 0
    unchanged: int = 0
    rerendered: int = 0
    claims: int = 0
    failed: list[FileError] = field(default_factory=list)


@dataclass(frozen=True)
class _Job:
    path: Path
    target: Path
    sha256: str
    options: str
    overrides: Mapping[str, Any]
    current: bool  # the store holds this parse already


def options_key(lang: str, overrides: Mapping[str, Any]) -> str:
    """The parse options that change a document, as a canonical string stored with it."""
    return json.dumps({"lang": lang, "overrides": dict(overrides)}, sort_keys=True, ensure_ascii=False)


class Parsed(NamedTuple):
    """What a worker makes of one file: the document, its rendering, the extracted text claim
    spans point into when the file is not that text itself (None for UTF-8 plain text), and
    what the store keeps of it."""

    data: dict[str, Any]
    rendered: str
    extracted: str | None
    record: StoreRecord


def parse_to_output(path: str, lang: str, overrides: Mapping[str, Any], fmt: str,
                    limits: Limits | None = None) -> Parsed:
    """Parse one file, validate the document, render it and make its store rows: the worker's job.

    Raises :class:`InputError` for an unreadable file and :class:`SchemaValidationError` for an
    invalid document.
    """
    from .metawarn import warn
    from .pipeline import parse_file
    from .validate import validate_document

    doc = parse_file(path, lang=lang, overrides=overrides, limits=limits)
    data = doc.to_dict()
    validate_document(data)
    warn(path, data["document"]["metadata_warnings"])
    extracted = None if doc.source is None or doc.source.is_plain_utf8 else doc.source.text
    record = store_record(data)
    return Parsed(data, record.document_json if fmt == "json" else render(data, fmt), extracted, record)


def die_with_parent(parent: int) -> None:
    """Make this worker process end when its parent does, even by SIGKILL (Linux; elsewhere a
    worker notices only when it next asks for work)."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # the parent died before the call took effect
        os._exit(1)


def _cores() -> int:
    """The cores this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def _failure_reason(exc: BaseException) -> str:
    if isinstance(exc, InputError):
        return exc.reason
    if isinstance(exc, SchemaValidationError):
        return f"internal error (please report): {exc}"
    detail = " ".join(str(exc).split())  # one line on stderr and in errors.jsonl
    return f"internal error (please report): {type(exc).__name__}: {detail}"


def _run_job(path: str, lang: str, overrides: Mapping[str, Any], fmt: str,
             limits: Limits | None) -> Parsed | str:
    """:func:`parse_to_output` in a worker: its result, or why it failed (a string, which always
    crosses the process boundary, where an exception might not)."""
    try:
        return parse_to_output(path, lang, overrides, fmt, limits)
    except Exception as exc:  # one bad file must not stop the batch
        return _failure_reason(exc)


class Batch:
    """A batch run: inputs, output folder and format, store, options; :meth:`run` does it."""

    def __init__(self, out_dir: Path, fmt: str, store: Store, lang: str = "auto", jobs: int | None = None,
                 overrides_for: Callable[[Path], Mapping[str, Any]] = lambda _p: {},
                 limits: Limits | None = None) -> None:
        self.out_dir = out_dir
        self.fmt = fmt
        self.store = store
        self.lang = lang
        self.jobs = max(1, jobs or _cores())
        self.overrides_for = overrides_for
        self.limits = limits
        self.fingerprint = parser_fingerprint()

    def run(self, files: Sequence[Path], progress: Callable[[int], None] = lambda _n: None) -> BatchResult:
        """Parse ``files`` (calling ``progress(1)`` as each is done) and return what happened."""
        result = BatchResult()
        self.out_dir.mkdir(parents=True, exist_ok=True)
        todo: list[_Job] = []
        for path, target in output_targets(files, self.out_dir, self.fmt).items():
            try:
                job = self._plan(path, target)
            except InputError as exc:
                result.failed.append(FileError(str(path), exc.reason))
                progress(1)
                continue
            if job.current:
                result.unchanged += 1
                written = self._rerender(job)
                if written is not None:
                    result.rerendered += 1
                    result.claims += written
                progress(1)
            else:
                todo.append(job)
        todo.sort(key=lambda job: -job.path.stat().st_size)  # longest first: the workers finish together
        inputs = {resolved(path) for path in files}
        for job, outcome in self._execute(todo):
            if isinstance(outcome, str):
                result.failed.append(FileError(str(job.path), outcome))
            else:
                write_atomic(job.target, outcome.rendered)
                if outcome.extracted is not None:
                    keep_extracted_text(job.target.with_suffix(".txt"), outcome.extracted, inputs, self.store)
                self.store.put(outcome.data, self.fingerprint, job.options, outcome.record)
                result.parsed += 1
                result.claims += len(outcome.data["claims"])
            progress(1)
        self._write_errors(result.failed)
        return result

    def _plan(self, path: Path, target: Path) -> _Job:
        """The job of one input, marked current when the store already holds its parse."""
        sha = hashlib.sha256(read_bytes(path, self.limits or Limits())).hexdigest()
        overrides = dict(self.overrides_for(path))
        options = options_key(self.lang, overrides)
        return _Job(path, target, sha, options, overrides, self.store.is_current(sha, self.fingerprint, options))

    def _rerender(self, job: _Job) -> int | None:
        """Write a current job's output from the store when it is missing or not what the store
        renders (a rerun repairs a damaged output): the claims written, or None when it was intact."""
        data = self.store.document(job.sha256)
        rendered = render(data, self.fmt)
        if holds(job.target, rendered):
            return None
        write_atomic(job.target, rendered)
        return len(data["claims"])

    def _execute(self, todo: list[_Job]) -> Iterable[tuple[_Job, Any]]:
        """(job, :class:`Parsed` or why it failed) for each job, in the order they finish."""
        if self.jobs == 1 or len(todo) <= 1:
            for job in todo:
                yield job, _run_job(str(job.path), self.lang, job.overrides, self.fmt, self.limits)
            return
        from concurrent.futures import Future, ProcessPoolExecutor, as_completed

        with ProcessPoolExecutor(max_workers=min(self.jobs, len(todo)), initializer=die_with_parent,
                                 initargs=(os.getpid(),)) as pool:
            futures: dict[Future[Any], _Job] = {
                pool.submit(_run_job, str(job.path), self.lang, job.overrides, self.fmt, self.limits): job
                for job in todo
            }
            try:
                for future in as_completed(futures):
                    exc = future.exception()
                    # dropped as soon as it is handed on, so no finished result stays in memory
                    job = futures.pop(future)
                    yield job, _failure_reason(exc) if exc is not None else future.result()
            except BaseException:
                pool.shutdown(wait=False, cancel_futures=True)
                raise

    def _write_errors(self, failed: list[FileError]) -> None:
        """``errors.jsonl`` in the output folder lists this run's failures; none, no file."""
        target = self.out_dir / "errors.jsonl"
        if failed:
            write_atomic(target, "".join(e.to_json() + "\n" for e in failed))
        else:
            target.unlink(missing_ok=True)


def progress_bar(total: int, enabled: bool) -> Any | None:
    """A tqdm progress bar on stderr when ``enabled`` and stderr is a terminal, else None."""
    if not (enabled and sys.stderr.isatty()):
        return None
    from tqdm import tqdm

    return tqdm(total=total, unit="file", file=sys.stderr, dynamic_ncols=True)
