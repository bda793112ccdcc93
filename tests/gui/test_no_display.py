"""``bookstore`` where no window can open (a server, an SSH session without X
forwarding): one sentence and status 1, not Qt's abort with advice to reinstall."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from bookstore.gui.widgets.display import missing_display

DISPLAY_VARIABLES = ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")


def test_the_window_without_a_display_says_so_in_one_sentence(tmp_path: Path):
    environment = {k: v for k, v in os.environ.items() if k not in DISPLAY_VARIABLES}
    environment.update(
        HOME=str(tmp_path),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_DATA_HOME=str(tmp_path / "data"),
        BOOKSTORE_LIBRARY=str(tmp_path / "library"),
    )
    done = subprocess.run(
        [sys.executable, "-m", "bookstore"],
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1, (done.returncode, done.stderr)
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("bookstore: no display to open the window on")
    assert "QT_QPA_PLATFORM=offscreen" in lines[0]
    assert "xcb" not in done.stderr and "Reinstalling" not in done.stderr
    assert not (tmp_path / "library").exists()  # nothing was started


def test_a_display_or_a_chosen_platform_lets_the_window_start():
    linux = "linux"
    assert missing_display({}, linux) is not None
    assert missing_display({"DISPLAY": " "}, linux) is not None
    assert missing_display({"DISPLAY": ":0"}, linux) is None
    assert missing_display({"WAYLAND_DISPLAY": "wayland-0"}, linux) is None
    assert missing_display({"QT_QPA_PLATFORM": "offscreen"}, linux) is None
    assert missing_display({}, "win32") is None
    assert missing_display({}, "darwin") is None
