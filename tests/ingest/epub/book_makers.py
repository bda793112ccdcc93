"""EPUBs made by other tools (ebooklib, pandoc) and damaged or hostile ones, for the
import tests. Everything is written at test time into a temporary folder."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import zipfile
from pathlib import Path

from ebooklib import epub
from PIL import Image

CHAPTER = """<h1>{title}</h1>
<p>{lead}</p>
<h2>{heading}</h2>
<p>{body}</p>
<p>{more}</p>
"""


def png(colour: str = "navy") -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (60, 90), colour).save(buffer, "PNG")
    return buffer.getvalue()


def ebooklib_epub(
    path: Path,
    *,
    title: str,
    language: str,
    authors: list[str],
    text: dict[str, str],
    date: str | None = "2021-03-04",
    series: tuple[str, str] | None = None,
    calibre_series: tuple[str, str] | None = None,
    cover: bool = False,
    identifier: str = "urn:isbn:9780000000001",
    subjects: tuple[str, ...] = (),
) -> Path:
    """An EPUB 3 written by ebooklib as an outside publisher would."""
    book = epub.EpubBook()
    book.set_identifier(identifier)
    book.set_title(title)
    book.set_language(language)
    for number, author in enumerate(authors):
        book.add_author(author, uid=f"creator{number}")
    if date:
        book.add_metadata("DC", "date", date)
    book.add_metadata("DC", "publisher", "Some Publisher")
    book.add_metadata("DC", "description", "<p>A <b>short</b> description.</p>")
    for subject in subjects:
        book.add_metadata("DC", "subject", subject)
    if series:
        book.add_metadata(
            None, "meta", series[0], {"property": "belongs-to-collection", "id": "c1"}
        )
        book.add_metadata(None, "meta", "series", {"refines": "#c1", "property": "collection-type"})
        book.add_metadata(None, "meta", series[1], {"refines": "#c1", "property": "group-position"})
    if calibre_series:
        book.add_metadata(
            None, "meta", "", {"name": "calibre:series", "content": calibre_series[0]}
        )
        book.add_metadata(
            None, "meta", "", {"name": "calibre:series_index", "content": calibre_series[1]}
        )
    if cover:
        book.set_cover("cover.png", png())
    chapter = epub.EpubHtml(title=title, file_name="text.xhtml", lang=language)
    chapter.content = CHAPTER.format(title=title, **text)
    book.add_item(chapter)
    book.toc = [chapter]
    book.add_item(epub.EpubNcx())
    book.add_item(epub.EpubNav())
    book.spine = ["nav", chapter]
    epub.write_epub(str(path), book, {})
    return path


def pandoc_epub(
    path: Path,
    *,
    version: int,
    title: str,
    language: str,
    authors: list[str],
    text: dict[str, str],
    date: str = "2020-11-05",
    series: tuple[str, str] | None = None,
    cover: Path | None = None,
) -> Path:
    """An EPUB 2 or 3 written by Debian's pandoc from Markdown with a YAML header."""
    pandoc = shutil.which("pandoc")
    assert pandoc, "pandoc is installed by .ci/run (Debian package pandoc)"
    creators = "\n".join(f"  - role: author\n    text: {json.dumps(name)}" for name in authors)
    header = [f"title: {json.dumps(title)}", f"lang: {language}", f"date: {date}"]
    header.append(f"creator:\n{creators}")
    if series:
        header += [
            f"belongs-to-collection: {json.dumps(series[0])}",
            f"group-position: {series[1]}",
        ]
    markdown = (
        "---\n" + "\n".join(header) + "\n---\n\n"
        f"{text['lead']}\n\n## {text['heading']}\n\n{text['body']}\n\n{text['more']}\n"
    )
    source = path.with_suffix(".md")
    source.write_text(markdown, encoding="utf-8")
    command = [pandoc, str(source), "-o", str(path), "--to", f"epub{version}"]
    if cover:
        command += ["--epub-cover-image", str(cover)]
    subprocess.run(command, check=True, capture_output=True)
    return path


def rezip(source: Path, target: Path, change) -> Path:
    """A copy of the EPUB ``source`` with ``change(entries)`` applied to its
    {name: bytes} entries, written in order with mimetype first."""
    with zipfile.ZipFile(source) as original:
        entries = {info.filename: original.read(info) for info in original.infolist()}
    change(entries)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in entries.items():
            out.writestr(name, data)
    return target


def opf_name(entries: dict[str, bytes]) -> str:
    return next(name for name in entries if name.endswith(".opf"))
