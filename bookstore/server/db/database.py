"""The store's database: an SQLAlchemy engine for SQLite or PostgreSQL, migrated on open."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from sqlalchemy.engine import Engine

from bookstore.errors import BookstoreError

_MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def default_url(folder: Path) -> str:
    return f"sqlite:///{(folder / 'store.sqlite').resolve()}"


def open_database(url: str) -> Engine:
    """An engine for ``url`` whose schema is brought up to date.

    SQLite runs every transaction as ``BEGIN IMMEDIATE``: a read that later writes
    (checkout) then waits for the write lock instead of failing half-way. Reads that
    never write open their connection with ``reading`` and begin a plain (deferred)
    transaction, so readers never wait for each other or for a writer (WAL).
    """
    try:
        engine = _engine(url)
        migrate(engine)
    except sa.exc.ArgumentError as error:
        raise BookstoreError(
            f"{url}: not a database URL the store understands ({error})"
        ) from error
    except (sa.exc.OperationalError, sa.exc.DatabaseError) as error:
        reason = str(error.orig) if error.orig else str(error)
        raise BookstoreError(
            f"cannot open the store's database {safe_url(url)}: {reason.strip()}"
        ) from error
    except ModuleNotFoundError as error:
        raise BookstoreError(
            f"{safe_url(url)}: the database driver is not installed ({error.name})"
        ) from error
    return engine


def _engine(url: str) -> Engine:
    parsed = sa.make_url(url)
    if parsed.get_backend_name() == "sqlite":
        engine = sa.create_engine(parsed, connect_args={"timeout": 30})
        sa.event.listen(engine, "connect", _prepare_sqlite)
        sa.event.listen(engine, "begin", _begin_sqlite)
        return engine
    if parsed.get_backend_name() != "postgresql":
        raise BookstoreError(
            f"{safe_url(url)}: the store keeps its data in SQLite or PostgreSQL only"
        )
    return sa.create_engine(parsed, pool_size=10, max_overflow=20, pool_pre_ping=True)


_READING = "bookstore_reading"


def reading(engine: Engine) -> sa.Connection:
    """A connection for reads only (``with reading(engine) as db: ...``)."""
    return engine.connect().execution_options(**{_READING: True})


def _begin_sqlite(connection: sa.Connection) -> None:
    reads_only = connection.get_execution_options().get(_READING, False)
    connection.exec_driver_sql("BEGIN" if reads_only else "BEGIN IMMEDIATE")


def _prepare_sqlite(dbapi_connection, _record) -> None:
    dbapi_connection.isolation_level = None  # SQLAlchemy's "begin" event starts transactions
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = NORMAL")
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.close()


def migrate(engine: Engine) -> None:
    config = Config()
    config.set_main_option("script_location", str(_MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def safe_url(url: str) -> str:
    """The URL without its password, for messages."""
    try:
        return sa.make_url(url).render_as_string(hide_password=True)
    except sa.exc.ArgumentError:
        return url
