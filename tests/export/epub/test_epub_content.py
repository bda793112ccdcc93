"""What an exported EPUB holds: the pages, their text and languages, the nested table
of contents (nav and NCX), landmarks, cover and title page, style sheet, container."""

from __future__ import annotations

import io
import itertools
import re
import warnings
import zipfile
from pathlib import Path

import pytest
from ebooklib import epub
from lxml import etree
from PIL import Image

from bookstore.export.epub.writing import export_epub
from bookstore.model import Issue
from bookstore.resource_files import resource_path
from tests.export.epub.epub_helpers import NS, XML_LANG, Epub, odd_issues, synthetic_issues

_DATES = {
    "spotlight-2019-3-en": "23 January 2019",
    "spotlight-2019-3-pl": "23 stycznia 2019",
    "spotlight-2019-3-ru": "23 января 2019 г.",
}


@pytest.fixture(scope="module")
def bundle(sample_issues, tmp_path_factory) -> Epub:
    """Every sample issue (five series, three languages) in one bundle."""
    return Epub(export_epub(sample_issues, tmp_path_factory.mktemp("bundle") / "all.epub"))


def _page_of(book: Epub, issue: Issue) -> etree._Element:
    return book.xml(f"{issue.key}-{issue.language}.xhtml")


def _text(element: etree._Element, path: str) -> list[str]:
    return [" ".join("".join(e.itertext()).split()) for e in element.xpath(path, namespaces=NS)]


def test_every_issue_page_holds_all_its_text(bundle: Epub, sample_issues):
    for issue in sample_issues:
        page = _page_of(bundle, issue)
        assert _text(page, "//x:p[@class='series-label']") == [issue.label]
        assert _text(page, "//x:h1") == [issue.title]
        assert _text(page, "//x:p[@class='authors']") == [", ".join(issue.authors)]
        assert _text(page, "//x:div[@class='lead']/x:p") == [issue.lead]
        expected_headings = [s.heading for s in issue.sections if s.heading]
        assert _text(page, "//x:h2") == expected_headings
        body = _text(page, "//x:article/x:section/x:p | //x:article/x:p")
        assert body == [p for s in issue.sections for p in s.paragraphs]
        date = page.xpath("//x:time", namespaces=NS)[0]
        assert date.get("datetime") == issue.date.isoformat()


def test_dates_are_in_the_issue_language(bundle: Epub, sample_issues):
    for issue in sample_issues:
        if (key := f"{issue.key}-{issue.language}") in _DATES:
            assert _text(_page_of(bundle, issue), "//x:time") == [_DATES[key]]


def test_every_page_carries_its_language(bundle: Epub, sample_issues):
    for issue in sample_issues:
        root = _page_of(bundle, issue)
        assert root.get("lang") == root.get(XML_LANG) == issue.language
    for href in ("cover.xhtml", "title.xhtml", "nav.xhtml"):
        root = bundle.xml(href)
        assert root.get("lang") == root.get(XML_LANG) == "en"


def test_headings_are_in_order_and_every_page_has_a_title(bundle: Epub):
    for href in bundle.spine_hrefs()[1:]:
        page = bundle.xml(href)
        levels = [int(h.tag[-1]) for h in page.iter() if re.fullmatch(r"\{.*\}h[1-6]", str(h.tag))]
        assert levels[0] == 1, href
        assert all(b - a <= 1 for a, b in itertools.pairwise(levels)), (href, levels)
        assert page.xpath("string(//x:head/x:title)", namespaces=NS).strip(), href


def test_sections_without_headings_are_kept(bundle: Epub, sample_issues):
    headless = [i for i in sample_issues if any(s.heading is None for s in i.sections)]
    assert headless
    for issue in headless:
        text = "".join(_page_of(bundle, issue).itertext())
        for section in issue.sections:
            for paragraph in section.paragraphs:
                assert " ".join(paragraph.split()) in " ".join(text.split())


def _nav_tree(items) -> list:
    """ebooklib's table of contents as (title, href, children) tuples."""
    tree = []
    for item in items:
        if isinstance(item, tuple):
            head, children = item
            tree.append((head.title, head.href, _nav_tree(children)))
        else:
            tree.append((item.title, item.href, []))
    return tree


