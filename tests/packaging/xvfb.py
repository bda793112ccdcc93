"""A virtual X screen (Xvfb) with a D-Bus session and the accessibility bus, to run
the frozen window as a user's desktop would and read it as a screen reader does.

Needs Debian's xvfb, dbus-x11, at-spi2-core, python3-pyatspi, xdotool and imagemagick.
"""

from __future__ import annotations

import json
import os
import random
import re
import signal
import subprocess
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path

TREE_SCRIPT = Path(__file__).with_name("accessible_tree.py")
BUS_LAUNCHER = "/usr/libexec/at-spi-bus-launcher"


class Desktop:
    """The environment (``env``) that puts a program on the screen, and what to ask it."""

    def __init__(self, env: dict[str, str]) -> None:
        self.env = env

    def run(self, *command: str, timeout: float = 60) -> str:
        return subprocess.run(
            command, env=self.env, capture_output=True, text=True, timeout=timeout, check=True
        ).stdout

    def wait_for_window(self, title: str, process: subprocess.Popen, timeout: float = 90) -> None:
        """Wait until a window whose title matches ``title`` is shown."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = subprocess.run(
                ["xdotool", "search", "--onlyvisible", "--name", title],
                env=self.env,
                capture_output=True,
            )
            if found.returncode == 0 and found.stdout.strip():
                return
            if process.poll() is not None:
                raise AssertionError(f"the program exited ({process.returncode}) with no window")
            time.sleep(0.02)  # the start-up figures are this fine
        raise AssertionError(f"no window {title!r} within {timeout:.0f} s")

    def accessible_tree(self) -> list[dict]:
        """Every object each application shows on the accessibility bus."""
        output = self.run("/usr/bin/python3", str(TREE_SCRIPT), timeout=120)
        return [json.loads(line) for line in output.splitlines() if line.strip()]

    def click(self, x: int, y: int) -> None:
        self.run("xdotool", "mousemove", "--sync", str(x), str(y), "click", "1")

    def keys(self, *names: str) -> None:
        self.run("xdotool", "key", "--delay", "100", *names)

    def screenshot(self, path: Path) -> Path:
        self.run("import", "-window", "root", str(path))
        return path


@contextmanager
def desktop(size: str = "1400x900x24", accessible: bool = True) -> Iterator[Desktop]:
    """Xvfb on a free display, a session bus, and (unless ``accessible`` is
    False) the accessibility bus on it with Qt told to use it."""
    server, display = _x_server(size)
    started: list[subprocess.Popen] = [server]
    bus_pid = None
    try:
        env = {key: value for key, value in os.environ.items() if key != "QT_QPA_PLATFORM"}
        env["DISPLAY"] = f":{display}"
        if accessible:
            env |= {"QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1", "QT_ACCESSIBILITY": "1"}
        session = subprocess.run(
            ["dbus-launch", "--sh-syntax"], env=env, capture_output=True, text=True, check=True
        ).stdout
        bus = dict(re.findall(r"^(DBUS_SESSION_BUS_\w+)='?([^';\n]*)'?;", session, re.M))
        env["DBUS_SESSION_BUS_ADDRESS"] = bus["DBUS_SESSION_BUS_ADDRESS"]
        bus_pid = int(bus["DBUS_SESSION_BUS_PID"])
        if accessible:
            launcher = [BUS_LAUNCHER, "--launch-immediately"]
            quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
            started.append(subprocess.Popen(launcher, env=env, **quiet))
            time.sleep(1)  # the accessibility bus registers itself on the session bus
        yield Desktop(env)
    finally:
        if bus_pid is not None:
            _stop_session(bus_pid, env["DBUS_SESSION_BUS_ADDRESS"])
        for process in reversed(started):
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def _x_server(size: str) -> tuple[subprocess.Popen, int]:
    """Xvfb on a free display of a high number, away from those that others take."""
    for _attempt in range(20):
        number = random.randrange(1000, 30000)
        if Path(f"/tmp/.X{number}-lock").exists():
            continue
        server = subprocess.Popen(
            # -noreset: no reset when the last program leaves, which refuses the next one
            ["Xvfb", f":{number}", "-screen", "0", size, "-nolisten", "tcp", "-noreset"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 30
        while server.poll() is None and time.monotonic() < deadline:
            if Path(f"/tmp/.X11-unix/X{number}").exists():
                return server, number
            time.sleep(0.05)
        server.kill()
        server.wait()
    raise AssertionError("Xvfb did not start")


def _stop_session(bus_pid: int, address: str) -> None:
    """Stop the session bus and what it started (the accessibility registry) on it."""
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            environment = (entry / "environ").read_bytes()
        except OSError:
            continue
        if address.encode() in environment:
            _signal(int(entry.name))
    _signal(bus_pid)


def _signal(pid: int) -> None:
    with suppress(ProcessLookupError):
        os.kill(pid, signal.SIGTERM)


def started(command: Sequence[str], env: dict[str, str], log: Path) -> subprocess.Popen:
    """``command`` running on the desktop, its output going to ``log``."""
    with open(log, "wb") as out:
        return subprocess.Popen(list(command), env=env, stdout=out, stderr=subprocess.STDOUT)
