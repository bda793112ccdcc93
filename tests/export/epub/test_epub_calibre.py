"""calibre reads back what the exporter wrote: series, authors, languages and cover,
and files a bundle as no issue of a series.

Needs calibre's ``ebook-meta`` (Debian: the ``calibre`` package); skipped without it outside CI.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image

from bookstore.cli.main import main
from bookstore.export.epub.writing import export_epub

EBOOK_META = shutil.which("ebook-meta")
# .ci/run installs calibre, so in CI (CI=true) this never skips.
pytestmark = pytest.mark.skipif(
    EBOOK_META is None and not os.environ.get("CI"),
    reason="calibre's ebook-meta is not installed (apt-get install calibre)",
)


def _ebook_meta(path: Path, *options: str) -> dict[str, str]:
    assert EBOOK_META is not None
    result = subprocess.run(
        [EBOOK_META, str(path), *options], capture_output=True, text=True, check=True, timeout=120
    )
    fields = {}
    for line in result.stdout.splitlines():
        name, separator, value = line.partition(":")
        if separator and name.strip():
            fields[name.strip()] = value.strip()
    return fields


def test_calibre_reads_the_spotlight_bundle(tmp_path: Path):
    out = tmp_path / "out.epub"
    argv = ["--library", str(tmp_path / "library"), "export", "epub"]
    assert main([*argv, "--query", "series:spotlight", "-o", str(out)]) == 0
    cover = tmp_path / "cover.png"
    fields = _ebook_meta(out, f"--get-cover={cover}")
    assert fields["Title"] == "PISM Spotlight, 2018–2020"
    # A bundle is no issue of its series: calibre would file a series without a
    # position as issue #1.
    assert "Series" not in fields
    assert "#1" not in "\n".join(fields.values())
    authors = fields["Author(s)"].split(" & ")
    assert "Jonas Valiukas" in authors and "Михал Боровчик" in authors
    assert fields["Languages"] == "eng, pol, rus"
    assert fields["Publisher"] == "Polish Institute of International Affairs"
    with Image.open(cover) as image:
        assert image.size == (1200, 1800)


def test_calibre_reads_a_single_issue(sample_issues, tmp_path: Path):
    issue = next(i for i in sample_issues if f"{i.key}-{i.language}" == "bulletin-2019-26-pl")
    path = export_epub([issue], tmp_path / "one.epub")
    fields = _ebook_meta(path)
    assert fields["Title"] == issue.title
    assert fields["Series"] == f"Biuletyn PISM #{issue.running_number}"
    assert fields["Author(s)"].split(" & ") == list(issue.authors)
    assert fields["Languages"] == "pol"
    assert fields["Published"].startswith(issue.date.isoformat())
    assert fields["Tags"].split(", ") == list(issue.topics)
