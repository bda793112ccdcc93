"""``--timeout SECONDS`` for the commands that talk to a store or a feed."""

from __future__ import annotations

import argparse
import math

MAX_SECONDS = 86_400.0  # a day; more does not fit every platform's socket timeout


def seconds(text: str) -> float:
    """A positive number of seconds (argparse turns the error into a usage message)."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}” is not a number of seconds") from None
    if not math.isfinite(value) or value <= 0:
        raise argparse.ArgumentTypeError(
            f"“{text}” is not a wait: give a number of seconds greater than 0, such as 30"
        )
    if value > MAX_SECONDS:
        raise argparse.ArgumentTypeError(
            f"“{text}” seconds is more than a day; give at most {MAX_SECONDS:g}"
        )
    return value


def add_timeout(parser: argparse.ArgumentParser, what: str) -> None:
    parser.add_argument(
        "--timeout",
        type=seconds,
        default=30.0,
        metavar="SECONDS",
        help=f"give up when {what} sends nothing for this long (default 30), or when one "
        "page or feed takes four times this in all",
    )
