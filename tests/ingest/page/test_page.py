import datetime as dt
from pathlib import Path

import pytest

from bookstore.ingest.batch import import_paths
from bookstore.ingest.errors import IngestError
from bookstore.ingest.page.reading import read_page
from bookstore.ingest.words.series_names import SeriesNames
from bookstore.library.library import Library
from tests.conftest import SEED

PAGES = Path(__file__).resolve().parents[2] / "data" / "pages"
REFERENCE = SEED / "000_8446b2f723dbbf5c.txt"
CHROME = ("font lower", "font default", "font bigger", "Follow us", "e-Bookstore", "RSS",
          "Home >", "Mobile version", "visually impaired", "Polish version", "Российская")  # fmt: skip


def _read(library: Library, path: Path):
    return read_page(path, SeriesNames(library.series())).issue


def _all_text(issue) -> str:
    parts = [issue.title, issue.lead, *issue.authors, *issue.topics]
    parts += [s.heading or "" for s in issue.sections]
    parts += [p for s in issue.sections for p in s.paragraphs]
    return "\n".join(parts)


@pytest.mark.skipif(not REFERENCE.exists(), reason="the reference issue lives in ../shared/seed")
def test_the_reference_issue_comes_out_whole_and_clean(library: Library):
    issue = _read(library, REFERENCE)
    assert issue.series.name == "PISM Spotlight"
    assert (issue.number, issue.year, issue.running_number) == (2, 2019, None)
    assert issue.date == dt.date(2019, 1, 11)
    assert issue.authors == ("Oskar Pietrewicz",)
    assert issue.language == "en"
    assert (
        issue.title
        == "Kim Jong-un’s Visit to China: A Prelude to a Second North Korea–U.S. Summit?"
    )
    assert issue.lead.startswith("On 7–10 January")
    assert [s.heading for s in issue.sections] == [
        "What were the circumstances of the visit?",
        "What does Kim’s visit mean for China?",
        "What does the visit mean for North Korea?",
        "What impact could this visit have on the inter-Korean talks and the U.S.-North Korea negotiations?",
    ]
    assert all(len(s.paragraphs) == 1 for s in issue.sections)
    assert issue.sections[-1].paragraphs[0].endswith("Kim–Trump summit took place.")
    text = _all_text(issue)
    for chrome in CHROME:
        assert chrome not in text
    assert issue.label == "PISM Spotlight no. 2/2019"


def test_a_polish_html_page(library: Library):
    issue = _read(library, PAGES / "bulletin_pl.html")
    assert issue.series.slug == "bulletin" and issue.language == "pl"
    assert (issue.number, issue.running_number, issue.year) == (31, 1277, 2019)
    assert issue.date == dt.date(2019, 3, 14)
    assert issue.title == "Porty Bałtyku wobec transformacji energetycznej"
    assert issue.authors == ("Zofia Łęcka", "Michał Żurański")
    assert issue.lead.startswith("Porty Morza Bałtyckiego")
    assert [s.heading for s in issue.sections] == [
        "Dlaczego porty muszą się zmieniać?",
        "Jakie są szanse Polski?",
    ]
    assert len(issue.sections[0].paragraphs) == 2
    assert issue.topics == ("energia", "Morze Bałtyckie")
    assert issue.source_url == "https://www.pism.pl/publikacje/biuletyn-porty-baltyku"
    assert issue.label == "Biuletyn PISM nr 31 (1277)"
    text = _all_text(issue)
    for chrome in ("czcionka", "Strona główna", "RSS", "PISM 2019", "Obserwuj"):
        assert chrome not in text


def test_a_russian_text_page(library: Library):
    issue = _read(library, PAGES / "spotlight_ru.txt")
    assert (issue.series.slug, issue.language, issue.number, issue.year) == (
        "spotlight",
        "ru",
        27,
        2019,
    )
    assert issue.date == dt.date(2019, 5, 22)
    assert issue.authors == ("Анна Ковалёва",)
    assert issue.title == "Арктический совет после председательства Финляндии"
    assert [s.heading for s in issue.sections] == [
        "Почему не удалось принять декларацию?",
        "Что это значит для региона?",
    ]
    assert issue.topics == ("Арктика", "климат")
    assert issue.source_url == "https://www.pism.pl/ru/publications/arctic-council-2019"
    assert "шрифт" not in _all_text(issue)


def test_an_issue_without_headings_keeps_its_paragraphs_in_one_section(library: Library):
    issue = _read(library, PAGES / "strategic_no_headings_en.html")
    assert issue.title == "River Transport on the Danube after the Floods"
    assert issue.authors == ("Ewa Grabowska", "Tomasz Nowicki")
    assert (issue.number, issue.running_number, issue.year) == (8, 110, 2020)
    assert len(issue.sections) == 1 and issue.sections[0].heading is None
    assert len(issue.sections[0].paragraphs) == 2
    assert issue.source_url == "https://www.pism.pl/publications/strategic-file-danube"
    assert "cookies" not in _all_text(issue) and "Share" not in _all_text(issue)


