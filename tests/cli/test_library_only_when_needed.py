"""Commands that need no library make none; ``check`` reports before anything is
repaired, and repairs only with ``--repair``."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

from bookstore.cli.main import COMMANDS, build_parser, command_names, main
from bookstore.library.library import Library
from bookstore.library.search import index as search_index

CLOSED_PORT = "http://127.0.0.1:9/opds"  # the discard port: nothing listens there


@pytest.fixture
def fresh_machine(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No BOOKSTORE_LIBRARY: the default library would be made under XDG_DATA_HOME."""
    monkeypatch.delenv("BOOKSTORE_LIBRARY")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    return tmp_path


def _libraries(folder: Path) -> list[Path]:
    return sorted(folder.rglob("library.sqlite"))


@pytest.mark.parametrize(
    "arguments",
    [
        ["--help"],
        ["--version"],
        ["store", "--help"],
        ["search", "--help"],
    ],
)
def test_help_and_version_make_no_library(fresh_machine: Path, arguments: list[str], capsys):
    with pytest.raises(SystemExit) as stop:
        main(arguments)
    assert stop.value.code == 0 and capsys.readouterr().out
    assert _libraries(fresh_machine) == [] and not (fresh_machine / "xdg-data").exists()


@pytest.mark.parametrize(
    ("action", "status"),
    [(["browse", CLOSED_PORT], 1), (["search", CLOSED_PORT, "x"], 1), (["logout", CLOSED_PORT], 0)],
)
def test_talking_to_a_store_makes_no_library(fresh_machine: Path, action, status: int, capsys):
    assert main(["store", *action, "--timeout", "5"]) == status
    assert _libraries(fresh_machine) == [] and not (fresh_machine / "xdg-data").exists()


def test_a_command_that_needs_one_still_makes_the_first_library(fresh_machine: Path, capsys):
    assert main(["list", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)
    [made] = _libraries(fresh_machine)
    assert made.is_relative_to(fresh_machine / "xdg-data")


def test_the_table_of_commands_is_the_parser_s(capsys):
    assert set(COMMANDS) == command_names(build_parser())
    for command in COMMANDS:
        assert command in command_names(build_parser(command))


def _digests(folder: Path) -> dict[str, str]:
    """Every file's digest, but SQLite's: a read-only connection leaves the
    shared-memory index and an empty write-ahead log beside the database."""
    sqlite_own = ("library.sqlite-shm", "library.sqlite-wal")
    assert (
        not (folder / "library.sqlite-wal").is_file()
        or not (folder / "library.sqlite-wal").read_bytes()
    )
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and path.name not in sqlite_own
    }


@pytest.fixture
def damaged_index(tmp_path: Path) -> Path:
    """A sample library whose search index has a segment file with bytes overwritten."""
    root = tmp_path / "library"
    Library.open(root).close()
    pointer = json.loads((root / search_index.FOLDER / "current.json").read_text())
    build = root / search_index.FOLDER / pointer["build"]
    victim = max(
        (p for p in build.iterdir() if p.suffix in (".idx", ".pos", ".term")),
        key=lambda p: p.stat().st_size,
    )
    data = bytearray(victim.read_bytes())
    data[len(data) // 3 : len(data) // 3 + 64] = bytes(64)
    victim.write_bytes(bytes(data))
    return root


def test_check_reports_a_damaged_index_and_leaves_the_files_as_they_were(
    damaged_index: Path, capsys
):
    before = _digests(damaged_index)
    code = main(["--library", str(damaged_index), "check"])
    out = capsys.readouterr().out
    assert code == 1
    assert "search index: the search index is damaged" in out and "1 problem found" in out
    assert _digests(damaged_index) == before


def test_check_repair_makes_the_index_again(damaged_index: Path, capsys):
    assert main(["--library", str(damaged_index), "check", "--repair"]) == 0
    out = capsys.readouterr().out
    assert "search index: the search index is damaged" in out
    assert "repaired: the search index was made again" in out
    assert out.rstrip().endswith("every file in place")
    assert main(["--library", str(damaged_index), "check"]) == 0


def test_check_of_a_folder_without_a_library_makes_none(tmp_path: Path, capsys):
    code = main(["--library", str(tmp_path / "nothing"), "check"])
    assert code == 1 and "there is no library here to check" in capsys.readouterr().err
    assert not (tmp_path / "nothing").exists()


_PROBE = """
import json, sys
from bookstore.cli.main import main
main(sys.argv[1:])
print(json.dumps(sorted(m for m in sys.modules if m.startswith("bookstore."))), file=sys.stderr)
"""


def _modules_loaded(*arguments: str) -> list[str]:
    result = subprocess.run(
        [sys.executable, "-c", _PROBE, *arguments], capture_output=True, text=True, check=False
    )
    return json.loads(result.stderr.strip().splitlines()[-1])


def _commands(modules: list[str]) -> list[str]:
    return [m for m in modules if m.startswith("bookstore.cli.commands.")]


def test_each_command_imports_only_its_own_module(tmp_path: Path):
    library = str(tmp_path / "library")
    searched = _modules_loaded("--library", library, "search", "korea")
    assert _commands(searched) == ["bookstore.cli.commands.browse"]
    assert "bookstore.cli.gaps_output" not in searched  # only series --missing prints gaps
    browsed = _modules_loaded("store", "browse", CLOSED_PORT, "--timeout", "5")
    assert _commands(browsed) == ["bookstore.cli.commands.store"]
    assert "bookstore.cli.opened" not in browsed  # nor what opens a library
