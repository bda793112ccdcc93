"""Killing imports and exports at random moments, then checking the library end to end.

Each round starts a real ``bookstore`` process, sends it SIGKILL, SIGTERM, SIGINT or
SIGHUP at a random moment of its work, then opens the library (which finishes or
removes what the write left) and runs the full integrity check: SQLite's
integrity_check, the full-text index's, every file present with the checksum its row
records, nothing stray. Imports alternate between two revisions of the same pages,
so that most rounds replace files. ``BOOKSTORE_FAULT_ROUNDS`` sets the number of rounds.
"""

from __future__ import annotations

import random
import signal
import zipfile
from pathlib import Path

import pytest

from bookstore.library.library import Library
from tests.reliability.processes import (
    SIGNALS,
    finish,
    rounds,
    run,
    signal_at_random,
    start,
    stopped_cleanly,
    write_pages,
)

PAGES = 60


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("pages")
    return {
        revision: (write_pages(folder / revision, 0, PAGES, revision), folder / revision)[1]
        for revision in ("first", "second")
    }


def _check(library_path: Path) -> tuple[list[str], int]:
    with Library.open(library_path) as library:
        return library.check(), library.count()


def test_imports_killed_at_random_moments_leave_a_sound_library(
    tmp_path: Path, pages: dict[str, Path]
):
    randomness = random.Random(7)
    library = tmp_path / "library"
    assert run(library, "series").returncode == 0
    outcomes: dict[str, int] = {}
    for number in range(rounds(12)):
        sent = randomness.choice(SIGNALS)
        revision = ("first", "second")[number % 2]
        process = start(library, "import", str(pages[revision]))
        # Spread over the whole import (about a second here), past its end at times.
        sent = signal_at_random(process, library, sent, randomness, latest=1.5)
        code, _, err = finish(process)
        assert stopped_cleanly(code, err, sent), (number, sent, code, err)
        problems, count = _check(library)
        assert problems == [], (number, sent, problems)
        assert 26 <= count <= 26 + PAGES
        key = "finished" if sent is None else signal.Signals(sent).name
        outcomes[key] = outcomes.get(key, 0) + 1
        if number % 4 == 3:  # a re-run completes
            done = run(library, "import", str(pages[revision]))
            assert done.returncode == 0, done.stderr
            assert _check(library) == ([], 26 + PAGES)
    print("import rounds:", outcomes)


def test_exports_killed_at_random_moments_leave_nothing_behind(tmp_path: Path):
    randomness = random.Random(11)
    library = tmp_path / "library"
    assert run(library, "series").returncode == 0
    out = tmp_path / "out"
    out.mkdir()
    commands = [
        ("export", "epub", "--query", "year:2018..2020", "--each", str(out)),
        ("export", "epub", "--query", "year:2018..2020", "-o", str(out / "bundle.epub")),
        ("export", "pdf", "--query", "year:2018..2020", "-o", str(out / "print.pdf")),
    ]
    for number in range(rounds(9)):
        command = commands[number % len(commands)]
        sent = randomness.choice(SIGNALS)
        process = start(library, *command)
        sent = signal_at_random(process, library, sent, randomness, latest=1.2)
        code, _, err = finish(process)
        assert stopped_cleanly(code, err, sent), (number, sent, code, err)
        leftovers = sorted(p.name for p in out.iterdir() if p.name.endswith(".part"))
        if sent is not signal.SIGKILL:
            assert leftovers == [], (number, sent, leftovers)
        for made in out.iterdir():
            if made.suffix == ".epub":
                assert zipfile.ZipFile(made).testzip() is None  # never a partial file
            if made.suffix == ".pdf":
                assert made.read_bytes().rstrip().endswith(b"%%EOF")
        # The next export to the same place completes and removes a killed one's leftovers.
        done = run(library, *command)
        assert done.returncode == 0, done.stderr
        assert not any(p.name.endswith(".part") for p in out.iterdir())
