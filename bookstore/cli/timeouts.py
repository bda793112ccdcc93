"""``--timeout SECONDS`` for the commands that talk to a store or a feed."""

from __future__ import annotations

import argparse
import math

from bookstore.i18n.messages import N_, say

MAX_SECONDS = 86_400.0  # a day; more does not fit every platform's socket timeout


def seconds(text: str) -> float:
    """A positive number of seconds (argparse turns the error into a usage message)."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            say("“{text}” is not a number of seconds", text=text)
        ) from None
    if not math.isfinite(value) or value <= 0:
        raise argparse.ArgumentTypeError(
            say("“{text}” is not a wait: give a number of seconds greater than 0, such as 30",
                text=text)
        )  # fmt: skip
    if value > MAX_SECONDS:
        most = f"{MAX_SECONDS:g}"
        raise argparse.ArgumentTypeError(
            say("“{text}” seconds is more than a day; give at most {most}", text=text, most=most)
        )
    return value


_STORE_HELP = N_(
    "give up when the store sends nothing for this long (default 30), or when one "
    "page or feed takes four times this in all"
)
_FEED_HELP = N_(
    "give up when a feed sends nothing for this long (default 30), or when one "
    "page or feed takes four times this in all"
)


def add_timeout(parser: argparse.ArgumentParser, store: bool) -> None:
    """``--timeout`` for a command that talks to a store (``store``) or to feeds."""
    parser.add_argument(
        "--timeout",
        type=seconds,
        default=30.0,
        metavar=N_("SECONDS"),
        help=_STORE_HELP if store else _FEED_HELP,
    )
