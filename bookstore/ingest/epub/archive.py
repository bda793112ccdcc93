"""An EPUB's ZIP container, opened with limits so that a hostile file cannot hurt.

Before anything is inflated the central directory is checked: entry names that
climb out (``..``) or are absolute, too many entries, entries or a total that
would inflate past a limit, or compress better than any real book does (a zip
bomb). ``zipfile`` never inflates past the size an entry declares, so checking the
declared sizes bounds what is read. DRM-encrypted books are refused.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from urllib.parse import unquote

from bookstore.i18n.messages import say
from bookstore.ingest.html.safe_xml import UnsafeXml, local_name, parse_xml

MAX_ENTRIES = 20_000
MAX_ENTRY_BYTES = 64 * 1024 * 1024
MAX_TOTAL_BYTES = 512 * 1024 * 1024
MAX_RATIO = 200  # inflated / compressed; text compresses 3-10 times, zeros 1000 times
_RATIO_FLOOR = 1024 * 1024  # small entries may compress as well as they like
CONTAINER = "META-INF/container.xml"
# Obfuscated fonts are "encrypted" with these; the text stays readable.
_FONT_OBFUSCATION = {
    "http://www.idpf.org/2008/embedding",
    "http://ns.adobe.com/pdf/enc#RC",
}


class ArchiveError(ValueError):
    """The file is not a usable EPUB container; the message is the reason."""


class EpubArchive:
    """The entries of an EPUB, read by name; names are relative to the archive's root."""

    def __init__(self, data: bytes) -> None:
        try:
            self._zip = zipfile.ZipFile(io.BytesIO(data))
        except zipfile.BadZipFile:
            if data[:4] == b"PK\x03\x04":
                raise ArchiveError(
                    say("is truncated or damaged: its ZIP directory is missing")
                ) from None
            raise ArchiveError(say("is not an EPUB: it is not a ZIP archive")) from None
        self._names = {info.filename: info for info in self._zip.infolist()}
        self._check_directory()
        self._check_encryption()

    def _check_directory(self) -> None:
        infos = list(self._names.values())
        if len(infos) > MAX_ENTRIES:
            raise ArchiveError(
                say(
                    "holds {entries} entries; the limit is {max_entries}",
                    entries=len(infos),
                    max_entries=MAX_ENTRIES,
                )
            )
        total = 0
        for info in infos:
            name = info.filename
            if (
                name.startswith(("/", "\\"))
                or ":" in name.split("/")[0]
                or ".." in name.replace("\\", "/").split("/")
            ):
                raise ArchiveError(
                    say("has an entry named “{name}” that points outside the book", name=name)
                )
            if info.flag_bits & 0x1:
                raise ArchiveError(say("has a password-protected entry “{name}”", name=name))
            if info.file_size > MAX_ENTRY_BYTES:
                raise ArchiveError(
                    say(
                        "has an entry “{name}” that inflates to {size} MB (the "
                        "limit is {limit} MB): refused as a zip bomb",
                        name=name,
                        size=format(info.file_size / 2**20, ".0f"),
                        limit=MAX_ENTRY_BYTES // 2**20,
                    )
                )
            if info.file_size > _RATIO_FLOOR and info.file_size > MAX_RATIO * max(
                1, info.compress_size
            ):
                raise ArchiveError(
                    say(
                        "has an entry “{name}” compressed {ratio} to 1 (the limit is "
                        "{max_ratio}): refused as a zip bomb",
                        name=name,
                        ratio=info.file_size // max(1, info.compress_size),
                        max_ratio=MAX_RATIO,
                    )
                )
            total += info.file_size
        if total > MAX_TOTAL_BYTES:
            raise ArchiveError(
                say(
                    "inflates to {size} MB (the limit is {limit} MB): refused as a zip bomb",
                    size=format(total / 2**20, ".0f"),
                    limit=MAX_TOTAL_BYTES // 2**20,
                )
            )

    def _check_encryption(self) -> None:
        if "META-INF/rights.xml" in self._names:
            raise ArchiveError(say("is protected by DRM (it has META-INF/rights.xml)"))
        if "META-INF/encryption.xml" not in self._names:
            return
        root = self.xml("META-INF/encryption.xml")
        for method in root.iter():
            algorithm = method.get("Algorithm")
            if local_name(method) == "EncryptionMethod" and algorithm not in _FONT_OBFUSCATION:
                raise ArchiveError(say("is protected by DRM: its content is encrypted"))

    def has(self, name: str) -> bool:
        return name in self._names

    def size(self, name: str) -> int:
        """The size ``name`` inflates to, as the ZIP directory declares it."""
        info = self._names.get(name)
        return info.file_size if info is not None else 0

    def read(self, name: str) -> bytes:
        info = self._names.get(name)
        if info is None:
            raise ArchiveError(say("lacks “{name}”, which the book refers to", name=name))
        try:
            return self._zip.read(info)
        except (zipfile.BadZipFile, EOFError, OSError, ValueError) as error:
            raise ArchiveError(
                say("is damaged: “{name}” cannot be read ({error})", name=name, error=error)
            ) from None
        except NotImplementedError as error:
            raise ArchiveError(
                say(
                    "uses a compression this reader lacks for “{name}” ({error})",
                    name=name,
                    error=error,
                )
            ) from None

    def xml(self, name: str):
        try:
            return parse_xml(self.read(name))
        except UnsafeXml as error:
            raise ArchiveError(say("has “{name}”, which {error}", name=name, error=error)) from None

    def package_path(self) -> str:
        """Where the package document (OPF) is, as container.xml says."""
        if CONTAINER not in self._names:
            raise ArchiveError(say("is not an EPUB: it has no {container}", container=CONTAINER))
        root = self.xml(CONTAINER)
        for element in root.iter():
            if local_name(element) == "rootfile" and element.get("full-path"):
                media = element.get("media-type", "application/oebps-package+xml")
                if media == "application/oebps-package+xml":
                    return element.get("full-path", "")
        raise ArchiveError(
            say("is not an EPUB: its {container} names no package document", container=CONTAINER)
        )


def resolve(base: str, href: str) -> str:
    """The archive name ``href`` (relative to the entry ``base``) refers to, without its fragment."""
    target = href.split("#", 1)[0]
    if "%" in target:
        target = unquote(target)
    folder = base.rpartition("/")[0]
    joined = f"{folder}/{target}" if folder else target
    if "./" in joined or joined.startswith("."):
        joined = posixpath.normpath(joined)
    return joined.lstrip("/")
