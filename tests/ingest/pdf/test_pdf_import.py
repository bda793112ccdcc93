"""PDF import: a PDF of an issue attaches to it; a PDF of an issue the library lacks
makes that issue; bad PDFs are named with the reason and change nothing."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from bookstore.cli.main import main
from bookstore.export.epub.writing import export_epub
from bookstore.export.pdf.writing import export_pdf
from bookstore.ingest.batch import import_paths
from bookstore.library.library import Library
from bookstore.resource_files import resource_path


def _publisher_pdf(path: Path, label: str = "Biuletyn PISM nr 12 (1300)") -> Path:
    """A Polish publisher's PDF in a layout of its own: label, title, authors, date."""
    pdfmetrics.registerFont(TTFont("TestSans", str(resource_path("fonts", "DejaVuSans.ttf"))))
    page = canvas.Canvas(str(path), pagesize=A4)
    y = 780
    for size, text in [
        (9, label),
        (18, "Kolej dużych prędkości w Europie Środkowej"),
        (10, "Jan Kowalski, Anna Wiśniewska"),
        (9, "5 kwietnia 2019"),
        (10, "Rządy regionu planują sieć szybkich połączeń kolejowych."),
        (12, "Co oznacza to dla Polski?"),
        (10, "Polska zyska na budowie linii łączących Warszawę z Łodzią."),
    ]:
        page.setFont("TestSans", size)
        page.drawString(60, y, text)
        y -= size * 2.2
    page.showPage()
    page.save()
    return path


def test_our_pdf_of_an_issue_attaches_to_that_issue(library: Library, tmp_path: Path):
    issue = library.list_issues()[3]
    pdf = export_pdf([issue], tmp_path / "issue.pdf")
    count = library.count()
    [outcome] = import_paths(library, [pdf]).outcomes
    assert (outcome.status, outcome.issue_id) == ("updated", issue.id)
    assert library.count() == count
    after = library.get(issue.id)
    assert (after.lead, after.sections, after.title) == (issue.lead, issue.sections, issue.title)
    [ref] = [f for f in after.files if f.kind == "pdf"]
    assert ref.sha256 == hashlib.sha256(pdf.read_bytes()).hexdigest()


@pytest.mark.parametrize("index", [0, 5, 12])
def test_a_pdf_of_an_issue_the_library_lacks_makes_it(
    sample_issues, empty_library: Library, tmp_path: Path, index: int
):
    issue = sample_issues[index]
    empty_library.put_series(issue.series)
    pdf = export_pdf([issue], tmp_path / "issue.pdf")
    [outcome] = import_paths(empty_library, [pdf]).outcomes
    assert outcome.status == "imported", outcome.error
    made = empty_library.get(outcome.issue_id)
    fields = ("series", "number", "year", "running_number", "title", "date", "language",
              "authors", "lead")  # fmt: skip
    assert {f: getattr(made, f) for f in fields} == {f: getattr(issue, f) for f in fields}
    assert [s.heading for s in made.sections] == [s.heading for s in issue.sections]
    last_words = " ".join(issue.sections[-1].paragraphs[-1].split()[-6:-1])
    assert outcome.issue_id in empty_library.search_ids(f'"{last_words}"')


def test_a_publishers_pdf_in_its_own_layout(library: Library, tmp_path: Path):
    [outcome] = import_paths(library, [_publisher_pdf(tmp_path / "b.pdf")]).outcomes
    assert outcome.status == "imported", outcome.error
    issue = library.get(outcome.issue_id)
    assert (issue.series.slug, issue.number, issue.running_number, issue.year) == (
        "bulletin", 12, 1300, 2019,
    )  # fmt: skip
    assert issue.title == "Kolej dużych prędkości w Europie Środkowej"
    assert issue.authors == ("Jan Kowalski", "Anna Wiśniewska")
    assert (issue.date, issue.language) == (dt.date(2019, 4, 5), "pl")
    assert issue.lead.startswith("Rządy regionu")
    assert issue.sections[0].heading == "Co oznacza to dla Polski?"
    assert outcome.issue_id in library.search_ids("łodzia")


def test_a_pdf_of_a_series_no_library_knows_makes_the_series(
    empty_library: Library, tmp_path: Path
):
    pdf = _publisher_pdf(tmp_path / "m.pdf", label="Monitor Bałtycki nr 3 (45)")
    [outcome] = import_paths(empty_library, [pdf]).outcomes
    assert outcome.status == "imported", outcome.error
    assert (
        outcome.note
        == "new series “Monitor Bałtycki” (monitor-baltycki), made from the file's label"
    )
    issue = empty_library.get(outcome.issue_id)
    assert (issue.series.slug, issue.number, issue.running_number, issue.year) == (
        "monitor-baltycki", 3, 45, 2019,
    )  # fmt: skip
    assert issue.series.numbering == "running" and issue.series.names == {"pl": "Monitor Bałtycki"}
    assert issue.title == "Kolej dużych prędkości w Europie Środkowej"


