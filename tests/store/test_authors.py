"""Authors a catalog joined with " & ": split where they are people, kept where the
name is an organisation's."""

from __future__ import annotations

import pytest

from bookstore.store.mapping.authors import split_authors


def test_calibre_joins_are_always_split():
    names = ["Paweł Grądzki & Joanna Rybińska & Ernst"]
    assert split_authors(names, calibre=True) == ["Paweł Grądzki", "Joanna Rybińska", "Ernst"]


def test_people_joined_elsewhere_are_split():
    assert split_authors(["Jan Kowalski & Ewa Zielińska"]) == ["Jan Kowalski", "Ewa Zielińska"]


@pytest.mark.parametrize(
    "name",
    [
        "Ernst & Young",
        "Johnson & Johnson",
        "Centre for Strategic & International Studies",
        "Institute of Peace & Conflict Studies",
        "Jan Kowalski & Sons Ltd",
        "Simon & Schuster",
    ],
)
def test_organisations_are_not_split(name):
    assert split_authors([name]) == [name]
