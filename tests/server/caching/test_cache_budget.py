"""The folder of made files stays within its budget: least recently used out first,
never a file used in the last minutes, digests with their files."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from bookstore.library.library import Library
from bookstore.server.caching.cache_budget import RECENT_SECONDS, CacheBudget
from bookstore.server.caching.issue_files import FileCache

HOUR = 3600.0


def _made(folder: Path, name: str, size: int, used: float) -> Path:
    key = (name * 64)[:64]  # as FileCache names them
    path = folder / key[:2] / f"{key}.pdf"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"x" * size)
    path.with_name(path.name + ".sha256").write_text("d" * 64)
    os.utime(path, (used, used))
    return path


def test_least_recently_used_files_go_when_over_budget(tmp_path):
    now = time.time()
    old, older, oldest = (
        _made(tmp_path, c, 1000, now - hours * HOUR) for c, hours in (("a", 1), ("b", 2), ("c", 3))
    )
    budget = CacheBudget(tmp_path, limit=3 * 1064)
    assert budget.prune() == 3 * 1064  # at the budget: nothing goes
    fresh = _made(tmp_path, "d", 1000, now)
    budget.added(1064)  # over: down to nine tenths of the budget
    assert fresh.exists() and old.exists()
    assert not oldest.exists() and not oldest.with_name(oldest.name + ".sha256").exists()
    assert not older.exists()
    assert budget.prune() == 2 * 1064
    (tmp_path / "aa" / f".{old.name}.1.part").write_bytes(b"y" * 10_000)  # a writer's: not counted
    assert budget.prune() == 2 * 1064


def test_a_file_used_recently_stays_and_its_use_is_noted(tmp_path):
    now = time.time()
    made_long_ago = now - 5 * HOUR
    served = _made(tmp_path, "a", 1000, made_long_ago)
    other = _made(tmp_path, "b", 1000, now - 2 * HOUR)
    budget = CacheBudget(tmp_path, limit=1500)
    budget.used(served, made_long_ago)  # served now: its access time, not its mtime
    assert served.stat().st_mtime == made_long_ago and served.stat().st_atime >= now - 1
    budget.prune()
    assert served.exists() and not other.exists()
    later = CacheBudget(tmp_path, limit=100, clock=lambda: time.time() + RECENT_SECONDS + 1)
    later.prune()  # no longer recent: it goes too
    assert not served.exists()
    newest = _made(tmp_path, "c", 1000, now)
    CacheBudget(tmp_path, limit=100).prune()  # over, but being sent perhaps: kept
    assert newest.exists()


def test_the_store_keeps_its_made_files_within_the_budget(tmp_path):
    library = tmp_path / "library"
    Library.open(library).close()
    with Library.open(library, read_only=True) as opened:
        issues = opened.list_issues(limit=6)
    clock = [time.time()]
    budget = CacheBudget(tmp_path / "cache", limit=200_000, clock=lambda: clock[0])
    files = FileCache(tmp_path / "cache", budget)
    made = []
    for issue in issues:
        made.append(files.get(issue, "pdf"))
        clock[0] += RECENT_SECONDS + 1  # each file is old by the time the next is made
    held = sum(f.size for f in made if f.path.exists())
    assert held <= 200_000 and made[-1].path.exists() and not made[0].path.exists()
    assert files.get(issues[0], "pdf").path.exists()  # asked again: made again


def test_serve_refuses_a_cache_size_it_cannot_read(tmp_path):
    answer = subprocess.run(
        [
            sys.executable,
            "-m",
            "bookstore",
            "--library",
            str(tmp_path),
            "serve",
            "--cache-size",
            "lots",
        ],
        capture_output=True,
        text=True,
    )
    assert answer.returncode == 2 and "“lots” is not a cache size" in answer.stderr
