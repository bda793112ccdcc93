"""The reader's Read Aloud with a stand-in engine: a script named espeak-ng on PATH that
writes down its arguments and what it was given to say, then takes a moment to say it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication

from bookstore.gui import settings as keys
from bookstore.gui.dialogs.about import ShortcutsDialog
from bookstore.gui.reader.reader import ReaderWindow
from bookstore.gui.reader.reader_speech import State
from bookstore.speech.sentences import split_sentences

FAKE_ENGINE = """#!/bin/sh
said=$(/bin/cat)
printf '%s\\t%s\\n' "$*" "$said" >> "{log}"
exec /bin/sleep "$(/bin/cat "{delay}")"
"""


class FakeEngine:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.log = folder / "said.txt"
        self.delay_file = folder / "delay"
        self.delay(0)
        script = folder / "espeak-ng"
        script.write_text(FAKE_ENGINE.format(log=self.log, delay=self.delay_file))
        script.chmod(0o755)

    def delay(self, seconds: float) -> None:
        """How long each sentence takes to say (a paused one is cut short)."""
        self.delay_file.write_text(str(seconds))

    def calls(self) -> list[tuple[list[str], str]]:
        if not self.log.exists():
            return []
        lines = self.log.read_text(encoding="utf-8").splitlines()
        return [(args.split(), said) for args, said in (line.split("\t", 1) for line in lines)]


@pytest.fixture
def engine(tmp_path: Path, monkeypatch) -> FakeEngine:
    folder = tmp_path / "bin"
    folder.mkdir()
    monkeypatch.setenv("PATH", str(folder))
    return FakeEngine(folder)


def reader_for(window, qtbot, language: str) -> ReaderWindow:
    issue = next(i for i in window.context.library.list_issues() if i.language == language)
    reader = ReaderWindow(window.context, issue, window)
    reader.show()
    qtbot.waitExposed(reader)
    reader.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is reader)
    return reader


def started(window, qtbot, engine: FakeEngine, delay: float = 30) -> ReaderWindow:
    """A reader whose first sentence the engine is saying (for ``delay`` seconds)."""
    engine.delay(delay)
    reader = reader_for(window, qtbot, "en")
    reader.speech.start()
    qtbot.waitUntil(lambda: len(engine.calls()) == 1, timeout=5000)
    return reader


@pytest.mark.parametrize("language", ["en", "pl", "ru"])
def test_sentences_are_spoken_in_turn_and_highlighted(window, qtbot, engine, language):
    reader = reader_for(window, qtbot, language)
    speech = reader.speech
    spoken: list[tuple[int, str]] = []
    speech.sentence_started.connect(lambda index: spoken.append((index, speech.spoken_text())))
    with qtbot.waitSignal(speech.sentence_started, timeout=5000):
        speech.read_action.trigger()
    qtbot.waitUntil(lambda: len(spoken) >= 3, timeout=10000)
    speech.stop()
    assert [index for index, _ in spoken[:3]] == [0, 1, 2]
    for index, highlighted in spoken[:3]:
        assert highlighted == speech.sentences[index].text  # the sentence read is the one lit
    calls = engine.calls()
    assert [said for _args, said in calls[:2]] == [speech.sentences[i].text for i in (0, 1)]
    args = calls[0][0]
    assert args[args.index("-v") + 1] == language
    reader.close()


def test_pause_resume_and_stop(window, qtbot, engine):
    reader = started(window, qtbot, engine)
    speech = reader.speech
    assert speech.state is State.SPEAKING and speech.index == 0
    assert speech.status.text() == f"Sentence 1 of {len(speech.sentences)}"
    qtbot.keySequence(reader, QKeySequence("Ctrl+Shift+P"))
    assert speech.state is State.PAUSED
    assert speech.pause_action.text() == "Resume Reading"
    assert speech.spoken_text() == speech.sentences[0].text  # the place stays lit
    reader.set_font_step(2)  # the text laid out again keeps it lit
    assert speech.spoken_text() == speech.sentences[0].text
    engine.delay(0)
    qtbot.keySequence(reader, QKeySequence("Ctrl+Shift+P"))  # the same sentence, from its start
    qtbot.waitUntil(lambda: speech.index >= 2, timeout=10000)
    said = [text for _args, text in engine.calls()]
    assert said[:3] == [speech.sentences[i].text for i in (0, 0, 1)]
    engine.delay(30)
    qtbot.waitUntil(lambda: speech.process is not None, timeout=5000)
    qtbot.keySequence(reader, QKeySequence("Ctrl+Shift+X"))
    assert speech.state is State.IDLE and speech.process is None
    assert speech.spoken_text() == ""
    assert speech.read_action.isEnabled() and not speech.stop_action.isEnabled()
    reader.close()


def test_speed_sets_the_rate_and_is_remembered(window, qtbot, engine):
    window.context.settings.set(keys.READER_SPEECH_RATE, 260)
    reader = started(window, qtbot, engine, delay=0.3)
    speech = reader.speech
    speech.speed.setValue(120)  # from the next sentence on
    qtbot.waitUntil(lambda: len(engine.calls()) >= 2, timeout=5000)
    speech.stop()
    rates = [args[args.index("-s") + 1] for args, _said in engine.calls()[:2]]
    assert rates == ["260", "120"]
    assert window.context.settings.get(keys.READER_SPEECH_RATE) == 120
    assert speech.speed_value.text() == "120 words a minute"
    reader.close()
    again = reader_for(window, qtbot, "en")
    assert again.speech.speed.value() == 120
    again.close()


def test_reading_starts_at_the_selection(window, qtbot, engine):
    reader = reader_for(window, qtbot, "en")
    speech = reader.speech
    fifth = split_sentences(reader.text.document().toPlainText(), "en")[4]
    cursor = reader.text.textCursor()
    cursor.setPosition(fifth.start + 1)
    cursor.setPosition(fifth.start + 3, cursor.MoveMode.KeepAnchor)
    reader.text.setTextCursor(cursor)
    engine.delay(30)
    speech.start()
    assert speech.index == 4
    assert speech.spoken_text() == fifth.text
    speech.stop()
    reader.close()


def test_the_view_follows_the_sentence_being_read(window, qtbot, engine):
    engine.delay(30)
    reader = reader_for(window, qtbot, "en")
    reader.resize(700, 400)
    qtbot.waitUntil(lambda: reader.text.verticalScrollBar().maximum() > 0)
    last = split_sentences(reader.text.document().toPlainText(), "en")[-1]
    cursor = reader.text.textCursor()
    cursor.setPosition(last.start)
    cursor.setPosition(last.end, cursor.MoveMode.KeepAnchor)
    reader.text.setTextCursor(cursor)
    reader.text.verticalScrollBar().setValue(0)
    reader.speech.start()
    assert reader.text.verticalScrollBar().value() > 0
    start = reader.text.document().find(last.text[:20])
    rect = reader.text.cursorRect(start)
    assert 0 <= rect.top() < reader.text.viewport().height()
    reader.speech.stop()
    reader.close()


def test_without_an_engine_the_action_says_so(window, qtbot, tmp_path, monkeypatch):
    empty = tmp_path / "nothing"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    reader = reader_for(window, qtbot, "en")
    speech = reader.speech
    qtbot.keySequence(reader, QKeySequence("Ctrl+Shift+U"))
    expected = "Read aloud needs espeak-ng or speech-dispatcher; neither is installed."
    assert speech.status.text() == expected
    assert reader.statusBar().currentMessage() == expected
    assert speech.state is State.IDLE and speech.read_action.isEnabled()
    reader.close()


def test_an_engine_that_fails_stops_reading_with_a_sentence(window, qtbot, tmp_path, monkeypatch):
    folder = tmp_path / "broken"
    folder.mkdir()
    script = folder / "espeak-ng"
    script.write_text("#!/bin/sh\nexit 3\n")
    script.chmod(0o755)
    monkeypatch.setenv("PATH", str(folder))
    reader = reader_for(window, qtbot, "en")
    reader.speech.start()
    qtbot.waitUntil(lambda: reader.speech.state is State.IDLE, timeout=5000)
    assert reader.speech.status.text() == (
        "Read aloud stopped: espeak-ng ended with exit status 3."
    )
    reader.close()


def test_closing_the_reader_stops_the_engine(window, qtbot, engine):
    reader = started(window, qtbot, engine)
    speech = reader.speech
    pid = speech.process.processId()
    reader.close()
    assert speech.process is None
    qtbot.waitUntil(lambda: not _running(pid), timeout=5000)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
        return stat.read().split()[2] != "Z"  # a zombie has ended


def test_the_keys_are_the_readers_own_and_listed_in_keyboard_shortcuts(window, qtbot, engine):
    reader = reader_for(window, qtbot, "en")
    speech = reader.speech
    keys_in_reader = [
        sequence.toString()
        for action in reader.findChildren(QAction)
        for sequence in action.shortcuts()
    ]
    assert len(keys_in_reader) == len(set(keys_in_reader))  # none taken twice
    for action in (speech.read_action, speech.pause_action, speech.stop_action):
        assert action.shortcut().toString() in keys_in_reader
    rows = dict(ShortcutsDialog(window).rows())
    assert rows["Ctrl+Shift+U, Ctrl+Shift+P, Ctrl+Shift+X"].startswith("Reader: read aloud")
    names = {
        speech.toolbar.widgetForAction(action).accessibleName()
        for action in (speech.read_action, speech.pause_action, speech.stop_action)
    }
    assert names == {"Read Aloud", "Pause Reading", "Stop Reading"}
    assert speech.speed.accessibleName() == "Reading speed"
    assert speech.speed_label.buddy() is speech.speed
    reader.close()
