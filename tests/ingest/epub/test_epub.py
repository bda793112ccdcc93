"""EPUB import: our own EPUBs and bundles come back exactly; other tools' EPUBs are
read from their metadata and spine."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import zipfile
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest

from bookstore.export.epub.writing import export_epub, export_epub_each
from bookstore.export.xhtml import attr
from bookstore.ingest.batch import import_paths
from bookstore.ingest.epub.reading import Placement
from bookstore.library.library import Library
from bookstore.model import Price
from tests.ingest.epub.book_makers import ebooklib_epub, pandoc_epub, png, rezip

RU_TEXT = {"lead": "Арктический совет собрался в Рованиеми.", "heading": "Что дальше?",
           "body": "Декларацию не приняли.", "more": "Совет продолжит работу."}  # fmt: skip
PL_TEXT = {"lead": "Porty Bałtyku zmieniają się szybko.", "heading": "Co dalej?",
           "body": "Przeładunki węgla maleją.", "more": "Rośnie energetyka wiatrowa."}  # fmt: skip
EN_TEXT = {"lead": "Ministers met in Brussels on Monday.", "heading": "What next?",
           "body": "The council will meet again.", "more": "Talks go on."}  # fmt: skip


def _comparable(issue):
    """An issue as the round trip must give it back: the library adds its files, and
    an issue whose file the user imported is the user's."""
    return replace(issue, files=(), owned=True)


def test_every_sample_issue_comes_back_from_its_epub_exactly(
    sample_issues, empty_library: Library, tmp_path: Path
):
    export_epub_each(sample_issues, tmp_path)
    report = import_paths(empty_library, [tmp_path])
    assert report.count("imported") == len(sample_issues) and report.failed == 0
    for issue in sample_issues:
        back = empty_library.get(empty_library.find_existing(issue))
        assert _comparable(back) == _comparable(issue), issue.label
        kinds = {file.kind: file for file in back.files}
        assert set(kinds) == {"epub", "cover"}
        stored = (empty_library.files_dir / kinds["epub"].path).read_bytes()
        assert hashlib.sha256(stored).hexdigest() == kinds["epub"].sha256
        assert stored == (tmp_path / f"{issue.key}-{issue.language}.epub").read_bytes()


def test_a_bundle_gives_all_of_its_issues_and_is_kept_once(
    sample_issues, empty_library: Library, tmp_path: Path
):
    bundle = export_epub(sample_issues, tmp_path / "bundle.epub")
    report = import_paths(empty_library, [bundle])
    assert report.count("imported") == len(sample_issues) == empty_library.count()
    paths = set()
    for issue in sample_issues:
        back = empty_library.get(empty_library.find_existing(issue))
        assert _comparable(back) == _comparable(issue), issue.label
        [file] = back.files
        assert file.kind == "bundle"
        paths.add(file.path)
    [path] = paths
    assert (empty_library.files_dir / path).read_bytes() == bundle.read_bytes()
    # The bundle stays while any of its issues does.
    empty_library.remove(report.outcomes[0].issue_id)
    assert (empty_library.files_dir / path).exists()


def test_importing_an_epub_again_updates_and_never_duplicates(library: Library, tmp_path: Path):
    issue = library.list_issues()[0]
    path = export_epub([issue], tmp_path / "one.epub")
    count = library.count()
    first = import_paths(library, [path])
    second = import_paths(library, [path])
    assert [o.status for o in first.outcomes + second.outcomes] == ["updated", "updated"]
    assert first.outcomes[0].issue_id == second.outcomes[0].issue_id == issue.id
    assert library.count() == count
    assert library.get(issue.id).owned


