"""Cover images drawn with Pillow from a few lines of text.

The same text goes into the image, its alternative text and the book's first pages,
so nothing is only in the picture. The drawing depends only on the text and the
fonts found, so the same input gives the same PNG bytes.
"""

from __future__ import annotations

import io
import threading
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from bookstore.resource_files import resource_path

WIDTH, HEIGHT = 1200, 1800
_MARGIN = 100
# The image is drawn in grey levels, 0 (background) to 255 (white), then coloured
# through a palette: a palette PNG encodes about five times faster than RGB.
_WHITE = 255
_PALE = 215

# A dark background per series; white text on each has a contrast above 7:1.
_SERIES_COLOURS = {
    "spotlight": (18, 52, 100),
    "bulletin": (120, 24, 36),
    "policy-paper": (20, 80, 60),
    "strategic-file": (64, 36, 104),
    "report": (16, 72, 88),
}
_OTHER_COLOURS = ((40, 44, 52), (70, 40, 20), (30, 60, 90), (80, 30, 60))
_BUNDLE_COLOUR = (36, 40, 48)

# Pillow draws text through one FreeType library shared by every thread, and FreeType
# is not thread-safe: the window draws thumbnails while an export draws its cover.
_FREETYPE = threading.Lock()

_FONT_FILES = {"regular": "DejaVuSans.ttf", "bold": "DejaVuSans-Bold.ttf"}
# Where Debian and Ubuntu keep DejaVu, for when the shipped fonts are missing.
_SYSTEM_FONTS = Path("/usr/share/fonts/truetype/dejavu")


@dataclass(frozen=True)
class CoverText:
    """What a cover says, top to bottom."""

    overline: str  # the series name, or the publisher for a bundle
    headline: str  # "no. 2/2019", or the bundle's title
    title: str  # the title, or what a bundle holds
    footer: str  # the publisher under a single issue; empty for a bundle
    details: tuple[str, ...] = ()  # a bundle's series, one a line

    def alt_text(self, cover_word: str) -> str:
        """The cover for screen readers: every line the image shows, in full where the
        picture has to shorten it."""
        parts = [self.overline, self.headline, self.title, *self.details, self.footer]
        return f"{cover_word}: " + ". ".join(_strip_stop(part) for part in parts if part) + "."


def series_colour(slug: str | None) -> tuple[int, int, int]:
    """The background of a series' covers (a bundle of several series: ``None``)."""
    if slug is None:
        return _BUNDLE_COLOUR
    known = _SERIES_COLOURS.get(slug)
    if known is not None:
        return known
    return _OTHER_COLOURS[zlib.crc32(slug.encode("utf-8")) % len(_OTHER_COLOURS)]


def render_cover(text: CoverText, background: tuple[int, int, int]) -> bytes:
    """The cover as PNG bytes, 1200 × 1800 pixels (2:3, what e-reader stores ask for)."""
    image = Image.new("L", (WIDTH, HEIGHT), 0)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, WIDTH, 28), fill=_PALE)
    with _FREETYPE:
        fonts = _Fonts()
        y = _draw_headings(draw, fonts, text)
        _draw_details_and_footer(draw, fonts, text, y)
    draw.rectangle((0, HEIGHT - 28, WIDTH, HEIGHT), fill=_PALE)
    image.putpalette(_palette(background))
    output = io.BytesIO()
    image.save(output, format="PNG", compress_level=3)
    return output.getvalue()


def _draw_headings(draw: ImageDraw.ImageDraw, fonts: _Fonts, text: CoverText) -> int:
    """Overline, a short rule, headline and title, each shrunk to fit; return the y below."""
    width = WIDTH - 2 * _MARGIN
    overline = _wrap(text.overline, fonts.get("regular", 56), width, 2)
    y = _draw_lines(draw, overline, (_MARGIN, 150), _PALE) + 30
    draw.rectangle((_MARGIN, y, _MARGIN + 160, y + 8), fill=_WHITE)
    headline_font = _fitting_font(fonts, "bold", text.headline, width, (110, 88, 72, 60), 3)
    headline = _wrap(text.headline, headline_font, width, 3)
    y = _draw_lines(draw, headline, (_MARGIN, y + 70), _WHITE)
    title_font = _fitting_font(fonts, "regular", text.title, width, (64, 56, 48, 42), 9)
    return _draw_lines(draw, _wrap(text.title, title_font, width, 9), (_MARGIN, y + 60), _WHITE)


