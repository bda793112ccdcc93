"""Importing into a library that starts empty (File → New Library without the sample,
``Library.open(with_sample=False)``, a restore into a new folder): it knows the
publisher's series, so pages, EPUBs and PDFs of them import; a series no library
knows is made from the name the file's label gives it, and the report says so."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from bookstore.cli.main import main
from bookstore.export.epub.writing import export_epub
from bookstore.export.pdf.writing import export_pdf
from bookstore.ingest.batch import import_paths
from bookstore.library.library import Library
from bookstore.library.sample import sample_catalog
from tests.conftest import SEED

LAYOUTS = Path(__file__).resolve().parents[1] / "data" / "layouts"
REFERENCE = SEED / "000_8446b2f723dbbf5c.txt"
needs_reference = pytest.mark.skipif(
    not REFERENCE.exists(), reason="the reference issue lives in ../shared/seed"
)


def test_a_new_empty_library_knows_the_publishers_series_and_holds_no_issue(
    empty_library: Library,
):
    series, _ = sample_catalog()
    assert empty_library.series() == sorted(series, key=lambda s: s.name.casefold())
    assert empty_library.count() == 0


@needs_reference
def test_the_reference_page_imports_into_a_new_empty_library(tmp_path: Path, capsys):
    root = str(tmp_path / "new")
    Library.open(root, with_sample=False).close()  # as File → New Library makes it
    assert main(["--library", root, "import", str(REFERENCE)]) == 0
    assert "1 imported, 0 updated, 0 failed" in capsys.readouterr().out
    with Library.open(root) as library:
        [issue] = library.list_issues()
    assert (issue.series.slug, issue.number, issue.year) == ("spotlight", 2, 2019)


def test_pages_epubs_and_our_pdfs_import_into_an_empty_library(
    empty_library: Library, sample_issues, tmp_path: Path
):
    bulletin = next(i for i in sample_issues if i.series.slug == "bulletin")
    policy = next(i for i in sample_issues if i.series.slug == "policy-paper")
    export_pdf([bulletin], tmp_path / "bulletin.pdf")
    export_epub([policy], tmp_path / "policy.epub")
    report = import_paths(
        empty_library, [LAYOUTS, tmp_path / "bulletin.pdf", tmp_path / "policy.epub"]
    )
    assert report.failed == 0, [o.error for o in report.outcomes if o.error]
    assert report.count("imported") == len(list(LAYOUTS.iterdir())) + 2
    assert all(o.note is None for o in report.outcomes)  # every series was known
    by_label = {issue.label: issue for issue in empty_library.list_issues()}
    assert by_label["PISM Report no. 3/2021"].price.amount == 45  # the publisher's price
    assert by_label[bulletin.label].title == bulletin.title
    assert by_label[policy.label].title == policy.title
    assert {s.slug for s in empty_library.series()} == {s.slug for s in sample_catalog()[0]}


def _without_any_series(root: Path) -> Library:
    """An empty library made before new libraries knew the publisher's series."""
    Library.open(root, with_sample=False).close()
    with sqlite3.connect(root / "library.sqlite") as db:
        db.execute("DELETE FROM series")
    library = Library.open(root)
    assert library.series() == []
    return library


@needs_reference
def test_a_library_without_series_makes_the_series_the_reference_page_names(tmp_path: Path):
    with _without_any_series(tmp_path / "old") as library:
        [outcome] = import_paths(library, [REFERENCE]).outcomes
        assert outcome.status == "imported", outcome.error
        assert (
            outcome.note
            == "new series “PISM Spotlight” (pism-spotlight), made from the file's label"
        )
        issue = library.get(outcome.issue_id)
        assert issue.title.startswith("Kim Jong-un’s Visit to China")
        assert (issue.number, issue.year, issue.series.name) == (2, 2019, "PISM Spotlight")


