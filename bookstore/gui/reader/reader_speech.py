"""The reader's Read Aloud: the issue spoken sentence by sentence in its own language by
the system's speech engine (espeak-ng, else speech-dispatcher), the sentence being read
highlighted and kept in view, with pause, resume, stop and a remembered speed.

Each sentence is one engine process (QProcess: nothing waits on the GUI thread); when it
ends, the next one starts. Pause ends the sentence being spoken and Resume says it again
from its beginning, which works the same with every engine."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QEvent, QObject, QProcess, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QSlider, QToolBar

from bookstore.gui import settings as keys
from bookstore.gui.reader.reader_host import ReaderHost
from bookstore.gui.reader.reader_spoken import first_in_view, highlight, scroll_needed, spoken_text
from bookstore.speech.engines import MAX_RATE, MIN_RATE, Engine, clamp_rate, find_engine
from bookstore.speech.sentences import Sentence, split_sentences

READ_SHORTCUT = "Ctrl+Shift+U"
PAUSE_SHORTCUT = "Ctrl+Shift+P"
STOP_SHORTCUT = "Ctrl+Shift+X"


class State(Enum):
    IDLE = "idle"
    SPEAKING = "speaking"
    PAUSED = "paused"


class ReaderSpeech(QObject):
    """Owns the reader's Read Aloud toolbar, its engine process and the spoken sentence."""

    sentence_started = Signal(int)  # the index of the sentence the engine was given

    def __init__(self, reader: ReaderHost) -> None:
        super().__init__(reader)
        self.reader = reader
        self.state = State.IDLE
        self.sentences: list[Sentence] = []
        self.index = -1
        self.engine: Engine | None = None
        self.process: QProcess | None = None
        self.read_action = self._action(READ_SHORTCUT, self.start)
        self.pause_action = self._action(PAUSE_SHORTCUT, self.toggle_pause)
        self.stop_action = self._action(STOP_SHORTCUT, self.stop)
        self.speed = QSlider(Qt.Orientation.Horizontal)
        self.speed.setObjectName("readerSpeechSpeed")
        self.speed.setRange(MIN_RATE, MAX_RATE)
        self.speed.setSingleStep(5)
        self.speed.setPageStep(25)
        self.speed.setFixedWidth(140)
        self.speed.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.speed.setValue(clamp_rate(reader.context.settings.get(keys.READER_SPEECH_RATE)))
        self.speed.valueChanged.connect(self._speed_chosen)
        self.speed_label = QLabel()
        self.speed_label.setBuddy(self.speed)
        self.speed_label.setContentsMargins(12, 0, 4, 0)
        self.speed_value = QLabel()
        self.speed_value.setContentsMargins(4, 0, 12, 0)
        self.status = QLabel()
        self.status.setObjectName("readerSpeechStatus")
        self.toolbar = self._toolbar()
        reader.installEventFilter(self)
        reader.text.textChanged.connect(self._relight)  # laid out again: size, theme
        self._enable()
        self.retranslate()

    def _action(self, key: str, slot) -> QAction:
        action = QAction(self.reader)
        action.setShortcut(QKeySequence(key))
        action.triggered.connect(slot)
        return action

    def _toolbar(self) -> QToolBar:
        bar = QToolBar()
        bar.setObjectName("readerSpeechToolbar")
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in (self.read_action, self.pause_action, self.stop_action):
            bar.addAction(action)
            bar.widgetForAction(action).setFocusPolicy(Qt.FocusPolicy.TabFocus)
        bar.addWidget(self.speed_label)
        bar.addWidget(self.speed)
        bar.addWidget(self.speed_value)
        bar.addWidget(self.status)
        self.reader.addToolBarBreak()
        self.reader.addToolBar(bar)
        return bar

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.Close:
            self.stop()
        return False

    def retranslate(self) -> None:
        for action, text, tip in (
            (self.read_action, self.tr("Read Aloud"), self.tr("Read the issue aloud (%1)")),
            (self.pause_action, self._pause_text(), self.tr("Pause or resume reading (%1)")),
            (self.stop_action, self.tr("Stop Reading"), self.tr("Stop reading aloud (%1)")),
        ):
            action.setText(text)
            action.setToolTip(tip.replace("%1", action.shortcut().toString()))
            button = self.toolbar.widgetForAction(action)
            if button is not None:
                button.setAccessibleName(text)
        self.speed_label.setText(self.tr("Spee&d:"))
        self.speed.setAccessibleName(self.tr("Reading speed"))
        self.speed.setToolTip(self.tr("Words a minute"))
        self._show_speed()
        self.status.setAccessibleName(self.tr("Read aloud"))
        self._show_status()

    # Speaking

    def start(self) -> bool:
        """Read from the sentence at the top of the view (or the selection's); False and
        a sentence saying why when there is no speech engine or no text."""
        self.stop()
        self.engine = find_engine()
        if self.engine is None:
            self._say(self.tr(
                "Read aloud needs espeak-ng or speech-dispatcher; neither is installed."
            ))  # fmt: skip
            return False
        plain = self.reader.text.document().toPlainText()
        self.sentences = split_sentences(plain, self.reader.issue.language)
        if not self.sentences:
            return False
        self.index = first_in_view(self.reader.text, self.sentences)
        self.state = State.SPEAKING
        self._speak()
        return True

    def toggle_pause(self) -> None:
        if self.state is State.SPEAKING:
            self.state = State.PAUSED
            self._end_process()
        elif self.state is State.PAUSED:
            self.state = State.SPEAKING
            self._speak()
        self._enable()
        self._show_status()

    def stop(self) -> None:
        if self.state is State.IDLE and self.process is None:
            return
        self.state = State.IDLE
        self._end_process()
        self.index = -1
        highlight(self.reader.text, None, self.reader.theme)
        self._enable()
        self._show_status()

    def _speak(self) -> None:
        assert self.engine is not None
        sentence = self.sentences[self.index]
        highlight(self.reader.text, sentence, self.reader.theme)
        top = scroll_needed(self.reader.text, sentence)
        if top is not None:
            self.reader.scroll_to(top)
        program, *arguments = self.engine.command(self.reader.issue.language, self.speed.value())
        process = QProcess(self)
        process.finished.connect(lambda code, status: self._finished(process, code, status))
        process.errorOccurred.connect(lambda error: self._failed(process, error))
        self.process = process
        process.start(program, arguments)
        process.write(sentence.text.encode("utf-8"))  # written once the engine has started
        process.closeWriteChannel()
        self._enable()
        self._show_status()
        self.sentence_started.emit(self.index)

    def _finished(self, process: QProcess, code: int, status: QProcess.ExitStatus) -> None:
        process.deleteLater()
        if process is not self.process:
            return
        self.process = None
        if status != QProcess.ExitStatus.NormalExit or code != 0:
            self._give_up(
                self.tr("Read aloud stopped: {program} ended with exit status {code}.").format(
                    program=self.engine.name if self.engine else "", code=code
                )
            )
        elif self.index + 1 < len(self.sentences):
            self.index += 1
            self._speak()
        else:
            self.stop()

    def _failed(self, process: QProcess, error: QProcess.ProcessError) -> None:
        if process is self.process and error == QProcess.ProcessError.FailedToStart:
            self.process = None
            process.deleteLater()
            self._give_up(
                self.tr("Read aloud stopped: {program} could not be started.").format(
                    program=self.engine.name if self.engine else ""
                )
            )

    def _give_up(self, sentence: str) -> None:
        self.stop()
        self._say(sentence)

    def _end_process(self) -> None:
        """End the sentence being spoken; the process goes once it has ended, unheard."""
        process, self.process = self.process, None
        if process is None:
            return
        process.finished.disconnect()
        process.errorOccurred.disconnect()
        if process.state() == QProcess.ProcessState.NotRunning:
            process.deleteLater()
        else:
            process.finished.connect(process.deleteLater)
            process.kill()

    # What shows

    def spoken_text(self) -> str:
        return spoken_text(self.reader.text)

    def _relight(self) -> None:
        if self.state is not State.IDLE and 0 <= self.index < len(self.sentences):
            highlight(self.reader.text, self.sentences[self.index], self.reader.theme)

    def _speed_chosen(self, value: int) -> None:
        self.reader.context.settings.set(keys.READER_SPEECH_RATE, value)
        self._show_speed()

    def _show_speed(self) -> None:
        self.speed_value.setText(self.tr("%n words a minute", "", self.speed.value()))

    def _pause_text(self) -> str:
        return self.tr("Resume Reading") if self.state is State.PAUSED else self.tr("Pause Reading")

    def _enable(self) -> None:
        self.read_action.setEnabled(self.state is State.IDLE)
        self.pause_action.setEnabled(self.state is not State.IDLE)
        self.stop_action.setEnabled(self.state is not State.IDLE)
        text = self._pause_text()
        self.pause_action.setText(text)
        button = self.toolbar.widgetForAction(self.pause_action)
        if button is not None:
            button.setAccessibleName(text)

    def _show_status(self) -> None:
        if self.state is State.IDLE:
            self.status.setText("")
            return
        where = self.tr("Sentence {number} of {count}").format(
            number=self.index + 1, count=len(self.sentences)
        )
        if self.state is State.PAUSED:
            where = self.tr("Paused at sentence {number} of {count}").format(
                number=self.index + 1, count=len(self.sentences)
            )
        self.status.setText(where)

    def _say(self, sentence: str) -> None:
        self.status.setText(sentence)
        self.reader.statusBar().showMessage(sentence, 15000)
