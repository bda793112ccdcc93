"""The text of a PDF as lines a page reader understands: runs of text grouped into
lines by position, lines into paragraphs, headings told by their size, running
headers, footers and page numbers left out, words hyphenated at line ends joined."""

from __future__ import annotations

import re
import statistics
from collections import Counter
from dataclasses import dataclass

from bookstore.ingest.lines import Line

_TERMINAL = tuple(".!?…\"”»)’':")
_PAGE_NUMBER = re.compile(
    r"^(?:page|strona|страница|стр\.)?\s*\d+\s*(?:(?:of|z|из|/)\s*\d+)?$", re.IGNORECASE
)


@dataclass(frozen=True)
class TextLine:
    text: str
    size: float  # the font size, in points
    y: float  # from the bottom of the page
    page: int = 0


def page_lines(page, number: int = 0) -> list[TextLine]:
    """The lines of one pypdf page, top to bottom."""
    runs: list[tuple[float, float, str]] = []

    def visit(text: str, cm, tm, _font, size: float) -> None:
        if text.strip():
            y = tm[5] * cm[3] + cm[5]
            runs.append((round(y, 0), abs(size * (tm[3] or 1) * (cm[3] or 1)), text))

    page.extract_text(visitor_text=visit)
    lines: list[TextLine] = []
    for y, size, text in runs:
        if lines and lines[-1].y == y and not lines[-1].text.endswith("\n"):
            last = lines[-1]
            lines[-1] = TextLine(last.text + text, max(last.size, size), y, number)
        else:
            lines.append(TextLine(text, size, y, number))
    return [TextLine(" ".join(line.text.split()), line.size, line.y, number) for line in lines]


def without_page_furniture(pages: list[list[TextLine]]) -> list[list[TextLine]]:
    """Leave out page numbers, and the lines repeated on most pages (running heads)
    from the second page on: the first page's header often reads like them."""
    shape = Counter(key for lines in pages for key in {_shape(line.text) for line in lines})
    repeated = {key for key, count in shape.items() if len(pages) > 1 and count > len(pages) / 2}
    return [
        [
            line
            for line in lines
            if line.text
            and not _PAGE_NUMBER.match(line.text)
            and (number == 0 or _shape(line.text) not in repeated)
        ]
        for number, lines in enumerate(pages)
    ]


def _shape(text: str) -> str:
    return re.sub(r"\d+", "#", text.casefold())


def paragraphs(lines: list[TextLine]) -> list[Line]:
    """Lines joined into paragraphs: a new one starts where the size changes, the
    gap widens, or a short line ends a sentence; a paragraph goes on across a page
    break. Larger type is a heading."""
    if not lines:
        return []
    body_size = statistics.mode(round(line.size, 1) for line in lines)
    widths = sorted(len(line.text) for line in lines if round(line.size, 1) == body_size)
    full = widths[int(len(widths) * 0.75)] if widths else 60
    out: list[Line] = []
    current: list[str] = []
    previous: TextLine | None = None
    for line in lines:
        if previous is not None and _breaks(previous, line, full):
            out.append(_line(current, previous.size, body_size))
            current = []
        current.append(line.text)
        previous = line
    if current and previous is not None:
        out.append(_line(current, previous.size, body_size))
    return out


def _breaks(previous: TextLine, line: TextLine, full: int) -> bool:
    if abs(previous.size - line.size) > 0.4:
        return True
    gap = previous.y - line.y
    if line.page == previous.page and (gap > 1.6 * max(line.size, 1) or gap < 0):
        return True
    return previous.text.endswith(_TERMINAL) and len(previous.text) < 0.8 * full


def _line(parts: list[str], size: float, body_size: float) -> Line:
    text = ""
    for part in parts:
        if text.endswith("-") and len(text) > 1 and text[-2].isalpha() and part[:1].islower():
            text = text[:-1] + part
        else:
            text = f"{text} {part}" if text else part
    return Line(text, heading=size > body_size + 0.4 and len(text) <= 200)
