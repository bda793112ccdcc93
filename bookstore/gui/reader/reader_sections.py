"""The sections of the text a reader shows: its headings and where they are."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QTextDocument


@dataclass(frozen=True)
class Section:
    title: str
    position: int  # the heading's place in the document, in characters


def sections(document: QTextDocument) -> list[Section]:
    """The text's second-level headings (the issue's sections), in order."""
    found: list[Section] = []
    block = document.begin()
    while block.isValid():
        if block.blockFormat().headingLevel() == 2 and block.text().strip():
            found.append(Section(block.text().strip(), block.position()))
        block = block.next()
    return found


def heading_top(document: QTextDocument, section: Section) -> float:
    """How far down the laid-out document the heading starts, in pixels."""
    block = document.findBlock(section.position)
    return document.documentLayout().blockBoundingRect(block).top()


def section_at(document: QTextDocument, found: list[Section], top: float) -> int:
    """The index of the section being read when the view starts ``top`` pixels down
    (-1 before the first heading)."""
    current = -1
    for index, section in enumerate(found):
        if heading_top(document, section) <= top + 1:
            current = index
        else:
            break
    return current