def test_nested_table_of_contents_series_year_issue_section(bundle: Epub, sample_issues):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from_nav = _nav_tree(epub.read_epub(str(bundle.path)).toc)
        from_ncx = _nav_tree(epub.read_epub(str(bundle.path), {"ignore_ncx": False}).toc)
    assert from_nav == from_ncx
    series_names = [name for name, _, _ in from_nav]
    # Series by name, whatever order the issues came in.
    assert series_names == [
        "PISM Bulletin",
        "PISM Report",
        "PISM Spotlight",
        "Policy Paper",
        "Strategic File",
    ]
    spotlight_years = [year for year, _, _ in from_nav[2][2]]
    assert spotlight_years == ["2018", "2019", "2020"]
    issues_2019 = from_nav[2][2][1][2]
    assert [title for title, _, _ in issues_2019][:3] == [
        "no. 3/2019: The Aachen Treaty: A New Chapter in Franco-German Cooperation?",
        "nr 3/2019: Traktat z Akwizgranu: nowy rozdział we współpracy francusko-niemieckiej?",
        "№ 3/2019: Ахенский договор: новая глава франко-германского сотрудничества?",
    ]
    aachen = next(i for i in sample_issues if f"{i.key}-{i.language}" == "spotlight-2019-3-en")
    sections = issues_2019[0][2]
    assert [title for title, _, _ in sections] == [s.heading for s in aachen.sections]
    assert [href for _, href, _ in sections] == [
        f"spotlight-2019-3-en.xhtml#s{n}" for n in range(1, len(aachen.sections) + 1)
    ]
    leaves = [issue for _, _, years in from_nav for _, _, issues in years for issue in issues]
    assert len(leaves) == len(sample_issues)


def test_every_toc_link_resolves_and_follows_the_spine(bundle: Epub):
    nav = bundle.xml("nav.xhtml")
    (toc,) = nav.xpath("//x:nav[@epub:type='toc']", namespaces=NS)
    hrefs = toc.xpath(".//x:a/@href", namespaces=NS)
    spine = bundle.spine_hrefs()
    positions = []
    for href in hrefs:
        name, _, fragment = href.partition("#")
        assert name in spine, href
        if fragment:
            assert bundle.xml(name).xpath(f"//*[@id='{fragment}']"), href
        positions.append((spine.index(name), int(fragment[1:]) if fragment else 0))
    assert positions == sorted(positions)
    assert all(a.text and a.text.strip() for a in toc.xpath(".//x:a", namespaces=NS))


def test_nav_entries_in_another_language_say_so(bundle: Epub):
    nav = bundle.xml("nav.xhtml")
    russian = nav.xpath("//x:li[x:a[@href='spotlight-2019-3-ru.xhtml']]", namespaces=NS)[0]
    assert russian.get("lang") == russian.get(XML_LANG) == "ru"
    english = nav.xpath("//x:li[x:a[@href='spotlight-2019-3-en.xhtml']]", namespaces=NS)[-1]
    assert english.get("lang") is None


def test_ncx_is_nested_with_unique_ids_and_play_order(bundle: Epub):
    ncx = bundle.xml("toc.ncx")
    points = ncx.xpath("//ncx:navPoint", namespaces=NS)
    ids = [p.get("id") for p in points]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"[A-Za-z][\w.-]*", i) for i in ids)
    assert all(p.xpath("ncx:content/@src", namespaces=NS)[0] for p in points)
    orders = [int(p.get("playOrder")) for p in points]
    assert orders == sorted(orders) and orders[0] == 1
    by_target: dict[str, set[int]] = {}
    for point in points:
        by_target.setdefault(point.xpath("ncx:content/@src", namespaces=NS)[0], set()).add(
            int(point.get("playOrder"))
        )
    assert all(len(orders) == 1 for orders in by_target.values())
    assert ncx.xpath("string(//ncx:meta[@name='dtb:depth']/@content)", namespaces=NS) == "4"
    assert (
        ncx.xpath("string(//ncx:meta[@name='dtb:uid']/@content)", namespaces=NS)
        == bundle.dc("identifier")[0]
    )


def test_landmarks(bundle: Epub, sample_issues):
    nav = bundle.xml("nav.xhtml")
    marks = {
        a.get("{http://www.idpf.org/2007/ops}type"): a.get("href")
        for a in nav.xpath("//x:nav[@epub:type='landmarks']//x:a", namespaces=NS)
    }
    assert marks == {
        "cover": "cover.xhtml",
        "titlepage": "title.xhtml",
        "bodymatter": bundle.spine_hrefs()[2],
    }
    assert bundle.spine_hrefs()[:2] == ["cover.xhtml", "title.xhtml"]


def test_title_page_lists_every_issue_and_repeats_the_cover_text(bundle: Epub, sample_issues):
    page = bundle.xml("title.xhtml")
    assert _text(page, "//x:h1") == ["PISM publications, 2018–2020"]
    assert _text(page, "//x:p[@class='extent']") == ["26 issues, 2018–2020"]
    links = page.xpath("//x:section[@class='contents']//x:a/@href", namespaces=NS)
    assert sorted(links) == sorted(f"{i.key}-{i.language}.xhtml" for i in sample_issues)
    assert _text(page, "//x:h3") == [
        "PISM Bulletin",
        "PISM Report",
        "PISM Spotlight",
        "Policy Paper",
        "Strategic File",
    ]
    alt = bundle.xml("cover.xhtml").xpath("string(//x:img/@alt)", namespaces=NS)
    for line in ("PISM publications, 2018–2020", "26 issues, 2018–2020", "Strategic File"):
        assert line in alt
    assert "Polish Institute of International Affairs" in alt
    assert _text(page, "//x:p[@class='publisher']") == ["Polish Institute of International Affairs"]


