"""The fonts the print PDF embeds: DejaVu Serif for text, DejaVu Sans for headings.

Both ship in ``resources/fonts`` and cover Latin (with Polish) and Cyrillic. Only
these faces are ever named in a style, so no base-14 font reaches the output.
"""

from __future__ import annotations

from collections.abc import Iterable

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from bookstore.errors import BookstoreError
from bookstore.i18n.messages import say
from bookstore.resource_files import resource_path

SERIF = "BookstoreSerif"
SANS = "BookstoreSans"

_SUFFIXES = ("", "-Bold", "-Italic", "-BoldItalic")
_FILES = {
    SERIF: ("DejaVuSerif", "DejaVuSerif-Bold", "DejaVuSerif-Italic", "DejaVuSerif-BoldItalic"),
    SANS: ("DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique", "DejaVuSans-BoldOblique"),
}


def face(family: str, *, bold: bool = False, italic: bool = False) -> str:
    """The registered name of one face of ``family``: ``face(SANS, bold=True)``."""
    return family + _SUFFIXES[bold + 2 * italic]


# The faces the print styles use: serif text, sans headings and labels.
PRINT_FACES = (face(SERIF), face(SANS), face(SANS, bold=True))


def register_fonts(faces: Iterable[str] | None = None) -> None:
    """Register ``faces`` (default: all eight) with reportlab, and both families.

    reportlab keeps its font registry for the life of the process; a face is parsed
    only the first time, so every export may call this. Parsing a face costs about
    10 ms, so an export registers only the faces its styles use.
    """
    registered = set(pdfmetrics.getRegisteredFontNames())
    files = {
        family + suffix: file
        for family, stems in _FILES.items()
        for suffix, file in zip(_SUFFIXES, stems, strict=True)
    }
    for name in files if faces is None else faces:
        if name not in registered:
            pdfmetrics.registerFont(TTFont(name, _font_file(files[name])))
    for family in _FILES:
        names = [family + suffix for suffix in _SUFFIXES]
        pdfmetrics.registerFontFamily(
            family, normal=names[0], bold=names[1], italic=names[2], boldItalic=names[3]
        )


def missing_characters(texts: Iterable[str]) -> list[str]:
    """The characters in ``texts`` that the text face cannot draw, in order of appearance."""
    font = pdfmetrics.getFont(SERIF)
    covered = font.face.charToGlyph
    missing: dict[str, None] = {}
    for text in texts:
        for char in dict.fromkeys(text):
            if ord(char) not in covered and not char.isspace():
                missing[char] = None
    return list(missing)


def _font_file(stem: str) -> str:
    path = resource_path("fonts", f"{stem}.ttf")
    if not path.is_file():
        raise BookstoreError(
            say("{path}: the font for PDF export is missing from the installation", path=path)
        )
    return str(path)
