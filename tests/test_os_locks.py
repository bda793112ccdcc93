"""The file locks the library and the exporters rely on: two handles on one file
exclude each other (threads of one process as much as processes), shared locks share."""

import os
import subprocess
import sys
from pathlib import Path

from bookstore.os_locks import lock, try_lock, unlock


def test_exclusive_and_shared_locks_between_handles(tmp_path: Path):
    path = tmp_path / "some.lock"
    with open(path, "a+b") as first, open(path, "a+b") as second, open(path, "a+b") as third:
        assert try_lock(first)
        assert not try_lock(second) and not try_lock(second, shared=True)
        unlock(first)
        lock(second, shared=True)
        assert try_lock(first, shared=True) and not try_lock(third)
        unlock(first)
        unlock(second)
        assert try_lock(first)


def test_a_lock_is_seen_by_another_process_and_dropped_when_it_dies(tmp_path: Path):
    path = tmp_path / "some.lock"
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sys; from bookstore.os_locks import lock; h = open(sys.argv[1], 'a+b'); "
         "lock(h); print('held', flush=True); sys.stdin.read()", str(path)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout.readline() == "held\n"
        with open(path, "a+b") as handle:
            assert not try_lock(handle)
            holder.kill()
            holder.wait(timeout=30)
            assert try_lock(handle)
    finally:
        holder.kill()
        holder.wait(timeout=30)
    assert os.path.exists(path)
