"""Issues spoken by espeak-ng into WAV files: each language is heard (not silence), and
a longer text takes longer to say."""

from __future__ import annotations

import array
import math
import wave
from pathlib import Path

import pytest

from bookstore.errors import BookstoreError
from bookstore.speech.issue_text import issue_text
from bookstore.speech.wav import speak_issue_to_wav, speak_to_wav

# 16-bit samples; speech is in the thousands, silence (and dither) below a hundred.
LOUDNESS = 300


def listen(path: Path) -> tuple[float, float]:
    """(seconds, root mean square of the samples) of a 16-bit mono WAV file."""
    with wave.open(str(path), "rb") as sound:
        assert sound.getsampwidth() == 2 and sound.getnchannels() == 1
        frames = sound.readframes(sound.getnframes())
        seconds = sound.getnframes() / sound.getframerate()
    samples = array.array("h", frames)
    rms = math.sqrt(sum(s * s for s in samples) / len(samples)) if samples else 0.0
    return seconds, rms


@pytest.mark.parametrize("language", ["en", "pl", "ru"])
def test_an_issue_in_each_language_is_spoken(sample_issues, tmp_path: Path, language: str):
    issue = next(i for i in sample_issues if i.language == language)
    target = speak_issue_to_wav(issue, tmp_path / f"{language}.wav", rate=400)
    seconds, rms = listen(target)
    assert rms > LOUDNESS, (language, rms)
    words = len(issue_text(issue).split())
    assert seconds > words / 400 * 60 * 0.5  # at least half the time its words take


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("en", "The institute publishes its bulletin every week."),
        ("pl", "Instytut wydaje swój biuletyn co tydzień."),
        ("ru", "Институт выпускает свой бюллетень каждую неделю."),
    ],
)
def test_a_longer_text_gives_a_longer_sound(tmp_path: Path, language: str, sentence: str):
    one, _ = listen(speak_to_wav(sentence, language, tmp_path / "one.wav"))
    three, rms = listen(speak_to_wav(" ".join([sentence] * 3), language, tmp_path / "three.wav"))
    assert rms > LOUDNESS
    assert 2.5 * one < three < 3.5 * one


def test_a_faster_rate_gives_a_shorter_sound(tmp_path: Path):
    text = "A faster reader finishes the same lead sooner."
    slow, _ = listen(speak_to_wav(text, "en", tmp_path / "slow.wav", rate=120))
    fast, _ = listen(speak_to_wav(text, "en", tmp_path / "fast.wav", rate=360))
    assert fast < slow * 0.6


def test_a_file_that_cannot_be_written_is_named(tmp_path: Path):
    target = tmp_path / "missing" / "out.wav"
    with pytest.raises(BookstoreError) as raised:
        speak_to_wav("A sentence.", "en", target)
    assert str(raised.value).startswith(f"{target}: espeak-ng could not write the speech")
