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


def speak_to_wav(text: str, language: str, target: Path, rate: int = DEFAULT_RATE) -> Path:
    """Speak ``text`` in ``language``'s voice into the WAV file ``target``."""
    program = shutil.which(ESPEAK)
    if program is None:
        raise NoSpeechEngine(
            say(N_("Speaking to a WAV file needs espeak-ng; it is not installed."))
        )
    command = [*Engine(ESPEAK, program).command(language, rate), "-w", str(target)]
    try:
        subprocess.run(
            command,
            input=text.encode("utf-8"),
            capture_output=True,
            check=True,
            timeout=TIMEOUT_SECONDS,
        )
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as error:
        raise BookstoreError(
            say(N_("{file}: espeak-ng could not write the speech ({reason})."),
                file=str(target), reason=_reason(error))
        ) from error  # fmt: skip
    return target


def speak_issue_to_wav(issue: Issue, target: Path, rate: int = DEFAULT_RATE) -> Path:
    return speak_to_wav(issue_text(issue), issue.language, target, rate)


def _reason(error: subprocess.CalledProcessError | subprocess.TimeoutExpired) -> str:
    if isinstance(error, subprocess.TimeoutExpired):
        return f"no answer in {TIMEOUT_SECONDS} s"
    stderr = (error.stderr or b"").decode("utf-8", "replace").strip().splitlines()
    return stderr[-1] if stderr else f"exit status {error.returncode}"
