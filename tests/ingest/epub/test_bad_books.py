"""Every kind of bad EPUB gets one line naming the file and the reason, and changes
nothing in the library; the rest of the batch still imports."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from bookstore.export.epub.writing import export_epub
from bookstore.ingest.batch import import_paths
from bookstore.library.library import Library
from tests.ingest.epub.book_makers import opf_name, rezip

XXE = b"""<?xml version="1.0"?>
<!DOCTYPE package [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0"><metadata>&secret;</metadata></package>"""
LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE html [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>
<html xmlns="http://www.w3.org/1999/xhtml"><body><p>&d;&d;&d;&d;&d;&d;</p></body></html>"""
DRM = b"""<?xml version="1.0"?>
<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container"
 xmlns:enc="http://www.w3.org/2001/04/xmlenc#"><enc:EncryptedData>
<enc:EncryptionMethod Algorithm="http://www.w3.org/2001/04/xmlenc#aes128-cbc"/>
<enc:CipherData><enc:CipherReference URI="OEBPS/text.xhtml"/></enc:CipherData>
</enc:EncryptedData></encryption>"""


def _first_page(entries: dict[str, bytes]) -> str:
    return next(name for name in entries if name.endswith(".xhtml") and "spotlight" in name)


def _bad_books(good: Path, folder: Path) -> dict[str, tuple[Path, str]]:
    data = good.read_bytes()

    def made(name: str, change) -> Path:
        return rezip(good, folder / name, change)

    def drop(name):
        return lambda e: e.pop(name)

    def bomb(entries):
        entries["OEBPS/zeros.txt"] = b"\0" * (8 * 1024 * 1024)

    def climbing(entries):
        entries["../../outside.txt"] = b"x"

    def absolute(entries):
        entries["/etc/cron.d/evil"] = b"x"

    def missing_opf(entries):
        entries.pop(opf_name(entries))

    def missing_page(entries):
        entries.pop(_first_page(entries))

    def xxe(entries):
        entries[opf_name(entries)] = XXE

    def laughs(entries):
        entries[_first_page(entries)] = LAUGHS

    def drm(entries):
        entries["META-INF/encryption.xml"] = DRM

    (folder / "text.epub").write_bytes(b"This is not a book at all, only some words.\n")
    (folder / "cut.epub").write_bytes(data[: len(data) // 2])
    return {
        "not a zip": (folder / "text.epub", "not a ZIP archive"),
        "truncated": (folder / "cut.epub", "truncated"),
        "no container": (made("nocontainer.epub", drop("META-INF/container.xml")), "no META-INF/container.xml"),
        "no package": (made("noopf.epub", missing_opf), "package document"),
        "spine item missing": (made("nopage.epub", missing_page), "lacks"),
        "external entity": (made("xxe.epub", xxe), "declares XML entities"),
        "entity bomb": (made("laughs.epub", laughs), "declares XML entities"),
        "zip bomb": (made("bomb.epub", bomb), "zip bomb"),
        "climbing name": (made("climb.epub", climbing), "points outside the book"),
        "absolute name": (made("absolute.epub", absolute), "points outside the book"),
        "drm": (made("drm.epub", drm), "DRM"),
    }  # fmt: skip


def _state(library: Library) -> tuple:
    files = sorted(str(p.relative_to(library.files_dir)) for p in library.files_dir.rglob("*"))
    return library.count(), [i.files for i in library.list_issues()], files


@pytest.fixture
def good_epub(library: Library, tmp_path: Path) -> Path:
    issue = next(i for i in library.list_issues() if i.series.slug == "spotlight")
    return export_epub([issue], tmp_path / "good.epub")


def test_each_bad_book_is_one_line_and_changes_nothing(
    library: Library, tmp_path: Path, good_epub: Path
):
    folder = tmp_path / "bad"
    folder.mkdir()
    bad = _bad_books(good_epub, folder)
    before = _state(library)
    report = import_paths(library, [folder])
    assert _state(library) == before
    errors = {Path(o.path).name: o.error for o in report.outcomes}
    assert all(o.status == "failed" for o in report.outcomes)
    for kind, (path, reason) in bad.items():
        message = errors[path.name]
        assert message.startswith(f"{path}: "), kind
        assert reason in message, (kind, message)
        assert "\n" not in message, kind


def test_a_zip_bomb_is_refused_before_it_is_inflated(tmp_path: Path):
    from bookstore.ingest.epub.archive import ArchiveError, EpubArchive

    path = tmp_path / "bomb.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        out.writestr("big", b"\0" * (100 * 1024 * 1024))
    with pytest.raises(ArchiveError, match="zip bomb"):
        EpubArchive(path.read_bytes())


def test_the_rest_of_a_batch_still_imports(library: Library, tmp_path: Path, good_epub: Path):
    folder = tmp_path / "mixed"
    folder.mkdir()
    _bad_books(good_epub, folder)
    good_copy = folder / "zz-good.epub"
    good_copy.write_bytes(good_epub.read_bytes())
    report = import_paths(library, [folder])
    assert report.count("updated") == 1 and report.failed == 11


def test_an_epub_with_obfuscated_fonts_is_not_taken_for_drm(
    library: Library, tmp_path: Path, good_epub: Path
):
    obfuscated = DRM.replace(
        b"http://www.w3.org/2001/04/xmlenc#aes128-cbc", b"http://www.idpf.org/2008/embedding"
    )

    def fonts(entries: dict[str, bytes]) -> None:
        entries["META-INF/encryption.xml"] = obfuscated

    book = rezip(good_epub, tmp_path / "fonts.epub", fonts)
    [outcome] = import_paths(library, [book]).outcomes
    assert outcome.status == "updated", outcome.error
