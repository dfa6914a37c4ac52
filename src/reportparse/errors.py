"""Error types of reportparse: bad input files, bad language data, invalid output."""

from __future__ import annotations


def install_hint(extra: str) -> str:
    """How to install an optional extra, from the package index or from a clone of the repository."""
    return f"pip install 'reportparse[{extra}]' (in a clone of the repository: pip install '.[{extra}]')"


class ReportParseError(Exception):
    """Base class of every error reportparse raises on purpose."""


class InputError(ReportParseError):
    """A file could not be read or decoded; names the file and the reason (kept to one line)."""

    def __init__(self, path: str, reason: str) -> None:
        reason = " ".join(reason.split())
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason

    def __reduce__(self) -> tuple[type, tuple[str, str]]:
        return type(self), (self.path, self.reason)


class LexiconError(ReportParseError):
    """A language data file is missing or does not match its schema."""

    def __init__(self, file: str, where: str, reason: str) -> None:
        super().__init__(f"language data {file}: {where}: {reason}")
        self.file = file
        self.where = where
        self.reason = reason

    def __reduce__(self) -> tuple[type, tuple[str, str, str]]:
        return type(self), (self.file, self.where, self.reason)


class SchemaValidationError(ReportParseError):
    """A document produced by the parser does not validate: always a bug."""


class UnsupportedLanguageError(ReportParseError, ValueError):
    """The language asked for has no language data."""


class UsageError(ReportParseError):
    """The command line asks for something that cannot be meant: a bad value, a folder where a
    file is wanted, a diff of two regions; the command exits 64 without doing anything."""
