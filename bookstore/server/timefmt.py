"""Times as the API writes them: ISO 8601 in UTC."""

from __future__ import annotations

import datetime as dt


def iso(seconds: float) -> str:
    return dt.datetime.fromtimestamp(int(seconds), dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
