"""The status bar's right side: the running job, its progress and a Cancel button."""

from __future__ import annotations

from collections.abc import Collection

from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from bookstore.gui.operations.workers import JobHandle, Workers


class JobStatus(QWidget):
    def __init__(
        self, workers: Workers, parent: QWidget | None = None, hidden: Collection[str] = ()
    ) -> None:
        """Jobs on a channel in ``hidden`` are left out: the status bar shows them otherwise."""
        super().__init__(parent)
        self.workers = workers
        self.hidden = frozenset(hidden)
        self.label = QLabel()
        self.bar = QProgressBar()
        self.bar.setRange(0, 1000)
        self.bar.setFixedWidth(160)
        self.bar.setTextVisible(False)
        self.cancel = QPushButton()
        self.cancel.clicked.connect(self._cancel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 6, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel)
        workers.running_changed.connect(self.update_job)
        self.retranslate()
        self.update_job()

    def retranslate(self) -> None:
        self.cancel.setText(self.tr("Cancel"))
        self.cancel.setAccessibleName(self.tr("Cancel the running job"))
        self.bar.setAccessibleName(self.tr("Progress of the running job"))
        self.update_job()

    def _running(self) -> list[JobHandle]:
        return [job for job in self.workers.running() if job.channel not in self.hidden]

    def update_job(self) -> None:
        running = self._running()
        self.setVisible(bool(running))
        if not running:
            self.label.clear()  # a finished job's name is not kept (nor left in old words)
            return
        job = running[0]
        fraction, _message = job.progress
        more = len(running) - 1
        text = (
            job.name
            if not more
            else self.tr("{job} (and {more} more)").format(job=job.name, more=more)
        )
        self.label.setText(text)
        self.bar.setValue(int(fraction * 1000))
        self.bar.setAccessibleDescription(f"{int(fraction * 100)} %")

    def _cancel(self) -> None:
        for job in self._running()[:1]:
            job.cancel()
