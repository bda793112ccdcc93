"""What is read aloud of an issue when no reader shows it: its title, authors, lead and
sections, one paragraph a line."""

from __future__ import annotations

from bookstore.model import Issue


def issue_text(issue: Issue) -> str:
    lines = [issue.title, ", ".join(issue.authors), issue.lead]
    for section in issue.sections:
        lines += [section.heading or "", *section.paragraphs]
    return "\n".join(line.strip() for line in lines if line and line.strip())
