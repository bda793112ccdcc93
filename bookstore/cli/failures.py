"""What the command does when something goes wrong that is not the user's input.

- SIGTERM and SIGHUP stop the command the way Ctrl-C does: by an exception, so that
  transactions roll back and partial exports are removed on the way out.
- Output never fails on text that is not valid UTF-8 (file names, queries): it is
  written with backslash escapes instead.
- Any unexpected error is one line on stderr naming what failed and the log file that
  holds the details (``bookstore.logs``); exit status 1.
"""

from __future__ import annotations

import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from bookstore.i18n.messages import say
from bookstore.i18n.words import Words

_DISK_FULL = ("No space left on device", "os error 28")


class Terminated(BaseException):
    """The process was asked to stop (SIGTERM, SIGHUP)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


def stop_behind(error: BaseException) -> BaseException | None:
    """The Terminated or KeyboardInterrupt that ``error`` was raised while handling, if
    any: a library that catches everything (reportlab reading a font) turns a signal
    into its own error, but the process was still asked to stop."""
    seen: set[int] = set()
    link: BaseException | None = error
    while link is not None and id(link) not in seen:
        if isinstance(link, Terminated | KeyboardInterrupt):
            return link
        seen.add(id(link))
        link = link.__cause__ or link.__context__
    return None


def _raise_terminated(signum: int, frame: object) -> None:
    raise Terminated(signum)


@contextmanager
def stopping_cleanly() -> Iterator[None]:
    """Turn SIGTERM and SIGHUP into ``Terminated`` for the duration (main thread only)."""
    previous = {}
    if threading.current_thread() is threading.main_thread():
        for name in ("SIGTERM", "SIGHUP"):
            if hasattr(signal, name):
                number = getattr(signal, name)
                previous[number] = signal.signal(number, _raise_terminated)
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


def safe_output() -> None:
    """Never fail on writing text that is not valid in the output's encoding."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")


def report_unexpected(error: BaseException, command: str, words: Words) -> str:
    """Log the traceback and return the one line to show, in ``words``' language."""
    what = f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
    if isinstance(error, MemoryError):
        sentence = say("ran out of memory")
    elif any(sign in str(error) for sign in _DISK_FULL):  # from a library that hides errno
        sentence = say("the disk is full; free some space and try again")
    else:
        from bookstore import logs  # the handlers are imported only when there is a failure

        written = logs.log_failure(error, f"bookstore {command}")
        if isinstance(written, OSError):
            sentence = say(
                "unexpected error ({what}); the details could not be logged ({reason})",
                what=what,
                reason=written.strerror or str(written),
            )
        else:
            sentence = say(
                "unexpected error ({what}); details are in {log}", what=what, log=str(written)
            )
    return f"bookstore {command}: {words.say(sentence)}"
