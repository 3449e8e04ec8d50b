"""Background work other than training, off the GUI thread: loading models, latent maps, and later more.

In the spirit of superqt's workers and Orange3's ``ConcurrentWidgetMixin``:
the work is a plain function ``fn(state, *args)`` that never touches a widget;
it may report progress and partial results through its :class:`TaskState` and
return early once ``state.is_cancelled()``. A :class:`TaskRunner` runs it on a
QThread (``worker.moveToThread``, ``started → run``, ``finished → quit``; the
worker comes back to the GUI thread as it ends and both are deleted there) and
brings what it returns back to the GUI thread as signals:

- ``latest`` mode (the default): a new request cancels the one before; whatever
  a cancelled request still produces is dropped, so the newest request wins.
- ``queue`` mode: requests run one after another; none is dropped (model loading).

An exception becomes the ``error`` signal, never a crash. Nothing here waits on
a thread from the GUI thread except :meth:`TaskRunner.shutdown`, the final join
when the window closes; :meth:`TaskRunner.wait_idle` serves the event loop.
"""

from __future__ import annotations

import logging
import threading
from collections import deque
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, QThread, QTimer, Signal, Slot

log = logging.getLogger(__name__)


class TaskState:
    """What a task's function holds to report back and to learn it should stop (any thread)."""

    def __init__(self, worker: _TaskWorker) -> None:
        self._worker = worker
        self._cancelled = threading.Event()
        self._percent = -1

    def is_cancelled(self) -> bool:
        return self._cancelled.is_set()

    def cancel(self) -> None:
        self._cancelled.set()

    def set_progress(self, fraction: float) -> None:
        """Report progress in [0, 1]; only a change of the rounded percentage crosses the thread."""
        percent = int(round(100 * min(max(float(fraction), 0.0), 1.0)))
        if percent != self._percent:
            self._percent = percent
            self._worker.progress.emit(self._worker.task_id, percent / 100)

    def partial(self, value: Any) -> None:
        """Hand a piece of the result to the GUI thread now (e.g. one loaded model of several)."""
        self._worker.partial.emit(self._worker.task_id, value)


class _TaskWorker(QObject):
    """Runs one request on its thread; reports only through signals."""

    progress = Signal(int, float)
    partial = Signal(int, object)
    result = Signal(int, object)
    error = Signal(int, str)
    finished = Signal(int)  # always last

    def __init__(self, task_id: int, fn: Callable, args: tuple, kwargs: dict) -> None:
        super().__init__()
        self.task_id = task_id
        self._call = (fn, args, kwargs)
        self.state = TaskState(self)

    @Slot()
    def run(self) -> None:
        fn, args, kwargs = self._call
        try:
            value = fn(self.state, *args, **kwargs)
        except Exception as exc:  # reported as a signal, never a crash
            log.exception("Background task %s failed", getattr(fn, "__name__", fn))
            self.error.emit(self.task_id, f"{exc.__class__.__name__}: {exc}")
        else:
            if not self.state.is_cancelled():  # after a cancel, no result is ever emitted
                self.result.emit(self.task_id, value)
        finally:
            self._call = None  # free the arguments (a model, images) as soon as the work is done
            # Hand this object back to the GUI thread, where the runner drops it. Destroying a Python
            # QObject on a worker thread takes the GIL inside Qt's connection lock, while the GUI thread
            # may hold the GIL waiting for that lock (building a widget): a deadlock.
            app = QCoreApplication.instance()
            if app is not None:
                self.moveToThread(app.thread())
            self.finished.emit(self.task_id)


