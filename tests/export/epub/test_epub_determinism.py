"""The same selection gives byte-identical EPUBs: no clock, no random ids, fixed ZIP."""

from __future__ import annotations

import datetime as dt
import hashlib
import random
import subprocess
import sys
import zipfile
from pathlib import Path

from bookstore.export.epub.writing import EpubOptions, export_epub, export_epub_each
from tests.export.epub.epub_helpers import synthetic_issues


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_two_exports_of_a_bundle_are_byte_identical(sample_issues, tmp_path: Path):
    issues = [*synthetic_issues(40), *sample_issues]
    first = export_epub(issues, tmp_path / "first.epub", EpubOptions(title="Bundle"))
    shuffled = list(issues)
    random.Random(3).shuffle(shuffled)
    second = export_epub(shuffled, tmp_path / "second.epub", EpubOptions(title="Bundle"))
    assert first.read_bytes() == second.read_bytes()


def test_two_exports_of_one_issue_are_byte_identical(sample_issues, tmp_path: Path):
    for issue in sample_issues[:3]:
        a = export_epub([issue], tmp_path / "a.epub")
        digest = _digest(a)
        b = export_epub([issue], tmp_path / "b.epub")
        assert _digest(b) == digest


def test_each_gives_the_same_files_twice(sample_issues, tmp_path: Path):
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    first = export_epub_each(sample_issues[:4], tmp_path / "one")
    second = export_epub_each(sample_issues[:4], tmp_path / "two")
    assert [p.name for p in first] == [p.name for p in second]
    assert [_digest(p) for p in first] == [_digest(p) for p in second]


def test_a_different_process_at_another_time_gives_the_same_bytes(sample_issues, tmp_path: Path):
    """Another interpreter (another hash seed, another clock second) makes the same file."""
    here = export_epub(sample_issues, tmp_path / "here.epub")
    there = tmp_path / "there.epub"
    script = (
        "import sys; from pathlib import Path\n"
        "from bookstore.library.library import Library\n"
        "from bookstore.export.epub.writing import export_epub\n"
        "with Library.open(Path(sys.argv[1])) as library:\n"
        "    export_epub(library.list_issues(), Path(sys.argv[2]))\n"
    )
    env = {"PYTHONHASHSEED": "12345", "TZ": "Pacific/Auckland", "PATH": "/usr/bin:/bin"}
    subprocess.run(
        [sys.executable, "-c", script, str(tmp_path / "library"), str(there)],
        check=True,
        env=env,
    )
    assert there.read_bytes() == here.read_bytes()


def test_zip_entries_carry_the_newest_issue_date_not_the_clock(sample_issues, tmp_path: Path):
    path = export_epub(sample_issues, tmp_path / "b.epub")
    newest = max(issue.date for issue in sample_issues)
    with zipfile.ZipFile(path) as archive:
        stamps = {info.date_time for info in archive.infolist()}
        systems = {info.create_system for info in archive.infolist()}
    assert stamps == {(newest.year, newest.month, newest.day, 0, 0, 0)}
    assert systems == {3}
    assert newest < dt.date.today()
