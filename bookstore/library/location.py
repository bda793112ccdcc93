"""Where the library lives: a given path, ``BOOKSTORE_LIBRARY``, or the platform's data folder."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

ENVIRONMENT_VARIABLE = "BOOKSTORE_LIBRARY"


def library_path(given: str | os.PathLike | None = None) -> Path:
    if given:
        return Path(given).expanduser()
    if from_environment := os.environ.get(ENVIRONMENT_VARIABLE):
        return Path(from_environment).expanduser()
    return Path(platformdirs.user_data_dir("bookstore", appauthor=False)) / "library"