def _monitor_pages(folder: Path) -> list[Path]:
    """Three pages of a series no library knows, each naming it another way."""
    folder.mkdir()
    body = (
        "\nPorts are changing as coal gives way to wind power.\n\nWhat next?\n\n"
        "New quays are being built for the turbines.\n"
    )
    label = folder / "a-label.txt"  # the number line names it
    label.write_text(
        "Baltic Monitor: Ports after Coal\n\nBaltic Monitor no. 7/2021\n14 March 2021\n"
        "Ewa Grabowska\n" + body,
        encoding="utf-8",
    )
    jsonld = folder / "b-jsonld.html"  # only the page's metadata names it
    record = {
        "@type": "Article",
        "headline": "Wind Farms in the Gulf of Riga",
        "datePublished": "2021-04-02",
        "inLanguage": "en",
        "author": [{"@type": "Person", "name": "Jan Kowalski"}],
        "isPartOf": {
            "@type": "PublicationIssue",
            "name": "Baltic Monitor",
            "issueNumber": "9/2021",
        },
    }
    jsonld.write_text(
        '<html lang="en"><head><meta charset="utf-8"><script type="application/ld+json">'
        f"{json.dumps(record)}</script></head><body><article><h1>Wind Farms in the Gulf of Riga</h1>"
        "<p>Latvia and Estonia plan a joint wind farm.</p><h2>Who pays?</h2>"
        "<p>The EU funds a part of it.</p></article></body></html>",
        encoding="utf-8",
    )
    crumbs = folder / "c-breadcrumb.txt"  # the reference layout: breadcrumb and heading
    crumbs.write_text(
        "Home > Publications > Baltic Monitors > Baltic Monitor: Grids without Russia\n\n"
        "Baltic Monitor: Grids without Russia\n\n11 January 2022\nOskar Pietrewicz\nno. 1/2022\n"
        + body,
        encoding="utf-8",
    )
    return [label, jsonld, crumbs]


def test_a_series_no_library_knows_is_made_from_the_label_and_reported(
    empty_library: Library, tmp_path: Path, capsys
):
    pages = _monitor_pages(tmp_path / "monitor")
    report = import_paths(empty_library, [tmp_path / "monitor"])
    assert [o.status for o in report.outcomes] == ["imported"] * 3, [
        o.error for o in report.outcomes
    ]
    notes = [o.note for o in report.outcomes]
    assert notes == [
        "new series “Baltic Monitor” (baltic-monitor), made from the file's label",
        None,
        None,
    ]
    issues = [empty_library.get(o.issue_id) for o in report.outcomes]
    assert [(i.series.slug, i.number, i.year) for i in issues] == [
        ("baltic-monitor", 7, 2021), ("baltic-monitor", 9, 2021), ("baltic-monitor", 1, 2022),
    ]  # fmt: skip
    assert [i.title for i in issues] == [
        "Ports after Coal", "Wind Farms in the Gulf of Riga", "Grids without Russia",
    ]  # fmt: skip
    assert empty_library.series_named("baltic-monitor").name == "Baltic Monitor"
    # The command line says it too, in words and in JSON.
    other = tmp_path / "other"
    assert main(["--library", str(other), "import", str(pages[0])]) == 0
    assert "(new series “Baltic Monitor” (baltic-monitor)" in capsys.readouterr().out
    assert main(["--library", str(other), "import", "--json", str(pages[1])]) == 0
    [entry] = json.loads(capsys.readouterr().out)["files"]
    assert (entry["status"], entry["note"]) == ("imported", None)  # the series is known now


@pytest.mark.parametrize(
    "number_line", ["no. 7/2021", "Published: no. 7/2021", "Issue no. 7/2021", "Numer nr 7/2021"]
)
def test_a_page_that_names_no_series_at_all_is_still_refused(
    empty_library: Library, tmp_path: Path, number_line: str
):
    page = tmp_path / "nameless.txt"
    page.write_text(
        f"Ports after Coal\n14 March 2021\n{number_line}\nEwa Grabowska\n\n"
        "Ports are changing as coal gives way to wind power.\n",
        encoding="utf-8",
    )
    [outcome] = import_paths(empty_library, [page]).outcomes
    assert outcome.status == "failed"
    assert outcome.error == f"{page}: unknown layout: the page names no series this library knows"
    assert empty_library.count() == 0 and len(empty_library.series()) == 5
