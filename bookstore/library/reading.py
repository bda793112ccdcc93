"""Where the reader was in each issue, and at which font size."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from bookstore.library.library import Library

MIN_FONT_STEP, MAX_FONT_STEP = -4, 8


@dataclass(frozen=True)
class ReadingState:
    position: float = 0.0  # 0.0 (top) to 1.0 (end)
    font_step: int = 0  # 0: the default size


def reading_state(library: Library, issue_id: int) -> ReadingState:
    row = library.db.execute(
        "SELECT position, font_step FROM reading_state WHERE issue_id = ?", (issue_id,)
    ).fetchone()
    return ReadingState(*row) if row else ReadingState()


def remember_reading(library: Library, issue_id: int, state: ReadingState) -> None:
    position = min(1.0, max(0.0, state.position))
    step = min(MAX_FONT_STEP, max(MIN_FONT_STEP, state.font_step))
    with library.transaction():
        library.db.execute(
            "INSERT INTO reading_state (issue_id, position, font_step, updated_at) "
            "VALUES (?, ?, ?, ?) ON CONFLICT (issue_id) DO UPDATE SET "
            "position = excluded.position, font_step = excluded.font_step, "
            "updated_at = excluded.updated_at",
            (issue_id, position, step, dt.datetime.now(dt.UTC).isoformat(timespec="seconds")),
        )
