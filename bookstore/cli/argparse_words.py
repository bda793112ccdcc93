"""argparse's own sentences in the shell's language.

argparse writes its words in English through ``gettext`` of its own module; rather than
patch that module, our parser says them again: ``error()`` receives argparse's English
sentence, which is matched against the templates below and written with the template's
translation from our catalog. A sentence that matches none (ours, already translated)
is left as it is.
"""

from __future__ import annotations

import re
from functools import cache

from bookstore.i18n.messages import N_
from bookstore.i18n.words import Words

USAGE = N_("usage: ")
SECTIONS = (N_("positional arguments"), N_("options"))
HELP = N_("show this help message and exit")
VERSION = N_("show the version and exit")
ERROR = N_("%(prog)s: error: %(message)s\n")
# argparse's error sentences (Python 3.11), the one that wraps the others first.
ARGUMENT = N_("argument %(argument_name)s: %(message)s")
TEMPLATES = (
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("not allowed with argument %s"),
    N_("unrecognized arguments: %s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("invalid %(type)s value: %(value)r"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("ignored explicit argument %r"),
)
_FIELD = re.compile(r"%(?:\((\w+)\))?[sr]")


@cache
def _pattern(template: str) -> re.Pattern[str]:
    """A regular expression that matches what ``template`` writes, a group per field."""
    parts, last, count = [], 0, 0
    for found in _FIELD.finditer(template):
        parts.append(re.escape(template[last : found.start()]))
        parts.append(f"(?P<{found[1] or f'_{count}'}>.+?)")
        last, count = found.end(), count + 1
    parts.append(re.escape(template[last:]))
    return re.compile("".join(parts), re.DOTALL)


def _refill(template: str, fields: dict[str, str], words: Words, sentence: str) -> str:
    """The translation of ``template`` with the fields argparse wrote (already quoted);
    ``sentence`` as it was if the translation does not fit them."""
    translated = words.text(template).replace("%r", "%s")
    translated = re.sub(r"%\((\w+)\)r", r"%(\1)s", translated)
    try:
        if any(name.startswith("_") for name in fields):
            return translated % tuple(fields.values())
        return translated % fields
    except (KeyError, TypeError, ValueError):
        return sentence


def say_argparse(sentence: str, words: Words) -> str:
    """argparse's English ``sentence`` in ``words``' language."""
    found = _pattern(ARGUMENT).fullmatch(sentence)
    if found:
        inner = say_argparse(found["message"], words)
        fields = {"argument_name": found["argument_name"], "message": inner}
        return _refill(ARGUMENT, fields, words, sentence)
    for template in TEMPLATES:
        found = _pattern(template).fullmatch(sentence)
        if found:
            return _refill(template, found.groupdict(), words, sentence)
    return sentence
