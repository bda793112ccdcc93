"""Bad selections, bad options and unwritable paths give clear errors; a failed or
cancelled export leaves nothing behind; progress is reported per issue; the CLI."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.pdfbase import pdfdoc

from bookstore.cli.main import main
from bookstore.errors import BookstoreError
from bookstore.export.pdf.writing import PdfOptions, export_pdf
from bookstore.jobs import Cancelled, Job
from tests.export.pdf.pdf_helpers import aachen, page_texts


def _leftovers(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir())


def test_nothing_to_export(tmp_path: Path):
    with pytest.raises(BookstoreError, match="nothing to export"):
        export_pdf([], tmp_path / "out.pdf")
    assert _leftovers(tmp_path) == []


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (PdfOptions(paper="B5"), "unknown paper “B5”"),
        (PdfOptions(bleed_mm=-1), "bleed of -1 mm is out of range"),
        (PdfOptions(bleed_mm=25), "bleed of 25 mm is out of range"),
    ],
)
def test_bad_options(options, message, sample_issues, tmp_path: Path):
    with pytest.raises(BookstoreError, match=message):
        export_pdf(sample_issues[:1], tmp_path / "out.pdf", options)
    assert _leftovers(tmp_path) == []


def test_missing_folder_is_named(sample_issues, tmp_path: Path):
    target = tmp_path / "no" / "such" / "out.pdf"
    with pytest.raises(BookstoreError, match="does not exist") as raised:
        export_pdf(sample_issues[:1], target)
    assert str(target) in str(raised.value)


def test_unwritable_folder(sample_issues, tmp_path: Path):
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    # root writes into any folder, but not into /proc
    target = Path("/proc/self/out.pdf") if os.geteuid() == 0 else folder / "out.pdf"
    try:
        with pytest.raises(BookstoreError, match="not writable") as raised:
            export_pdf(sample_issues[:1], target)
    finally:
        folder.chmod(0o700)
    assert str(target) in str(raised.value)
    assert not target.exists()


def test_destination_that_is_a_folder(sample_issues, tmp_path: Path):
    (tmp_path / "out.pdf").mkdir()
    with pytest.raises(BookstoreError, match="it is a folder"):
        export_pdf(sample_issues[:1], tmp_path / "out.pdf")
    assert _leftovers(tmp_path) == ["out.pdf"]


def test_text_the_fonts_cannot_print_is_refused(sample_issues, tmp_path: Path):
    issue = replace(aachen(sample_issues, "en"), title="Tokyo (東京) and the EU")
    with pytest.raises(BookstoreError, match=r"PISM Spotlight no\. 3/2019: .*東.*U\+6771"):
        export_pdf([issue], tmp_path / "out.pdf")
    assert _leftovers(tmp_path) == []


def test_failure_while_writing_keeps_the_old_file_and_leaves_no_part(
    sample_issues, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    target = tmp_path / "out.pdf"
    target.write_bytes(b"the previous export")

    def disk_full(self, *args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(pdfdoc.PDFDocument, "SaveToFile", disk_full)
    with pytest.raises(BookstoreError, match="the disk is full; nothing was written"):
        export_pdf(sample_issues[:3], target)
    assert _leftovers(tmp_path) == ["out.pdf"]
    assert target.read_bytes() == b"the previous export"


def test_progress_per_issue_and_cancellation(sample_issues, tmp_path: Path):
    reports: list[tuple[float, str]] = []
    export_pdf(sample_issues[:4], tmp_path / "ok.pdf", job=Job(lambda f, m: reports.append((f, m))))
    fractions = [fraction for fraction, _ in reports]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    messages = [message for _, message in reports]
    assert [issue.label for issue in sample_issues[:4]] == [
        m for m in messages if m in {issue.label for issue in sample_issues[:4]}
    ]

    job = Job()

    def cancel_after_two(fraction: float, message: str) -> None:
        if fraction >= 0.4:
            job.cancel()

    job.on_progress = cancel_after_two
    with pytest.raises(Cancelled):
        export_pdf(sample_issues[:6], tmp_path / "cancelled.pdf", job=job)
    assert _leftovers(tmp_path) == ["ok.pdf"]


def test_a_cancel_after_the_last_page_leaves_no_file(sample_issues, tmp_path: Path):
    """Cancelled once every page is laid out: it is said to be cancelled, so no file
    may be left (the window once said "nothing was written" beside a finished PDF)."""
    job = Job()
    # The layout's last report is at 0.95 * 2/3 (the third issue begins).
    job.on_progress = lambda fraction, message: job.cancel() if fraction >= 0.6 else None
    with pytest.raises(Cancelled):
        export_pdf(sample_issues[:3], tmp_path / "late.pdf", job=job)
    assert _leftovers(tmp_path) == []


def test_cli_print_command_from_the_issue(library, tmp_path: Path, capsys):
    target = tmp_path / "print.pdf"
    argv = ["--library", str(library.root), "export", "pdf", "--query", "series:spotlight"]
    code = main([*argv, "--paper", "A4", "--bleed", "3", "--crop-marks", "-o", str(target)])
    assert code == 0
    assert capsys.readouterr().out.strip() == str(target)
    reader = PdfReader(target)
    spotlights = library.search_ids("series:spotlight")
    assert len(reader.outline) >= len(spotlights) + 1
    assert "PISM Spotlight" in page_texts(target)[0]


def test_cli_errors_are_sentences_and_leave_no_file(library, tmp_path: Path, capsys):
    base = ["--library", str(library.root), "export", "pdf"]
    assert main([*base, "--query", "year:1900", "-o", str(tmp_path / "a.pdf")]) == 1
    assert "nothing to export" in capsys.readouterr().err
    missing = tmp_path / "missing" / "b.pdf"
    assert main([*base, "1", "-o", str(missing)]) == 1
    assert "does not exist" in capsys.readouterr().err
    assert _leftovers(tmp_path) == ["library"]