def test_cover_is_a_generated_picture_with_alt_text(sample_issues, tmp_path: Path):
    issue = next(i for i in sample_issues if i.language == "ru")
    book = Epub(export_epub([issue], tmp_path / "ru.epub"))
    image = Image.open(io.BytesIO(book.read("cover.png")))
    assert image.size == (1200, 1800)
    assert len(image.getcolors(256) or []) > 20  # text drawn, not a blank page
    cover_page = book.xml("cover.xhtml")
    (img,) = cover_page.xpath("//x:img", namespaces=NS)
    assert img.get("src") == "cover.png"
    alt = img.get("alt")
    assert alt.startswith("Обложка: ")
    for part in (issue.series.name_in("ru"), issue.number_label, issue.title, *issue.authors):
        assert part.rstrip(".") in alt
    assert cover_page.get("lang") == "ru"
    other = Epub(export_epub([sample_issues[0]], tmp_path / "other.epub"))
    assert other.read("cover.png") != book.read("cover.png")


def test_style_sheet_leaves_font_and_size_to_the_reader(bundle: Epub):
    css = bundle.read("style.css").decode()
    assert css == resource_path("epub", "style.css").read_text(encoding="utf-8")
    assert "font-family" not in css
    assert not re.search(r"\d\s*(px|pt|pc|cm|mm|in)\b", css)
    sizes = re.findall(r"font-size:\s*([^;]+);", css)
    assert sizes and all(size.strip().endswith(("em", "%")) for size in sizes)
    for href in bundle.spine_hrefs():
        links = bundle.xml(href).xpath("//x:link[@rel='stylesheet']/@href", namespaces=NS)
        assert links == ["style.css"]


def test_container_layout(bundle: Epub):
    first = bundle.zip.infolist()[0]
    assert first.filename == "mimetype"
    assert first.compress_type == zipfile.ZIP_STORED
    assert bundle.zip.read("mimetype") == b"application/epub+zip"
    assert bundle.opf.get("version") == "3.0"
    manifest = {item.get("href") for item in bundle.manifest().values()}
    stored = {name.removeprefix(bundle.folder + "/") for name in bundle.zip.namelist()}
    assert manifest <= stored
    assert bundle.item_with_property("nav").get("href") == "nav.xhtml"
    assert bundle.opf.xpath("string(//opf:spine/@toc)", namespaces=NS) == "ncx"


def test_one_page_per_issue_and_unique_ids_within_pages(sample_issues, tmp_path: Path):
    issues = [*synthetic_issues(30), *sample_issues]
    book = Epub(export_epub(issues, tmp_path / "many.epub"))
    pages = book.spine_hrefs()[2:]
    assert len(pages) == len(issues)
    for href in pages:
        ids = book.xml(href).xpath("//@id")
        assert len(ids) == len(set(ids)), href


def test_duplicate_issues_are_exported_once(sample_issues, tmp_path: Path):
    book = Epub(export_epub([*sample_issues[:3], *sample_issues[:3]], tmp_path / "dup.epub"))
    assert len(book.spine_hrefs()) == 2 + 3
    single = Epub(export_epub([sample_issues[0], sample_issues[0]], tmp_path / "one.epub"))
    assert single.spine_hrefs() == [
        "cover.xhtml",
        f"{sample_issues[0].key}-{sample_issues[0].language}.xhtml",
    ]


def test_issues_at_the_edges(sample_issues, tmp_path: Path):
    bare, messy = odd_issues(sample_issues[0])
    book = Epub(export_epub([bare, messy], tmp_path / "odd.epub"))
    page = _page_of(book, bare)
    assert _text(page, "//x:h1") == [bare.label]
    assert page.xpath("string(//x:head/x:title)", namespaces=NS) == bare.label
    assert not page.xpath(
        "//x:div[@class='lead'] | //x:p[@class='authors'] | //x:h2", namespaces=NS
    )
    page = _page_of(book, messy)
    assert _text(page, "//x:h1") == ['Tabs and controlcharacters <&> "quoted"']
    assert _text(page, "//x:div[@class='lead']/x:p") == ["First paragraph.", "Second paragraph."]
    assert _text(page, "//x:h2") == ["Q & <A>?"]
    assert _text(page, "//x:article/x:p | //x:article/x:section/x:p") == [
        "Before any heading.",
        "Under an empty heading.",
        "Line one line two",
    ]
    assert _text(page, "//x:p[@class='source']") == ["Source: not a url, with spaces"]
    assert not page.xpath("//x:p[@class='source']/x:a", namespaces=NS)
    nav_labels = [a.text for a in book.xml("nav.xhtml").xpath("//x:a", namespaces=NS)]
    assert bare.number_label in nav_labels
