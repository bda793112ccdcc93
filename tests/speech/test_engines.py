"""The engine found on PATH, its command for each language and speed, and the sentence
said when there is none."""

from __future__ import annotations

import pytest

from bookstore.i18n.words import Words
from bookstore.speech.engines import (
    DEFAULT_RATE,
    MAX_RATE,
    MIN_RATE,
    Engine,
    NoSpeechEngine,
    dispatcher_rate,
    find_engine,
    require_engine,
    voice_for,
)


def installed(*names: str):
    return lambda name: f"/usr/bin/{name}" if name in names else None


def test_espeak_ng_is_preferred_then_speech_dispatcher():
    assert find_engine(installed("espeak-ng", "spd-say")) == Engine(
        "espeak-ng", "/usr/bin/espeak-ng"
    )
    assert find_engine(installed("spd-say")) == Engine("spd-say", "/usr/bin/spd-say")
    assert find_engine(installed()) is None


def test_without_an_engine_one_sentence_says_so():
    with pytest.raises(NoSpeechEngine) as raised:
        require_engine(installed())
    assert str(raised.value) == (
        "Read aloud needs espeak-ng or speech-dispatcher; neither is installed."
    )
    assert Words.load("en").say(raised.value) == str(raised.value)


@pytest.mark.parametrize(
    ("language", "voice"), [("en", "en"), ("pl", "pl"), ("ru", "ru"), ("de", "en")]
)
def test_the_voice_follows_the_issues_language(language: str, voice: str):
    assert voice_for(language) == voice
    command = Engine("espeak-ng", "/usr/bin/espeak-ng").command(language, 200)
    assert command == ["/usr/bin/espeak-ng", "-v", voice, "-s", "200"]


def test_the_speed_is_kept_within_espeaks_range():
    engine = Engine("espeak-ng", "espeak-ng")
    assert engine.command("en", 10)[-1] == str(MIN_RATE)
    assert engine.command("en", 9000)[-1] == str(MAX_RATE)


def test_speech_dispatcher_reads_stdin_waits_and_takes_its_own_rate():
    command = Engine("spd-say", "/usr/bin/spd-say").command("pl", DEFAULT_RATE)
    assert command == ["/usr/bin/spd-say", "-w", "-e", "-l", "pl", "-r", "0"]
    assert dispatcher_rate(MAX_RATE) == 100
    assert dispatcher_rate(MIN_RATE) == -100
    assert dispatcher_rate(250) > 0 > dispatcher_rate(120)
