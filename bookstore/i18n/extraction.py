"""Finding the messages to translate in our sources, for ``packaging/translations.py``.

Three kinds of source: the core's Python (``N_``, ``say`` and ``say_plural``), the
window's Python (Qt's ``self.tr(...)`` and ``QCoreApplication.translate(...)``, whose
context is the class they are called in, as Qt looks them up) and the storefront's
Jinja2 templates (``_``, ``gettext``, ``ngettext``). Nothing here runs in the application.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from babel.messages.catalog import Catalog
from babel.messages.extract import extract

# How each marker's arguments map to messages (babel's keyword specs).
CORE_KEYWORDS: dict[str, Any] = {"N_": None, "say": None, "say_plural": (1, 2)}
QT_KEYWORDS: dict[str, Any] = {"gettext": None, "pgettext": ((1, "c"), 2),
                               "npgettext": ((1, "c"), 2, 3)}  # fmt: skip
TEMPLATE_KEYWORDS: dict[str, Any] = {"_": None, "gettext": None, "ngettext": (1, 2)}


def extract_qt(
    fileobj: IO[bytes], keywords: Any, comment_tags: Any, options: Any
) -> Iterator[tuple[int, str, tuple[str, ...] | str, list[str]]]:
    """Qt's ``tr()`` calls, each in the context of the class it is written in."""
    tree = ast.parse(fileobj.read())
    yield from _qt_calls(tree, None)


def _qt_calls(node: ast.AST, context: str | None) -> Iterator[Any]:
    # Walked with an explicit stack: a class's name is the context of the calls inside it.
    stack: list[tuple[ast.AST, str | None]] = [(node, context)]
    while stack:
        current, inside = stack.pop()
        if isinstance(current, ast.ClassDef):
            inside = current.name
        if isinstance(current, ast.Call):
            found = _qt_message(current, inside)
            if found:
                yield found
        stack.extend((child, inside) for child in ast.iter_child_nodes(current))


def _qt_message(call: ast.Call, context: str | None) -> Any:
    if not isinstance(call.func, ast.Attribute | ast.Name):
        return None
    name = call.func.attr if isinstance(call.func, ast.Attribute) else call.func.id
    args = [a.value if isinstance(a, ast.Constant) else None for a in call.args]
    if name == "translate" and len(args) >= 2 and all(isinstance(a, str) for a in args[:2]):
        context, args = args[0], args[1:]
    elif name != "tr" or not args or not isinstance(args[0], str):
        return None
    source = args[0]
    if len(args) > 1 and isinstance(args[1], str) and args[1]:
        context = f"{context}|{args[1]}"
    plural = len(args) >= 3 or any(k.arg == "n" for k in call.keywords)
    if context is None:
        return (call.lineno, "gettext", source, [])
    if plural:
        return (call.lineno, "npgettext", (context, source, source), [])
    return (call.lineno, "pgettext", (context, source), [])


def collect(root: Path) -> Catalog:
    """Every message of the package under ``root`` (the repository), in one catalog."""
    catalog = Catalog(project="Bookstore", charset="utf-8")
    package = root / "bookstore"
    for path in sorted(package.rglob("*.py")):
        relative = path.relative_to(package)
        qt = relative.parts[0] == "gui"
        with path.open("rb") as source:
            found = extract(
                extract_qt if qt else "python",
                source,
                QT_KEYWORDS if qt else CORE_KEYWORDS,
            )
            _add(catalog, found, path.relative_to(root))
    for path in sorted(package.rglob("templates/*.html")):
        with path.open("rb") as source:
            found = extract(
                "jinja2.ext:babel_extract",
                source,
                TEMPLATE_KEYWORDS,
                options={"trim_blocks": "true", "lstrip_blocks": "true"},
            )
            _add(catalog, found, path.relative_to(root))
    return catalog


def _add(catalog: Catalog, found: Any, path: Path) -> None:
    for lineno, message, comments, context in found:
        catalog.add(message, locations=[(str(path), lineno)], auto_comments=comments,
                    context=context)  # fmt: skip