def test_an_ebooklib_epub_in_a_known_series_with_a_cover(library: Library, tmp_path: Path):
    path = ebooklib_epub(
        tmp_path / "arctic.epub", title="Арктический совет после Финляндии", language="ru",
        authors=["Анна Ковалёва", "Иван Петров", "Ольга Смирнова"], text=RU_TEXT,
        series=("PISM Spotlight", "41"), cover=True, subjects=("Арктика", "климат"),
    )  # fmt: skip
    [outcome] = import_paths(library, [path]).outcomes
    assert outcome.status == "imported", outcome.error
    issue = library.get(outcome.issue_id)
    assert (issue.series.slug, issue.number, issue.year) == ("spotlight", 41, 2021)
    assert issue.title == "Арктический совет после Финляндии"
    assert issue.authors == ("Анна Ковалёва", "Иван Петров", "Ольга Смирнова")
    assert (issue.language, issue.date) == ("ru", dt.date(2021, 3, 4))
    assert issue.topics == ("Арктика", "климат")
    assert issue.lead == RU_TEXT["lead"]
    assert issue.sections[0].heading == "Что дальше?"
    assert issue.sections[0].paragraphs == (RU_TEXT["body"], RU_TEXT["more"])
    cover = next(f for f in issue.files if f.kind == "cover")
    assert (library.files_dir / cover.path).read_bytes() == png()
    assert issue.id in [hit.issue.id for hit in library.search("декларацию рованиеми")]


def test_calibre_series_tags_make_a_new_series(library: Library, tmp_path: Path):
    path = ebooklib_epub(
        tmp_path / "c.epub", title="Ports of the Baltic", language="en",
        authors=["Jan Nowak"], text=EN_TEXT, calibre_series=("Baltic Papers", "3.0"),
    )  # fmt: skip
    [outcome] = import_paths(library, [path]).outcomes
    issue = library.get(outcome.issue_id)
    assert (issue.series.slug, issue.series.name, issue.number) == (
        "baltic-papers",
        "Baltic Papers",
        3,
    )
    assert "baltic-papers" in {s.slug for s in library.series()}


def test_an_epub_without_series_is_refused_unless_placed(library: Library, tmp_path: Path):
    path = ebooklib_epub(
        tmp_path / "plain.epub", title="Porty Bałtyku", language="pl",
        authors=["Zofia Łęcka"], text=PL_TEXT, identifier="urn:isbn:9788300000002",
    )  # fmt: skip
    count = library.count()
    [refused] = import_paths(library, [path]).outcomes
    assert refused.status == "failed"
    assert refused.error.startswith(str(path))
    assert "no series information" in refused.error and "--series" in refused.error
    assert library.count() == count
    placement = Placement(library.series_named("bulletin"), 140)
    [placed] = import_paths(library, [path], placement=placement).outcomes
    issue = library.get(placed.issue_id)
    assert (issue.series.slug, issue.number, issue.running_number, issue.year) == (
        "bulletin", 140, 140, 2021,
    )  # fmt: skip
    # Its identifier finds it again, without --series.
    [again] = import_paths(library, [path]).outcomes
    assert (again.status, again.issue_id) == ("updated", issue.id)
    assert library.count() == count + 1


@pytest.mark.parametrize("version", [2, 3])
def test_pandoc_epubs(library: Library, tmp_path: Path, version: int):
    (tmp_path / "cover.png").write_bytes(png("darkred"))
    with_series = pandoc_epub(
        tmp_path / f"series{version}.epub", version=version, title="Łódź i Gdańsk: porty",
        language="pl", authors=["Zofia Łęcka", "Jan Nowak"], text=PL_TEXT,
        series=("Biuletyn PISM", "77"), cover=tmp_path / "cover.png",
    )  # fmt: skip
    without = pandoc_epub(
        tmp_path / f"plain{version}.epub", version=version, title="Киев и Одесса",
        language="ru", authors=["Анна Ковалёва"], text=RU_TEXT,
    )  # fmt: skip
    first, second = import_paths(library, [with_series, without]).outcomes
    issue = library.get(first.issue_id)
    assert (issue.series.slug, issue.number, issue.running_number) == ("bulletin", 77, 77)
    assert issue.title == "Łódź i Gdańsk: porty" and issue.language == "pl"
    assert issue.authors == ("Zofia Łęcka", "Jan Nowak")
    assert issue.date == dt.date(2020, 11, 5)
    assert issue.lead == PL_TEXT["lead"]
    assert [s.heading for s in issue.sections] == ["Co dalej?"]
    assert {f.kind for f in issue.files} == {"epub", "cover"}
    assert second.status == "failed" and "no series information" in second.error


