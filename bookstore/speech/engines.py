"""The system's speech engines: which one is installed, and the command that speaks
text given on standard input in a language's voice at a speed in words a minute."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass

from bookstore.errors import BookstoreError
from bookstore.i18n.messages import N_, say

ESPEAK = "espeak-ng"
SPEECH_DISPATCHER = "spd-say"
# espeak-ng's range of speeds and its own default, in words a minute.
MIN_RATE, DEFAULT_RATE, MAX_RATE = 80, 175, 400
# espeak-ng's voices for our languages; any other language is read in English.
VOICES = {"en": "en", "pl": "pl", "ru": "ru"}
NO_ENGINE = N_("Read aloud needs espeak-ng or speech-dispatcher; neither is installed.")


class NoSpeechEngine(BookstoreError):
    """Neither espeak-ng nor speech-dispatcher is installed."""


@dataclass(frozen=True)
class Engine:
    name: str  # ESPEAK or SPEECH_DISPATCHER
    program: str  # its full path

    def command(self, language: str, rate: int) -> list[str]:
        """The program and arguments that speak standard input, in order."""
        voice = voice_for(language)
        rate = clamp_rate(rate)
        if self.name == SPEECH_DISPATCHER:
            # -w: return once spoken, so the next sentence follows; -e: text on stdin.
            return [self.program, "-w", "-e", "-l", voice, "-r", str(dispatcher_rate(rate))]
        return [self.program, "-v", voice, "-s", str(rate)]


def voice_for(language: str) -> str:
    return VOICES.get(language, VOICES["en"])


def clamp_rate(rate: int) -> int:
    return max(MIN_RATE, min(MAX_RATE, int(rate)))


def dispatcher_rate(rate: int) -> int:
    """speech-dispatcher's -100..100 for words a minute: espeak-ng's default is its 0."""
    if rate >= DEFAULT_RATE:
        return round(100 * (rate - DEFAULT_RATE) / (MAX_RATE - DEFAULT_RATE))
    return round(-100 * (DEFAULT_RATE - rate) / (DEFAULT_RATE - MIN_RATE))


def find_engine(which: Callable[[str], str | None] = shutil.which) -> Engine | None:
    """espeak-ng if it is on PATH, else speech-dispatcher's spd-say, else None."""
    for name in (ESPEAK, SPEECH_DISPATCHER):
        program = which(name)
        if program:
            return Engine(name, program)
    return None


def require_engine(which: Callable[[str], str | None] = shutil.which) -> Engine:
    engine = find_engine(which)
    if engine is None:
        raise NoSpeechEngine(say(NO_ENGINE))
    return engine
