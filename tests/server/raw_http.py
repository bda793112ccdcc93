"""Requests sent byte for byte, for paths an HTTP library would tidy up (``..``)."""

from __future__ import annotations

import socket


def raw_get(url: str, target: str) -> tuple[int, bytes]:
    """GET ``target`` exactly as written; returns the status and the body."""
    host, port = url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as sock:
        sock.sendall(f"GET {target} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n".encode())
        data = b""
        while chunk := sock.recv(65536):
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    return int(head.split()[1]), body
