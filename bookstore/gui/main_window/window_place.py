"""Where the window was left: the sidebar's choice, the search and the issue shown,
kept in the settings and given back at the next start."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from bookstore.gui import settings as keys
from bookstore.gui.settings import Settings
from bookstore.gui.widgets.sidebar import SavedTarget
from bookstore.library.listing import Scope

_SCOPE_FIELDS = {field.name for field in fields(Scope)}


@dataclass(frozen=True)
class Place:
    target: Scope | SavedTarget
    query: str
    issue_id: int | None


def remember_place(settings: Settings, library: Path, place: Place) -> None:
    target = place.target
    chosen = (
        {"saved": asdict(target)} if isinstance(target, SavedTarget) else {"scope": asdict(target)}
    )
    data = {"library": str(library), **chosen, "query": place.query, "issue": place.issue_id}
    settings.set(keys.WINDOW_PLACE, json.dumps(data, ensure_ascii=False))


def read_place(settings: Settings, library: Path) -> Place | None:
    """The place remembered in ``library``, or None when there is none or it cannot be
    read (a place kept by another version is forgotten, not an error)."""
    try:
        data = json.loads(settings.get(keys.WINDOW_PLACE) or "null")
        if not isinstance(data, dict) or data.get("library") != str(library):
            return None
        if "saved" in data:
            target: Scope | SavedTarget = SavedTarget(
                str(data["saved"]["name"]), str(data["saved"]["query"])
            )
        else:
            scope = {k: v for k, v in dict(data.get("scope") or {}).items() if k in _SCOPE_FIELDS}
            target = Scope(**scope)
        issue = data.get("issue")
        return Place(
            target, str(data.get("query") or ""), issue if isinstance(issue, int) else None
        )
    except (ValueError, TypeError, KeyError, AttributeError):
        return None
