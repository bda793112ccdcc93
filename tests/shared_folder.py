"""Where the workplace's shared folder is (the seed page, the OPDS validator).

It sits beside the repository (``../shared`` from the repository's root), or where
``BOOKSTORE_SHARED`` says.
"""

from __future__ import annotations

import os
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[1]


def shared_folder() -> Path:
    given = os.environ.get("BOOKSTORE_SHARED")
    return Path(given) if given else REPOSITORY.parent / "shared"


def shared_path(*parts: str) -> Path:
    """A path in the shared folder (it may not exist)."""
    return shared_folder().joinpath(*parts)
