"""CSL-JSON items as BibTeX (``@techreport``) or BibLaTeX (``@report``) entries."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

# BibLaTeX's language names (babel's), for ``langid``.
_LANGID = {"en": "english", "pl": "polish", "ru": "russian"}
_MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
_SPECIAL = re.compile(r"([\\{}&%$#_~^])")


def escape(text: str) -> str:
    """Text safe inside braces: TeX's special characters as commands."""

    def one(match: re.Match[str]) -> str:
        char = match.group(1)
        return {
            "\\": r"\textbackslash{}",
            "~": r"\textasciitilde{}",
            "^": r"\textasciicircum{}",
        }.get(char, "\\" + char)

    return _SPECIAL.sub(one, " ".join(text.split()))


def _names(item: dict[str, Any]) -> str:
    names = []
    for name in item.get("author", []):
        if "literal" in name:
            names.append("{" + escape(name["literal"]) + "}")
        else:
            names.append(f"{escape(name['family'])}, {escape(name['given'])}")
    return " and ".join(names)


def _date(parts: dict[str, Any]) -> tuple[int, int, int]:
    year, month, day = parts["date-parts"][0]
    return year, month, day


def entry(item: dict[str, Any], biblatex: bool = False) -> str:
    year, month, day = _date(item["issued"])
    fields: list[tuple[str, str]] = [("author", _names(item))] if item.get("author") else []
    fields.append(("title", "{" + escape(item["title"]) + "}"))  # keep its capitals
    fields += [("type", escape(item["genre"])), ("number", escape(item["number"]))]
    if biblatex:
        fields += [
            ("institution", escape(item["publisher"])),
            ("location", escape(item["publisher-place"])),
            ("date", f"{year:04d}-{month:02d}-{day:02d}"),
            ("langid", _LANGID.get(item["language"], item["language"])),
        ]
    else:
        fields += [
            ("institution", escape(item["publisher"])),
            ("address", escape(item["publisher-place"])),
            ("year", str(year)),
            ("month", _MONTHS[month - 1]),
            ("language", _LANGID.get(item["language"], item["language"])),
        ]
    if "ISSN" in item:
        fields.append(("issn", item["ISSN"]))
    if "URL" in item:
        fields.append(("url", item["URL"]))
        if biblatex:
            accessed = _date(item["accessed"])
            fields.append(("urldate", "{:04d}-{:02d}-{:02d}".format(*accessed)))
    if "keyword" in item:
        fields.append(("keywords", escape(item["keyword"])))
    kind = "report" if biblatex else "techreport"
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@{kind}{{{item['id']},\n{body}\n}}\n"


def bibtex(items: Sequence[dict[str, Any]], biblatex: bool = False) -> str:
    return "\n".join(entry(item, biblatex) for item in items)
