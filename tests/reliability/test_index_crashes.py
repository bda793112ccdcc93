"""The search index under kills: a process killed while it writes the index (SIGKILL,
at a random moment of a stream of saves, each of which updates the index) leaves a
library whose next opening finds the index sound and in step with the database, and
whose next write works and removes the files the killed one left.

Files an interrupted tantivy write leaves are not part of the index, but tantivy
reuses the name of a deletions file: left in place, one stops every later update.
``BOOKSTORE_FAULT_ROUNDS`` sets the number of rounds.
"""

from __future__ import annotations

import dataclasses
import json
import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from bookstore.library.library import Library
from bookstore.library.search.files import leftovers
from tests.reliability.processes import rounds

_SAVING = """
import dataclasses, itertools, sys
from bookstore.library.library import Library

with Library.open(sys.argv[1]) as library:
    issues = library.list_issues()
    print("open", flush=True)
    for n in itertools.count():
        issue = issues[n % len(issues)]
        library.save(dataclasses.replace(issue, title=f"{issue.title.split(' #')[0]} #{n}"))
"""


def _build(root: Path) -> Path:
    pointer = json.loads((root / "search-index" / "current.json").read_text())
    return root / "search-index" / pointer["build"]


def test_writers_killed_while_updating_the_index(tmp_path: Path):
    randomness = random.Random(3)
    root = tmp_path / "library"
    Library.open(root).close()
    found_leftovers = 0
    for number in range(rounds(10)):
        process = subprocess.Popen(
            [sys.executable, "-c", textwrap.dedent(_SAVING), str(root)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
        )
        assert process.stdout is not None and process.stdout.readline() == b"open\n"
        time.sleep(randomness.uniform(0.05, 0.6))
        process.send_signal(signal.SIGKILL)
        _, err = process.communicate(timeout=60)
        assert process.returncode == -signal.SIGKILL, err.decode()
        left = set(leftovers(_build(root)))
        found_leftovers += bool(left)
        with Library.open(root) as library:
            assert library.search_index_problem is None, (number, library.search_index_problem)
            assert library.check() == [], number
            # The index holds every title as the database has it ...
            issue = library.get(3)
            assert library.search_ids(f'"{issue.title}"', "relevance")[0] == 3
            # ... takes the next change, and removes what the killed write left first.
            library.save(dataclasses.replace(issue, title="Quokka census"))
            assert library.search_ids("quokka") == [3]
            assert not left & set(leftovers(_build(root))), number
            library.save(issue)
    print(f"index writers killed: {rounds(10)} rounds, {found_leftovers} left files behind")
