"""The library's schema, stepped through ``PRAGMA user_version``, one SQL script per version."""

from __future__ import annotations

import sqlite3

_V1 = """
CREATE TABLE series (
    slug TEXT PRIMARY KEY,
    names TEXT NOT NULL,          -- JSON object: language -> name
    numbering TEXT NOT NULL CHECK (numbering IN ('year', 'running')),
    issn TEXT,
    price_amount TEXT,
    price_currency TEXT
);
CREATE TABLE issue (
    id INTEGER PRIMARY KEY,
    series TEXT NOT NULL REFERENCES series(slug),
    number INTEGER NOT NULL,
    year INTEGER NOT NULL,
    running_number INTEGER,
    language TEXT NOT NULL,
    title TEXT NOT NULL,
    date TEXT NOT NULL,           -- ISO 8601
    lead TEXT NOT NULL,
    sections TEXT NOT NULL,       -- JSON list of {heading, paragraphs}
    price_amount TEXT,
    price_currency TEXT,
    source_url TEXT,
    acquired_at TEXT,             -- set when the user owns the issue
    added_at TEXT NOT NULL,
    UNIQUE (series, year, number, language)
);
CREATE UNIQUE INDEX issue_source_url ON issue(source_url) WHERE source_url IS NOT NULL;
CREATE INDEX issue_date ON issue(date);
CREATE INDEX issue_year ON issue(year);
CREATE INDEX issue_number_order ON issue(series, year DESC, number DESC, language);
CREATE TABLE issue_author (
    issue_id INTEGER NOT NULL REFERENCES issue(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    PRIMARY KEY (issue_id, position)
);
CREATE TABLE issue_topic (
    issue_id INTEGER NOT NULL REFERENCES issue(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    topic TEXT NOT NULL,
    PRIMARY KEY (issue_id, position)
);
CREATE TABLE issue_file (
    issue_id INTEGER NOT NULL REFERENCES issue(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    path TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    size INTEGER NOT NULL,
    PRIMARY KEY (issue_id, kind)
);
-- Text is folded (case, diacritics) in Python before it is indexed, so the
-- index holds no content of its own; "meta" holds one token per filterable field.
-- See library/fulltext.py and library/search_sql.py.
CREATE VIRTUAL TABLE issue_fts USING fts5(
    title, lead, body, authors, topics, meta,
    content='', prefix='2 3', tokenize='unicode61 remove_diacritics 2'
);
"""

# The identifiers a book gave an issue (an EPUB's dc:identifier: ISBN, urn:uuid, …),
# so that importing the same book again updates that issue.
_V2_IDENTIFIERS = """
CREATE TABLE issue_identifier (
    identifier TEXT PRIMARY KEY,
    issue_id INTEGER NOT NULL REFERENCES issue(id) ON DELETE CASCADE
);
CREATE INDEX issue_identifier_issue ON issue_identifier(issue_id);
"""

# One SQL script per schema version; never edit a released step, add a new one.
MIGRATIONS: list[str] = [_V1, _V2_IDENTIFIERS]


def migrate(db: sqlite3.Connection) -> None:
    """Bring the schema up to the newest version, each step in one transaction."""
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if version > len(MIGRATIONS):
        raise sqlite3.DatabaseError(
            f"the library was written by a newer Bookstore (schema {version}); "
            f"this one knows schema {len(MIGRATIONS)}"
        )
    for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
        try:
            db.executescript(f"BEGIN;\n{script}\nPRAGMA user_version = {number};\nCOMMIT;")
        except BaseException:
            if db.in_transaction:
                db.execute("ROLLBACK")
            raise
