"""The embedded store: parsed documents and their claims in one SQLite file.

Documents are keyed by the SHA-256 of the report's bytes, claims by that and the claim id.
Each document row records the parser version, the parser fingerprint (a hash of the code and
data that parsed it), the schema version and the options it was parsed with (language and
metadata overrides), so a batch re-parses only what is new, changed or parsed otherwise.
Each document is kept whole (its JSON) and its claims as the flat long-form rows that exports
and diffs query.
"""

from __future__ import annotations

import json
import operator
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, NamedTuple

from .errors import InputError, StoreUnavailable
from .export import CSV_COLUMNS, document_json, flat_claim
from .sqlite_env import BUSY_SECONDS, describe_sqlite_error, dir_accepts_files, retry_locked

STORE_FORMAT = "2"
_INT64 = 2**63 - 1

_DOC_COLUMNS = ("path", "title", "region", "level", "report_year", "lang", "chars", "parser_version")
_SCHEMA = f"""
CREATE TABLE IF NOT EXISTS store_info (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    sha256 TEXT PRIMARY KEY,
    {", ".join(f"{c} {'INTEGER' if c in ('report_year', 'chars') else 'TEXT'}" for c in _DOC_COLUMNS)},
    schema_version TEXT NOT NULL,
    parser_fingerprint TEXT NOT NULL,
    options TEXT NOT NULL,
    claim_count INTEGER NOT NULL,
    parsed_at TEXT NOT NULL,
    document_json TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS claims (
    doc_sha256 TEXT NOT NULL REFERENCES documents(sha256) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL,
    {{claim_columns}},
    PRIMARY KEY (doc_sha256, id)
);
CREATE INDEX IF NOT EXISTS documents_region ON documents(region, report_year);
CREATE TABLE IF NOT EXISTS extracted_texts (path TEXT PRIMARY KEY, sha256 TEXT NOT NULL);
"""


def _quoted(names: list[str], prefix: str = "") -> str:
    """Column names quoted for SQL, comma-separated."""
    return ", ".join(f'{prefix}"{name}"' for name in names)


_CLAIM_COLUMNS = [c for c in CSV_COLUMNS if c != "doc_sha256"]
_SCHEMA = _SCHEMA.replace("{claim_columns}", _quoted(_CLAIM_COLUMNS))


_CLAIM_VALUES = operator.itemgetter(*_CLAIM_COLUMNS)
_NUMBERS_AT = [i for i, c in enumerate(_CLAIM_COLUMNS) if c in ("value", "low", "high", "rank_position", "rank_of")]
"""Where the claim's own numbers stand in a row: the columns whose integers may pass 64 bits (the
others hold years, offsets and words)."""


def _sql_value(value: Any) -> Any:
    """A JSON value as SQLite takes it: integers beyond 64 bits as floats."""
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > _INT64:
        return float(value)
    return value


def _claim_row(sha256: str, ordinal: int, flat: dict[str, Any]) -> tuple[Any, ...]:
    """A row of the claims table: the document, the claim's ordinal and its columns."""
    values = list(_CLAIM_VALUES(flat))
    for i in _NUMBERS_AT:
        values[i] = _sql_value(values[i])
    return (sha256, ordinal, *values)


_INSERT_CLAIM = (f"INSERT INTO claims (doc_sha256, ordinal, {_quoted(_CLAIM_COLUMNS)}) "
                 f"VALUES ({', '.join('?' * (len(_CLAIM_COLUMNS) + 2))})")


@dataclass(frozen=True)
class ClaimFilter:
    """Which claims to read: each field given must match (``year`` is the report year; ``metric``
    a standard indicator id or the metric as written)."""

    region: str | None = None
    year: int | None = None
    metric: str | None = None
    status: str | None = None
    kind: str | None = None

    def sql(self) -> tuple[str, list[Any]]:
        """A WHERE clause over claims ``c`` and documents ``d``, and its parameters."""
        tests = [("d.region = ?", self.region), ("d.report_year = ?", self.year), ("c.status = ?", self.status),
                 ("c.kind = ?", self.kind)]
        parts = [sql for sql, value in tests if value is not None]
        params: list[Any] = [value for _, value in tests if value is not None]
        if self.metric is not None:
            parts.append("(c.metric_id = ? OR c.metric_text = ?)")
            params += [self.metric, self.metric]
        return ("WHERE " + " AND ".join(parts) if parts else ""), params


class StoreRecord(NamedTuple):
    """What the store keeps of one document besides its metadata: the whole document as JSON (the
    text the ``json`` output writes) and its claims as rows of the claims table. Made in the worker
    that parsed the document, so the one process that writes the store only inserts."""

    document_json: str
    rows: list[tuple[Any, ...]]


