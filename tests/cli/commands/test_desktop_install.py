"""``bookstore --install-desktop`` puts the entry, metainfo and icons under
$XDG_DATA_HOME (the entry running this very ``bookstore``); ``--uninstall-desktop``
takes exactly those away; a failure half-way leaves nothing."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from bookstore import APP_ID, desktop_entry
from bookstore.cli.main import main
from bookstore.errors import BookstoreError

ENTRY = Path("applications") / f"{APP_ID}.desktop"
METAINFO = Path("metainfo") / f"{APP_ID}.metainfo.xml"
ICON_48 = Path("icons") / "hicolor" / "48x48" / "apps" / f"{APP_ID}.png"
ICON_SVG = Path("icons") / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"


@pytest.fixture
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "data home"  # a space, as a user's folder may have
    monkeypatch.setenv("XDG_DATA_HOME", str(home))
    return home


def ours(home: Path) -> set[Path]:
    """Our files under ``home`` (the menu's shared caches are not ours)."""
    return {p.relative_to(home) for p in home.rglob(f"{APP_ID}.*")}


def exec_line(home: Path) -> str:
    [line] = [line for line in (home / ENTRY).read_text().splitlines() if line.startswith("Exec=")]
    return line


def test_install_writes_every_file_and_says_so(data_home: Path, capsys):
    assert main(["--install-desktop"]) == 0
    printed = {Path(line.removeprefix("wrote ")) for line in capsys.readouterr().out.splitlines()}
    written = ours(data_home)
    assert {ENTRY, METAINFO, ICON_48, ICON_SVG} <= written
    assert len(written) == 2 + len(desktop_entry.icon_files())
    assert printed == {data_home / path for path in written}
    shipped = desktop_entry.desktop_folder()
    assert (data_home / METAINFO).read_bytes() == (shipped / METAINFO.name).read_bytes()
    assert (data_home / ICON_48).read_bytes() == (
        shipped / "icons" / "hicolor" / "48x48" / "apps" / ICON_48.name
    ).read_bytes()


def test_the_installed_entry_runs_this_bookstore_and_is_valid(data_home: Path):
    assert main(["--install-desktop"]) == 0
    command = desktop_entry.running_command()
    assert command.is_absolute() and command.name == "bookstore" and command.is_file()
    assert exec_line(data_home) == f"Exec={command} %F"
    result = subprocess.run(
        ["desktop-file-validate", str(data_home / ENTRY)], capture_output=True, text=True
    )
    assert (result.returncode, result.stdout) == (0, ""), result.stdout
    shipped = (desktop_entry.desktop_folder() / ENTRY.name).read_text().splitlines()
    installed = (data_home / ENTRY).read_text().splitlines()
    assert [a for a, b in zip(shipped, installed, strict=True) if a != b] == ["Exec=bookstore %F"]


def test_a_command_in_a_folder_with_spaces_and_quotes_is_quoted(data_home: Path):
    command = Path('/opt/my "books"/bin/bookstore')
    desktop_entry.install(data_home, command)
    # Quoted for Exec (\" inside quotes), then escaped for the key file (\\).
    assert exec_line(data_home) == 'Exec="/opt/my \\\\"books\\\\"/bin/bookstore" %F'
    result = subprocess.run(
        ["desktop-file-validate", str(data_home / ENTRY)], capture_output=True, text=True
    )
    assert (result.returncode, result.stdout) == (0, ""), result.stdout


def test_uninstall_removes_exactly_what_install_wrote(data_home: Path, capsys):
    other = data_home / "applications" / "other.desktop"
    other.parent.mkdir(parents=True)
    other.write_text("[Desktop Entry]\nType=Application\nName=Other\nExec=other\n")
    assert main(["--install-desktop"]) == 0
    written = ours(data_home)
    capsys.readouterr()
    assert main(["--uninstall-desktop"]) == 0
    removed = {Path(line.removeprefix("removed ")) for line in capsys.readouterr().out.splitlines()}
    assert removed == {data_home / path for path in written}
    assert ours(data_home) == set()
    assert other.is_file()
    cache = data_home / "applications" / "mimeinfo.cache"
    assert not cache.exists() or APP_ID not in cache.read_text()
    assert main(["--uninstall-desktop"]) == 0
    assert "no desktop entry of Bookstore was installed" in capsys.readouterr().out


def test_the_menu_caches_are_refreshed_when_the_tools_are_there(data_home: Path):
    assert main(["--install-desktop"]) == 0
    cache = data_home / "applications" / "mimeinfo.cache"  # update-desktop-database's
    assert f"application/epub+zip={APP_ID}.desktop;" in cache.read_text()


def test_without_the_menu_tools_it_still_installs(
    data_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    empty = tmp_path / "no-tools"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    assert main(["--install-desktop"]) == 0
    assert {ENTRY, METAINFO, ICON_48} <= ours(data_home)
    assert not (data_home / "applications" / "mimeinfo.cache").exists()
    assert main(["--uninstall-desktop"]) == 0
    assert ours(data_home) == set()


def test_without_xdg_data_home_it_uses_local_share(tmp_path: Path, monkeypatch):
    monkeypatch.delenv("XDG_DATA_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert desktop_entry.data_home() == tmp_path / "home" / ".local" / "share"
    monkeypatch.setenv("XDG_DATA_HOME", "relative/is/ignored")  # as the XDG spec says
    assert desktop_entry.data_home() == tmp_path / "home" / ".local" / "share"


def test_a_failure_half_way_leaves_nothing(data_home: Path, monkeypatch, capsys):
    real = desktop_entry.write_bytes_atomically
    calls = []

    def fail_on_the_fourth(destination: Path, data: bytes) -> None:
        calls.append(destination)
        if len(calls) == 4:
            raise BookstoreError(f"{destination}: the disk is full; nothing was written")
        real(destination, data)

    monkeypatch.setattr(desktop_entry, "write_bytes_atomically", fail_on_the_fourth)
    assert main(["--install-desktop"]) == 1
    [line] = capsys.readouterr().err.splitlines()
    assert line == f"bookstore: {calls[3]}: the disk is full; nothing was written"
    assert ours(data_home) == set()
    assert not [p for p in data_home.rglob("*") if p.is_file()]


def test_an_unwritable_data_folder_is_one_sentence(data_home: Path, capsys):
    data_home.parent.mkdir(exist_ok=True)
    data_home.write_text("a file where the folder should be")
    assert main(["--install-desktop"]) == 1
    [line] = capsys.readouterr().err.splitlines()
    assert line.startswith("bookstore: ") and str(data_home) in line


def test_the_flags_take_no_command(capsys):
    with pytest.raises(SystemExit) as stop:
        main(["--install-desktop", "search", "nuclear"])
    assert stop.value.code == 2
    assert "take no command or file" in capsys.readouterr().err


def test_the_installed_command_writes_its_own_path(data_home: Path):
    """Run as a user would: the virtual environment's ``bookstore`` script."""
    script = Path(sys.executable).parent / "bookstore"
    result = subprocess.run(
        [str(script), "--install-desktop"], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert exec_line(data_home) == f"Exec={script} %F"
    assert f"wrote {data_home / ENTRY}" in result.stdout.splitlines()
