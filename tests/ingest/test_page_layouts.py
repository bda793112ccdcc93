"""Pages in layouts other than the reference page's: metadata read by meaning
(JSON-LD, OpenGraph, citation_*, Dublin Core, microdata, <time datetime>, class
names) and header fields that share a line or come in another order."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from bookstore.ingest.batch import import_paths
from bookstore.ingest.page import parse_page
from bookstore.ingest.series_names import SeriesNames
from bookstore.library.library import Library

LAYOUTS = Path(__file__).resolve().parents[1] / "data" / "layouts"

# file: (label, title, date, language, authors, topics, lead start, headings, source)
EXPECTED = {
    "inline_meta_en.html": (
        "PISM Bulletin no. 44 (1290)", "Danube Ports after the Floods", dt.date(2020, 5, 12),
        "en", ("Ewa Grabowska", "Tomasz Nowicki"), ("transport", "Danube"),
        "The spring floods", ["What did the floods change?"], None,
    ),
    "jsonld_report_en.html": (
        "PISM Report no. 3/2021", "Grain Corridors in the Black Sea", dt.date(2021, 9, 14),
        "en", ("Marta Zielińska", "Paul Smith"), ("food security", "Black Sea"),
        "Exports of grain", ["Which routes remain open?"],
        "https://example.org/reports/grain-corridors",
    ),
    "opengraph_pl.html": (
        "PISM Spotlight nr 14/2020", "Kolej dużych prędkości w Europie Środkowej",
        dt.date(2020, 6, 3), "pl", ("Jan Kowalski", "Anna Wiśniewska"), ("transport", "kolej"),
        "Rządy regionu", ["Co oznacza to dla Polski?"], "https://example.org/pl/kolej",
    ),
    "citation_ru.html": (
        "Бюллетень ПИСМ № 89 (1335)", "Китай в Арктике: амбиции Полярного шёлкового пути",
        dt.date(2019, 5, 22), "ru", ("Анна Ковалёва", "Иван Петров"), ("Арктика", "Китай"),
        "Китай называет", ["Что это значит для региона?"], None,
    ),
    "dublin_core_microdata_pl.html": (
        "Biuletyn PISM nr 30 (1726)", "Cyfrowa suwerenność Unii Europejskiej",
        dt.date(2021, 2, 17), "pl", ("Zofia Łęcka",), ("cyfryzacja", "UE"),
        "Komisja Europejska", ["Jakie są skutki dla Polski?"], None,
    ),
    "shared_line_en.txt": (
        "Policy Paper no. 11 (171)", "Cities and Climate Policy", dt.date(2018, 10, 9), "en",
        ("Katarzyna Orlik",), (), "Cities are preparing", ["What can cities do?"], None,
    ),
    "shared_line_ru.txt": (
        "Бюллетень ПИСМ № 30 (1276)", "Энергетический мост через Балтику",
        dt.date(2019, 4, 3), "ru", ("Анна Ковалёва", "Иван Петров"), ("энергетика", "Балтика"),
        "Страны Балтии", ["Зачем нужен мост?"], None,
    ),
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_layout_is_read_by_meaning(library: Library, name: str):
    issue = parse_page((LAYOUTS / name).read_bytes(), SeriesNames(library.series()))
    label, title, date, language, authors, topics, lead, headings, source = EXPECTED[name]
    assert issue.label == label
    assert issue.title == title
    assert (issue.date, issue.language) == (date, language)
    assert issue.authors == authors
    assert issue.topics == topics
    assert issue.lead.startswith(lead)
    assert [s.heading for s in issue.sections] == headings
    assert issue.source_url == source


def test_a_folder_of_layouts_imports_whole(library: Library):
    report = import_paths(library, [LAYOUTS])
    assert report.count("imported") == len(EXPECTED) and report.failed == 0


def _page(head: str, header: str) -> bytes:
    return (
        f'<html lang="en"><head><meta charset="utf-8">{head}</head><body><article>'
        f"<h1>Ports of the Baltic</h1>{header}"
        "<p>Ports are changing as coal gives way to wind power.</p>"
        "<h2>What next?</h2><p>New quays are being built.</p></article></body></html>"
    ).encode()


@pytest.mark.parametrize(
    "head, header",
    [
        ("", '<p>PISM Spotlight no. 5/2019 · <time datetime="2019-03-14">Thursday</time></p>'),
        ("", '<p><span class="date">14/03/2019 is not it</span></p><p>PISM Spotlight no. 5/2019</p>'
             '<p class="published">14 March 2019</p>'),
        ('<meta property="article:published_time" content="2019-03-14">', "<p>PISM Spotlight no. 5/2019</p>"),
        ('<meta name="citation_publication_date" content="2019/03/14">', "<p>PISM Spotlight no. 5/2019</p>"),
        ('<meta name="DC.date" content="2019-03-14">', "<p>PISM Spotlight no. 5/2019</p>"),
        ('<script type="application/ld+json">{"@type": "Article", "datePublished": "2019-03-14"}</script>',
         "<p>PISM Spotlight no. 5/2019</p>"),
        ("", '<p>PISM Spotlight no. 5/2019</p><meta itemprop="datePublished" content="2019-03-14">'),
        ("", "<p>PISM Spotlight no. 5/2019 March 14, 2019</p>"),
        ("", "<div><b>14.03.2019</b> <i>PISM Spotlight</i> <i>no. 5/2019</i></div>"),
    ],
)  # fmt: skip
def test_the_date_from_each_source(library: Library, head: str, header: str):
    issue = parse_page(_page(head, header), SeriesNames(library.series()))
    assert (issue.date, issue.number, issue.year, issue.series.slug) == (
        dt.date(2019, 3, 14), 5, 2019, "spotlight",
    )  # fmt: skip
    assert issue.lead.startswith("Ports are changing")


def test_a_page_with_no_date_anywhere_is_still_refused(library: Library):
    page = _page("", "<p>PISM Spotlight no. 5/2019</p>")
    with pytest.raises(ValueError, match="no publication date"):
        parse_page(page, SeriesNames(library.series()))


def test_a_sentence_that_mentions_a_date_is_not_a_header(library: Library):
    page = _page("", "<p>PISM Spotlight no. 5/2019</p><p>14 March 2019</p>").replace(
        b"Ports are changing", b"On 2 March 2019, ports began changing"
    )
    issue = parse_page(page, SeriesNames(library.series()))
    assert issue.date == dt.date(2019, 3, 14)
    assert issue.lead.startswith("On 2 March 2019, ports began changing")
