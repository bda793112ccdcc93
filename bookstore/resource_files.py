"""Where the files shipped in ``resources/`` are."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def resource_path(*parts: str) -> Path:
    """A path inside the shipped resources (installed as ``bookstore.resources``)."""
    return Path(str(resources.files("bookstore.resources").joinpath(*parts)))