def _without_record_file(entries: dict[str, bytes]) -> dict[str, dict]:
    """Take the catalog record file and its manifest item out of an EPUB's entries;
    return the records it held, by page."""
    records = json.loads(entries.pop("EPUB/bookstore.json"))["pages"]
    opf = entries["EPUB/content.opf"]
    entries["EPUB/content.opf"] = re.sub(rb"<item [^>]*bookstore\.json[^>]*/>\s*", b"", opf)
    assert b"bookstore.json" not in entries["EPUB/content.opf"]
    return records


def test_our_epub_without_its_catalog_record_is_read_from_its_label(
    library: Library, tmp_path: Path
):
    issue = next(i for i in library.list_issues() if i.running_number)
    path = export_epub([issue], tmp_path / "one.epub")
    bare = rezip(path, tmp_path / "bare.epub", _without_record_file)
    [outcome] = import_paths(library, [bare]).outcomes
    assert (outcome.status, outcome.issue_id) == ("updated", issue.id)
    back = library.get(issue.id)
    assert (back.number, back.year, back.running_number) == (
        issue.number, issue.year, issue.running_number,
    )  # fmt: skip
    assert (back.title, back.lead, back.sections) == (issue.title, issue.lead, issue.sections)


def test_epubs_written_with_the_record_in_each_page_still_come_back_exactly(
    sample_issues, empty_library: Library, tmp_path: Path
):
    """Before the record had a file of its own, each page's <article> carried it in
    ``data-bookstore``."""
    priced = replace(sample_issues[0], price=Price(Decimal("4.50"), "EUR"), number=77)
    issues = [priced, *sample_issues[1:]]

    def as_before(entries: dict[str, bytes]) -> None:
        for page, record in _without_record_file(entries).items():
            text = json.dumps(record, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
            marked = f'<article data-bookstore="{attr(text)}">'.encode()
            entries[f"EPUB/{page}"] = entries[f"EPUB/{page}"].replace(b"<article>", marked, 1)

    old = rezip(export_epub(issues, tmp_path / "bundle.epub"), tmp_path / "old.epub", as_before)
    with zipfile.ZipFile(old) as archive:
        assert "EPUB/bookstore.json" not in archive.namelist()
        assert b"data-bookstore" in archive.read("EPUB/bulletin-2019-26-en.xhtml")
    report = import_paths(empty_library, [old])
    assert report.count("imported") == len(issues) and report.failed == 0
    for issue in issues:
        back = empty_library.get(empty_library.find_existing(issue))
        assert _comparable(back) == _comparable(issue), issue.label
    assert empty_library.get(empty_library.find_existing(priced)).price == priced.price


@pytest.mark.parametrize(
    "damage",
    [
        lambda record: record.update(number="seven"),
        lambda record: record.update(series={"slug": "../x", "names": {}}),
        lambda record: record.update(price={"amount": "NaN", "currency": "EUR"}),
        lambda record: record.clear(),
    ],
)
def test_a_damaged_record_is_left_out_and_the_issue_read_from_its_label(
    library: Library, tmp_path: Path, damage
):
    issue = next(i for i in library.list_issues() if i.running_number)
    path = export_epub([issue], tmp_path / "one.epub")

    def damaged(entries: dict[str, bytes]) -> None:
        record = json.loads(entries["EPUB/bookstore.json"])
        for page in record["pages"].values():
            damage(page)
        entries["EPUB/bookstore.json"] = json.dumps(record).encode()

    [outcome] = import_paths(library, [rezip(path, tmp_path / "d.epub", damaged)]).outcomes
    assert (outcome.status, outcome.issue_id) == ("updated", issue.id), outcome.error
    back = library.get(issue.id)
    assert (back.series.slug, back.number, back.running_number) == (
        issue.series.slug, issue.number, issue.running_number,
    )  # fmt: skip


def test_a_batch_reports_progress_through_its_job(library: Library, tmp_path: Path):
    from bookstore.jobs import Job

    export_epub_each(library.list_issues()[:3], tmp_path)
    seen: list[tuple[float, str]] = []
    report = import_paths(library, [tmp_path], job=Job(lambda f, m: seen.append((f, m))))
    assert [f for f, _ in seen] == [0.0, 1 / 3, 2 / 3, 1.0]
    assert seen[0][1].endswith(".epub") and seen[-1][1] == report.summary()
