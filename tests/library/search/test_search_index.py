"""The search index stays in step with the database: checked at open, rebuilt when
missing or damaged, caught up after a crash between the two, shared by writers."""

from __future__ import annotations

import dataclasses
import json
import shutil
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest

from bookstore.cli.main import main
from bookstore.jobs import Job
from bookstore.library.library import Library
from bookstore.library.search import index as search_index
from bookstore.library.search.index import IndexProblem, ProblemKind
from tests.perf.generate import SERIES, IssueGenerator, page_text

INDEX = search_index.FOLDER


def _build(library_root: Path) -> Path:
    """The folder of the index's current build."""
    pointer = json.loads((library_root / INDEX / "current.json").read_text())
    return library_root / INDEX / pointer["build"]


def _sample(path: Path) -> tuple[int, list[int]]:
    with Library.open(path) as library:
        return library.count(), library.search_ids("lodz OR europe", "relevance")


def _segment_files(folder: Path) -> list[Path]:
    return sorted(
        (p for p in folder.iterdir() if p.suffix in (".idx", ".pos", ".term")),
        key=lambda p: p.stat().st_size,
    )


def test_the_index_lives_in_the_library_folder(library: Library):
    assert (_build(library.root) / "meta.json").is_file()
    assert library.search_index_problem is None
    assert library.check() == []


def test_a_deleted_index_is_rebuilt_with_progress(tmp_path: Path):
    count, expected = _sample(tmp_path / "lib")
    shutil.rmtree(tmp_path / "lib" / INDEX)
    with Library.open(tmp_path / "lib") as library:
        assert str(library.search_index_problem) == "the search index is missing"
        assert library.check() == [
            "search index: the search index is missing (it is made again at the next opening)"
        ]
        progress: list[tuple[float, str]] = []
        rebuilt = library.rebuild_search_index(
            Job(on_progress=lambda f, m: progress.append((f, m)))
        )
        assert rebuilt and library.search_index_problem is None
        assert progress[0][0] == 0.0 and progress[-1][0] == 1.0
        assert progress[-1][1] == f"Rebuilding the search index: {count} of {count} issues"
        assert library.search_ids("lodz OR europe", "relevance") == expected
        assert library.check() == []


