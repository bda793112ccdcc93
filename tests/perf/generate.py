"""A generated library of many issues, for benchmarks.

Words are drawn from Faker's word lists with Zipf-like weights (a few very common
words, a long tail of rare ones), so that the index has the shape of real text.
"""

from __future__ import annotations

import datetime as dt
import itertools
import random
from pathlib import Path

from faker import Faker

from bookstore.library.library import Library
from bookstore.model import Issue, Numbering, Section, Series

_LOCALES = {"en": "en_US", "pl": "pl_PL", "ru": "ru_RU"}
SERIES = [
    Series("spotlight", {"en": "PISM Spotlight"}),
    Series("bulletin", {"en": "PISM Bulletin", "pl": "Biuletyn PISM"}, Numbering.RUNNING),
    Series("policy-paper", {"en": "Policy Paper"}, Numbering.RUNNING),
    Series("strategic-file", {"en": "Strategic File"}, Numbering.RUNNING),
    Series("report", {"en": "PISM Report", "pl": "Raport PISM"}),
]


class IssueGenerator:
    def __init__(self, series: list[Series], seed: int = 2019) -> None:
        self.random = random.Random(seed)
        self.series = series
        self.words: dict[str, list[str]] = {}
        self.weights: dict[str, list[float]] = {}
        self.people: dict[str, list[str]] = {}
        for language, locale in _LOCALES.items():
            faker = Faker(locale)
            faker.seed_instance(seed)
            words = [w for w in faker.get_words_list() if len(w) > 1]
            rng = random.Random(seed)
            rng.shuffle(words)
            # Synthetic rare words make the tail long, as in real briefs (names, places).
            words += [faker.last_name().lower() for _ in range(3000)]
            self.words[language] = words
            self.weights[language] = list(
                itertools.accumulate(1 / (rank + 1) ** 1.05 for rank in range(len(words)))
            )
            self.people[language] = [faker.name() for _ in range(400)]
        self.topics = [f"topic {n}" for n in range(60)]

    def _sentence(self, language: str, low: int = 8, high: int = 20) -> str:
        count = self.random.randint(low, high)
        words = self.random.choices(
            self.words[language], cum_weights=self.weights[language], k=count
        )
        return " ".join(words).capitalize() + "."

    def _paragraph(self, language: str, sentences: int) -> str:
        return " ".join(self._sentence(language) for _ in range(sentences))

    def issue(self, n: int) -> Issue:
        rng = self.random
        language = rng.choices(["en", "pl", "ru"], [6, 3, 1])[0]
        series = self.series[n % len(self.series)]
        year = 1995 + (n // 4000)
        number = (n // len(self.series)) % 4000 + 1
        sections = tuple(
            Section(self._sentence(language, 5, 10)[:-1] + "?", (self._paragraph(language, 4),))
            for _ in range(rng.randint(2, 4))
        )
        return Issue(
            series=series,
            number=number,
            year=year,
            running_number=n + 1,
            title=self._sentence(language, 5, 12)[:-1],
            date=dt.date(year, 1, 1) + dt.timedelta(days=rng.randrange(365)),
            language=language,
            lead=self._paragraph(language, 3),
            sections=sections,
            authors=tuple(rng.sample(self.people[language], rng.randint(1, 3))),
            topics=tuple(rng.sample(self.topics, 2)),
            owned=rng.random() < 0.3,
        )


def build_library(path: Path, count: int, seed: int = 2019) -> Library:
    """A library at ``path`` holding ``count`` generated issues (reused if already built)."""
    library = Library.open(path, with_sample=False)
    if library.count() >= count:
        return library
    generator = IssueGenerator(SERIES, seed)
    with library.transaction():
        for entry in SERIES:
            library.put_series(entry)
        for n in range(library.count(), count):
            library.save(generator.issue(n))
    return library


def page_text(issue: Issue) -> str:
    """The issue as the publisher's website shows it, saved as text (like the seed page)."""
    series = issue.series.name_in(issue.language)
    lines = [
        "• RSS",
        f"Home > Publications > {series} > {series}: {issue.title}",
        "",
        f"{series}: {issue.title}",
        "",
        "font lower",
        "font default",
        "font bigger",
        "",
        f"{issue.date.day} {_MONTHS[issue.date.month - 1]} {issue.date.year}",
        ", ".join(issue.authors),
        issue.number_label.replace("№", "no.").replace("nr", "no."),
        "",
        issue.lead,
    ]
    for section in issue.sections:
        lines += ["", section.heading or "", "", *section.paragraphs]
    return "\n".join(lines) + "\n"


_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")  # fmt: skip
