"""The terminal progress bar: a count and the time left on a terminal, nothing elsewhere."""

import io
import os
import pty
import select
import subprocess
import sys
from pathlib import Path

from bookstore.cli.progress import ProgressBar, terminal_progress, time_left

PAGES = Path(__file__).resolve().parents[1] / "data" / "pages"


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_the_line_has_a_bar_a_count_and_the_time_left():
    clock = Clock()
    bar = ProgressBar(40, io.StringIO(), clock=clock, width=lambda: 120)
    assert "0/40" in bar.line(0.0, "start") and "estimating" in bar.line(0.0, "")
    clock.now += 10
    line = bar.line(0.25, "page-10.html")
    assert line.startswith("[######..................] 10/40")
    assert "0:30 left" in line and line.endswith("page-10.html")
    assert "40/40  done" in bar.line(1.0, "")


def test_the_line_fits_the_terminal():
    bar = ProgressBar(5, io.StringIO(), width=lambda: 50)
    assert len(bar.line(0.5, "x" * 200)) == 49


def test_time_left_reads_like_a_clock():
    assert [time_left(s) for s in (7, 750, 3723)] == ["0:07", "12:30", "1:02:03"]


def test_nothing_is_drawn_when_the_output_is_not_a_terminal():
    stream = io.StringIO()
    with terminal_progress(10, stream) as job:
        job.report(0.5, "half")
        job.report(1.0, "done")
    assert stream.getvalue() == ""


def test_on_a_terminal_the_bar_is_redrawn_in_place_and_cleared():
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    stream = Terminal()
    with terminal_progress(4, stream) as job:
        job.report(0.0, "first")
        job.report(1.0, "last")
    text = stream.getvalue()
    assert text.count("\r\x1b[K") >= 2 and "0/4" in text and "4/4" in text
    assert text.endswith("\r\x1b[K")


def test_bookstore_import_draws_a_bar_only_on_a_terminal(tmp_path: Path):
    command = [
        sys.executable,
        "-m",
        "bookstore",
        "--library",
        str(tmp_path / "lib"),
        "import",
        str(PAGES),
    ]
    piped = subprocess.run(command, capture_output=True, text=True, check=False)
    assert piped.returncode == 0, piped.stderr
    assert "[" not in piped.stderr and "\x1b" not in piped.stderr
    leader, follower = pty.openpty()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=follower)
    os.close(follower)
    seen = b""
    while True:
        ready, _, _ = select.select([leader], [], [], 30)
        if not ready:
            break
        try:
            chunk = os.read(leader, 4096)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    assert process.wait(30) == 0
    os.close(leader)
    text = seen.decode()
    count = len(list(PAGES.iterdir()))
    assert f"/{count}" in text and "[" in text and "\x1b[K" in text


def test_without_a_count_the_bar_shows_the_share_done():
    clock = Clock()
    bar = ProgressBar(None, io.StringIO(), clock=clock, width=lambda: 120)
    clock.now += 5
    assert "  50%  0:05 left  rebuilding" in bar.line(0.5, "rebuilding")