@pytest.mark.parametrize(
    "damage", ["flip bytes", "truncate", "meta.json", "state.json", "../current.json"]
)
def test_a_damaged_index_is_found_at_open_and_rebuilt(tmp_path: Path, damage: str):
    _, expected = _sample(tmp_path / "lib")
    folder = _build(tmp_path / "lib")
    victim = _segment_files(folder)[-1]
    data = bytearray(victim.read_bytes())
    if damage == "flip bytes":
        for at in range(len(data) // 3, len(data) // 3 + 64):
            data[at] ^= 0xFF
        victim.write_bytes(bytes(data))
    elif damage == "truncate":
        victim.write_bytes(bytes(data[: len(data) // 2]))
    else:
        (folder / damage).write_text("{ not json", encoding="utf-8")
    with Library.open(tmp_path / "lib") as library:
        assert library.search_index_problem is not None
        assert "damaged" in str(library.search_index_problem)
        # Not rebuilt yet: the first search does it (the CLI and the window do it at once).
        assert library.search_ids("lodz OR europe", "relevance") == expected
        assert library.search_index_problem is None
    with Library.open(tmp_path / "lib") as library:
        assert library.search_index_problem is None and library.check() == []


def test_an_index_ahead_of_the_database_is_rebuilt(tmp_path: Path):
    _sample(tmp_path / "lib")
    state_path = _build(tmp_path / "lib") / "state.json"
    state = json.loads(state_path.read_text())
    state["seq"] += 1000
    state_path.write_text(json.dumps(state))
    with Library.open(tmp_path / "lib") as library:
        assert "ahead of the database" in str(library.search_index_problem)


def test_the_cli_tells_the_user_and_rebuilds(tmp_path: Path, capsys):
    _sample(tmp_path / "lib")
    shutil.rmtree(tmp_path / "lib" / INDEX)
    code = main(["--library", str(tmp_path / "lib"), "search", "lodz", "--json"])
    captured = capsys.readouterr()
    assert code == 0
    assert "the search index is missing; making it again from the library" in captured.err
    assert json.loads(captured.out)


_KILLED_IMPORT = """
import os, sys
from pathlib import Path
from bookstore.ingest.batch import import_paths
from bookstore.library.search import index as search_index
from bookstore.library.library import Library

def killed(self, source):
    os._exit(9)  # the process dies right after the database committed

with Library.open(sys.argv[1]) as library:
    search_index.SearchIndex.sync = killed
    import_paths(library, [Path(sys.argv[2])])
"""


def test_an_import_killed_between_the_database_and_the_index(tmp_path: Path):
    count, _ = _sample(tmp_path / "lib")
    pages = tmp_path / "pages"
    pages.mkdir()
    generator = IssueGenerator(SERIES)
    for n in range(5):
        issue = dataclasses.replace(generator.issue(n), title=f"Quokka report {n}")
        (pages / f"page-{n}.txt").write_text(page_text(issue), encoding="utf-8")
    child = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(_KILLED_IMPORT), str(tmp_path / "lib"), str(pages)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert child.returncode == 9, child.stderr
    with Library.open(tmp_path / "lib") as library:
        assert library.count() == count + 5  # the database has them ...
        assert library.search_index_problem is None  # ... and opening caught the index up
        assert library.search_count("quokka") == 5
        assert library.check() == []


def test_a_search_catches_up_with_another_writer_that_died(tmp_path: Path, monkeypatch):
    count, _ = _sample(tmp_path / "lib")
    with Library.open(tmp_path / "lib") as reader, Library.open(tmp_path / "lib") as writer:
        monkeypatch.setattr(search_index.SearchIndex, "sync", lambda self, source: None)
        issue = dataclasses.replace(
            writer.get(1), title="Quokka at dawn", number=999, id=None, source_url=None
        )
        writer.save(issue)
        monkeypatch.undo()
        assert reader.search_count("quokka") == 1
        assert reader.search_count("lang:en OR lang:pl OR lang:ru") == count + 1


def test_two_writers_at_once_keep_the_index_whole(tmp_path: Path):
    count, _ = _sample(tmp_path / "lib")
    generator = IssueGenerator(SERIES)
    batches = [[generator.issue(n) for n in range(start, start + 40)] for start in (0, 1000)]
    errors: list[BaseException] = []

    def write(issues):
        try:
            with Library.open(tmp_path / "lib") as library:
                for issue in issues:
                    library.save(issue)
        except BaseException as error:  # reported below
            errors.append(error)

    threads = [threading.Thread(target=write, args=(batch,)) for batch in batches]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with Library.open(tmp_path / "lib") as library:
        assert library.count() == count + 80
        assert library.search_count("lang:en OR lang:pl OR lang:ru") == count + 80
        assert library.check() == []


def test_a_library_opened_read_only_keeps_its_index_on_disk(tmp_path: Path):
    # The index is derived data: a library opened read-only on a folder that can be
    # written (the store server) makes and updates it there; on a read-only disk it is
    # read from a copy, or made in memory (tests/reliability/test_library_states.py).
    _, expected = _sample(tmp_path / "lib")
    shutil.rmtree(tmp_path / "lib" / INDEX)
    with Library.open(tmp_path / "lib", read_only=True) as library:
        assert str(library.search_index_problem) == "the search index is missing"
        assert library.search_ids("lodz OR europe", "relevance") == expected
    with Library.open(tmp_path / "lib", read_only=True) as library:
        assert library.search_index_problem is None and library.check() == []


def test_a_panic_while_searching_rebuilds_and_searches_again(library: Library, monkeypatch):
    from bookstore.library.search import ranking as engine

    class PanicException(BaseException):  # what tantivy raises on a damaged index
        pass

    real, calls = engine.count, []

    def panicking_once(searcher, compiled):
        calls.append(1)
        if len(calls) == 1:
            raise PanicException("index out of bounds")
        return real(searcher, compiled)

    monkeypatch.setattr(engine, "count", panicking_once)
    assert library.search_count("lodz") == 1
    assert len(calls) == 2 and library.search_index_problem is None


def test_a_library_that_grew_fourfold_picks_its_common_words_again(tmp_path: Path):
    generator = IssueGenerator(SERIES)
    with Library.open(tmp_path / "lib", with_sample=False) as library:
        with library.transaction():
            for series in SERIES:
                library.put_series(series)
            for n in range(search_index.REBUILD_MINIMUM):
                library.save(generator.issue(n))
        assert not library.search_engine.index.common  # made when the library was empty
    with Library.open(tmp_path / "lib") as library:
        assert "has grown from 0 to 1,000 issues" in str(library.search_index_problem)
        library.rebuild_search_index()
        assert library.search_engine.index.common


def test_two_rebuilds_at_once_leave_one_sound_index(tmp_path: Path):
    _, expected = _sample(tmp_path / "lib")
    errors: list[BaseException] = []

    def rebuild() -> None:
        try:
            with Library.open(tmp_path / "lib") as library:
                library.rebuild_search_index()
        except BaseException as error:  # reported below
            errors.append(error)

    threads = [threading.Thread(target=rebuild) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with Library.open(tmp_path / "lib") as library:
        assert library.search_index_problem is None and library.check() == []
        assert library.search_ids("lodz OR europe", "relevance") == expected
    assert sorted(p.name for p in (tmp_path / "lib").iterdir() if p.name.startswith(INDEX)) == [
        INDEX
    ]
    builds = [p for p in (tmp_path / "lib" / INDEX).iterdir() if p.is_dir()]
    assert builds == [_build(tmp_path / "lib")]  # the other one is deleted


def test_a_long_import_updates_the_index_now_and_then_and_at_its_end(tmp_path: Path, monkeypatch):
    from bookstore.ingest.batch import import_paths
    from bookstore.library.search import engine

    pages = tmp_path / "pages"
    pages.mkdir()
    generator = IssueGenerator(SERIES)
    for n in range(30):
        issue = dataclasses.replace(generator.issue(n), title=f"Wombat brief {n}")
        (pages / f"page-{n}.txt").write_text(page_text(issue), encoding="utf-8")
    real_sync, syncs = search_index.SearchIndex.sync, []

    def counted(self, source):
        syncs.append(source.last_change())
        real_sync(self, source)

    monkeypatch.setattr(search_index.SearchIndex, "sync", counted)
    monkeypatch.setattr(engine, "SYNC_SECONDS", 3600.0)
    with Library.open(tmp_path / "lib") as library:
        syncs.clear()
        with library.chunks(seconds=0.0) as chunks:  # a commit after every page
            for page in sorted(pages.iterdir()):
                with chunks.item():
                    import_paths(library, [page])
        assert 1 <= len(syncs) <= 2  # perhaps at the first of 30 commits; at the end
        assert library.search_count("wombat") == 30
        assert library.search_engine.index.state.seq == library.last_change()


def test_a_library_opened_read_only_catches_its_index_up(tmp_path: Path):
    _sample(tmp_path / "lib")
    with Library.open(tmp_path / "lib") as writer:
        # So that its commits leave the index behind.
        writer.search_index_problem = IndexProblem(ProblemKind.DAMAGED, "kept behind")
        issue = dataclasses.replace(writer.get(2), title="Quokka in winter", id=None)
        writer.save(issue)
    with Library.open(tmp_path / "lib", read_only=True) as library:
        assert library.search_index_problem is None
        assert library.search_ids("quokka") == [2]


def test_what_an_interrupted_write_left_does_not_stop_the_next_one(tmp_path: Path):
    # A write killed (or stopped by a full disk) after tantivy made a segment's
    # deletions file, before its commit: the next write to that segment wants the name.
    _sample(tmp_path / "lib")
    build = _build(tmp_path / "lib")
    meta = json.loads((build / "meta.json").read_text())
    managed = json.loads((build / ".managed.json").read_text())
    for segment in meta["segments"]:
        prefix = segment["segment_id"].replace("-", "")
        for opstamp in range(meta["opstamp"] + 1, meta["opstamp"] + 40):
            (build / f"{prefix}.{opstamp}.del").write_bytes(b"half written")
            managed.append(f"{prefix}.{opstamp}.del")
    (build / ".tmp12345").write_bytes(b"half of an atomic write")
    (build / ".managed.json").write_text(json.dumps(managed))
    with Library.open(tmp_path / "lib") as library:
        issue = library.get(4)
        library.save(dataclasses.replace(issue, title="Quokka census"))
        assert library.search_ids("quokka") == [4]
        assert library.search_index_behind is None
        assert library.check() == []
    assert not (build / ".tmp12345").exists()
    # The half-written files are gone (a name may be used again by the new commit).
    assert all(path.read_bytes() != b"half written" for path in build.glob("*.*.del"))
