"""Running one training run on a QThread, and bringing its events to the GUI.

superqt's recipe: a worker QObject is moved to a QThread; ``thread.started``
runs it; its end quits the thread. The worker loads the data, builds the
trainer and iterates ``trainer.run()`` — all on the training thread — and never
touches a widget. Events are queued and taken by the GUI thread at most 20
times a second (every ``DRAIN_MS``; the important ones at once), so a run of
thousands of steps per second cannot flood the GUI thread. Pause, resume, stop and single GAN phases go straight to
the engine's thread-safe :class:`~engine.train.RunControl`.

After the run's ``RunEnded`` the worker saves the model and the run's record
with :func:`engine.runs.save_run` (as the CLI does), so a run that finished,
was stopped, diverged or failed is never lost.

Torch is imported inside the worker's methods only: importing this module
stays cheap and the window can show before torch loads.
"""

from __future__ import annotations

import threading
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEventLoop, QObject, QThread, QTimer, Signal, Slot

if TYPE_CHECKING:  # torch stays unloaded until a run starts
    from engine.data import DataConfig
    from engine.models import ModelConfig
    from engine.train import TrainConfig

DRAIN_MS = 50  # the GUI takes a run's events at most 20 times a second (plus urgent ones at once)


@dataclass(frozen=True)
class TrainingRequest:
    """Everything a run needs, in plain values (built on the GUI thread, used on the worker's)."""

    model_config: ModelConfig
    train_config: TrainConfig
    data: DataConfig
    save_dir: Path | None = None  # defaults to engine.paths.user_models_dir()
    extra: dict = field(default_factory=dict)  # stored in the checkpoint's record


class TrainingWorker(QObject):
    """Lives on the training thread; reports through signals and a locked queue only.

    Events are appended to a queue that the GUI thread drains on a 20 Hz
    timer (``DRAIN_MS``), so a pile of events never waits behind a run that
    is blocked (paused, say); ``urgent`` asks for an immediate drain after the events
    a person must see at once (start, epoch, pause, end).
    """

    urgent = Signal()  # an urgent event was queued: drain now
    status = Signal(str)  # what the worker is doing before the run starts ("Loading data…")
    saved = Signal(str)  # path of the checkpoint written after the run
    failed = Signal(str)  # a message for a failure outside the engine's run (data, config, saving)
    done = Signal()  # always last

    def __init__(self, request: TrainingRequest, control) -> None:
        from engine.train.events import URGENT_EVENTS

        super().__init__()
        self._urgent = URGENT_EVENTS
        self.request = request
        self.control = control
        self.trainer = None  # set once built; tests read its model while the run is paused
        self._lock = threading.Lock()
        self._pending: list = []

    def _push(self, event) -> None:
        with self._lock:
            self._pending.append(event)
        if isinstance(event, self._urgent):
            self.urgent.emit()

    def take_events(self) -> list:
        """The events queued since the last call (any thread)."""
        with self._lock:
            batch, self._pending = self._pending, []
        return batch

    @Slot()
    def run(self) -> None:
        try:
            self._run()
        except Exception as exc:  # never let an exception kill the thread silently
            self.failed.emit(f"Training failed unexpectedly: {exc.__class__.__name__}: {exc}")
            traceback.print_exc()
        finally:
            self.done.emit()

    def _run(self) -> None:
        from engine.data import DatasetError
        from engine.train import create_trainer
        from engine.train.events import RunEnded

        request = self.request
        self.status.emit("Loading the data…")
        try:
            dataset = request.data.load()
        except DatasetError as exc:
            self.failed.emit(f"Could not load the data: {exc}")
            return
        if self.control.stop_requested:
            self.status.emit("Stopped before training started; nothing to save.")
            return
        self.status.emit("Building the model…")
        try:
            self.trainer = create_trainer(request.model_config, request.train_config, dataset, self.control)
        except (ValueError, RuntimeError) as exc:
            self.failed.emit(f"Could not start training: {exc}")
            return
        ended = None
        for event in self.trainer.run():
            self._push(event)
            if isinstance(event, RunEnded):
                ended = event
        if ended is not None:
            self._save(ended)

    def _save(self, ended) -> None:
        from engine.checkpoint import CheckpointError
        from engine.paths import user_models_dir, writable_user_dir
        from engine.runs import save_run

        request = self.request
        try:
            folder = Path(request.save_dir) if request.save_dir else writable_user_dir(user_models_dir())
            path = save_run(folder, self.trainer, ended, request.data, request.train_config, extra=request.extra)
        except (CheckpointError, OSError, ValueError, TypeError) as exc:
            self.failed.emit(f"The run ended but its model could not be saved: {exc}")
            return
        self.saved.emit(str(path))


class TrainingRunner(QObject):
    """Owns at most one run at a time: its thread, worker and controls (GUI thread side)."""

    events = Signal(list)
    status = Signal(str)
    saved = Signal(str)
    failed = Signal(str)
    finished = Signal()  # the thread is over: a new run may start

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread: QThread | None = None
        self._worker: TrainingWorker | None = None
        self._control = None
        self._drain_timer = QTimer(self)
        self._drain_timer.setInterval(DRAIN_MS)
        self._drain_timer.timeout.connect(self._drain)

    # -- state ---------------------------------------------------------------------
    def is_running(self) -> bool:
        """True from start() until the thread has finished (saving included)."""
        return self._thread is not None

    @property
    def worker(self) -> TrainingWorker | None:
        return self._worker

    @property
    def control(self):
        return self._control

    # -- commands ------------------------------------------------------------------
    def start(self, request: TrainingRequest) -> bool:
        """Start a run; refused (False) while the previous one is still alive."""
        if self.is_running():
            return False
        from engine.train import RunControl

        self._control = RunControl()
        thread = QThread()
        thread.setObjectName("training")
        worker = TrainingWorker(request, self._control)
        worker.moveToThread(thread)
        thread.started.connect(worker.run)
        worker.urgent.connect(self._drain)
        worker.status.connect(self.status)
        worker.saved.connect(self.saved)
        worker.failed.connect(self.failed)
        worker.done.connect(thread.quit)
        thread.finished.connect(self._on_thread_finished)
        self._thread, self._worker = thread, worker
        thread.start()
        self._drain_timer.start()
        return True

    def pause(self) -> None:
        if self._control is not None:
            self._control.pause()

    def resume(self) -> None:
        if self._control is not None:
            self._control.resume()

    def stop(self) -> None:
        if self._control is not None:
            self._control.stop()

    def request_phase(self, phase: str) -> None:
        if self._control is not None:
            self._control.request_phase(phase)

    def stop_and_wait(self, timeout_ms: int = 30_000) -> bool:
        """Stop the run and wait (serving the event loop, so its last events and the
        save arrive) until its thread is over; True when nothing is left running."""
        if not self.is_running():
            return True
        self.stop()
        loop = QEventLoop()
        self.finished.connect(loop.quit)
        timer = QTimer()
        timer.setSingleShot(True)
        timer.timeout.connect(loop.quit)
        timer.start(timeout_ms)
        if self.is_running():
            loop.exec()
        timer.stop()
        self.finished.disconnect(loop.quit)
        return not self.is_running()

    def _drain(self) -> None:
        if self._worker is not None:
            batch = self._worker.take_events()
            if batch:
                self.events.emit(batch)

    def _on_thread_finished(self) -> None:
        self._drain_timer.stop()
        self._drain()
        thread = self._thread
        self._thread = self._worker = None  # dropping the last references deletes both
        if thread is not None:
            thread.wait()
        self.finished.emit()
