"""Bad selections and failed exports: a clear error, and no file left behind.
Also the command line end to end, and progress and cancelling through a Job."""

from __future__ import annotations

import dataclasses
import zipfile
from pathlib import Path

import pytest

import bookstore.export.epub.writing as epub_module
from bookstore.cli.main import main
from bookstore.errors import BookstoreError
from bookstore.export.epub.writing import EpubOptions, export_epub, export_epub_each
from bookstore.jobs import Cancelled, Job
from tests.export.epub.epub_helpers import Epub


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_empty_selection(tmp_path: Path):
    with pytest.raises(BookstoreError, match="nothing to export"):
        export_epub([], tmp_path / "out.epub")
    with pytest.raises(BookstoreError, match="nothing to export"):
        export_epub_each([], tmp_path)
    assert _leftovers(tmp_path) == []


def test_output_folder_missing_or_output_is_a_folder(sample_issues, tmp_path: Path):
    with pytest.raises(BookstoreError, match="does not exist") as error:
        export_epub(sample_issues[:2], tmp_path / "missing" / "out.epub")
    assert "out.epub" in str(error.value)
    (tmp_path / "taken.epub").mkdir()
    with pytest.raises(BookstoreError, match="it is a folder"):
        export_epub(sample_issues[:2], tmp_path / "taken.epub")
    with pytest.raises(BookstoreError, match="not a folder"):
        export_epub_each(sample_issues[:2], tmp_path / "missing")
    assert _leftovers(tmp_path) == ["taken.epub"]


def test_a_failure_while_writing_leaves_nothing(sample_issues, tmp_path: Path, monkeypatch):
    def broken(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(epub_module, "write_book", broken)
    with pytest.raises(BookstoreError, match=r"out\.epub: cannot write \(disk full\)"):
        export_epub(sample_issues, tmp_path / "out.epub")
    assert _leftovers(tmp_path) == []


def test_a_failed_export_keeps_the_previous_file(sample_issues, tmp_path: Path, monkeypatch):
    target = export_epub(sample_issues[:2], tmp_path / "out.epub")
    before = target.read_bytes()
    monkeypatch.setattr(epub_module, "render_cover", lambda *a: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        export_epub(sample_issues, target)
    assert target.read_bytes() == before
    assert _leftovers(tmp_path) == ["out.epub"]


def test_each_writes_all_or_nothing(sample_issues, tmp_path: Path, monkeypatch):
    real = epub_module.content.issue_page
    calls = []

    def fails_on_the_third(*args, **kwargs):
        calls.append(1)
        if len(calls) == 3:
            raise RuntimeError("boom")
        return real(*args, **kwargs)

    monkeypatch.setattr(epub_module.content, "issue_page", fails_on_the_third)
    with pytest.raises(RuntimeError):
        export_epub_each(sample_issues[:5], tmp_path)
    assert _leftovers(tmp_path) == []


def test_each_names_files_by_series_year_number_language(sample_issues, tmp_path: Path):
    chosen = [i for i in sample_issues if i.key == "spotlight-2019-3"]
    paths = export_epub_each(chosen, tmp_path)
    assert [p.name for p in paths] == [
        "spotlight-2019-3-en.epub",
        "spotlight-2019-3-pl.epub",
        "spotlight-2019-3-ru.epub",
    ]
    assert _leftovers(tmp_path) == sorted(p.name for p in paths)
    assert Epub(paths[2]).dc("language") == ["ru"]


def test_progress_is_reported_per_issue_and_cancel_removes_the_file(sample_issues, tmp_path: Path):
    seen: list[tuple[float, str]] = []
    job = Job(on_progress=lambda fraction, message: seen.append((fraction, message)))
    export_epub(sample_issues, tmp_path / "out.epub", job=job)
    fractions = [f for f, _ in seen]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    assert len(seen) == len(sample_issues) + 1
    assert {m for _, m in seen[:-1]} == {i.label for i in sample_issues}

    def cancel_halfway(fraction: float, message: str) -> None:
        if fraction > 0.5:
            job.cancel()

    job = Job(on_progress=cancel_halfway)
    with pytest.raises(Cancelled):
        export_epub(sample_issues, tmp_path / "cancelled.epub", job=job)
    job = Job(on_progress=cancel_halfway)
    (tmp_path / "each").mkdir()
    with pytest.raises(Cancelled):
        export_epub_each(sample_issues[:4], tmp_path / "each", job=job)
    assert _leftovers(tmp_path) == ["each", "out.epub"]
    assert _leftovers(tmp_path / "each") == []


def test_command_line_bundle_each_and_errors(tmp_path: Path, capsys):
    library = ["--library", str(tmp_path / "library")]
    out = tmp_path / "out.epub"
    assert main([*library, "export", "epub", "--query", "series:spotlight", "-o", str(out)]) == 0
    assert capsys.readouterr().out.strip() == str(out)
    book = Epub(out)
    assert book.dc("title") == ["PISM Spotlight, 2018–2020"]
    assert book.meta("dcterms:type") == ["Collection"]

    titled = tmp_path / "titled.epub"
    assert main([*library, "export", "epub", "1", "2", "--title", "Two", "-o", str(titled)]) == 0
    assert Epub(titled).dc("title") == ["Two"]
    capsys.readouterr()

    (tmp_path / "each").mkdir()
    argv = [
        *library,
        "export",
        "epub",
        "--query",
        "series:report",
        "--each",
        str(tmp_path / "each"),
    ]
    assert main(argv) == 0
    written = capsys.readouterr().out.split()
    assert len(written) == 3 and all(Path(p).parent == tmp_path / "each" for p in written)

    missing = tmp_path / "never.epub"
    assert main([*library, "export", "epub", "9999", "-o", str(missing)]) == 1
    assert "9999" in capsys.readouterr().err
    assert main([*library, "export", "epub", "--query", "zzyzx", "-o", str(missing)]) == 1
    assert "nothing to export" in capsys.readouterr().err
    assert main([*library, "export", "epub", "--query", "series:nosuch", "-o", str(missing)]) == 1
    assert "nosuch" in capsys.readouterr().err
    unwritable = tmp_path / "no-folder" / "x.epub"
    assert main([*library, "export", "epub", "1", "-o", str(unwritable)]) == 1
    assert "does not exist" in capsys.readouterr().err
    assert not missing.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "each",
        "library",
        "out.epub",
        "titled.epub",
    ]


def test_options_default_to_nothing():
    assert EpubOptions() == EpubOptions(title=None, publisher=None)


@pytest.mark.parametrize(
    ("year", "stamp"), [(2150, (2107, 12, 31, 23, 59, 58)), (1970, (1980, 1, 1, 0, 0, 0))]
)
def test_a_date_outside_what_zip_can_hold_is_clamped(sample_issues, tmp_path: Path, year, stamp):
    issue = dataclasses.replace(sample_issues[0], date=sample_issues[0].date.replace(year=year))
    export_epub([issue], tmp_path / "out.epub")
    with zipfile.ZipFile(tmp_path / "out.epub") as book:
        assert {entry.date_time for entry in book.infolist()} == {stamp}
    assert Epub(tmp_path / "out.epub").dc("date")[0].startswith(str(year))
