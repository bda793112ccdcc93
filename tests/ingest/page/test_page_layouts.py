"""Pages in layouts other than the reference page's: metadata read by meaning
(JSON-LD, OpenGraph, citation_*, Dublin Core, microdata, <time datetime>, class
names read as words, as CMS themes write them) and header fields that share a line
or come in another order."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from bookstore.ingest.batch import import_paths
from bookstore.ingest.page.reading import parse_page
from bookstore.ingest.words.series_names import SeriesNames
from bookstore.library.library import Library

LAYOUTS = Path(__file__).resolve().parents[2] / "data" / "layouts"

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


# Pages in the markup of common CMS themes, whose class names say what each element
# holds: file: (label, title, date, language, authors, lead, sections).
CMS_PAGES = {
    # The authors as links in <div class="pub-authors">, the lead in <p class="lead">;
    # number and date above the title, which a reading bar repeats cut short; the
    # body classed "has-sidebar".
    "pub_authors_lead_en.html": (
        "PISM Bulletin no. 12 (1930)",
        "Water Security in Central Asia: Rivers, Dams and a Warmer Climate",
        dt.date(2022, 3, 3), "en", ("Jan Kowalski", "Anna Nowak", "Lukas Brenner"),
        "The states of Central Asia share two great rivers, and a warmer climate is turning "
        "their old bargain over water into a quarrel.",
        (
            ("Who controls the water?", (
                "The upstream states, Kyrgyzstan and Tajikistan, hold the reservoirs and want "
                "power from them in winter.",
                "The downstream states, Uzbekistan and Kazakhstan, need the same water in summer "
                "for cotton and wheat.",
            )),
            ("What can outsiders do?", (
                "Lenders can fund metering and canals that lose less water, and tie new dams to "
                "agreed release rules.",
            )),
        ),
    ),
    # WordPress: "by" and two author vcards in a byline, the published date beside
    # the later "updated" one, the excerpt in entry-summary, comments and widgets.
    "wordpress_en.html": (
        "PISM Spotlight no. 7/2023", "Offshore Wind in the Baltic: Who Builds the Ports?",
        dt.date(2023, 3, 9), "en", ("Maria Król", "Peter Walsh"),
        "Governments around the Baltic Sea plan to build more offshore wind farms by 2030 than "
        "the region’s ports can serve.",
        (
            ("Why are the ports short of space?", (
                "Turbine blades and towers need long, heavy quays and large yards close to the "
                "water.",
                "Few ports have both, and those that do also handle containers and ferries.",
            )),
            ("What should governments do?", (
                "They should agree which ports serve which farms, so that money is not spent "
                "twice on the same kind of quay.",
            )),
        ),
    ),
    # Drupal: fields named field--name-field-authors (with its label), -lead, -series,
    # -number and -date.
    "drupal_pl.html": (
        "Biuletyn PISM nr 14 (2201)", "Kolej towarowa na wschodniej flance NATO",
        dt.date(2023, 5, 10), "pl", ("Zofia Łęcka", "Tomasz Nowicki"),
        "Przewozy wojskowe na wschodniej flance NATO zależą od torów, które w wielu miejscach "
        "mają inną szerokość niż w Europie Zachodniej.",
        (
            ("Gdzie są wąskie gardła?", (
                "Na granicy z Litwą pociągi muszą zmieniać rozstaw kół albo przeładowywać towar.",
            )),
            ("Co planują sojusznicy?", (
                "Rail Baltica ma połączyć Warszawę z Tallinnem torem o europejskiej szerokości.",
                "Polska rozbudowuje też terminale przeładunkowe przy granicy.",
            )),
        ),
    ),
    # Ghost (Casper): article-excerpt, an article-byline holding avatars, author-name
    # links, the date and the reading time.
    "ghost_ru.html": (
        "Бюллетень ПИСМ № 88 (2188)", "Газ из Центральной Азии в обход России",
        dt.date(2022, 11, 23), "ru", ("Анна Ковалёва", "Иван Петров"),
        "Туркменистан ищет пути экспорта газа в Европу, не проходящие через территорию России.",
        (
            ("Какие маршруты возможны?", (
                "Транскаспийский газопровод соединил бы Туркменистан с Азербайджаном по дну моря.",
                "Другой путь ведёт через Иран, но его закрывают санкции.",
            )),
            ("Что может сделать ЕС?", (
                "Евросоюз может гарантировать долгосрочные закупки, без которых никто не будет "
                "строить трубу.",
            )),
        ),
    ),
    # BEM names (block__element--modifier): a text byline "Autorzy: … i …", a lead of
    # two paragraphs, an updated date, share buttons and related links.
    "bem_byline_pl.html": (
        "Raport PISM nr 4/2024", "Porty śródlądowe na Odrze po powodzi",
        dt.date(2024, 11, 18), "pl", ("Katarzyna Orlik", "Michał Żurański"),
        "Powódź z września 2024 r. zamknęła Odrę dla barek na siedem tygodni.\n\n"
        "Pokazała też, jak mało zainwestowano w nabrzeża ponad poziomem wielkiej wody.",
        (
            ("Co zmieniła powódź?", (
                "Ładunki przeszły na kolej i drogi, co podniosło koszty eksporterów.",
            )),
            ("Jak odbudować porty?", (
                "Nowe nabrzeża powinny powstać wyżej, a magazyny z dala od koryta rzeki.",
            )),
        ),
    ),
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(CMS_PAGES))
def test_each_cms_layout_gives_every_field(library: Library, name: str):
    issue = parse_page((LAYOUTS / name).read_bytes(), SeriesNames(library.series()))
    label, title, date, language, authors, lead, sections = CMS_PAGES[name]
    assert (issue.label, issue.title) == (label, title)
    assert (issue.date, issue.language) == (date, language)
    assert issue.authors == authors
    assert issue.lead == lead
    assert [(s.heading, s.paragraphs) for s in issue.sections] == list(sections)


def _pub_page(old: str, new: str) -> bytes:
    page = (LAYOUTS / "pub_authors_lead_en.html").read_text(encoding="utf-8")
    assert old in page
    return page.replace(old, new).encode()


@pytest.mark.parametrize(
    "old, new",
    [
        ('<p class="lead">', "<p>"),  # no lead marked: the first paragraph after the title
        ('<p class="lead">', '<p class="pub-summary">Water Security in Central Asia: Rivers…</p><p>'),
        ('<p class="lead">', '<p class="lead">Water Security in Central Asia</p><p>'),
    ],
)  # fmt: skip
def test_a_lead_is_never_the_title_nor_the_title_cut_short(library: Library, old: str, new: str):
    issue = parse_page(_pub_page(old, new), SeriesNames(library.series()))
    assert issue.lead == CMS_PAGES["pub_authors_lead_en.html"][5]
    assert issue.authors == ("Jan Kowalski", "Anna Nowak", "Lukas Brenner")
    assert [s.heading for s in issue.sections] == [
        "Who controls the water?",
        "What can outsiders do?",
    ]


def test_a_heading_that_begins_as_the_title_stays(library: Library):
    page = (
        '<html lang="en"><body><article><h1>Ports of the Baltic: After Coal</h1>'
        "<p>PISM Spotlight no. 5/2019</p><p>14 March 2019</p>"
        "<p>Ports of the Baltic: After…</p><p>Ports are changing as coal gives way to wind.</p>"
        "<h2>Ports of the Baltic</h2><p>New quays are being built.</p></article></body></html>"
    ).encode()
    issue = parse_page(page, SeriesNames(library.series()))
    assert issue.lead == "Ports are changing as coal gives way to wind."
    assert [(s.heading, s.paragraphs) for s in issue.sections] == [
        ("Ports of the Baltic", ("New quays are being built.",))
    ]


def test_a_folder_of_layouts_imports_whole(library: Library):
    report = import_paths(library, [LAYOUTS])
    assert report.count("imported") == len(EXPECTED) + len(CMS_PAGES)
    assert report.failed == 0


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
