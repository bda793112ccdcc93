"""What the search index holds for an issue: its fields, its words and its word pairs.

Text is folded (case, diacritics: ``folding.fold``) in Python and split into words by
tantivy's simple tokenizer (runs of letters and digits), the same at indexing and at
query time (``words``).

Each of title, lead and text has a companion ``*_pairs`` field, one token per word
position: the pair "word|next" where both words are *common* (in at least
``COMMON_SHARE`` of the issues when the index was built), else a filler. It has
exactly as many tokens as its field has words, so BM25 sees the same lengths in
both, and a phrase of common words can be scored from pairs with the very score a
phrase query on the words gives (``search_compile``), reading one short list
instead of the positions of two words found in most issues.
"""

from __future__ import annotations

import collections
import datetime as dt
import itertools
from collections.abc import Iterable

import tantivy

from bookstore.library.search.folding import fold
from bookstore.model import Issue

# Column weights: each field's BM25 score is multiplied by its weight.
WEIGHTS = {"title": 10.0, "lead": 5.0, "body": 1.0, "authors": 4.0, "topics": 3.0}
PAIRED = ("title", "lead", "body")
COMMON_SHARE = 0.10  # a word in this share of issues is common (pairs of them are indexed)
COMMON_SAMPLE = 2000  # how many issues are read to find the common words
FILLER = "|"
TOKENIZER = "bookstore_words"


def analyzer() -> tantivy.TextAnalyzer:
    return (
        tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
        .filter(tantivy.Filter.lowercase())
        .build()
    )


_ANALYZER = analyzer()


def words(text: str) -> list[str]:
    """The indexed words of ``text``, exactly as the index splits it."""
    return _ANALYZER.analyze(fold(text))


def pair(first: str, second: str) -> str:
    return f"{first}{FILLER}{second}"


def build_schema() -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    for field in WEIGHTS:
        builder.add_text_field(field, tokenizer_name=TOKENIZER)
    for field in PAIRED:
        builder.add_text_field(f"{field}_pairs", tokenizer_name="whitespace")
    builder.add_unsigned_field("id", indexed=True, fast=True)
    # (days since 1 January of year 1 << 32) | id: newest first is one descending sort,
    # with no ties (unsigned: every date since year 1 gives a positive key).
    builder.add_unsigned_field("recency", fast=True)
    # Series, year and number descending, language: the order of ``--sort number``.
    builder.add_text_field("number_order", fast=True, tokenizer_name="raw", index_option="basic")
    builder.add_text_field("series", tokenizer_name="raw", index_option="basic")
    builder.add_text_field("lang", tokenizer_name="raw", index_option="basic")
    builder.add_boolean_field("owned", indexed=True)
    builder.add_integer_field("year", indexed=True, fast=True)
    return builder.build()


def recency(date: dt.date, issue_id: int) -> int:
    return (date.toordinal() << 32) | issue_id


def id_of_recency(value: int) -> int:
    return value & 0xFFFFFFFF


def number_order(issue: Issue, issue_id: int) -> str:
    """A key whose ascending order is series, year descending, number descending,
    language, ending with the id (so that the id can be read back from it)."""
    return (
        f"{issue.series.slug}\x00{9999 - issue.year:04d}{99_999_999 - issue.number:08d}"
        f"{issue.language}\x00{issue_id}"
    )


def id_of_number_order(value: str) -> int:
    return int(value.rsplit("\x00", 1)[1])


def texts(issue: Issue) -> dict[str, str]:
    return {
        "title": issue.title,
        "lead": issue.lead,
        "body": issue.body_text(),
        "authors": " ; ".join(issue.authors),
        "topics": " ; ".join(issue.topics),
    }


def document(issue: Issue, issue_id: int, common: frozenset[str]) -> tantivy.Document:
    """The index document of an issue; ``issue.owned`` must be what the database says."""
    doc = tantivy.Document()
    for field, text in texts(issue).items():
        folded = fold(text)
        doc.add_text(field, folded)
        if field in PAIRED:
            tokens = _ANALYZER.analyze(folded)
            pairs = [
                pair(a, b) if a in common and b in common else FILLER
                for a, b in itertools.pairwise(tokens)
            ]
            if tokens:
                pairs.append(FILLER)
            doc.add_text(f"{field}_pairs", " ".join(pairs))
    doc.add_unsigned("id", issue_id)
    doc.add_unsigned("recency", recency(issue.date, issue_id))
    doc.add_text("number_order", number_order(issue, issue_id))
    doc.add_text("series", issue.series.slug)
    doc.add_text("lang", issue.language.lower())
    doc.add_boolean("owned", issue.owned)
    doc.add_integer("year", issue.year)
    return doc


def common_words(issues: Iterable[Issue]) -> frozenset[str]:
    """The words of title, lead and text found in at least ``COMMON_SHARE`` of ``issues``."""
    counts: collections.Counter[str] = collections.Counter()
    total = 0
    for issue in issues:
        total += 1
        found: set[str] = set()
        for field, text in texts(issue).items():
            if field in PAIRED:
                found.update(words(text))
        counts.update(found)
    return frozenset(word for word, n in counts.items() if n >= COMMON_SHARE * total)
