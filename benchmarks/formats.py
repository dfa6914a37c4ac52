"""Claims per input format against the UTF-8 text (a script, not a test; issue 5).

Writes each report of a corpus as GB18030 text, an HTML page with clutter, a .docx and a PDF
(with the writers of ``tests/report_files.py``), parses every version and counts the claims
that equal the UTF-8 version's in text, value, bounds, unit, kind, status and qualifier.

usage: python benchmarks/formats.py [CORPUS_DIR or REPORT ...]
"""

from __future__ import annotations

import sys
import tempfile
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))

import reportparse  # noqa: E402
from report_files import write_docx, write_html, write_pdf  # noqa: E402

FIELDS = ("text", "value", "low", "high", "unit", "kind", "status", "qualifier")
FORMATS = ("gb18030", "html", "docx", "pdf")


def claims(doc: reportparse.Document) -> Counter:
    """The claims of a document as a multiset of their compared fields."""
    return Counter(tuple(c[f] for f in FIELDS) for c in doc.to_dict()["claims"])


def versions(text: str, folder: Path) -> dict[str, Path]:
    """The report written in every format."""
    gb = folder / "report-gb.txt"
    gb.write_bytes(text.encode("gb18030"))
    return {"gb18030": gb, "html": write_html(text, folder / "report.html"),
            "docx": write_docx(text, folder / "report.docx"), "pdf": write_pdf(text, folder / "report.pdf")}


def main(args: list[str]) -> None:
    """Print one line per report and the totals per format."""
    paths = [Path(a) for a in args] or [HERE.parent.parent / "shared" / "corpus"]
    reports = [q for p in paths for q in (sorted(p.glob("*.txt")) if p.is_dir() else [p])]
    totals = {fmt: [0, 0, 0] for fmt in FORMATS}  # same, expected, extra
    for report in reports:
        text = report.read_text("utf-8-sig")
        expected = claims(reportparse.parse_text(text))
        row = []
        with tempfile.TemporaryDirectory() as tmp:
            for fmt, path in versions(text, Path(tmp)).items():
                got = claims(reportparse.parse_file(path))
                same, extra = sum((expected & got).values()), sum((got - expected).values())
                for i, n in enumerate((same, sum(expected.values()), extra)):
                    totals[fmt][i] += n
                row.append(f"{fmt} {same}/{sum(expected.values())} (+{extra})")
        print(f"{report.name}: " + " | ".join(row), flush=True)
    for fmt, (same, n, extra) in totals.items():
        print(f"{fmt}: {same}/{n} = {100 * same / max(n, 1):.2f}% of the UTF-8 claims, {extra} extra")


if __name__ == "__main__":
    main(sys.argv[1:])
