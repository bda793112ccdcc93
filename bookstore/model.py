"""Domain types: series, issues and their parts. No I/O here."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

LANGUAGES = ("en", "pl", "ru")

# The series of books that belong to none (a store's book that names no series).
NO_SERIES_SLUG = "not-in-a-series"

# How each language prints "number" in an issue label.
_NUMBER_WORD = {"en": "no.", "pl": "nr", "ru": "№"}


class Numbering(StrEnum):
    """How a series numbers its issues."""

    YEAR = "year"  # "no. 2/2019": number within the year
    RUNNING = "running"  # "no. 26 (1272)": number within the year and running number


@dataclass(frozen=True)
class Price:
    amount: Decimal
    currency: str

    @classmethod
    def parse(cls, data: dict | None) -> Price | None:
        if not data:
            return None
        return cls(Decimal(str(data["amount"])).quantize(Decimal("0.01")), data["currency"])

    def to_json(self) -> dict:
        return {"amount": f"{self.amount:.2f}", "currency": self.currency}


@dataclass(frozen=True)
class Series:
    slug: str
    names: dict[str, str]
    numbering: Numbering = Numbering.YEAR
    issn: str | None = None
    price: Price | None = None

    @property
    def name(self) -> str:
        """The series' English name, or its first name when it has none."""
        return self.names.get("en") or next(iter(self.names.values()))

    def name_in(self, language: str) -> str:
        return self.names.get(language) or self.name


@dataclass(frozen=True)
class Section:
    heading: str | None
    paragraphs: tuple[str, ...]

    def text(self) -> str:
        parts = [self.heading] if self.heading else []
        return "\n".join([*parts, *self.paragraphs])


@dataclass(frozen=True)
class FileRef:
    """A file the library holds for an issue, relative to the library's files folder."""

    kind: str  # "page", "epub", "pdf"
    path: str
    sha256: str
    size: int


@dataclass(frozen=True)
class Issue:
    series: Series
    number: int
    year: int
    title: str
    date: dt.date
    language: str
    lead: str
    sections: tuple[Section, ...] = ()
    authors: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    running_number: int | None = None
    price: Price | None = None
    source_url: str | None = None
    owned: bool = False
    files: tuple[FileRef, ...] = ()
    translations: tuple[int, ...] = field(default=(), compare=False)
    id: int | None = field(default=None, compare=False)

    @property
    def key(self) -> str:
        """The identity shared by an issue and its translations: series, year, number."""
        return f"{self.series.slug}-{self.year}-{self.number}"

    @property
    def number_label(self) -> str:
        """The issue's number as its series prints it: "no. 2/2019" or "no. 26 (1272)"."""
        word = _NUMBER_WORD.get(self.language, "no.")
        if self.series.numbering is Numbering.RUNNING and self.running_number is not None:
            return f"{word} {self.number} ({self.running_number})"
        return f"{word} {self.number}/{self.year}"

    @property
    def label(self) -> str:
        """Series name and number: "PISM Spotlight no. 2/2019"; a book in no series has
        no number to print ("Not in a series")."""
        if self.series.slug == NO_SERIES_SLUG:
            return self.series.name_in(self.language)
        return f"{self.series.name_in(self.language)} {self.number_label}"

    @property
    def is_free(self) -> bool:
        return self.price is None or self.price.amount == 0

    def body_text(self) -> str:
        return "\n".join(section.text() for section in self.sections)