def _bad_pdfs(tmp_path: Path, good: Path) -> dict[str, tuple[Path, str]]:
    writer = PdfWriter(clone_from=PdfReader(good))
    writer.encrypt("secret", algorithm="RC4-128")
    with (tmp_path / "locked.pdf").open("wb") as out:
        writer.write(out)
    scan = canvas.Canvas(str(tmp_path / "scan.pdf"), pagesize=A4)
    scan.rect(50, 50, 400, 600, fill=1)
    scan.showPage()
    scan.save()
    data = good.read_bytes()
    (tmp_path / "cut.pdf").write_bytes(data[: len(data) // 3])
    (tmp_path / "fake.pdf").write_bytes(b"%PDF-1.4\nnothing here\n")
    return {
        "encrypted": (tmp_path / "locked.pdf", "encrypted"),
        "image only": (tmp_path / "scan.pdf", "image-only"),
        "truncated": (tmp_path / "cut.pdf", "not a readable PDF"),
        "not a pdf": (tmp_path / "fake.pdf", "not a readable PDF"),
    }


def test_bad_pdfs_are_named_with_the_reason_and_change_nothing(library: Library, tmp_path: Path):
    good = export_pdf([library.list_issues()[0]], tmp_path / "good.pdf")
    folder = tmp_path / "bad"
    folder.mkdir()
    bad = _bad_pdfs(folder, good)
    before = (library.count(), [i.files for i in library.list_issues()])
    report = import_paths(library, [folder])
    assert (library.count(), [i.files for i in library.list_issues()]) == before
    errors = {Path(o.path).name: o.error for o in report.outcomes}
    for kind, (path, reason) in bad.items():
        assert errors[path.name].startswith(f"{path}: "), kind
        assert reason in errors[path.name], (kind, errors[path.name])
        assert "\n" not in errors[path.name]


def test_attach_a_file_to_a_chosen_issue(library: Library, tmp_path: Path, capsys):
    one, other = library.list_issues()[:2]
    epub = export_epub([other], tmp_path / "other.epub")
    pdf = _publisher_pdf(tmp_path / "p.pdf")
    root = str(library.root)
    assert main(["--library", root, "attach", str(one.id), str(epub)]) == 0
    assert main(["--library", root, "attach", str(one.id), str(pdf)]) == 0
    assert "attached" in capsys.readouterr().out
    files = {f.kind: f for f in library.get(one.id).files}
    assert (library.files_dir / files["epub"].path).read_bytes() == epub.read_bytes()
    assert (library.files_dir / files["pdf"].path).read_bytes() == pdf.read_bytes()
    garbage = tmp_path / "notes.txt"
    garbage.write_text("just notes")
    assert main(["--library", root, "attach", str(one.id), str(garbage)]) == 1
    assert main(["--library", root, "attach", "4242", str(pdf)]) == 1
    err = capsys.readouterr().err
    assert f"{garbage}: is neither an EPUB nor a PDF" in err and "4242" in err


def _without_bookmarks_and_metadata(pdf: Path, target: Path) -> Path:
    """The same pages, as a tool that drops bookmarks and document metadata writes them."""
    writer = PdfWriter()
    for page in PdfReader(pdf).pages:
        writer.add_page(page)
    with target.open("wb") as out:
        writer.write(out)
    return target


def test_our_collection_pdf_is_refused_not_read_as_one_made_up_issue(
    library: Library, tmp_path: Path, capsys
):
    root = str(library.root)
    pdf = tmp_path / "print.pdf"
    assert (
        main(["--library", root, "export", "pdf", "--query", "series:spotlight", "-o", str(pdf)])
        == 0
    )
    spotlights = len(library.list_issues(series="spotlight"))
    bare = _without_bookmarks_and_metadata(pdf, tmp_path / "bare.pdf")
    assert not PdfReader(bare).outline and not (PdfReader(bare).metadata or {}).get("/Subject")
    before = (library.count(), [i.files for i in library.list_issues()])
    capsys.readouterr()
    assert main(["--library", root, "import", str(pdf), str(bare)]) == 1
    err = capsys.readouterr().err
    assert (library.count(), [i.files for i in library.list_issues()]) == before
    for path in (pdf, bare):
        [line] = [line for line in err.splitlines() if line.startswith(f"failed: {path}: ")]
        assert f"is a collection of {spotlights} issues" in line, line
        assert "not one issue" in line


def test_a_collection_of_several_series_is_refused(library: Library, tmp_path: Path):
    issues = library.list_issues()[:5]
    pdf = export_pdf(issues, tmp_path / "mixed.pdf")
    [outcome] = import_paths(library, [pdf]).outcomes
    assert outcome.status == "failed"
    assert outcome.error.startswith(f"{pdf}: is a collection of 5 issues")


def test_a_single_issue_pdf_without_bookmarks_still_imports(library: Library, tmp_path: Path):
    issue = library.list_issues()[2]
    pdf = export_pdf([issue], tmp_path / "one.pdf")
    bare = _without_bookmarks_and_metadata(pdf, tmp_path / "bare.pdf")
    [outcome] = import_paths(library, [bare]).outcomes
    assert (outcome.status, outcome.issue_id) == ("updated", issue.id), outcome.error
