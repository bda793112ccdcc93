"""The library's schema, stepped through ``PRAGMA user_version``, one SQL script per version."""

from __future__ import annotations

import sqlite3

from bookstore.i18n.messages import say

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
-- Text was folded (case, diacritics) in Python before it was indexed, so the
-- index held no content of its own; "meta" held one token per filterable field.
CREATE VIRTUAL TABLE issue_fts USING fts5(
    title, lead, body, authors, topics, meta,
    content='', prefix='2 3', tokenize='unicode61 remove_diacritics 2'
);
"""

_V2_IDENTIFIERS = """
CREATE TABLE issue_identifier (
    identifier TEXT PRIMARY KEY,
    issue_id INTEGER NOT NULL REFERENCES issue(id) ON DELETE CASCADE
);
CREATE INDEX issue_identifier_issue ON issue_identifier(issue_id);
"""

# Files written by a transaction wait in files/.staging/<txid>/ until it commits; the
# row naming them commits with the data, so a crash between the commit and the moves is
# finished at the next open (library/files/staging.py). change_log lists every issue saved or
# removed, in commit order, for indexes kept outside the database.
_V3_STAGING = """
CREATE TABLE file_journal (
    txid TEXT PRIMARY KEY,
    plan TEXT NOT NULL            -- JSON: {"moves": [[staged, path], ...], "deletes": [path, ...]}
);
CREATE TABLE change_log (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    issue_id INTEGER NOT NULL,
    change TEXT NOT NULL CHECK (change IN ('saved', 'removed'))
);
"""

# For the window: saved searches, where the reader was in each issue, and indexes that
# let the issue list filter by topic and sort by title, language and date added in SQL.
_V4_WINDOW = """
CREATE TABLE saved_search (
    name TEXT PRIMARY KEY,
    query TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE TABLE reading_state (
    issue_id INTEGER PRIMARY KEY REFERENCES issue(id) ON DELETE CASCADE,
    position REAL NOT NULL,       -- 0.0 (top) to 1.0 (end)
    font_step INTEGER NOT NULL,   -- 0 is the default size; each step is one size bigger or smaller
    updated_at TEXT NOT NULL
);
CREATE INDEX issue_topic_topic ON issue_topic(topic);
CREATE INDEX issue_added ON issue(added_at);
CREATE INDEX issue_title ON issue(title COLLATE NOCASE);
CREATE INDEX issue_language ON issue(language, date);
"""

# Feed subscriptions (RSS and Atom) and the items each has shown; an item that became an
# issue of the library points at it.
_V5_FEEDS = """
CREATE TABLE feed (
    id INTEGER PRIMARY KEY,
    url TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    download_free INTEGER NOT NULL DEFAULT 0,
    added_at TEXT NOT NULL,
    checked_at TEXT,
    etag TEXT,
    modified TEXT,
    error TEXT
);
CREATE TABLE feed_item (
    feed_id INTEGER NOT NULL REFERENCES feed(id) ON DELETE CASCADE,
    guid TEXT NOT NULL,
    title TEXT NOT NULL,
    link TEXT,
    published TEXT,
    issue_id INTEGER REFERENCES issue(id) ON DELETE SET NULL,
    seen INTEGER NOT NULL DEFAULT 0,
    added_at TEXT NOT NULL,
    PRIMARY KEY (feed_id, guid)
);
CREATE INDEX feed_item_issue ON feed_item(issue_id);
"""

# Search moved to a tantivy index in the library folder (library/search/index.py), kept
# in step through change_log.
_V6_SEARCH_INDEX = """
DROP TABLE issue_fts;
"""

# The sidebar's "Owned" count and filter read this index instead of every row.
_V7_OWNED_INDEX = """
CREATE INDEX issue_acquired ON issue(acquired_at);
"""

# One SQL script per schema version; never edit a released step, add a new one.
MIGRATIONS: list[str] = [
    _V1,
    _V2_IDENTIFIERS,
    _V3_STAGING,
    _V4_WINDOW,
    _V5_FEEDS,
    _V6_SEARCH_INDEX,
    _V7_OWNED_INDEX,
]


class NewerSchema(sqlite3.DatabaseError):
    """The database was written by a newer Bookstore."""


def schema_version(db: sqlite3.Connection) -> int:
    return db.execute("PRAGMA user_version").fetchone()[0]


def migrate(db: sqlite3.Connection) -> int:
    """Bring the schema up to the newest version; returns the version it started from.

    Runs inside the caller's write transaction (``BEGIN IMMEDIATE``), so that several
    processes opening one library at once step it exactly once.
    """
    version = schema_version(db)
    if version > len(MIGRATIONS):
        raise NewerSchema(
            say(
                "the library was written by a newer Bookstore (schema "
                "{version}); this one knows schema {known}",
                version=version,
                known=len(MIGRATIONS),
            )
        )
    for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
        for statement in _statements(script):
            db.execute(statement)
        db.execute(f"PRAGMA user_version = {number}")
    return version


def _statements(script: str) -> list[str]:
    """The statements of a script (``executescript`` would commit the transaction)."""
    statements, pending = [], ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            statements.append(pending.strip())
            pending = ""
    if pending.strip():
        statements.append(pending.strip())
    return statements