def test_a_saved_html_fragment_imports_like_a_whole_page(library: Library, tmp_path: Path):
    page = (PAGES / "bulletin_pl.html").read_text(encoding="utf-8")
    fragment = page[page.index("<main>") : page.index("</main>") + len("</main>")]
    path = tmp_path / "fragment.html"
    path.write_text(fragment, encoding="utf-8")
    issue = _read(library, path)
    assert (issue.title, issue.number, issue.running_number) == (
        "Porty Bałtyku wobec transformacji energetycznej",
        31,
        1277,
    )
    assert len(issue.sections) == 2


def _write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def _bad_inputs(folder: Path) -> dict[str, tuple[Path, str]]:
    good = (PAGES / "spotlight_ru.txt").read_bytes()
    html = (PAGES / "bulletin_pl.html").read_bytes()
    huge = folder / "huge.html"
    with huge.open("wb") as handle:
        handle.truncate(21 * 1024 * 1024)
    return {
        "empty": (_write(folder, "empty.html", b""), "is empty"),
        "blank": (_write(folder, "blank.txt", b"  \n\n "), "is empty"),
        "binary": (_write(folder, "picture.html", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20), "binary"),
        "truncated text": (_write(folder, "cut.txt", good[: good.index("Участники".encode()) + 60]), "truncated"),
        "truncated html": (_write(folder, "cut.html", html[: len(html) // 2]), "truncated"),
        "cut mid-sentence": (_write(folder, "cut2.txt", good[: good.index(" было принято".encode())]), "mid-sentence"),
        "cut after a heading": (_write(folder, "cut3.txt", good[: good.index("Участники".encode())]), "ends after the heading"),
        "header only": (_write(folder, "head.txt", good[: good.index("Финляндия".encode())]), "truncated"),
        "not an issue": (_write(folder, "about.html", b"<html><body><h1>About us</h1><p>We are a think tank.</p></body></html>"), "not an issue page"),
        "no date": (_write(folder, "nodate.txt", b"PISM Spotlight: A title\nno. 3/2019\nSome text.\n"), "no publication date"),
        "unknown series": (_write(folder, "other.txt", b"Weekly Gazette: A title\n1 May 2019\nno. 3/2019\nSome text here.\n"), "no series"),
        "latin-2": (_write(folder, "latin2.txt", "Łódź\n".encode("iso-8859-2") * 50), "not text in UTF-8"),
        "huge": (huge, "too large"),
        "folder as file": (folder, "folder"),
        "missing": (folder / "missing.txt", "cannot be read"),
    }  # fmt: skip


def test_each_kind_of_bad_input_gets_a_reason_naming_the_file(library: Library, tmp_path: Path):
    for kind, (path, reason) in _bad_inputs(tmp_path).items():
        with pytest.raises(IngestError) as caught:
            _read(library, path)
        message = str(caught.value)
        assert message.startswith(str(path)), kind
        assert reason in message, (kind, message)
        assert "\n" not in message


def test_a_batch_goes_on_past_bad_files_and_leaves_the_library_unchanged_by_them(
    library: Library, tmp_path: Path
):
    bad = _bad_inputs(tmp_path / "bad" if (tmp_path / "bad").mkdir() is None else tmp_path)
    before = library.count()
    files = [path for kind, (path, _) in bad.items() if kind != "folder as file"]
    report = import_paths(library, [files[0], PAGES, *files[1:]])
    assert report.count("imported") == 3
    assert report.failed == len(files)
    assert library.count() == before + 3
    assert report.summary() == f"3 imported, 0 updated, {len(files)} failed"
    assert all(outcome.error for outcome in report.outcomes if outcome.status == "failed")


def test_importing_again_updates_and_never_duplicates(library: Library):
    first = import_paths(library, [PAGES])
    count = library.count()
    second = import_paths(library, [PAGES])
    assert library.count() == count
    assert second.count("updated") == 3 and second.count("imported") == 0
    assert [o.issue_id for o in first.outcomes] == [o.issue_id for o in second.outcomes]


def test_an_imported_page_is_kept_with_its_checksum(library: Library):
    report = import_paths(library, [PAGES / "bulletin_pl.html"])
    issue = library.get(report.outcomes[0].issue_id)
    [page] = issue.files
    assert page.kind == "page"
    assert (library.files_dir / page.path).read_bytes() == (PAGES / "bulletin_pl.html").read_bytes()
    assert issue.owned


def test_a_folder_imports_its_pages_recursively(library: Library, tmp_path: Path):
    nested = tmp_path / "a" / "b"
    nested.mkdir(parents=True)
    (nested / "page.txt").write_bytes((PAGES / "spotlight_ru.txt").read_bytes())
    (tmp_path / "a" / "notes.doc").write_bytes(b"%PDF")
    (tmp_path / "a" / ".hidden.txt").write_text("x")
    report = import_paths(library, [tmp_path / "a"])
    assert [o.status for o in report.outcomes] == ["imported"]
