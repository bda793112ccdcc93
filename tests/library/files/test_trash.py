"""The removals' trash: kept while a removal can be undone, purged once nobody can
undo it (the process that removed ended), by ``purge_trash`` and by every opening."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from bookstore.library.files.trash import TRASH_FOLDER
from bookstore.library.library import Library
from bookstore.library.removal import discard, remove_issues, restore

# Opens the library, removes its newest issue and keeps the removal (and its trash)
# until its input ends or it is killed.
_REMOVER = (
    "import sys; from bookstore.library.library import Library; "
    "from bookstore.library.removal import remove_issues; "
    "library = Library.open(sys.argv[1]); issue = library.list_issues()[0]; "
    "library.attach_file(issue.id, 'page', b'<html>kept</html>', '.html'); "
    "removed = remove_issues(library, [issue.id]); "
    "print(removed.trash, flush=True); sys.stdin.read()"
)


def _copies(root: Path) -> list[Path]:
    return sorted((root / TRASH_FOLDER).rglob("*.html"))


def test_a_trash_left_by_a_process_that_ended_is_purged_at_the_next_opening(tmp_path: Path):
    root = tmp_path / "library"
    Library.open(root).close()
    remover = subprocess.Popen(
        [sys.executable, "-c", _REMOVER, str(root)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        trash = Path(remover.stdout.readline().strip())
        assert _copies(root) and trash.is_dir()
        with Library.open(root) as library:  # the removal can still be undone there
            assert library.purge_trash() == 0
        assert _copies(root) and trash.is_dir()
        remover.kill()  # as a window that crashed, with the removal in its undo history
        remover.wait(timeout=30)
        with Library.open(root):
            assert not trash.exists() and _copies(root) == []
            assert list((root / TRASH_FOLDER).iterdir()) == []
    finally:
        remover.kill()
        remover.wait(timeout=30)


def test_a_removal_that_can_be_undone_keeps_its_trash_through_other_openings(library: Library):
    issue = library.list_issues()[0]
    library.attach_file(issue.id, "page", b"<html>original</html>", ".html")
    removed = remove_issues(library, [issue.id])
    with Library.open(library.root) as worker:  # the window's worker opens its own
        assert worker.purge_trash() == 0
    assert library.purge_trash() == 0 and _copies(library.root)
    assert restore(library, removed) == [issue.id]
    assert (library.files_dir / library.get(issue.id).files[0].path).is_file()


def test_purge_trash_deletes_what_no_removal_holds(library: Library):
    kept = remove_issues(library, [library.list_issues()[1].id])
    remover = subprocess.run(
        [sys.executable, "-c", _REMOVER, str(library.root)],
        input="", capture_output=True, text=True, timeout=60, check=True,
    )  # fmt: skip  # it ends with its removal not undone, as a window that closed
    trash = Path(remover.stdout.strip())
    assert trash.is_dir() and _copies(library.root)
    stray = library.root / TRASH_FOLDER / "from-an-older-version"
    (stray / "series").mkdir(parents=True)
    (stray / "series" / "page.html").write_bytes(b"x")
    assert library.purge_trash() == 2
    assert not trash.exists() and not stray.exists() and _copies(library.root) == []
    assert kept.trash.is_dir() and library.purge_trash() == 0
    discard(kept)
    assert list((library.root / TRASH_FOLDER).iterdir()) == []
