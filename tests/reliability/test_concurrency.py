"""Several processes at once on one library: imports, removals, searches, creation.

Every command either finishes or says why not in one sentence; no issue is lost; the
library passes the full integrity check afterwards. ``BOOKSTORE_FAULT_ROUNDS`` sets
how many times each race is run.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bookstore.library.library import Library
from tests.reliability.processes import finish, rounds, run, start, write_pages

PAGES = 80


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("pages")
    write_pages(folder / "a", 0, PAGES)
    write_pages(folder / "b", 10_000, PAGES)
    return folder / "a", folder / "b"


def test_two_imports_a_remove_and_searches_at_once(tmp_path: Path, pages: tuple[Path, Path]):
    for number in range(rounds(2)):
        library = tmp_path / f"library-{number}"
        assert run(library, "series").returncode == 0
        first = start(library, "import", str(pages[0]))
        second = start(library, "import", str(pages[1]))
        removed = start(library, "remove", "1")
        searches = [start(library, "search", "year:2018..2020 OR nuclear", "--json")]
        searches += [start(library, "list", "--json") for _ in range(2)]
        for process in (first, second, removed, *searches):
            code, out, err = finish(process)
            assert code == 0 and "Traceback" not in err, (number, process.args, err)
            if process in searches:
                assert json.loads(out)
        with Library.open(library) as opened:
            assert opened.check() == []
            assert opened.count() == 26 + 2 * PAGES - 1  # nothing lost, one removed


def test_a_search_loop_while_an_import_runs(tmp_path: Path, pages: tuple[Path, Path]):
    library = tmp_path / "library"
    assert run(library, "series").returncode == 0
    importing = start(library, "import", str(pages[0]), str(pages[1]))
    counts = []
    while importing.poll() is None:
        done = run(library, "search", "series:spotlight", "--json", "--limit", "500")
        assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
        counts.append(len(json.loads(done.stdout)))
    code, _, err = finish(importing)
    assert code == 0, err
    assert counts == sorted(counts)  # each search saw a committed state, never less
    with Library.open(library) as opened:
        assert opened.check() == [] and opened.count() == 26 + 2 * PAGES


def test_several_processes_creating_one_new_library(tmp_path: Path):
    for number in range(rounds(4)):
        library = tmp_path / f"new-{number}"
        processes = [start(library, "series", "--json") for _ in range(5)]
        for process in processes:
            code, out, err = finish(process)
            assert code == 0, err
            assert len(json.loads(out)) == 5  # every one sees the whole sample catalog
            # ... and the search index its creator made (none made its own, or said so).
            assert err == "", err
        with Library.open(library) as opened:
            assert opened.count() == 26 and opened.check() == []
        assert (
            run(library, "import", str(Path(__file__).parents[1] / "data" / "pages")).returncode
            == 0
        )
