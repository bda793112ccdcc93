"""Long work on QThreadPool, its results delivered on the GUI thread.

A task is a plain function of a ``Job`` (the Qt-free contract in ``bookstore.jobs``):
it reports progress and checks for cancellation through the Job and runs the same
way from the CLI or a test. ``Workers.submit`` runs it on the pool; the workers emit
the signals of one ``Dispatcher`` that lives on the GUI thread, so every callback runs
there. Each task has a job id; a task submitted on a *channel* makes older tasks on
that channel stale: they are cancelled and whatever they still deliver is dropped.

Threading rule: a task never touches widgets or the GUI thread's Library; it opens
its own Library (see ``AppContext.open_library``) and returns plain data.
"""

from __future__ import annotations

import contextlib
import itertools
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from bookstore.jobs import Cancelled, Job

Task = Callable[[Job], Any]


class Dispatcher(QObject):
    """Owns the signals; lives on the GUI thread, emitted from the workers."""

    finished = Signal(int, object)
    failed = Signal(int, object)
    cancelled = Signal(int)
    progressed = Signal(int, float, str)


@dataclass
class JobHandle:
    """A submitted task: its id, name (shown in the status bar, or empty) and Job."""

    id: int
    name: str
    job: Job
    on_done: Callable[[Any], None] | None = None
    on_error: Callable[[BaseException], None] | None = None
    on_progress: Callable[[float, str], None] | None = None
    on_cancelled: Callable[[], None] | None = None
    channel: str | None = None
    progress: tuple[float, str] = field(default=(0.0, ""))

    def cancel(self) -> None:
        self.job.cancel()


class _Runner(QRunnable):
    def __init__(self, handle: JobHandle, task: Task, dispatcher: Dispatcher) -> None:
        super().__init__()
        self.handle, self.task, self.dispatcher = handle, task, dispatcher
        self.setAutoDelete(True)

    def run(self) -> None:
        job_id = self.handle.id
        try:
            result = self.task(self.handle.job)
        except Cancelled:
            self._emit(self.dispatcher.cancelled, job_id)
        except BaseException as error:  # delivered to the GUI thread, which shows it
            self._emit(self.dispatcher.failed, job_id, error)
        else:
            self._emit(self.dispatcher.finished, job_id, result)

    @staticmethod
    def _emit(signal: Any, *args: Any) -> None:
        # RuntimeError: the window closed while the task ran, and nobody is left to tell.
        with contextlib.suppress(RuntimeError):
            signal.emit(*args)


class Workers(QObject):
    """Submits tasks and routes their outcome to callbacks on the GUI thread."""

    running_changed = Signal()  # a named job started, progressed or ended

    def __init__(self, pool: QThreadPool | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = pool or QThreadPool(self)
        self.dispatcher = Dispatcher(self)
        self._ids = itertools.count(1)
        self._handles: dict[int, JobHandle] = {}
        self._latest: dict[str, int] = {}
        self.dispatcher.finished.connect(self._finished)
        self.dispatcher.failed.connect(self._failed)
        self.dispatcher.cancelled.connect(self._cancelled)
        self.dispatcher.progressed.connect(self._progressed)

    def submit(
        self,
        task: Task,
        *,
        name: str = "",
        channel: str | None = None,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        on_progress: Callable[[float, str], None] | None = None,
        on_cancelled: Callable[[], None] | None = None,
    ) -> JobHandle:
        job_id = next(self._ids)
        job = Job(on_progress=lambda f, m: self.dispatcher.progressed.emit(job_id, f, m))
        handle = JobHandle(job_id, name, job, on_done, on_error, on_progress, on_cancelled, channel)
        if channel is not None:
            older = self._latest.get(channel)
            if older is not None and older in self._handles:
                self._handles[older].cancel()
            self._latest[channel] = job_id
        self._handles[job_id] = handle
        self.pool.start(_Runner(handle, task, self.dispatcher))
        if name:
            self.running_changed.emit()
        return handle

    def running(self) -> list[JobHandle]:
        """Named jobs still running, oldest first."""
        return [h for h in self._handles.values() if h.name]

    def busy(self) -> bool:
        return bool(self._handles)

    def wait(self, msecs: int = -1) -> bool:
        return self.pool.waitForDone(msecs)

    def _is_stale(self, handle: JobHandle) -> bool:
        return handle.channel is not None and self._latest.get(handle.channel) != handle.id

    def _take(self, job_id: int) -> JobHandle | None:
        handle = self._handles.pop(job_id, None)
        if handle is not None and handle.name:
            self.running_changed.emit()
        if handle is None or self._is_stale(handle):
            return None
        return handle

    def _finished(self, job_id: int, result: object) -> None:
        handle = self._take(job_id)
        if handle is not None and handle.on_done is not None:
            handle.on_done(result)

    def _failed(self, job_id: int, error: BaseException) -> None:
        handle = self._take(job_id)
        if handle is None:
            return  # a stale job: nobody waits for it any more
        if handle.on_error is not None:
            handle.on_error(error)
        else:
            raise error  # reaches the excepthook, which shows it

    def _cancelled(self, job_id: int) -> None:
        handle = self._take(job_id)
        if handle is not None and handle.on_cancelled is not None:
            handle.on_cancelled()

    def _progressed(self, job_id: int, fraction: float, message: str) -> None:
        handle = self._handles.get(job_id)
        if handle is None or self._is_stale(handle):
            return
        handle.progress = (fraction, message)
        if handle.on_progress is not None:
            handle.on_progress(fraction, message)
        if handle.name:
            self.running_changed.emit()
