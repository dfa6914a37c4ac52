"""Size limits that every reader enforces, and the command-line flags that set them."""

from __future__ import annotations

import argparse
from dataclasses import dataclass

from ..guards import positive_float, positive_int

_MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """How much a reader accepts before refusing a file.

    ``max_file_bytes`` caps the file as stored; ``max_unpacked_bytes`` the content unpacked
    from a .docx archive (all members read together, so a zip bomb stops there);
    ``max_chars`` the extracted text (parsing time grows with it); ``max_pages`` a PDF.
    """

    max_file_bytes: int = 64 * _MB
    max_unpacked_bytes: int = 256 * _MB
    max_chars: int = 8_000_000
    max_pages: int = 2000


def add_limit_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the ``--max-file-mb``, ``--max-unpacked-mb``, ``--max-chars`` and ``--max-pages`` flags."""
    d = Limits()
    group = parser.add_argument_group("input limits (a file over one is refused with an error)")
    group.add_argument("--max-file-mb", type=positive_float, default=d.max_file_bytes / _MB, metavar="MB",
                       help=f"largest input file (default {d.max_file_bytes // _MB})")
    group.add_argument("--max-unpacked-mb", type=positive_float, default=d.max_unpacked_bytes / _MB, metavar="MB",
                       help=f"largest content unpacked from a .docx (default {d.max_unpacked_bytes // _MB})")
    group.add_argument("--max-chars", type=positive_int, default=d.max_chars, metavar="N",
                       help=f"longest extracted text in characters (default {d.max_chars:,})")
    group.add_argument("--max-pages", type=positive_int, default=d.max_pages, metavar="N",
                       help=f"most pages read from a PDF (default {d.max_pages})")


def limits_from_args(args: argparse.Namespace) -> Limits:
    """The :class:`Limits` that the flags of :func:`add_limit_arguments` ask for."""
    return Limits(
        max_file_bytes=int(args.max_file_mb * _MB),
        max_unpacked_bytes=int(args.max_unpacked_mb * _MB),
        max_chars=args.max_chars,
        max_pages=args.max_pages,
    )
