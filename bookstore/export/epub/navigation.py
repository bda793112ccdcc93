"""Navigation: the EPUB 3 nav document (table of contents and landmarks) and the
EPUB 2 NCX, both from the plan's one table of contents.

ebooklib's own nav and NCX writers lose per-entry languages, leave empty ``src``
on grouping nodes and write no playOrder or depth, so both are written here.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

from bookstore.export.epub.content import STYLESHEET
from bookstore.export.epub.plan import BookPlan, TocEntry
from bookstore.export.xhtml import attr, lang_attrs, page, text

# EPUB 3 landmark types and the EPUB 2 guide types that mean the same.
_GUIDE_TYPES = {"cover": "cover", "titlepage": "title-page", "bodymatter": "text"}


@dataclass(frozen=True)
class Landmark:
    kind: str  # an epub:type: cover, titlepage, bodymatter
    href: str
    label: str

    @property
    def guide_type(self) -> str:
        """The same place as an EPUB 2 guide reference type."""
        return _GUIDE_TYPES[self.kind]


def nav_document(plan: BookPlan, landmarks: Sequence[Landmark]) -> bytes:
    words = plan.words
    parts = [
        '<nav epub:type="toc" id="toc" role="doc-toc">\n',
        f"<h1>{text(words['contents'])}</h1>\n",
        _nav_list(plan.toc, plan.language),
        "</nav>\n",
        '<nav epub:type="landmarks" id="landmarks" hidden="hidden">\n',
        f"<h2>{text(words['landmarks'])}</h2>\n<ol>\n",
        *(
            f'<li><a epub:type="{mark.kind}" href="{attr(mark.href)}">{text(mark.label)}</a></li>\n'
            for mark in landmarks
        ),
        "</ol>\n</nav>\n",
    ]
    return page(
        language=plan.language, title=words["contents"], body="".join(parts), stylesheet=STYLESHEET
    )


def ncx_document(plan: BookPlan) -> bytes:
    """The NCX: navPoints with unique ids, and one playOrder per target (grouping
    entries that point at the same page as their first issue share its number, as
    the NCX specification asks)."""
    play_order: dict[str, int] = {}
    counter = itertools.count(1)

    def points(entries: Sequence[TocEntry], indent: str) -> str:
        out = []
        for entry in entries:
            number = next(counter)
            target = entry.href
            order = play_order.setdefault(target, len(play_order) + 1)
            out.append(
                f'{indent}<navPoint id="np{number}" playOrder="{order}">\n'
                f"{indent}  <navLabel><text>{text(entry.label)}</text></navLabel>\n"
                f'{indent}  <content src="{attr(target)}"/>\n'
                f"{points(entry.children, indent + '  ')}"
                f"{indent}</navPoint>\n"
            )
        return "".join(out)

    nav_map = points(plan.toc, "    ")
    depth = max(entry.depth() for entry in plan.toc)
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1" '
        f'xml:lang="{attr(plan.language)}">\n'
        "  <head>\n"
        f'    <meta name="dtb:uid" content="{attr(plan.identifier)}"/>\n'
        f'    <meta name="dtb:depth" content="{depth}"/>\n'
        '    <meta name="dtb:totalPageCount" content="0"/>\n'
        '    <meta name="dtb:maxPageNumber" content="0"/>\n'
        "  </head>\n"
        f"  <docTitle><text>{text(plan.title)}</text></docTitle>\n"
        f"  <navMap>\n{nav_map}  </navMap>\n"
        "</ncx>\n"
    ).encode()


def _nav_list(entries: Sequence[TocEntry], language: str) -> str:
    items = []
    for entry in entries:
        own = "" if entry.language == language else f" {lang_attrs(entry.language)}"
        children = _nav_list(entry.children, entry.language) if entry.children else ""
        items.append(
            f'<li{own}><a href="{attr(entry.href)}">{text(entry.label)}</a>{children}</li>\n'
        )
    return "<ol>\n" + "".join(items) + "</ol>\n"
