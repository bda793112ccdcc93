"""The part of the CSL data model (CSL 1.0.2, "Appendix IV: Variables") that an issue's
record uses, as a JSON Schema: an item is an object whose keys are CSL variables, names
are lists of name objects, dates have ``date-parts``, the rest are strings or numbers.
Any key that is not a CSL variable fails."""

from __future__ import annotations

_DATE = {
    "type": "object",
    "properties": {
        "date-parts": {
            "type": "array",
            "minItems": 1,
            "maxItems": 2,
            "items": {
                "type": "array",
                "minItems": 1,
                "maxItems": 3,
                "items": {"type": "integer"},
            },
        },
        "literal": {"type": "string"},
    },
    "additionalProperties": False,
}
_NAMES = {
    "type": "array",
    "items": {
        "type": "object",
        "properties": {
            "family": {"type": "string", "minLength": 1},
            "given": {"type": "string"},
            "literal": {"type": "string", "minLength": 1},
        },
        "anyOf": [{"required": ["family"]}, {"required": ["literal"]}],
        "additionalProperties": False,
    },
}
_TEXT = {"type": "string", "minLength": 1}
_NUMBER = {"type": ["string", "number"]}
# Item types of CSL 1.0.2 (the ones a brief could be).
TYPES = ["report", "article", "article-journal", "article-newspaper", "book", "document"]

CSL_ITEM = {
    "type": "object",
    "required": ["id", "type", "title"],
    "properties": {
        "id": {"type": "string", "pattern": r"^\S+$"},
        "type": {"enum": TYPES},
        **{name: _NAMES for name in ("author", "editor")},
        **{name: _DATE for name in ("issued", "accessed")},
        **{
            name: _TEXT
            for name in (
                "title",
                "publisher",
                "publisher-place",
                "genre",
                "collection-title",
                "language",
                "URL",
                "ISSN",
                "keyword",
                "abstract",
            )
        },
        **{name: _NUMBER for name in ("number", "collection-number")},
    },
    "additionalProperties": False,
}
