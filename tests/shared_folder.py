"""Where the workplace's shared folder is (the seed page, the OPDS validator).

It sits beside the repository (``../shared``). A clean clone made elsewhere (CI) finds
it beside the repository it was cloned from, or where ``BOOKSTORE_SHARED`` says.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[1]


def _cloned_from() -> Path | None:
    """The local repository this one was cloned from, if any."""
    try:
        url = subprocess.run(
            ["git", "-C", str(REPOSITORY), "remote", "get-url", "origin"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None
    path = Path(url.removeprefix("file://"))
    return path.resolve() if path.is_absolute() and path.is_dir() else None


def shared_folder() -> Path | None:
    candidates = []
    if os.environ.get("BOOKSTORE_SHARED"):
        candidates.append(Path(os.environ["BOOKSTORE_SHARED"]))
    candidates.append(REPOSITORY.parent / "shared")
    origin = _cloned_from()
    if origin is not None:
        candidates.append(origin.parent / "shared")
    return next((folder for folder in candidates if folder.is_dir()), None)


def shared_path(*parts: str) -> Path:
    """A path in the shared folder (one that does not exist when there is none)."""
    folder = shared_folder()
    return (folder if folder is not None else REPOSITORY.parent / "shared").joinpath(*parts)
