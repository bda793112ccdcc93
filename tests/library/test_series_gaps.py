"""A series' holdings against its numbering: inner gaps always, a year's full extent
when the series' running numbers tell it."""

from __future__ import annotations

import dataclasses
import json

from bookstore.library.series_gaps import ranges, series_gaps


def _years(library, slug: str) -> dict:
    (entry,) = series_gaps(library, slug)
    return {year.year: year for year in entry.years}


def test_running_numbers_give_a_years_extent(library) -> None:
    bulletin = {issue.year: issue for issue in library.list_issues(series="bulletin")}
    years = _years(library, "bulletin")
    # Where 2019 starts (running minus number) less where 2018 starts: 2018's issue count.
    start = {year: issue.running_number - issue.number for year, issue in bulletin.items()}
    assert years[2018].last == start[2019] - start[2018] and years[2018].last_known
    assert len(years[2018].held) + len(years[2018].missing) == years[2018].last
    # The newest year has no following year: only its inner gaps are known.
    assert not years[2020].last_known and years[2020].last == max(years[2020].held)


def test_translations_count_once_and_missing_numbers_are_exact(library) -> None:
    years = _years(library, "bulletin")
    assert years[2019].held == (26, 88)  # no. 26 is held in English and Polish
    assert 26 not in years[2019].missing and 27 in years[2019].missing
    assert set(years[2019].missing) | {26, 88} == set(range(1, years[2019].last + 1))


def test_a_series_numbered_by_year_knows_only_inner_gaps(library) -> None:
    spotlight = _years(library, "spotlight")
    assert all(not year.last_known for year in spotlight.values())
    assert spotlight[2019].missing == tuple(n for n in range(1, 40) if n != 3)


def test_filling_a_gap_removes_it(library) -> None:
    issue = library.list_issues(series="spotlight", year=2019)[0]
    library.save(dataclasses.replace(issue, number=2, source_url=None, id=None))
    assert 2 not in _years(library, "spotlight")[2019].missing


def test_ranges() -> None:
    assert ranges((1, 2, 3, 5, 7, 8, 9)) == "1-3, 5, 7-9"
    assert ranges((4,)) == "4" and ranges(()) == ""


def test_series_missing_command(run) -> None:
    code, out, err = run("series", "--missing", "bulletin")
    assert code == 0, err
    lines = out.splitlines()
    assert len(lines) == 3 and lines[0].startswith("PISM Bulletin 2018: 2 of ")
    assert "missing 1-74, 76-119" in lines[0] and "not known" in lines[2]
    code, out, err = run("series", "--missing", "--json")
    assert code == 0, err
    found = {entry["series"]: entry for entry in json.loads(out)}
    assert set(found) >= {"bulletin", "spotlight", "policy-paper", "strategic-file", "report"}
    assert found["bulletin"]["missing"] == sum(
        len(y["missing"]) for y in found["bulletin"]["years"]
    )
    code, out, err = run("series", "--missing", "nope")
    assert code == 1 and "no series “nope”" in err
