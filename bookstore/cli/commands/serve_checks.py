"""What ``bookstore serve`` checks before it starts the server, so that a port in use,
an address this machine does not have or a cache that is a file is one sentence
(exit status 1) rather than a log line of the web server's."""

from __future__ import annotations

import errno
import os
import socket
from pathlib import Path

from bookstore.errors import BookstoreError
from bookstore.i18n.messages import Message, say


def check_listening(host: str, port: int) -> None:
    """Raise a BookstoreError unless the server could listen on ``host``:``port``."""
    try:
        addresses = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except (socket.gaierror, UnicodeError):
        raise BookstoreError(
            say("--host {host}: not an address, nor a name this machine can look up", host=host)
        ) from None
    for family, kind, protocol, _, address in addresses:
        with socket.socket(family, kind, protocol) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server does
            try:
                probe.bind(address)
            except OSError as error:
                raise BookstoreError(_bind_problem(host, port, error)) from None


def _bind_problem(host: str, port: int, error: OSError) -> Message:
    if error.errno == errno.EADDRINUSE:
        return say(
            "cannot serve on {host} port {port}: another program is listening there; "
            "stop it or choose another --port",
            host=host,
            port=port,
        )
    if error.errno == errno.EADDRNOTAVAIL:
        return say(
            "cannot serve on {host}: it is not an address of this machine "
            "(127.0.0.1 serves this machine only, 0.0.0.0 every network)",
            host=host,
        )
    if error.errno == errno.EACCES:
        return say(
            "cannot serve on port {port}: this user may not listen on it "
            "(ports below 1024 need administrator rights); choose another --port",
            port=port,
        )
    return say("cannot serve on {host} port {port}: {reason}", host=host, port=port,
               reason=error.strerror or str(error))  # fmt: skip


def check_cache(folder: Path) -> None:
    """Raise a BookstoreError unless ``folder`` is (or can become) a writable folder."""
    if folder.exists() and not folder.is_dir():
        raise BookstoreError(
            say("--cache {folder}: this is a file, not a folder", folder=str(folder))
        )
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        reason = error.strerror or str(error)
        raise BookstoreError(
            say("--cache {folder}: cannot make the folder ({reason})", folder=str(folder),
                reason=reason)
        ) from None  # fmt: skip
    if not os.access(folder, os.W_OK | os.X_OK):
        raise BookstoreError(
            say("--cache {folder}: this user may not write in the folder", folder=str(folder))
        )
