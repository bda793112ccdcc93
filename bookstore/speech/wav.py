"""An issue spoken into a WAV file by espeak-ng (the tests listen to it this way)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from bookstore.errors import BookstoreError
from bookstore.i18n.messages import N_, say
from bookstore.model import Issue
from bookstore.speech.engines import DEFAULT_RATE, ESPEAK, Engine, NoSpeechEngine
from bookstore.speech.issue_text import issue_text

# espeak-ng speaks a few hundred times faster than real time; this bounds a stuck one.
TIMEOUT_SECONDS = 300
WAV_HEADER = 44  # bytes; a file no longer holds no sound


def speak_to_wav(text: str, language: str, target: Path, rate: int = DEFAULT_RATE) -> Path:
    """Speak ``text`` in ``language``'s voice into the WAV file ``target``."""
    program = shutil.which(ESPEAK)
    if program is None:
        raise NoSpeechEngine(
            say(N_("Speaking to a WAV file needs espeak-ng; it is not installed."))
        )
    command = [*Engine(ESPEAK, program).command(language, rate), "-w", str(target)]
    target.unlink(missing_ok=True)  # an older file must not pass for this one
    try:
        done = subprocess.run(
            command, input=text.encode("utf-8"), capture_output=True, timeout=TIMEOUT_SECONDS
        )
    except subprocess.TimeoutExpired as error:
        raise BookstoreError(
            say(N_("{file}: espeak-ng gave no answer in {seconds} s."),
                file=str(target), seconds=TIMEOUT_SECONDS)
        ) from error  # fmt: skip
    # espeak-ng exits 0 when it cannot write the file: the file itself is what tells.
    if done.returncode != 0 or not target.is_file() or target.stat().st_size <= WAV_HEADER:
        said = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise BookstoreError(
            say(N_("{file}: espeak-ng could not write the speech (exit status {code}): {said}"),
                file=str(target), code=done.returncode, said=said[-1] if said else "")
        )  # fmt: skip
    return target


def speak_issue_to_wav(issue: Issue, target: Path, rate: int = DEFAULT_RATE) -> Path:
    return speak_to_wav(issue_text(issue), issue.language, target, rate)
