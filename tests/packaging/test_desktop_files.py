"""The desktop entry, AppStream metainfo and icons: valid for Debian's validators (no
error, no warning), in step with the package, and the icons drawn from the SVG."""

from __future__ import annotations

import configparser
import importlib.util
import io
import re
import subprocess
from pathlib import Path

import pytest
from lxml import etree
from PIL import Image, ImageChops

from bookstore import APP_ID, __version__
from bookstore.desktop_entry import DESKTOP_ENTRY, METAINFO, desktop_folder, icon_files

ROOT = Path(__file__).resolve().parents[2]
PNG_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    parser.optionxform = str  # keys are case-sensitive
    parser.read(desktop_folder() / DESKTOP_ENTRY, encoding="utf-8")
    return parser["Desktop Entry"]


def metainfo() -> etree._Element:
    return etree.parse(str(desktop_folder() / METAINFO)).getroot()


def test_the_package_finds_the_files_of_packaging_linux():
    assert desktop_folder().resolve() == (ROOT / "packaging" / "linux").resolve()


def test_desktop_file_validate_reports_nothing():
    result = subprocess.run(
        ["desktop-file-validate", str(desktop_folder() / DESKTOP_ENTRY)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == "", result.stdout  # not even a hint


def test_appstreamcli_pedantic_validation_has_no_error_warning_or_info():
    result = subprocess.run(
        ["appstreamcli", "validate", "--no-net", "--pedantic", str(desktop_folder() / METAINFO)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    issues = re.findall(r"^([EWIP]): \S+: (\S+)", result.stdout, re.MULTILINE)
    [summary] = re.findall(r"Validation was successful(.*)", result.stdout)
    assert sum(int(n) for n in re.findall(r"\d+", summary)) == len(issues), result.stdout
    assert issues == [], result.stdout


def test_the_metainfo_agrees_with_the_package():
    root = metainfo()
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == DESKTOP_ENTRY
    [release, *_older] = root.find("releases")
    assert release.get("version") == __version__
    assert re.fullmatch(r"\d{4}-\d\d-\d\d", release.get("date"))
    assert root.find("provides").findtext("binary") == "bookstore"
    assert {m.text for m in root.find("provides").iter("mediatype")} == {
        "application/epub+zip",
        "application/pdf",
    }
    screenshot = root.find("screenshots/screenshot/image").text
    assert screenshot.startswith("https://")
    assert screenshot.endswith("packaging/screenshots/main-window.png")
    assert (ROOT / "packaging" / "screenshots" / "main-window.png").is_file()


@pytest.mark.parametrize("tag", ["summary", "description/p", "description/ul"])
def test_the_metainfo_speaks_english_polish_and_russian(tag: str):
    languages = {element.get(XML_LANG) for element in metainfo().findall(tag)}
    assert languages == {None, "pl", "ru"}


def test_the_desktop_entry_is_translated_and_opens_epub_and_pdf():
    values = entry()
    for key in ("Name", "GenericName", "Comment", "Keywords"):
        for language in ("", "[pl]", "[ru]"):
            assert values.get(f"{key}{language}"), f"{key}{language}"
    assert values["Comment[ru]"] != values["Comment"] != values["Comment[pl]"]
    assert values["MimeType"].split(";") == ["application/epub+zip", "application/pdf", ""]
    assert values["Exec"] == "bookstore %F"
    assert values["Icon"] == APP_ID
    # Qt names an X11 window's class after the application (gui.app sets "Bookstore").
    assert values["StartupWMClass"] == "Bookstore"


def test_every_icon_size_is_there_at_its_size():
    icons = {str(icon) for icon in icon_files()}
    assert icons == {
        f"scalable/apps/{APP_ID}.svg",
        *(f"{size}x{size}/apps/{APP_ID}.png" for size in PNG_SIZES),
    }
    hicolor = desktop_folder() / "icons" / "hicolor"
    for size in PNG_SIZES:
        with Image.open(hicolor / f"{size}x{size}" / "apps" / f"{APP_ID}.png") as image:
            assert (image.format, image.size, image.mode) == ("PNG", (size, size), "RGBA")


@pytest.mark.parametrize("size", [16, 48, 256])
def test_the_pngs_are_rendered_from_the_svg_as_it_is(size: int):
    """Regenerate with ``python packaging/icons.py`` after changing the SVG."""
    spec = importlib.util.spec_from_file_location("icons", ROOT / "packaging" / "icons.py")
    icons = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(icons)
    fresh = Image.open(io.BytesIO(icons.render(size))).convert("RGBA")
    stored = Image.open(icons.HICOLOR / f"{size}x{size}" / "apps" / f"{APP_ID}.png")
    extrema = ImageChops.difference(fresh, stored.convert("RGBA")).getextrema()
    assert max(high for _low, high in extrema) <= 8  # another librsvg may round an edge


def test_the_windows_and_macos_icons_hold_every_size():
    with Image.open(ROOT / "packaging" / "icons" / "bookstore.ico") as ico:
        assert ico.format == "ICO"
        assert {16, 32, 48, 256} <= {width for width, _height in ico.info["sizes"]}
    with Image.open(ROOT / "packaging" / "icons" / "bookstore.icns") as icns:
        assert icns.format == "ICNS"
        assert {(16, 16, 2), (128, 128, 1), (512, 512, 2)} <= set(icns.info["sizes"])
