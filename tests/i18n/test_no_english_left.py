"""A Polish or Russian reader meets no English word: each command's output and errors,
with a pseudo-translation in place of the catalogs, has every sentence marked; what is
left unmarked is names (of issues, series, people, files), numbers and options."""

from __future__ import annotations

import argparse
import contextlib
import json
import re
from pathlib import Path

import pytest

from bookstore.cli.main import build_parser, main
from tests.i18n.pseudo import english_words, unmarked, write_pseudo_catalogs

CLOSED_PORT = "http://127.0.0.1:9/opds"  # nothing listens on the discard port

# What each command is asked, as a reader in the shell would ask it.
COMMANDS = [
    ["--help"],
    ["show", "--help"],
    ["search", "--help"],
    ["store", "--help"],
    ["list"],
    ["list", "--series", "bulletin"],
    ["show", "{first}"],
    ["show", "999"],
    ["search", "security"],
    ["search", "title:("],
    ["series"],
    ["check"],
    ["cite", "{first}"],
    ["edit", "{first}", "--number", "0"],
    ["remove", "999"],
    ["export", "epub", "999", "--output", "{tmp}/out.epub"],
    ["feeds", "list"],
    ["store", "browse", CLOSED_PORT, "--timeout", "3"],
]
# Words that are names in every language: the product, formats, the publisher.
NAMES = {"bookstore", "pism", "epub", "pdf", "opds", "json", "bibtex", "ris", "csl", "apa",
         "isbn", "issn", "rss", "atom", "url", "http", "https", "utf", "xdg"}  # fmt: skip


def _said(capsys, arguments: list[str]) -> str:
    with contextlib.suppress(SystemExit):
        main(arguments)
    out = capsys.readouterr()
    return out.out + out.err


def _data_words(capsys) -> set[str]:
    """Every word of the library's own data (titles, leads, names): never translated."""
    main(["list", "--json"])
    issues = json.loads(capsys.readouterr().out)
    text = []
    for issue in issues:
        main(["show", str(issue["id"]), "--json"])
        text.append(capsys.readouterr().out)
    return {w.lower() for w in re.findall(r"[A-Za-z]{3,}", " ".join(text))}


def _typed(parser: argparse.ArgumentParser) -> set[str]:
    """The commands, actions and choices of the command line: typed as they are."""
    typed: set[str] = set()
    for action in parser._actions:
        for name, value in (
            (action.choices or {}).items() if isinstance(action.choices, dict) else []
        ):
            typed.add(name)
            typed |= _typed(value)
        if action.choices and not isinstance(action.choices, dict):
            typed |= {str(choice) for choice in action.choices}
    return typed


def _leaks(text: str, allowed: set[str], english: set[str]) -> set[str]:
    left = unmarked(text)
    left = re.sub(r"\S*[/\\]\S*|--?[\w-]+|\b\w+:|\S+@\S+|\{\w+\}", " ", left)  # paths, options
    words = {w.lower() for w in re.findall(r"[A-Za-z]{3,}", left)}
    return {w for w in words & english if w not in allowed and w not in NAMES}


@pytest.mark.parametrize("language", ["pl", "ru"])
def test_every_command_speaks_the_shells_language(
    language: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
):
    allowed = _data_words(capsys)
    main(["list", "--json"])
    first = json.loads(capsys.readouterr().out)[0]["id"]
    monkeypatch.setenv("BOOKSTORE_LOCALE_DIR", str(write_pseudo_catalogs(tmp_path / "locale")))
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", f"{language}_{language.upper()}.UTF-8")
    english = english_words()
    # Commands, their actions and choices are typed as they are, in every language.
    allowed |= {w.lower() for w in re.findall(r"[A-Za-z]{3,}", " ".join(_typed(build_parser())))}
    found = {}
    marked = 0
    for command in COMMANDS:
        arguments = [a.format(first=first, tmp=tmp_path) for a in command]
        said = _said(capsys, arguments)
        marked += said.count("⟪")
        leaks = _leaks(said, allowed, english)
        if leaks:
            found[" ".join(command)] = sorted(leaks)
    assert marked > 50  # the commands spoke through the pseudo-translation
    assert found == {}, json.dumps(found, ensure_ascii=False, indent=1)
