"""Reading an EPUB's package document (OPF): metadata, manifest, spine, cover.

EPUB 2 and 3 both: creators in order (EPUB 3 ``display-seq`` where given) with
their roles (``refines`` or EPUB 2's ``opf:role``), the publication date (EPUB 2's
``opf:event``), series from ``belongs-to-collection`` + ``group-position`` or
calibre's ``calibre:series`` + ``calibre:series_index``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from bookstore.i18n.messages import say
from bookstore.ingest.epub.archive import ArchiveError, EpubArchive, resolve
from bookstore.ingest.html.safe_xml import local_name

_OPF_ROLE = "{http://www.idpf.org/2007/opf}role"
_OPF_EVENT = "{http://www.idpf.org/2007/opf}event"
_TAGS = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class Creator:
    name: str
    role: str | None


@dataclass(frozen=True)
class ManifestItem:
    name: str  # the entry in the archive
    media_type: str
    properties: tuple[str, ...] = ()


@dataclass
class Package:
    path: str
    version: str
    titles: list[str] = field(default_factory=list)
    creators: list[Creator] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    dates: list[tuple[str | None, str]] = field(default_factory=list)  # (event, value)
    modified: str | None = None
    identifiers: list[str] = field(default_factory=list)
    description: str | None = None
    subjects: list[str] = field(default_factory=list)
    publisher: str | None = None
    sources: list[str] = field(default_factory=list)
    series: str | None = None
    series_position: str | None = None
    series_issn: str | None = None
    manifest: dict[str, ManifestItem] = field(default_factory=dict)  # by id
    spine: list[ManifestItem] = field(default_factory=list)  # linear items, in reading order
    cover_image: ManifestItem | None = None
    generator: str | None = None

    @property
    def authors(self) -> list[str]:
        """Creators who wrote the book (role ``aut`` or none given), in order; all
        creators when none has that role."""
        writers = [c.name for c in self.creators if c.role in (None, "aut")]
        return writers or [c.name for c in self.creators]

    def publication_date(self) -> str | None:
        for event, value in self.dates:
            if event in (None, "publication", "original-publication"):
                return value
        return self.dates[0][1] if self.dates else None


def read_package(archive: EpubArchive) -> Package:
    path = archive.package_path()
    if not archive.has(path):
        raise ArchiveError(
            say("is not an EPUB: its package document “{path}” is missing", path=path)
        )
    root = archive.xml(path)
    if local_name(root) != "package":
        raise ArchiveError(say("is not an EPUB: “{path}” is not a package document", path=path))
    package = Package(path, root.get("version", "2.0"))
    metadata = _child(root, "metadata")
    if metadata is not None:
        _read_metadata(package, metadata)
    _read_manifest(package, root, path)
    _read_spine(package, root)
    return package


def _child(root: etree._Element, name: str) -> etree._Element | None:
    return next((e for e in root if local_name(e) == name), None)


def _text(element: etree._Element) -> str:
    return " ".join("".join(element.itertext()).split())


def _read_metadata(package: Package, metadata: etree._Element) -> None:
    refines: dict[str, dict[str, str]] = {}
    for element in metadata.iter():
        if local_name(element) == "meta" and element.get("refines", "").startswith("#"):
            refines.setdefault(element.get("refines", "")[1:], {})[element.get("property", "")] = (
                _text(element)
            )
    creators: list[tuple[float, int, Creator]] = []
    for element in metadata.iter():
        name, value = local_name(element), _text(element)
        own = refines.get(element.get("id", ""), {})
        if name == "title" and value:
            kind = own.get("title-type")
            if kind == "main":
                package.titles.insert(0, value)
            elif kind != "subtitle":
                package.titles.append(value)
        elif name == "creator" and value:
            role = own.get("role") or element.get(_OPF_ROLE)
            order = float(own["display-seq"]) if own.get("display-seq", "").isdigit() else 1e9
            creators.append((order, len(creators), Creator(value, role)))
        elif name == "language" and value:
            package.languages.append(value)
        elif name == "date" and value:
            package.dates.append((element.get(_OPF_EVENT), value))
        elif name == "identifier" and value:
            package.identifiers.append(value)
        elif name == "description" and value and package.description is None:
            package.description = " ".join(_TAGS.sub(" ", value).split())
        elif name == "subject" and value:
            package.subjects.append(value)
        elif name == "publisher" and value:
            package.publisher = package.publisher or value
        elif name == "source" and value:
            package.sources.append(value)
        elif name == "meta":
            _read_meta(package, element, value, own)
    package.creators = [creator for _, _, creator in sorted(creators, key=lambda c: c[:2])]


def _read_meta(package: Package, element: etree._Element, value: str, own: dict[str, str]) -> None:
    prop, meta_name = element.get("property"), element.get("name")
    if prop == "dcterms:modified" and not element.get("refines"):
        package.modified = value
    elif prop == "belongs-to-collection" and value and not element.get("refines"):
        if own.get("collection-type", "series") == "series" and package.series is None:
            package.series = value
            package.series_position = own.get("group-position")
            issn = own.get("dcterms:identifier", "")
            package.series_issn = issn.removeprefix("urn:issn:") or None
    elif meta_name == "calibre:series" and element.get("content") and package.series is None:
        package.series = element.get("content")
    elif meta_name == "calibre:series_index" and package.series_position is None:
        package.series_position = element.get("content")
    elif meta_name == "generator":
        package.generator = element.get("content")
    elif meta_name == "cover":
        package.cover_image = ManifestItem(element.get("content", ""), "")  # an id, resolved below


def _read_manifest(package: Package, root: etree._Element, opf_path: str) -> None:
    manifest = _child(root, "manifest")
    if manifest is None:
        raise ArchiveError(say("is not an EPUB: its package document has no manifest"))
    for item in manifest:
        if local_name(item) != "item" or not item.get("id") or not item.get("href"):
            continue
        entry = ManifestItem(
            resolve(opf_path, item.get("href", "")),
            item.get("media-type", ""),
            tuple(item.get("properties", "").split()),
        )
        package.manifest[item.get("id", "")] = entry
    named_cover = package.cover_image.name if package.cover_image else None
    package.cover_image = next(
        (i for i in package.manifest.values() if "cover-image" in i.properties), None
    ) or package.manifest.get(named_cover or "")


def _read_spine(package: Package, root: etree._Element) -> None:
    spine = _child(root, "spine")
    if spine is None:
        raise ArchiveError(say("is not an EPUB: its package document has no spine"))
    for itemref in spine:
        if local_name(itemref) != "itemref":
            continue
        item = package.manifest.get(itemref.get("idref", ""))
        if item is None:
            raise ArchiveError(
                say(
                    "is damaged: its spine names “{name}”, which the manifest lacks",
                    name=itemref.get("idref"),
                )
            )
        if itemref.get("linear", "yes") != "no" and "nav" not in item.properties:
            package.spine.append(item)
