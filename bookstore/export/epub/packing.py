"""Packing the pages into an EPUB file with ebooklib, reproducibly.

ebooklib writes the package document (metadata, manifest, spine, guide) and the
ZIP container. Two things are changed in its writer: the package gets ``xml:lang``
(ebooklib leaves it out), and ZIP entries get fixed timestamps and attributes
(ebooklib 0.20 stamps them with the current time), so the same book gives the same
bytes.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from dataclasses import dataclass
from pathlib import Path

from ebooklib import epub

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_XHTML = "application/xhtml+xml"
_COMPRESS_LEVEL = 6


@dataclass(frozen=True)
class Document:
    """An XHTML page of the book."""

    item_id: str
    file_name: str
    content: bytes


def new_book() -> epub.EpubBook:
    return epub.EpubBook()


def add_document(
    book: epub.EpubBook, document: Document, properties: tuple[str, ...] = ()
) -> epub.EpubItem:
    item = epub.EpubItem(
        uid=document.item_id,
        file_name=document.file_name,
        media_type=_XHTML,
        content=document.content,
    )
    item.properties = list(properties)
    return book.add_item(item)


def add_file(
    book: epub.EpubBook, item_id: str, file_name: str, media_type: str, content: bytes
) -> None:
    book.add_item(
        epub.EpubItem(uid=item_id, file_name=file_name, media_type=media_type, content=content)
    )


def add_cover_image(book: epub.EpubBook, file_name: str, content: bytes) -> None:
    """The cover image, marked ``cover-image`` for EPUB 3 and ``meta name="cover"`` for EPUB 2."""
    cover = epub.EpubCover(uid="cover-image", file_name=file_name)
    cover.media_type = "image/png"
    cover.content = content
    book.add_item(cover)
    book.add_metadata(None, "meta", "", {"name": "cover", "content": "cover-image"})


def write_book(book: epub.EpubBook, path: Path, modified: dt.datetime) -> None:
    """Write ``book`` to ``path``; ``modified`` is both dcterms:modified and the ZIP
    entries' timestamp."""
    writer = _ReproducibleWriter(str(path), book, {"mtime": modified, "epub3_pages": False})
    writer.process()
    writer.write()


class _ReproducibleWriter(epub.EpubWriter):
    def _write_opf_file(self, root) -> None:
        root.set(_XML_LANG, self.book.language)
        super()._write_opf_file(root)

    def write(self) -> None:
        stamp = self.options["mtime"]
        self.out = _ReproducibleZip(self.file_name, _zip_time(stamp))
        try:
            self.out.writestr("mimetype", "application/epub+zip", compress_type=zipfile.ZIP_STORED)
            self._write_container()
            self._write_opf()
            self._write_items()
        finally:
            self.out.close()


class _ReproducibleZip(zipfile.ZipFile):
    """A ZIP whose entries all carry one timestamp and Unix permissions 0644."""

    def __init__(self, file: str, date_time: tuple[int, int, int, int, int, int]) -> None:
        super().__init__(file, "w", zipfile.ZIP_DEFLATED, compresslevel=_COMPRESS_LEVEL)
        self._date_time = date_time

    def writestr(  # type: ignore[override]
        self,
        zinfo_or_arcname: str | zipfile.ZipInfo,
        data: bytes | str,
        compress_type: int | None = None,
        compresslevel: int | None = None,
    ) -> None:
        name = (
            zinfo_or_arcname.filename
            if isinstance(zinfo_or_arcname, zipfile.ZipInfo)
            else zinfo_or_arcname
        )
        info = zipfile.ZipInfo(name, date_time=self._date_time)
        info.create_system = 3  # Unix, whatever system writes it
        info.external_attr = 0o644 << 16
        info.compress_type = self.compression if compress_type is None else compress_type
        super().writestr(info, data, compresslevel=compresslevel or _COMPRESS_LEVEL)


def _zip_time(moment: dt.datetime) -> tuple[int, int, int, int, int, int]:
    """ZIP timestamps run from 1980 to 2107; a date outside is clamped to that range."""
    if moment.year < 1980:
        return (1980, 1, 1, 0, 0, 0)
    if moment.year > 2107:
        return (2107, 12, 31, 23, 59, 58)  # two-second resolution
    return (moment.year, moment.month, moment.day, moment.hour, moment.minute, moment.second)
