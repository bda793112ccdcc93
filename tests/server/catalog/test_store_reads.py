"""Reads of the store's data never wait for a writer (SQLite in WAL mode); writes
still take the write lock at their start."""

from __future__ import annotations

import threading

import sqlalchemy as sa

from bookstore.server.db.database import open_database, reading


def test_a_read_goes_on_while_a_writer_holds_the_lock(tmp_path):
    engine = open_database(f"sqlite:///{tmp_path}/store.sqlite")
    with engine.begin() as db:
        db.exec_driver_sql("CREATE TABLE probe (n INTEGER)")
        db.exec_driver_sql("INSERT INTO probe VALUES (1)")
    found: list[int] = []
    write_waited = threading.Event()

    def read() -> None:
        with reading(engine) as db:
            found.append(db.execute(sa.text("SELECT n FROM probe")).scalar_one())

    def write() -> None:
        with engine.begin() as db:  # BEGIN IMMEDIATE: waits for the first writer
            db.exec_driver_sql("INSERT INTO probe VALUES (3)")
        write_waited.set()

    with engine.begin() as db:
        db.exec_driver_sql("INSERT INTO probe VALUES (2)")
        reader = threading.Thread(target=read)
        reader.start()
        reader.join(timeout=10)
        assert not reader.is_alive() and found == [1]  # the committed state, at once
        writer = threading.Thread(target=write)
        writer.start()
        assert not write_waited.wait(0.5)  # a second writer waits for the first
    writer.join(timeout=30)
    assert write_waited.is_set()
    with reading(engine) as db:
        assert db.execute(sa.text("SELECT count(*) FROM probe")).scalar_one() == 3
    engine.dispose()
