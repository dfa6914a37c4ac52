"""``reportparse show``: the review page of a real report, opened in headless Chromium (issue 5).

Skips only when Chromium is not installed; .ci/run installs it.
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest

import reportparse

PROJECT = Path(__file__).resolve().parents[1]
SEED = PROJECT / "corpus" / "zh" / "2023-zhengzhou-erqi.txt"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def _chromium(profile: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *args], capture_output=True, text=True,
                          encoding="utf-8", timeout=180)


@pytest.fixture
def page(tmp_path) -> Path:
    target = tmp_path / "report.html"
    result = subprocess.run([sys.executable, "-m", "reportparse.cli", "show", str(SEED), "-o", str(target)],
                            capture_output=True, text=True, encoding="utf-8", timeout=300)
    assert result.returncode == 0, result.stderr
    return target


def test_page_marks_every_claim_with_its_kind_and_status(page):
    claims = reportparse.parse_file(SEED).claims
    html = page.read_text("utf-8")
    marks = re.findall(r'<mark class="claim kind-(\w+) status-(\w+)"', html)
    assert sorted(marks) == sorted((c["kind"], c["status"]) for c in claims)
    assert html.count("<tr data-target=") == len(claims)


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (.ci/run installs it)")
def test_chromium_shows_every_claim_highlighted(page, tmp_path):
    n_claims = len(reportparse.parse_file(SEED).claims)
    dom = _chromium(tmp_path / "profile", "--dump-dom", page.as_uri())
    assert dom.returncode == 0, dom.stderr[-2000:]
    # the page's script counts the marks it finds in the live DOM
    assert re.search(r'<body data-highlighted="(\d+)"', dom.stdout).group(1) == str(n_claims)
    assert dom.stdout.count('<mark class="claim ') == n_claims

    shot = tmp_path / "review.png"
    result = _chromium(tmp_path / "profile", f"--screenshot={shot}", "--window-size=1400,900", page.as_uri())
    assert result.returncode == 0, result.stderr[-2000:]
    png = shot.read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", png[16:24]) == (1400, 900)