class TaskRunner(QObject):
    """Runs one kind of background work for a page or the model library (GUI thread side)."""

    progress = Signal(float)  # the current request's progress, in [0, 1]
    partial = Signal(object)  # a piece of the current request's result
    result = Signal(object)  # what the current request's function returned
    error = Signal(str)  # "ExceptionName: message" of the current request
    idle = Signal()  # no request is waiting or running any more

    def __init__(self, name: str, mode: str = "latest", parent: QObject | None = None) -> None:
        super().__init__(parent)
        if mode not in ("latest", "queue"):
            raise ValueError(f"unknown mode {mode!r}: expected 'latest' or 'queue'")
        self.name = name
        self.mode = mode
        self._next_id = 0
        self._current: int | None = None  # the request whose results are delivered (latest mode)
        self._waiting: deque[tuple[int, Callable, tuple, dict]] = deque()  # queue mode
        # threads not yet over, with their workers (kept referenced until then) and states
        self._live: dict[int, tuple[QThread, _TaskWorker, TaskState]] = {}
        self._closed = False

    # -- requests ------------------------------------------------------------------------------
    def start(self, fn: Callable, *args, **kwargs) -> int:
        """Run ``fn(state, *args, **kwargs)`` off the GUI thread; returns the request's id.

        In ``latest`` mode the previous request is cancelled and its results dropped. After
        :meth:`shutdown` (the window is closing) a request is ignored and its id is 0."""
        if self._closed:
            log.debug("Ignoring a %s request after shutdown", self.name)
            return 0
        self._next_id += 1
        task_id = self._next_id
        if self.mode == "latest":
            self.cancel()
            self._current = task_id
            self._launch(task_id, fn, args, kwargs)
        else:
            self._waiting.append((task_id, fn, args, kwargs))
            if self._current is None:
                self._launch_next()
        return task_id

    def cancel(self) -> None:
        """Cancel every request; whatever they still produce is dropped."""
        self._current = None
        self._waiting.clear()
        for _thread, _worker, state in self._live.values():
            state.cancel()

    def is_busy(self) -> bool:
        """True while a request whose results will be delivered is waiting or running."""
        return self._current is not None or bool(self._waiting)

    def thread_count(self) -> int:
        """Threads still alive, cancelled ones included (tests)."""
        return len(self._live)

    def wait_idle(self, timeout_ms: int = 10_000) -> bool:
        """Serve the event loop until no request is busy (tests, screenshots); never blocks on a thread."""
        if not self.is_busy():
            return True
        loop = QEventLoop()
        self.idle.connect(loop.quit)
        timer = QTimer()
        timer.setSingleShot(True)
        timer.timeout.connect(loop.quit)
        timer.start(timeout_ms)
        if self.is_busy():
            loop.exec()
        timer.stop()
        self.idle.disconnect(loop.quit)
        return not self.is_busy()

    def shutdown(self, timeout_ms: int = 30_000) -> bool:
        """Cancel everything and join every thread: the one wait on the GUI thread, when the app closes."""
        self._closed = True
        self.cancel()
        ok = True
        for task_id, (thread, _worker, _state) in list(self._live.items()):
            thread.quit()
            if not thread.wait(timeout_ms):
                # Still running (a long computation that ignores cancel): deleting a running QThread
                # aborts the process, so keep it referenced until it ends on its own.
                _ORPHANS.append((thread, _worker))
                thread.finished.connect(lambda t=thread, w=_worker: _release_orphan(t, w))
                ok = False
            else:
                thread.deleteLater()
            del self._live[task_id]
        QCoreApplication.sendPostedEvents(None, 0)  # deliver what the joined threads posted, then drop it
        return ok

    # -- threads ---------------------------------------------------------------------------------
    def _launch_next(self) -> None:
        if self._waiting and not self._closed:
            task_id, fn, args, kwargs = self._waiting.popleft()
            self._current = task_id
            self._launch(task_id, fn, args, kwargs)

    def _launch(self, task_id: int, fn: Callable, args: tuple, kwargs: dict) -> None:
        thread = QThread()
        thread.setObjectName(f"{self.name}-{task_id}")
        worker = _TaskWorker(task_id, fn, args, kwargs)
        worker.moveToThread(thread)
        thread.started.connect(worker.run)
        worker.progress.connect(self._on_progress)
        worker.partial.connect(self._on_partial)
        worker.result.connect(self._on_result)
        worker.error.connect(self._on_error)
        worker.finished.connect(self._on_worker_finished)
        worker.finished.connect(thread.quit, Qt.ConnectionType.DirectConnection)  # even while the GUI thread joins
        thread.finished.connect(self._reap)  # queued to this (GUI) thread
        self._live[task_id] = (thread, worker, worker.state)
        thread.start()

    def _delivers(self, task_id: int) -> bool:
        return task_id == self._current and not self._closed

    def _on_progress(self, task_id: int, fraction: float) -> None:
        if self._delivers(task_id):
            self.progress.emit(fraction)

    def _on_partial(self, task_id: int, value: object) -> None:
        if self._delivers(task_id):
            self.partial.emit(value)

    def _on_result(self, task_id: int, value: object) -> None:
        if self._delivers(task_id):
            self.result.emit(value)

    def _on_error(self, task_id: int, message: str) -> None:
        if self._delivers(task_id):
            self.error.emit(message)

    def _on_worker_finished(self, task_id: int) -> None:
        if task_id == self._current:
            self._current = None
            if self.mode == "queue":
                self._launch_next()
            if not self.is_busy():
                self.idle.emit()

    @Slot()
    def _reap(self) -> None:
        """Forget and delete the threads that are over (and their workers)."""
        for task_id, (thread, _worker, _state) in list(self._live.items()):
            if thread.isFinished():
                # finished() is emitted while the native thread is still unwinding: join it (a few
                # microseconds now) before the QThread object goes, or its deletion races that tail
                thread.wait()
                del self._live[task_id]
                thread.deleteLater()


_ORPHANS: list = []  # (thread, worker) pairs still running after a timed-out shutdown


def _release_orphan(thread: QThread, worker) -> None:
    try:
        _ORPHANS.remove((thread, worker))
    except ValueError:
        return
    thread.deleteLater()
