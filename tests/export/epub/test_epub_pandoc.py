"""What converters see of our EPUBs: the text, never the catalog record the importer
reads back (a JSON file of its own, outside the spine).

Needs pandoc (Debian: the ``pandoc`` package); skipped without it outside CI.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from bookstore.export.epub.writing import export_epub
from tests.export.epub.epub_helpers import NS, Epub

PANDOC = shutil.which("pandoc")
needs_pandoc = pytest.mark.skipif(
    PANDOC is None and not os.environ.get("CI"),
    reason="pandoc is not installed (apt-get install pandoc)",
)
# What the record holds and how an attribute would carry it into Markdown.
RECORD_TRACES = ("data-bookstore", "&quot;", '"slug"', "running_number", "numbering")


def _markdown(path: Path) -> str:
    assert PANDOC is not None
    result = subprocess.run(
        [PANDOC, "-f", "epub", "-t", "markdown", str(path)],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    return result.stdout


@needs_pandoc
def test_pandoc_gives_the_text_and_no_json(sample_issues, tmp_path: Path):
    issue = next(i for i in sample_issues if f"{i.key}-{i.language}" == "bulletin-2019-26-pl")
    single = export_epub([issue], tmp_path / "one.epub")
    bundle = export_epub(sample_issues, tmp_path / "bundle.epub")
    for path, issues in ((single, [issue]), (bundle, sample_issues)):
        markdown = _markdown(path)
        for shown in issues:
            assert shown.title.split()[0] in markdown
        assert " ".join(issue.lead.split()[:4]) in " ".join(markdown.split())
        found = [trace for trace in RECORD_TRACES if trace in markdown]
        assert found == [], f"{path.name}: {found}"


def test_the_record_is_a_manifest_item_outside_the_spine(sample_issues, tmp_path: Path):
    book = Epub(export_epub(sample_issues, tmp_path / "bundle.epub"))
    items = {item.get("href"): item for item in book.manifest().values()}
    assert items["bookstore.json"].get("media-type") == "application/json"
    assert "bookstore.json" not in book.spine_hrefs()
    pages = [href for href in book.spine_hrefs() if href not in ("cover.xhtml", "title.xhtml")]
    for href in pages:
        assert b"data-bookstore" not in book.read(href)
    records = json.loads(book.read("bookstore.json"))["pages"]
    assert sorted(records) == sorted(pages)
    issue = next(i for i in sample_issues if f"{i.key}-{i.language}" == "bulletin-2019-26-en")
    assert records["bulletin-2019-26-en.xhtml"] == {
        "number": 26,
        "year": 2019,
        "running_number": issue.running_number,
        "price": issue.price.to_json() if issue.price else None,
        "series": {
            "slug": "bulletin",
            "name": "PISM Bulletin",
            "names": dict(issue.series.names),
            "numbering": "running",
            "issn": issue.series.issn,
            "price": issue.series.price.to_json() if issue.series.price else None,
        },
    }
    assert book.opf.xpath("//opf:itemref[@idref='bookstore-record']", namespaces=NS) == []
