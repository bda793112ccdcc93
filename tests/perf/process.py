"""Timing a whole command as a user runs it, for the benchmarks."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def bookstore_command() -> list[str]:
    """The installed ``bookstore`` script beside this Python, else ``python -m bookstore``."""
    script = Path(sys.executable).with_name("bookstore")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "bookstore"]


# Runs the command from a small process, so that its peak RSS is its own: on Linux a
# child's peak RSS starts at its parent's when it is forked, and this benchmark holds
# a thousand issues in memory.
_LAUNCHER = """
import os, sys, time
start = time.perf_counter()
pid = os.fork()
if pid == 0:
    os.dup2(os.open(os.devnull, os.O_WRONLY), 1)
    os.execvp(sys.argv[1], sys.argv[1:])
_, status, usage = os.wait4(pid, 0)
seconds = time.perf_counter() - start
print(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, os.waitstatus_to_exitcode(status))
"""


def run_process(command: list[str]) -> tuple[float, float, int]:
    """Wall time, CPU time (user + system) and peak RSS (KiB) of one run of ``command``."""
    result = subprocess.run(
        [sys.executable, "-S", "-E", "-c", _LAUNCHER, *command],
        capture_output=True,
        text=True,
        check=False,
    )
    seconds, cpu, peak, code = result.stdout.split()
    if int(code) != 0:
        raise SystemExit(f"{' '.join(command)} failed: {result.stderr}")
    return float(seconds), float(cpu), int(peak)
