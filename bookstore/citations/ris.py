"""CSL-JSON items as RIS records (``TY  - RPRT``), the format reference managers import."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


def _line(tag: str, value: str) -> str:
    return f"{tag}  - {' '.join(value.split())}"


def record(item: dict[str, Any]) -> str:
    year, month, day = item["issued"]["date-parts"][0]
    lines = [_line("TY", "RPRT"), _line("ID", item["id"])]
    for name in item.get("author", []):
        written = name.get("literal") or f"{name['family']}, {name['given']}"
        lines.append(_line("AU", written))
    lines += [
        _line("TI", item["title"]),
        _line("T3", item["collection-title"]),
        _line("IS", item["number"]),
        _line("PY", str(year)),
        _line("DA", f"{year:04d}/{month:02d}/{day:02d}"),
        _line("PB", item["publisher"]),
        _line("CY", item["publisher-place"]),
        _line("LA", item["language"]),
    ]
    if "ISSN" in item:
        lines.append(_line("SN", item["ISSN"]))
    if "URL" in item:
        lines.append(_line("UR", item["URL"]))
        accessed = item["accessed"]["date-parts"][0]
        lines.append(_line("Y2", "{:04d}/{:02d}/{:02d}".format(*accessed)))
    for topic in item.get("keyword", "").split(", "):
        if topic:
            lines.append(_line("KW", topic))
    if "abstract" in item:
        lines.append(_line("AB", item["abstract"]))
    lines.append("ER  - ")
    return "\n".join(lines) + "\n"


def ris(items: Sequence[dict[str, Any]]) -> str:
    return "\n".join(record(item) for item in items)
