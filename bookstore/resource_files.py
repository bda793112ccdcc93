"""Where the files shipped in ``resources/`` are."""

from __future__ import annotations

from pathlib import Path


def resource_path(*parts: str) -> Path:
    """A path inside the shipped resources (installed as ``bookstore.resources``)."""
    from importlib import resources  # milliseconds, spent only by what reads a resource

    return Path(str(resources.files("bookstore.resources").joinpath(*parts)))
