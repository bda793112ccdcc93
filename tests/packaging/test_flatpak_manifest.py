"""The Flatpak manifest, as far as it can be checked without its runtimes: flatpak-builder
reads it, it names the application id and the PySide base app of a PySide version the
project accepts, and every file its build installs is in the repository."""

from __future__ import annotations

import json
import re
import subprocess
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.version import Version

from bookstore import APP_ID

REPOSITORY = Path(__file__).resolve().parents[2]
MANIFEST = REPOSITORY / "packaging" / "flatpak" / f"{APP_ID}.yml"


def shown() -> dict:
    result = subprocess.run(
        ["flatpak-builder", "--show-manifest", str(MANIFEST)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_flatpak_builder_reads_the_manifest_and_its_id():
    manifest = shown()
    assert manifest["id"] == APP_ID
    assert manifest["command"] == "bookstore"
    assert manifest["base"] == "io.qt.PySide.BaseApp"
    assert manifest["runtime"] == "org.kde.Platform" and manifest["sdk"] == "org.kde.Sdk"
    assert manifest["runtime-version"] == manifest["base-version"]


def test_the_base_apps_pyside_is_one_the_project_accepts():
    project = tomllib.loads((REPOSITORY / "pyproject.toml").read_text(encoding="utf-8"))
    pyside = next(
        Requirement(line)
        for line in project["project"]["dependencies"]
        if line.startswith("PySide6")
    )
    assert Version(shown()["base-version"] + ".0") in pyside.specifier


def test_the_build_installs_files_that_exist():
    module = next(m for m in shown()["modules"] if m["name"] == "bookstore")
    installed = " ".join(module["build-commands"]).replace("${FLATPAK_ID}", APP_ID)
    paths = re.findall(r"packaging/linux/\S+", installed)
    assert len(paths) == 3  # the desktop entry, the metainfo, the icons
    for path in paths:
        assert (REPOSITORY / path).exists(), path
    source = next(s for s in module["sources"] if s["type"] == "dir")
    assert (MANIFEST.parent / source["path"]).resolve() == REPOSITORY
