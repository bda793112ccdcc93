"""Input from anywhere: bounded reads, pipes and devices, byte-order marks, deep HTML."""

from __future__ import annotations

import codecs
import os
import resource
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from bookstore.ingest import files
from bookstore.ingest.errors import IngestError
from bookstore.ingest.page.reading import read_page
from bookstore.ingest.words.series_names import SeriesNames
from bookstore.library.library import Library

PAGES = Path(__file__).resolve().parents[1] / "data" / "pages"
BULLETIN = (PAGES / "bulletin_pl.html").read_text(encoding="utf-8")
LAST_HEADING = "<h2>Jakie są szanse Polski?</h2>"


def _read(library: Library, path: Path):
    return read_page(path, SeriesNames(library.series())).issue


def _bookstore(*args: str, library: Path, timeout: float = 60) -> subprocess.CompletedProcess:
    """The real command, with its memory capped at 1 GiB (an unbounded read fails fast)."""

    def cap_memory() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))

    return subprocess.run(
        [sys.executable, "-m", "bookstore", "--library", str(library), *args],
        capture_output=True,
        timeout=timeout,
        preexec_fn=cap_memory,
        check=False,
    )


def test_a_device_is_refused_without_reading_it(tmp_path: Path):
    done = _bookstore("import", "/dev/zero", library=tmp_path / "lib")
    assert done.returncode == 1
    assert b"/dev/zero: is a device, not a page" in done.stderr
    assert b"Traceback" not in done.stderr


def test_reads_stop_at_the_limit_whatever_the_size_says(monkeypatch: pytest.MonkeyPatch):
    # /dev/zero's size is 0: a read that trusts it never ends.
    monkeypatch.setattr(files.stat, "S_ISREG", lambda mode: True)
    with pytest.raises(IngestError, match="too large"):
        files.read_bounded(Path("/dev/zero"), 1024, "a page")


def test_a_fifo_with_no_writer_is_a_sentence_not_a_hang(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, library: Library
):
    fifo = tmp_path / "page.html"
    os.mkfifo(fifo)
    monkeypatch.setattr(files, "PIPE_SILENCE_SECONDS", 0.3)
    started = time.monotonic()
    with pytest.raises(IngestError, match="pipe that sent nothing"):
        _read(library, fifo)
    assert time.monotonic() - started < 5


def test_a_page_written_into_a_fifo_is_imported(tmp_path: Path, library: Library):
    fifo = tmp_path / "page.html"
    os.mkfifo(fifo)

    def write() -> None:
        time.sleep(0.2)
        with open(fifo, "wb") as out:
            out.write(BULLETIN.encode("utf-8"))

    writer = threading.Thread(target=write)
    writer.start()
    issue = _read(library, fifo)
    writer.join()
    assert issue.number == 31 and len(issue.sections) == 2


@pytest.mark.parametrize(
    ("mark", "encoding"),
    [
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
    ],
)
def test_pages_with_a_byte_order_mark_are_read(
    tmp_path: Path, library: Library, mark: bytes, encoding: str
):
    for name in ("bulletin_pl.html", "spotlight_ru.txt"):
        text = (PAGES / name).read_text(encoding="utf-8")
        page = tmp_path / name
        page.write_bytes(mark + text.encode(encoding))
        assert _read(library, page) == _read(library, PAGES / name)


def _nested(depth: int) -> str:
    """The bulletin with its last section inside ``depth`` nested elements."""
    opened = "<div>" * depth
    closed = "</div>" * depth
    at = BULLETIN.index(LAST_HEADING)
    end = BULLETIN.index("</main>")
    return BULLETIN[:at] + opened + BULLETIN[at:end] + closed + BULLETIN[end:]


@pytest.mark.parametrize("depth", [300, 1500])
def test_deeply_nested_html_is_read_completely(tmp_path: Path, library: Library, depth: int):
    page = tmp_path / "deep.html"
    page.write_text(_nested(depth), encoding="utf-8")
    issue = _read(library, page)
    assert [s.heading for s in issue.sections] == [
        "Dlaczego porty muszą się zmieniać?",
        "Jakie są szanse Polski?",
    ]
    assert "bliskość stoczni" in issue.sections[1].paragraphs[0]


def test_html_deeper_than_the_parser_reads_is_refused(tmp_path: Path, library: Library):
    page = tmp_path / "deeper.html"
    page.write_text(_nested(3000), encoding="utf-8")
    with pytest.raises(IngestError, match=r"deeper.html: nests its elements more than 2048"):
        _read(library, page)


def test_a_file_name_that_is_not_utf8_is_printed_safely(tmp_path: Path):
    folder = tmp_path / "pages"
    folder.mkdir()
    name = os.fsencode(folder) + b"/bulletin-\xff\xfe.html"
    with open(name, "wb") as out:
        out.write(BULLETIN.encode("utf-8"))
    done = subprocess.run(
        [sys.executable, "-m", "bookstore", "--library", str(tmp_path / "lib"), "import",
         os.fsdecode(name)],
        capture_output=True, env={**os.environ, "LC_ALL": "C.UTF-8", "PYTHONIOENCODING": ""},
        check=False, timeout=60,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert b"Traceback" not in done.stderr
    assert b"imported: " in done.stdout and b"1 imported" in done.stdout
    done.stdout.decode("utf-8")  # what was printed is valid UTF-8
