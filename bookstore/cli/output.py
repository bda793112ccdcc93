"""Printing issues for people (text) and for programs (JSON)."""

from __future__ import annotations

import json
import re
import sys
from typing import Any, TextIO

from bookstore.catalog_json import issue_to_json, series_to_json
from bookstore.library.library import SearchHit
from bookstore.model import Issue, Series

# Escape sequences (CSI, OSC and the like), other control characters, and the bidi
# controls that reorder what a terminal shows.
_ESCAPES = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-_])")
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def printable(text: str, one_line: bool = True) -> str:
    """What a store or a feed said, safe to print on a terminal: escape sequences and
    control characters removed (line breaks and tabs become spaces on one line)."""
    text = _ESCAPES.sub("", str(text))
    if one_line:
        text = " ".join(text.split())  # line breaks, tabs and CR become single spaces
    return _CONTROLS.sub("", text)


def print_json(data: Any, out: TextIO | None = None) -> None:
    out = out or sys.stdout
    json.dump(data, out, ensure_ascii=False, indent=2)
    out.write("\n")


def snippet_html(snippet: str) -> str:
    """The snippet as an HTML fragment with its hits in <mark>."""
    import html  # only for JSON: it reads the table of every HTML entity

    escaped = html.escape(snippet, quote=False)
    return escaped.replace("\x02", "<mark>").replace("\x03", "</mark>")


def snippet_text(snippet: str, out: TextIO) -> str:
    if out.isatty():
        return snippet.replace("\x02", "\x1b[1m").replace("\x03", "\x1b[0m")
    return snippet.replace("\x02", "[").replace("\x03", "]")


def hit_to_json(hit: SearchHit) -> dict[str, Any]:
    return {**issue_to_json(hit.issue), "snippet": snippet_html(hit.snippet)}


def issue_line(issue: Issue) -> str:
    price = (
        "free"
        if issue.is_free or issue.price is None
        else f"{issue.price.amount:.2f} {issue.price.currency}"
    )
    owned = "owned" if issue.owned else price
    return (
        f"{issue.id:>6}  {issue.date.isoformat()}  {issue.language}  "
        f"{printable(issue.label)}: {printable(issue.title)}  [{owned}]"
    )


def print_issues(issues: list[Issue], out: TextIO | None = None) -> None:
    out = out or sys.stdout
    for issue in issues:
        out.write(issue_line(issue) + "\n")


def print_hits(hits: list[SearchHit], out: TextIO | None = None) -> None:
    out = out or sys.stdout
    for hit in hits:
        out.write(issue_line(hit.issue) + "\n")
        if hit.snippet:
            out.write("        " + snippet_text(hit.snippet, out) + "\n")


def print_issue(issue: Issue, out: TextIO | None = None) -> None:
    out = out or sys.stdout
    lines = [
        issue.label,
        issue.title,
        f"{issue.date.isoformat()} · {', '.join(issue.authors) or 'no author'} · {issue.language}",
    ]
    if issue.topics:
        lines.append("Topics: " + ", ".join(issue.topics))
    if issue.source_url:
        lines.append(issue.source_url)
    lines += ["", issue.lead]
    for section in issue.sections:
        lines.append("")
        if section.heading:
            lines += [section.heading, ""]
        lines.append("\n\n".join(section.paragraphs))
    out.write(printable("\n".join(lines), one_line=False) + "\n")


def print_series(series: list[Series], counts: dict[str, int], out: TextIO | None = None) -> None:
    out = out or sys.stdout
    for entry in series:
        price = f"{entry.price.amount:.2f} {entry.price.currency}" if entry.price else "free"
        issn = f"ISSN {entry.issn}" if entry.issn else ""
        out.write(
            f"{entry.slug:<16} {entry.name:<24} {counts.get(entry.slug, 0):>6} issues  {price:<10} {issn}\n"
        )


def series_json(series: list[Series], counts: dict[str, int]) -> list[dict[str, Any]]:
    return [{**series_to_json(s), "issues": counts.get(s.slug, 0)} for s in series]
