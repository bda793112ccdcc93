"""The rules for what may become part of a path in the library."""

from __future__ import annotations

from pathlib import Path

import pytest

from bookstore.library.safe_names import (
    UnsafeName,
    check_slug,
    file_name_from,
    is_safe_slug,
    issue_file_path,
    language_from,
    shared_file_path,
    slug_from,
    stays_inside,
)


@pytest.mark.parametrize(
    ("given", "safe"),
    [
        ("spotlight", "spotlight"),
        ("policy-paper", "policy-paper"),
        ("../../../../home/me/.config/autostart", "home-me-config-autostart"),
        ("/etc/xdg/autostart", "etc-xdg-autostart"),
        ("C:\\Users\\me", "c-users-me"),
        ("Бюллетень", "Бюллетень"),
        ("a\x00b\x1b[31m", "a-b-31m"),
        ("x" * 200, "x" * 60),
        ("con", "con-series"),
        ("..", ""),
        ("/", ""),
    ],
)
def test_a_slug_from_outside_takes_a_safe_form(given, safe):
    assert slug_from(given) == safe
    assert safe == "" or is_safe_slug(safe)


@pytest.mark.parametrize(
    "slug", ["", "..", ".hidden", "a/b", "a\\b", "-x", "x\n", "x" * 61, "nul", "a b", 5, None]
)
def test_a_slug_that_could_leave_its_folder_is_refused(slug):
    assert not is_safe_slug(slug)
    with pytest.raises(UnsafeName, match="cannot be used"):
        check_slug(slug)


@pytest.mark.parametrize(
    ("code", "language"),
    [("en", "en"), ("en-GB", "en"), ("PL_pl", "pl"), (" ru ", "ru"), ("../x", None), ("", None),
     ("english", None), (None, None), ("e1", None)],
)  # fmt: skip
def test_a_language_is_its_primary_subtag(code, language):
    assert language_from(code) == language


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("FV/2024/05/001", "FV-2024-05-001"),
        ("127.0.0.1-8080", "127.0.0.1-8080"),
        ("../../etc/passwd", "etc-passwd"),
        ("...", "order"),
        ("aux", "order"),
        ("nul.txt", "order"),
        ("2024\r\n/5", "2024-5"),
    ],
)
def test_a_stores_word_becomes_one_file_name_part(text, name):
    assert file_name_from(text, "order") == name
    assert "/" not in name and not name.startswith(".")


def test_an_issue_file_path_is_built_only_from_safe_parts():
    assert issue_file_path("spotlight", 2019, 2, "en", "epub", ".epub") == (
        "spotlight/2019/spotlight-2019-2-en-epub.epub"
    )
    assert issue_file_path("bulletin", 2019, 26, "en-gb", "page", ".html").endswith(
        "en-gb-page.html"
    )
    for bad, reason in [
        (("../x", 2019, 2, "en", "epub", ".epub"), "slug"),
        (("spotlight", "2019/..", 2, "en", "epub", ".epub"), "whole numbers"),
        (("spotlight", 2019, True, "en", "epub", ".epub"), "whole numbers"),
        (("spotlight", 2019, 2, "../en", "epub", ".epub"), "language code"),
        (("spotlight", 2019, 2, "en", "desktop", ".epub"), "kind"),
        (("spotlight", 2019, 2, "en", "epub", ".desktop"), "ending in"),
        (("spotlight", 2019, 2, "en", "epub", "/../../x"), "ending in"),
    ]:
        with pytest.raises(UnsafeName, match=reason):
            issue_file_path(*bad)
    with pytest.raises(UnsafeName, match="SHA-256"):
        shared_file_path("bundle", "../" + "0" * 61, ".epub")
    assert shared_file_path("bundle", "a" * 64, ".epub") == f"bundles/{'a' * 64}.epub"


def test_a_stored_path_stays_inside_the_files_folder(tmp_path: Path):
    files = tmp_path / "library" / "files"
    files.mkdir(parents=True)
    assert stays_inside(files, "spotlight/2019/a.epub")
    for path in ["../x", "a/../../x", "/etc/passwd", "a\\..\\x", "", "a\x00b", "C:/x", 7]:
        assert not stays_inside(files, path), path
    (tmp_path / "elsewhere").mkdir()
    (files / "linked").symlink_to(tmp_path / "elsewhere")
    assert not stays_inside(files, "linked/a.epub")
    (files / "loop").symlink_to(files / "loop")
    assert not stays_inside(files, "loop/a.epub")
