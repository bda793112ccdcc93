"""Whether the window has a display to open on, asked before Qt is started: without one,
Qt aborts the process (SIGABRT) with advice about reinstalling that does not apply."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping


def missing_display(
    environment: Mapping[str, str] | None = None, platform: str | None = None
) -> str | None:
    """A sentence saying why no window can open, or None when Qt can choose a platform.

    On Linux and the other X11/Wayland systems Qt needs ``DISPLAY`` or
    ``WAYLAND_DISPLAY``, unless ``QT_QPA_PLATFORM`` names a platform (offscreen, vnc...).
    Windows and macOS always have their own platform.
    """
    environment = os.environ if environment is None else environment
    platform = sys.platform if platform is None else platform
    if platform.startswith(("win", "darwin", "cygwin")):
        return None
    if any(
        environment.get(name, "").strip()
        for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")
    ):
        return None
    return (
        "bookstore: no display to open the window on (neither DISPLAY nor WAYLAND_DISPLAY "
        "is set); "
        "use the bookstore commands in a terminal (see bookstore --help), "
        "or set QT_QPA_PLATFORM=offscreen"
    )