def store_record(data: dict[str, Any]) -> StoreRecord:
    """The :class:`StoreRecord` of one parsed document."""
    doc = data["document"]
    rows = [_claim_row(doc["sha256"], n, flat_claim(claim, doc)) for n, claim in enumerate(data["claims"])]
    return StoreRecord(document_json(data), rows)  # the JSON output's text: a json batch writes it once


class Store:
    """A SQLite file of parsed documents; use as a context manager or call :meth:`close`."""

    def __init__(self, path: str | Path, create: bool = True) -> None:
        """Open the store at ``path``, creating it unless ``create`` is False. Without ``create``
        the store is only read: opened read-only (``mode=ro``), nothing created or changed in it,
        and a missing store is an :class:`InputError`. A store that cannot be opened for a reason
        of the machine (a lock, a permission, a damaged file) is a :class:`StoreUnavailable`."""
        self.path = Path(path)
        if not create and not self.path.is_file():
            raise InputError(str(self.path), "no such store (write one with: reportparse parse ... -o DIR)")
        try:
            self._db = self._open_writable() if create else self._open_read_only()
            found = self._db.execute("SELECT value FROM store_info WHERE key = 'format'").fetchone()
        except sqlite3.OperationalError as exc:
            if "no such table" in str(exc):
                raise InputError(str(self.path), "not a reportparse store (no store_info table)") from None
            raise StoreUnavailable(str(self.path), describe_sqlite_error(exc, self.path)) from None
        except sqlite3.DatabaseError as exc:
            if "malformed" in str(exc):
                raise StoreUnavailable(str(self.path), describe_sqlite_error(exc, self.path)) from None
            raise InputError(str(self.path), f"not a reportparse store ({exc})") from None
        if found is None or found[0] != STORE_FORMAT:
            raise InputError(str(self.path), f"store format {found[0] if found else 'missing'}, "
                             f"this reportparse reads {STORE_FORMAT}")

    def _open_writable(self) -> sqlite3.Connection:
        """Open (or create) the store for writing; safe when several processes create it at once."""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreUnavailable(str(self.path.parent), exc.strerror or str(exc)) from None
        db = sqlite3.connect(self.path, timeout=BUSY_SECONDS)
        db.execute("PRAGMA foreign_keys = ON")
        # a write-ahead log: one fsync per checkpoint, not per document; a crash of the
        # program still loses no committed document
        retry_locked(lambda: db.execute("PRAGMA journal_mode = WAL"))
        db.execute("PRAGMA synchronous = NORMAL")
        # one writer at a time creates the tables and the format row (IMMEDIATE takes the write lock first)
        db.isolation_level = None
        db.executescript(
            f"BEGIN IMMEDIATE; {_SCHEMA} INSERT OR IGNORE INTO store_info VALUES ('format', '{STORE_FORMAT}'); COMMIT;")
        db.isolation_level = "DEFERRED"  # back to the default: implicit transactions
        return db

    def _open_read_only(self) -> sqlite3.Connection:
        """Open the store read-only; on a read-only folder, where SQLite cannot make the
        write-ahead log's index beside it, as an immutable file (nobody can write there either)."""
        uri = self.path.resolve().as_uri() + "?mode=ro"
        try:
            db = sqlite3.connect(uri, uri=True, timeout=BUSY_SECONDS)
            db.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchone()
            return db
        except sqlite3.OperationalError as exc:
            if "unable to open" not in str(exc) or dir_accepts_files(self.path.parent):
                raise
        return sqlite3.connect(uri + "&immutable=1", uri=True)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the database connection."""
        self._db.close()

    @contextmanager
    def _machine_errors(self) -> Iterator[None]:
        """SQLite errors of the machine (a lock, a full disk, a read-only or damaged file) as
        :class:`StoreUnavailable` naming the store; errors of the program pass as they are."""
        try:
            yield
        except sqlite3.OperationalError as exc:
            raise StoreUnavailable(str(self.path), describe_sqlite_error(exc, self.path)) from None
        except sqlite3.DatabaseError as exc:
            if type(exc) is not sqlite3.DatabaseError:
                raise
            raise StoreUnavailable(str(self.path), describe_sqlite_error(exc, self.path)) from None

    def is_current(self, sha256: str, fingerprint: str, options: str) -> bool:
        """Whether the document with these bytes was parsed by this parser with these options."""
        with self._machine_errors():
            return self._is_current(sha256, fingerprint, options)

    def _is_current(self, sha256: str, fingerprint: str, options: str) -> bool:
        row = self._db.execute(
            "SELECT 1 FROM documents WHERE sha256 = ? AND parser_fingerprint = ? AND options = ?",
            (sha256, fingerprint, options),
        ).fetchone()
        return row is not None

    def put(self, data: dict[str, Any], fingerprint: str, options: str, record: StoreRecord | None = None) -> None:
        """Store one parsed document (``{"schema_version", "document", "claims"}``), replacing
        an earlier parse of the same bytes, in one transaction. ``record`` is its
        :func:`store_record` when a worker process has already made it."""
        doc = data["document"]
        record = record or store_record(data)
        with self._machine_errors(), self._db:
            self._db.execute("DELETE FROM documents WHERE sha256 = ?", (doc["sha256"],))
            self._db.execute(
                f"INSERT INTO documents (sha256, {', '.join(_DOC_COLUMNS)}, schema_version, parser_fingerprint, "
                f"options, claim_count, parsed_at, document_json) VALUES ({', '.join('?' * (len(_DOC_COLUMNS) + 7))})",
                (doc["sha256"], *(doc[c] for c in _DOC_COLUMNS), data["schema_version"], fingerprint, options,
                 len(data["claims"]), datetime.now(timezone.utc).isoformat(timespec="seconds"), record.document_json),
            )
            self._db.executemany(_INSERT_CLAIM, record.rows)

    def extracted_sha256(self, path: Path) -> str | None:
        """The SHA-256 of the extracted text last written to ``path`` by a batch, or None."""
        with self._machine_errors():
            row = self._db.execute("SELECT sha256 FROM extracted_texts WHERE path = ?", (str(path),)).fetchone()
        return None if row is None else str(row[0])

    def note_extracted(self, path: Path, sha256: str) -> None:
        """Record that a batch wrote extracted text with this SHA-256 to ``path``."""
        with self._machine_errors(), self._db:
            self._db.execute("INSERT OR REPLACE INTO extracted_texts VALUES (?, ?)", (str(path), sha256))

    def document(self, sha256: str) -> dict[str, Any]:
        """One stored document, whole, as the parser wrote it."""
        with self._machine_errors():
            row = self._db.execute("SELECT document_json FROM documents WHERE sha256 = ?", (sha256,)).fetchone()
        if row is None:
            raise KeyError(sha256)
        return dict(json.loads(row[0]))

    def documents(self) -> list[dict[str, Any]]:
        """Metadata of every stored document (sha256, path, region, level, report_year, claim_count, ...),
        ordered by region, year and path."""
        cur = self._db.execute(
            f"SELECT sha256, {', '.join(_DOC_COLUMNS)}, claim_count, parsed_at FROM documents "
            "ORDER BY region, report_year, path"
        )
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row)) for row in cur]

    def find(self, region: str, report_year: int) -> list[str]:
        """SHA-256s of the stored documents of one region and report year, latest parse first."""
        return [r[0] for r in self._db.execute(
            "SELECT sha256 FROM documents WHERE region = ? AND report_year = ? ORDER BY parsed_at DESC, path",
            (region, report_year),
        )]

    def count_claims(self, sha256: str, status: str, period: int) -> int:
        """How many claims of one stored document have this status and period."""
        return int(self._db.execute("SELECT COUNT(*) FROM claims WHERE doc_sha256 = ? AND status = ? AND period = ?",
                                    (sha256, status, period)).fetchone()[0])

    def claim_count(self) -> int:
        """How many claims the store holds."""
        return int(self._db.execute("SELECT COUNT(*) FROM claims").fetchone()[0])

    def long_rows(self, filters: ClaimFilter | None = None) -> Iterator[dict[str, Any]]:
        """Every claim (or those ``filters`` select) as a flat long-form row
        (:data:`~reportparse.export.CSV_COLUMNS`), documents in region, year and path order,
        claims in text order."""
        doc_cols = ("path", "region", "level", "report_year")
        claim_cols = [c for c in CSV_COLUMNS if c not in ("doc", "doc_sha256", *doc_cols)]
        where, params = (filters or ClaimFilter()).sql()
        cur = self._db.execute(
            f"SELECT d.path, d.sha256, d.region, d.level, d.report_year, {_quoted(claim_cols, 'c.')} "
            f"FROM claims c JOIN documents d ON d.sha256 = c.doc_sha256 {where} "
            "ORDER BY d.region, d.report_year, d.path, c.ordinal", params
        )
        names = ["doc", "doc_sha256", "region", "level", "report_year", *claim_cols]
        with self._machine_errors():
            for row in cur:
                yield dict(zip(names, row))
