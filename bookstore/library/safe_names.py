"""What may become part of a path in the library, and the safe form of what may not.

Series slugs, languages, file kinds and suffixes come from outside (a store's
catalog, a book's metadata, a page's markup). Where they enter they are replaced by
a safe form (``slug_from``, ``language_from``, ``file_name_from``); the Library
checks them once more before it builds a path (``check_slug``, ``issue_file_path``),
and every stored path is checked to stay under the files folder when it is written
or read (``inside``).
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path, PurePosixPath

from bookstore.errors import BookstoreError
from bookstore.i18n.messages import say

SLUG_LENGTH = 60
# Every kind of file the library keeps for an issue, and the suffixes it keeps them
# under: nothing else is ever written into the files folder.
KINDS = frozenset({"page", "epub", "pdf", "cover", "bundle"})
SUFFIXES = frozenset(
    {".epub", ".pdf", ".html", ".htm", ".xhtml", ".txt", ".jpg", ".png", ".gif", ".webp", ".svg"}
)
_SLUG = re.compile(r"\w[\w-]*")
_NOT_SLUG = re.compile(r"[^\w]+")
_LANGUAGE = re.compile(r"[a-z]{2,3}")
# What an issue's stored language may be to name a file ("en", "en-gb", "pt_br").
_STORED_LANGUAGE = re.compile(r"[A-Za-z][A-Za-z0-9_-]{0,34}")
# Names Windows gives to devices, whatever the suffix.
_DEVICES = frozenset(
    {"con", "prn", "aux", "nul"} | {f"{name}{n}" for name in ("com", "lpt") for n in range(1, 10)}
)


class UnsafeName(BookstoreError):
    """A name that would lead a path out of the library, or a kind it does not keep."""


def is_safe_slug(slug: object) -> bool:
    return (
        isinstance(slug, str)
        and len(slug) <= SLUG_LENGTH
        and _SLUG.fullmatch(slug) is not None
        and slug.isprintable()
        and slug.casefold() not in _DEVICES
    )


def slug_from(text: str) -> str:
    """A safe slug made from ``text`` (an id or a name), or "" when nothing of it is
    left: "../../home/me/.config" -> "home-me-config"."""
    if is_safe_slug(text):
        return text
    folded = unicodedata.normalize("NFKC", text).casefold()
    slug = _NOT_SLUG.sub("-", folded).replace("_", "-")
    slug = re.sub("-{2,}", "-", slug).strip("-")[:SLUG_LENGTH].strip("-")
    if slug in _DEVICES:
        slug += "-series"
    return slug if is_safe_slug(slug) else ""


def language_from(code: object) -> str | None:
    """The primary language subtag of ``code`` ("en-GB" -> "en"), or None when it
    is not a language code."""
    if not isinstance(code, str):
        return None
    primary = re.split(r"[-_]", code.strip(), maxsplit=1)[0].lower()
    return primary if _LANGUAGE.fullmatch(primary) else None


def file_name_from(text: str, fallback: str = "file") -> str:
    """``text`` as one safe file name part (no folders, no leading or double dots, no
    control characters): an order number "FV/2024/05/001" -> "FV-2024-05-001"."""
    part = re.sub(r"[^\w.-]+", "-", unicodedata.normalize("NFKC", text))
    part = re.sub(r"\.{2,}", ".", re.sub("-{2,}", "-", part)).strip(".-_")[:100]
    return part if part and part.split(".")[0].casefold() not in _DEVICES else fallback


def check_slug(slug: object) -> str:
    if not is_safe_slug(slug):
        raise UnsafeName(
            say(
                "the series slug “{slug}” cannot be used: a slug is at most "
                "{slug_length} letters, digits and hyphens",
                slug=shown(slug),
                slug_length=SLUG_LENGTH,
            )
        )
    return str(slug)


def issue_file_path(
    series: object, year: object, number: object, language: object, kind: str, suffix: str
) -> str:
    """Where an issue's file of this kind is kept, relative to the files folder."""
    slug = check_slug(series)
    if not (_is_int(year) and _is_int(number)):
        raise UnsafeName(
            say("issue numbers and years are whole numbers, not “{number}”", number=shown(number))
        )
    if not isinstance(language, str) or not _STORED_LANGUAGE.fullmatch(language):
        raise UnsafeName(
            say(
                "“{language}” is not a language code a file can be named by",
                language=shown(language),
            )
        )
    check_kind(kind, suffix)
    return f"{slug}/{year}/{slug}-{year}-{number}-{language}-{kind}{suffix}"


def shared_file_path(kind: str, digest: str, suffix: str) -> str:
    check_kind(kind, suffix)
    if not re.fullmatch(r"[0-9a-f]{64}", digest):
        raise UnsafeName(say("“{digest}” is not a SHA-256 digest", digest=shown(digest)))
    return f"{kind}s/{digest}{suffix}"


def check_kind(kind: str, suffix: str) -> None:
    if kind not in KINDS:
        raise UnsafeName(
            say(
                "the library keeps no file of the kind “{kind}” (only {kinds})",
                kind=shown(kind),
                kinds=", ".join(sorted(KINDS)),
            )
        )
    if suffix not in SUFFIXES:
        raise UnsafeName(
            say(
                "the library keeps no file ending in “{suffix}” (only {suffixes})",
                suffix=shown(suffix),
                suffixes=", ".join(sorted(SUFFIXES)),
            )
        )


def stays_inside(files_dir: Path, relative: object) -> bool:
    """Whether the stored path ``relative`` names a file under ``files_dir`` (after
    following any link on the way)."""
    if not isinstance(relative, str) or not relative or "\\" in relative or "\x00" in relative:
        return False
    pure = PurePosixPath(relative)
    if pure.is_absolute() or ".." in pure.parts or ":" in pure.parts[0]:
        return False
    root = files_dir.resolve()
    try:
        return (root / relative).resolve().is_relative_to(root)
    except (OSError, RuntimeError):  # a loop of links
        return False


def inside(files_dir: Path, relative: object) -> Path:
    """The file a stored path names; raises UnsafeName when it leaves ``files_dir``."""
    if not stays_inside(files_dir, relative):
        raise UnsafeName(
            say(
                "the stored path “{path}” leads outside the library's files "
                "folder; it was not used (bookstore check lists such paths)",
                path=shown(relative),
            )
        )
    return files_dir / str(relative)


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def shown(value: object) -> str:
    """A value as a sentence may quote it: printable and short."""
    text = "".join(c if c.isprintable() else "?" for c in str(value))
    return text if len(text) <= 80 else text[:77] + "..."
