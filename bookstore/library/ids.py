"""Issue ids are SQLite integers (64 bits, signed): a number outside them names no issue.

Python's sqlite3 raises OverflowError when such a number is bound to a query, so
every place that looks an id up asks ``storable`` first and treats the rest as absent.
"""

from __future__ import annotations

SMALLEST_ID = -(2**63)
LARGEST_ID = 2**63 - 1


def storable(value: int) -> bool:
    """Whether ``value`` fits in a SQLite integer (else no row can have it)."""
    return SMALLEST_ID <= value <= LARGEST_ID
