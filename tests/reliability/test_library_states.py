"""Damaged, empty, read-only and full libraries: a sentence, and never a write."""

from __future__ import annotations

import dataclasses
import errno
import hashlib
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from bookstore.cli.main import main
from bookstore.errors import DamagedLibrary, DiskFull, ReadOnlyLibrary
from bookstore.library import opening
from bookstore.library.files import staging
from bookstore.library.library import Library
from bookstore.library.search.index import IndexProblem, ProblemKind
from tests.reliability.processes import run, write_pages

PAGES = Path(__file__).resolve().parents[1] / "data" / "pages"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def damaged(tmp_path: Path) -> Path:
    """A library whose database has garbage in the middle: the first page of the
    issue table, as a bad sector or a torn copy would leave it."""
    library = tmp_path / "damaged"
    Library.open(library).close()
    database = library / "library.sqlite"
    with sqlite3.connect(database) as db:
        page_size = db.execute("PRAGMA page_size").fetchone()[0]
        root = db.execute("SELECT rootpage FROM sqlite_master WHERE name = 'issue'").fetchone()[0]
    db.close()
    data = bytearray(database.read_bytes())
    at = (root - 1) * page_size
    data[at : at + page_size] = bytes(range(256)) * (page_size // 256)
    database.write_bytes(bytes(data))
    return library


def test_a_damaged_database_is_reported_with_how_to_recover(damaged: Path):
    before = _digest(damaged / "library.sqlite")
    for command in (["list"], ["search", "korea"], ["import", str(PAGES)], ["remove", "3"]):
        done = run(damaged, *command)
        assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
        assert "damaged" in done.stderr and "import" in done.stderr and "backup" in done.stderr
        assert len(done.stderr.strip().splitlines()) == 1
    assert _digest(damaged / "library.sqlite") == before  # never written to


def test_damage_found_after_opening_stops_all_writes(
    damaged: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr(opening, "QUICK_CHECK_LIMIT", 0)  # as for a large library
    with Library.open(damaged) as library:
        problems = []
        for issue_id in range(1, 27):
            try:
                library.get(issue_id)
                library.search(f"year:2018..2020 {issue_id}")
            except Exception as error:
                problems.append(library.translate(error))
        assert problems and all(isinstance(p, DamagedLibrary) for p in problems)
        with pytest.raises(DamagedLibrary, match=r"restore library\.sqlite from a backup"):
            library.remove(2)


def test_a_zero_byte_database_becomes_a_new_library(tmp_path: Path):
    (tmp_path / "lib").mkdir()
    (tmp_path / "lib" / "library.sqlite").touch()
    with Library.open(tmp_path / "lib") as library:
        assert len(library.series()) == 5 and library.count() == 26


def test_a_library_opened_read_only_reads_and_refuses_changes(library: Library, tmp_path: Path):
    issue = library.list_issues()[0]
    with Library.open(library.root, read_only=True) as reader:
        assert reader.read_only and reader.get(issue.id) == issue
        assert reader.search("series:spotlight")
        with pytest.raises(ReadOnlyLibrary, match="opened read-only; changes are refused"):
            reader.remove(issue.id)
    assert library.get(issue.id) == issue


def test_a_library_on_a_read_only_mount_can_be_browsed_and_exported(tmp_path: Path):
    library = tmp_path / "stick"
    assert run(library, "import", str(PAGES)).returncode == 0
    out = tmp_path / "out"
    out.mkdir()
    python = sys.executable
    script = f"""
set -e
mount --bind {library} {library}
mount -o remount,bind,ro {library}
touch {library}/probe 2>/dev/null && exit 99
{python} -m bookstore --library {library} list
{python} -m bookstore --library {library} search 'series:spotlight'
{python} -m bookstore --library {library} export epub 1 -o {out}/one.epub
if {python} -m bookstore --library {library} remove 1; then exit 98; fi
"""
    done = subprocess.run(
        ["unshare", "-rm", "sh", "-c", script], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, (done.returncode, done.stdout, done.stderr)
    assert "Traceback" not in done.stderr and (out / "one.epub").exists()
    assert "read-only folder or disk; changes are refused" in done.stderr


def test_check_on_a_read_only_mount_verifies_without_writing(tmp_path: Path):
    library = tmp_path / "stick"
    assert run(library, "import", str(PAGES)).returncode == 0
    # A second library whose index was left behind (its writer could not update it).
    behind = tmp_path / "behind"
    assert run(behind, "import", str(PAGES)).returncode == 0
    with Library.open(behind) as writer:
        writer.search_index_problem = IndexProblem(ProblemKind.DAMAGED, "kept behind")
        issue = writer.list_issues()[0]
        writer.save(dataclasses.replace(issue, title="Quokka in winter"))
    before = {path: path.stat().st_mtime_ns for path in library.rglob("*")}
    python = sys.executable
    script = f"""
mount --bind {library} {library}
mount -o remount,bind,ro {library}
mount --bind {behind} {behind}
mount -o remount,bind,ro {behind}
{python} -m bookstore --library {library} check; echo "sound=$?"
{python} -m bookstore --library {behind} check; echo "behind=$?"
{python} -m bookstore --library {behind} search quokka; echo "search=$?"
"""
    done = subprocess.run(
        ["unshare", "-rm", "sh", "-c", script], capture_output=True, text=True, check=False
    )
    out, err = done.stdout, done.stderr
    assert "Traceback" not in err and "cannot write" not in err, err
    assert "sound=0" in out and "the library is sound" in out, (out, err)
    assert "behind=1" in out and "1 changes behind the library" in out, (out, err)
    assert "search=0" in out and "Quokka in winter" in out, (out, err)
    assert {path: path.stat().st_mtime_ns for path in library.rglob("*")} == before


def test_an_empty_library_path_is_an_error(tmp_path: Path):
    done = subprocess.run(
        [sys.executable, "-m", "bookstore", "--library", "", "list"],
        capture_output=True, text=True, check=False, cwd=tmp_path,
    )  # fmt: skip
    assert done.returncode == 1 and "--library: the path is empty" in done.stderr


def test_a_full_disk_during_an_import_is_one_sentence_and_keeps_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
):
    pages = write_pages(tmp_path / "pages", 0, 30)
    library = tmp_path / "lib"
    Library.open(library).close()
    written = []

    def full(target: Path, data: object) -> tuple[str, int]:
        written.append(target)
        if len(written) > 12:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(target, data)

    real_write = staging._write
    monkeypatch.setattr(staging, "_write", full)
    code = main(["--library", str(library), "import", str(pages[0].parent)])
    err = capsys.readouterr().err
    assert code == 1 and "Traceback" not in err
    assert "the disk is full; nothing of this change was kept" in err
    with Library.open(library) as opened:
        assert opened.check() == [] and opened.count() == 26  # the chunk rolled back whole
        assert not list((opened.files_dir / staging.STAGING_FOLDER).iterdir())


def test_a_database_that_cannot_grow_is_a_full_disk(library: Library):
    library.db.execute(
        f"PRAGMA max_page_count = {library.db.execute('PRAGMA page_count').fetchone()[0]}"
    )
    issue = library.list_issues()[0]
    with pytest.raises(DiskFull, match="the disk is full"), library.transaction():
        for number in range(200):
            library.save(dataclasses.replace(issue, id=None, number=5000 + number, source_url=None))
    assert library.check() == []


def test_a_full_disk_during_an_export_is_one_sentence_and_leaves_nothing(tmp_path: Path):
    library = tmp_path / "lib"
    assert run(library, "series").returncode == 0
    disk = tmp_path / "disk"
    disk.mkdir()
    python = sys.executable
    script = f"""
mount -t tmpfs -o size=200k tmpfs {disk}
{python} -m bookstore --library {library} export pdf --query year:2018..2020 -o {disk}/all.pdf
echo "pdf=$?"
{python} -m bookstore --library {library} export epub --query year:2018..2020 --each {disk}
echo "epub=$?"
ls -A {disk}
echo "listed"
"""
    done = subprocess.run(
        ["unshare", "-rm", "sh", "-c", script], capture_output=True, text=True, check=False
    )
    out, err = done.stdout, done.stderr
    assert "Traceback" not in err, err
    assert "pdf=1" in out and "all.pdf: the disk is full; nothing was written" in err
    assert "epub=1" in out and "the disk is full; nothing was written" in err.split("all.pdf")[1]
    assert out.split("epub=1")[1].split("listed")[0].strip() == ""  # nothing left behind