def _draw_details_and_footer(
    draw: ImageDraw.ImageDraw, fonts: _Fonts, text: CoverText, top: int
) -> None:
    """The detail lines below ``top`` (as many as fit above the footer), and the footer."""
    if text.details:
        room = max(0, (HEIGHT - 260 - top - 50) // 58)
        details = _shorten_list(text.details, room)
        _draw_lines(draw, details, (_MARGIN, top + 50), _PALE, fonts.get("regular", 44))
    footer = _wrap(text.footer, fonts.get("regular", 40), WIDTH - 2 * _MARGIN, 2)
    _draw_lines(draw, footer, (_MARGIN, HEIGHT - 120 - 52 * len(footer)), _PALE)


def _palette(background: tuple[int, int, int]) -> list[int]:
    """Grey level g becomes the background blended g/255 of the way to white."""
    return [
        round(channel + (255 - channel) * level / 255)
        for level in range(256)
        for channel in background
    ]


Line = tuple[str, ImageFont.FreeTypeFont | ImageFont.ImageFont]


class _Fonts:
    """DejaVu from the shipped resources or the system, else Pillow's own font (Latin only)."""

    def __init__(self) -> None:
        self._loaded: dict[tuple[str, int], ImageFont.FreeTypeFont | ImageFont.ImageFont] = {}
        self._files = {weight: _font_file(name) for weight, name in _FONT_FILES.items()}

    def get(self, weight: str, size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
        key = (weight, size)
        if key not in self._loaded:
            path = self._files[weight]
            if path is not None:
                self._loaded[key] = ImageFont.truetype(str(path), size)
            else:
                self._loaded[key] = ImageFont.load_default(size)
        return self._loaded[key]


def _font_file(name: str) -> Path | None:
    for path in (resource_path("fonts", name), _SYSTEM_FONTS / name):
        if path.is_file():
            return path
    return None


def _fitting_font(
    fonts: _Fonts, weight: str, text: str, width: int, sizes: Sequence[int], max_lines: int
) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    """The largest of ``sizes`` at which ``text`` wraps into ``max_lines`` lines or fewer."""
    for size in sizes:
        font = fonts.get(weight, size)
        if len(_wrap(text, font, width, None)) <= max_lines:
            return font
    return fonts.get(weight, sizes[-1])


def _wrap(
    text: str, font: ImageFont.FreeTypeFont | ImageFont.ImageFont, width: int, max_lines: int | None
) -> list[Line]:
    """Greedy word wrap; a last line that would not fit ends with an ellipsis."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}" if current else word
        if current and font.getlength(candidate) > width:
            lines.append(current)
            current = word
        else:
            current = candidate
    if current:
        lines.append(current)
    if max_lines is not None and len(lines) > max_lines:
        last = lines[max_lines - 1]
        while last and font.getlength(last + " …") > width:
            last = last.rsplit(" ", 1)[0] if " " in last else last[:-1]
        lines = [*lines[: max_lines - 1], last + " …"]
    return [(line, font) for line in lines]


def _shorten_list(items: Sequence[str], room: int) -> list[str]:
    if len(items) <= room:
        return list(items)
    if room <= 0:
        return []
    return [*items[: room - 1], "…"]


def _draw_lines(
    draw: ImageDraw.ImageDraw,
    lines: Sequence[Line] | Sequence[str],
    origin: tuple[int, int],
    colour: int,
    font: ImageFont.FreeTypeFont | ImageFont.ImageFont | None = None,
) -> int:
    """Draw lines top-down from ``origin``; return the y below the last one."""
    x, y = origin
    for entry in lines:
        text, line_font = (entry, font) if isinstance(entry, str) else entry
        assert line_font is not None
        draw.text((x, y), text, font=line_font, fill=colour)
        y += int(_font_size(line_font) * 1.3)
    return y


def _font_size(font: ImageFont.FreeTypeFont | ImageFont.ImageFont) -> int:
    return int(getattr(font, "size", 11))


def _strip_stop(text: str) -> str:
    return text.rstrip(". ")
