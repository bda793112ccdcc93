"""The version is written once (``bookstore.__version__``) and every place a user
reads it agrees: the command, the metainfo's releases, the changelog (the About box:
tests/gui/dialogs/test_about_version.py)."""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

from bookstore import __version__
from bookstore.cli.main import main
from bookstore.desktop_entry import METAINFO, desktop_folder

ROOT = Path(__file__).resolve().parents[2]


def test_the_command_says_the_version(capsys) -> None:
    try:
        main(["--version"])
    except SystemExit as stop:
        assert stop.code == 0
    assert capsys.readouterr().out.strip() == f"bookstore {__version__}"


def test_the_changelogs_newest_release_is_this_version() -> None:
    releases = re.findall(
        r"^## \[(\d[^\]]*)\] - (\d{4}-\d{2}-\d{2})$", (ROOT / "CHANGELOG.md").read_text(), re.M
    )
    assert releases and releases[0][0] == __version__
    newest = etree.parse(str(desktop_folder() / METAINFO)).find("releases")[0]
    assert (newest.get("version"), newest.get("date")) == releases[0]
