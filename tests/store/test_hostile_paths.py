"""A hostile store names its series by a path: nothing is written outside the library,
the library takes a safe slug, a suffix the store chose never lands, and ``bookstore
check`` finds a stored path that leads outside."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from bookstore.cli.main import main
from bookstore.library.library import Library
from bookstore.library.safe_names import UnsafeName, is_safe_slug, stays_inside
from bookstore.model import FileRef
from tests.store.books import small_epub

EPUB = small_epub("Hostile", filler=os.urandom(3000))
ATOM = """<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:bs="urn:x-bookstore:opds"
      xmlns:s="https://schema.org/">
  <id>urn:hostile:feed</id><title>Hostile Store</title><updated>2026-11-01T10:00:00Z</updated>
  <entry>
    <title>Landing Outside</title><id>urn:hostile:1</id><updated>2026-11-01T10:00:00Z</updated>
    <dc:language xmlns:dc="http://purl.org/dc/terms/">en</dc:language>
    <content type="text">A lead.</content>
    {series}
    <link rel="http://opds-spec.org/acquisition/open-access" type="{media}" href="{href}"/>
  </entry>
</feed>"""
FORMS = ("bs:issue", "schema.org", "opds2")


def _feed(form: str, series_id: str, href: str, media: str = "application/epub+zip") -> bytes:
    if form == "opds2":
        return json.dumps(
            {
                "metadata": {"title": "Hostile Store"},
                "publications": [
                    {
                        "metadata": {
                            "identifier": "urn:hostile:1",
                            "title": "Landing Outside",
                            "language": "en",
                            "published": "2026-11-01",
                            "belongsTo": {
                                "series": [
                                    {"name": "Hostile", "identifier": series_id, "position": 4}
                                ]
                            },
                        },
                        "links": [
                            {
                                "rel": "http://opds-spec.org/acquisition/open-access",
                                "href": href,
                                "type": media,
                            }
                        ],
                    }
                ],
            }
        ).encode()
    series = (
        f'<bs:issue series="{series_id}" series-name="Hostile" number="4" year="2026"/>'
        if form == "bs:issue"
        else f'<s:Series s:name="Hostile" s:identifier="{series_id}" s:position="4"/>'
    )
    return ATOM.format(series=series, media=media, href=href).encode()


def _serve(
    server,
    form: str,
    series_id: str,
    media: str = "application/epub+zip",
    data: bytes = EPUB,
    served_as: str = "application/epub+zip",
) -> str:
    """A catalog (a new address each time, so a feed can be subscribed to again) with
    one free entry of the series ``series_id``, its file at /book."""
    path = f"/feed{len(server.routes)}"
    kind = (
        "application/opds+json" if form == "opds2" else "application/atom+xml;profile=opds-catalog"
    )
    server.add(path, _feed(form, series_id, server.url("/book"), media), kind)
    server.add_file("/book", data, served_as)
    return server.url(path)


def _files(root: Path) -> set[Path]:
    return {path for path in root.rglob("*") if path.is_file() or path.is_symlink()}


def _library_folder(tmp_path: Path) -> Path:
    # Deep enough that "../../../.." from its files folder is still inside tmp_path.
    return tmp_path / "home" / "me" / "books" / "library"


def _hostile_ids(tmp_path: Path) -> list[str]:
    return [
        "../../../../outside/.config/autostart",
        str(tmp_path / "absolute" / ".config" / "autostart"),
    ]


def _get(url: str, library: Path, capsys) -> tuple[int, str]:
    code = main(["--library", str(library), "store", "get", url, "urn:hostile:1"])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def _feeds_add(url: str, library: Path, capsys) -> tuple[int, str]:
    code = main(["--library", str(library), "feeds", "add", url, "--download", "free"])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def _assert_only_inside(tmp_path: Path, library: Path, before: set[Path]) -> None:
    allowed = (library, tmp_path / "xdg-config", tmp_path / "xdg-cache")
    outside = [
        path
        for path in _files(tmp_path) - before
        if not any(path.is_relative_to(a) for a in allowed)
    ]
    assert outside == [], f"written outside the library: {outside}"
    assert not (tmp_path / "outside").exists() and not (tmp_path / "absolute").exists()


def _assert_library_sound(library: Path, capsys) -> None:
    with Library.open(library) as opened:
        assert all(is_safe_slug(s.slug) for s in opened.series())
        for issue in opened.list_issues():
            assert all(stays_inside(opened.files_dir, f.path) for f in issue.files)
    assert main(["--library", str(library), "check"]) == 0
    assert "the library is sound" in capsys.readouterr().out


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("command", ["store get", "feeds add"])
def test_a_series_id_that_is_a_path_writes_nothing_outside_the_library(
    server, tmp_path, capsys, form, command
):
    library = _library_folder(tmp_path)
    Library.open(library, with_sample=False).close()
    run = _get if command == "store get" else _feeds_add
    for series_id in _hostile_ids(tmp_path):
        before = _files(tmp_path)
        code, said = run(_serve(server, form, series_id), library, capsys)
        assert code == 0, said
        _assert_only_inside(tmp_path, library, before)
    with Library.open(library) as opened:
        owned = [i for i in opened.list_issues() if i.files]
        assert owned, "the issue was downloaded, under a safe slug"
        slugs = {i.series.slug for i in owned}
        assert "outside-config-autostart" in slugs or "hostile" in slugs
        epub = opened.file_path(owned[0].files[0])
        assert epub.is_relative_to(opened.files_dir) and epub.read_bytes() == EPUB
    _assert_library_sound(library, capsys)


@pytest.mark.parametrize("command", ["store get", "feeds add"])
def test_a_suffix_the_store_chose_never_lands(server, tmp_path, capsys, command):
    library = _library_folder(tmp_path)
    Library.open(library, with_sample=False).close()
    run = _get if command == "store get" else _feeds_add
    desktop = b"[Desktop Entry]\nType=Application\nExec=sh -c 'echo owned'\n"
    before = _files(tmp_path)

    def served(data: bytes) -> str:
        url = _serve(
            server,
            "bs:issue",
            "spotlight",
            media="application/octet-stream",
            data=data,
            served_as="application/octet-stream",
        )
        named = server.routes["/book"]

        def as_desktop_file(handler) -> None:  # the server names the file evil.desktop
            handler.send_header = _with_disposition(handler.send_header)
            named(handler)

        server.routes["/book"] = as_desktop_file
        return url

    code, said = run(served(desktop), library, capsys)
    if command == "store get":
        assert code == 1 and "neither an EPUB nor a PDF" in said and said.count("\n") == 1
    else:
        assert "neither an EPUB nor a PDF" in said
    code, said = run(served(EPUB), library, capsys)  # a real book named evil.desktop
    assert code == 0, said
    landed = _files(tmp_path) - before
    assert not [p for p in landed if p.suffix == ".desktop" or "autostart" in p.parts]
    with Library.open(library) as opened:
        [issue] = [i for i in opened.list_issues() if i.files]
        assert [(f.kind, Path(f.path).suffix) for f in issue.files] == [("epub", ".epub")]
    _assert_only_inside(tmp_path, library, before)


def _with_disposition(send_header):
    def send(name: str, value: str) -> None:
        send_header(name, value)
        if name == "Content-Type":
            send_header("Content-Disposition", 'attachment; filename="evil.desktop"')

    return send


def test_the_library_refuses_an_unsafe_slug_or_kind_with_one_sentence(empty_library):
    from dataclasses import replace

    from bookstore.library.sample import sample_catalog

    series, issues = sample_catalog()
    issue = replace(issues[0], series=replace(series[0], slug="../../escape"))
    with pytest.raises(UnsafeName, match=re.escape("slug “../../escape” cannot be used")):
        empty_library.save(issue)
    assert empty_library.count() == 0
    assert all(s.slug != "../../escape" for s in empty_library.series())
    saved = empty_library.save(issues[0])
    with pytest.raises(UnsafeName, match=re.escape("no file ending in “.desktop”")):
        empty_library.attach_file(saved.id, "epub", b"x", ".desktop")
    with pytest.raises(UnsafeName, match="no file of the kind"):
        empty_library.attach_file(saved.id, "../autostart", b"x", ".epub")
    assert empty_library.get(saved.id).files == ()


def _craft_outside_row(library: Library, tmp_path: Path) -> tuple[int, Path]:
    """A row whose path leads out of the library, written by SQL as a damaged or
    older library might hold it; the file it names exists."""
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    relative = os.path.relpath(victim, library.files_dir)
    issue = library.list_issues()[0]
    with library.transaction():
        library.db.execute(
            "INSERT OR REPLACE INTO issue_file (issue_id, kind, path, sha256, size) "
            "VALUES (?, 'page', ?, '0', 7)",
            (issue.id, relative),
        )
    return issue.id or 0, victim


def test_check_finds_a_stored_path_outside_the_library_and_nothing_follows_it(tmp_path, capsys):
    folder = tmp_path / "library"
    with Library.open(folder) as library:
        issue_id, victim = _craft_outside_row(library, tmp_path)
        relative = os.path.relpath(victim, library.files_dir)
    code = main(["--library", str(folder), "check"])
    out = capsys.readouterr().out
    assert code == 1
    assert f"issue {issue_id} has a file stored at “{relative}”, which leads outside" in out
    assert "the library is sound" not in out and "1 problem found" in out
    with Library.open(folder) as library:
        [page] = [f for f in library.get(issue_id).files if f.kind == "page"]
        with pytest.raises(UnsafeName, match="leads outside the library's files folder"):
            library.file_path(page)
        library.attach_file(issue_id, "page", b"a new page", ".txt")  # replaces the row
        assert victim.read_text() == "keep me", "the old path was not deleted"
        library.remove(issue_id)
    assert victim.read_text() == "keep me"


def test_a_link_inside_the_files_folder_that_leads_out_is_not_followed(tmp_path):
    folder = tmp_path / "library"
    with Library.open(folder) as library:
        issue = library.list_issues()[0]
        elsewhere = tmp_path / "elsewhere"
        elsewhere.mkdir()
        (library.files_dir / issue.series.slug).parent.mkdir(parents=True, exist_ok=True)
        link = library.files_dir / issue.series.slug
        if link.exists():
            link.rename(library.files_dir / "moved")
        link.symlink_to(elsewhere, target_is_directory=True)
        with pytest.raises(UnsafeName, match="leads outside"):
            library.attach_file(issue.id or 0, "page", b"page", ".txt")
        assert list(elsewhere.iterdir()) == []
        assert not stays_inside(library.files_dir, f"{issue.series.slug}/x.txt")
        assert library.file_path(FileRef("page", "moved/x.txt", "0", 0)).name == "x.txt"


def test_a_books_own_record_naming_its_series_by_a_path_is_made_safe(server, tmp_path, capsys):
    """An entry without a series lets the book decide where it goes; a book of ours
    whose record names its series by a path gets a safe slug."""
    from bookstore.export.epub.writing import export_epub
    from bookstore.library.sample import sample_catalog

    _, issues = sample_catalog()
    made = export_epub([issues[0]], tmp_path / "book.epub")
    slug = issues[0].series.slug
    book = _rewritten(made, f'"slug": "{slug}"', '"slug": "../../../../outside/x"')
    library = _library_folder(tmp_path)
    Library.open(library, with_sample=False).close()
    feed = ATOM.format(series="", media="application/epub+zip", href=server.url("/book"))
    server.add("/feed", feed)
    server.add_file("/book", book)
    before = _files(tmp_path)
    code, said = _get(server.url("/feed"), library, capsys)
    assert code == 0, said
    _assert_only_inside(tmp_path, library, before)
    with Library.open(library) as opened:
        [issue] = [i for i in opened.list_issues() if i.files]
        assert issue.series.slug == "outside-x"
    _assert_library_sound(library, capsys)


def _rewritten(epub: Path, old: str, new: str) -> bytes:
    """The EPUB with ``old`` replaced by ``new`` in its catalog record (bookstore.json)."""
    import io
    import zipfile

    out = io.BytesIO()
    changed = 0
    with zipfile.ZipFile(epub) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename.endswith("bookstore.json") and old.encode() in data:
                data = data.replace(old.encode(), new.encode())
                changed += 1
            target.writestr(info, data)
    assert changed, "the record was found and rewritten"
    return out.getvalue()


def test_removing_and_restoring_an_issue_never_follows_a_path_that_leads_out(tmp_path):
    from bookstore.library.removal import remove_issues, restore

    folder = tmp_path / "deep" / "library"  # the path climbs out of its trash folder too
    with Library.open(folder) as library:
        issue_id, victim = _craft_outside_row(library, tmp_path)
        before = _files(tmp_path)
        removed = remove_issues(library, [issue_id])
        assert victim.read_text() == "keep me"
        victim.unlink()
        restore(library, removed)
        assert not victim.exists(), "the restore wrote nothing there"
    assert [p for p in _files(tmp_path) - before if not p.is_relative_to(folder)] == []
