"""Keep the UI translations up to date: ``python packaging/translations.py``.

1. ``pyside6-lupdate`` collects every ``tr()`` string of ``bookstore/gui`` into the
   Qt Linguist sources ``resources/translations/bookstore_{pl,ru}.ts`` (translations
   already made are kept; new strings are marked unfinished);
2. translators fill them in with Qt Linguist (``pyside6-linguist``) or any editor;
3. ``pyside6-lrelease`` compiles them to the ``.qm`` files the window loads.

The tests fail while any string is unfinished.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FOLDER = ROOT / "resources" / "translations"
LANGUAGES = ("pl", "ru")
# English is the source language: its file holds only the plural forms ("1 issue").
ALL = ("en", *LANGUAGES)


def tool(name: str) -> str:
    found = shutil.which(name) or str(Path(sys.executable).with_name(name))
    if not Path(found).exists():
        raise SystemExit(f"{name} not found: install PySide6 (pip install -e .)")
    return found


def sources() -> list[str]:
    """The window's modules; the Store's (gui/store) have a catalog of their own, made by
    packaging/store_translations.py."""
    gui = ROOT / "bookstore" / "gui"
    return sorted(
        str(p.relative_to(ROOT))
        for p in gui.rglob("*.py")
        if "store" not in p.relative_to(gui).parts
    )


def update() -> None:
    for language in ALL:
        ts = FOLDER / f"bookstore_{language}.ts"
        plural_only = ["-pluralonly"] if language == "en" else []
        subprocess.run(
            [tool("pyside6-lupdate"), *sources(), "-no-obsolete", "-locations", "none",
             *plural_only, "-target-language", language, "-ts", str(ts.relative_to(ROOT))],
            cwd=ROOT, check=True,
        )  # fmt: skip


def release() -> None:
    for language in ALL:
        ts = FOLDER / f"bookstore_{language}.ts"
        subprocess.run(
            [tool("pyside6-lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))],
            cwd=ROOT, check=True,
        )  # fmt: skip


if __name__ == "__main__":
    FOLDER.mkdir(parents=True, exist_ok=True)
    if "--release-only" not in sys.argv:
        update()
    release()
