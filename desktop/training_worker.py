"""Running one training run on a QThread, and bringing its events to the GUI.

superqt's recipe: a worker QObject is moved to a QThread; ``thread.started``
runs it; its end quits the thread. The worker loads the data, builds the
trainer and iterates ``trainer.run()`` — all on the training thread — and never
touches a widget. Events are queued and taken by the GUI thread at most 10
times a second (every ``DRAIN_MS``; the important ones at once), so a run of
thousands of steps per second cannot flood the GUI thread; the StepMetrics
queued between two drains are merged into one (metrics averaged over their steps), so the GUI
thread's work per drain does not grow with the step rate. The merging is a few additions per step on the
training thread (a :class:`StepWindow`); the merged event is built once, when the GUI thread takes the batch.
Pause, resume, stop and single GAN phases go straight to the engine's thread-safe
:class:`~engine.train.RunControl`.

After the run's ``RunEnded`` the worker saves the model and the run's record
with :func:`engine.runs.save_run` (as the CLI does), so a run that finished,
was stopped, diverged or failed is never lost.

Torch is imported inside the worker's methods only: importing this module
stays cheap and the window can show before torch loads.
"""

from __future__ import annotations

import threading
import traceback
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEventLoop, QObject, QThread, QTimer, Signal, Slot

if TYPE_CHECKING:  # torch stays unloaded until a run starts
    from engine.data import DataConfig
    from engine.models import ModelConfig
    from engine.train import TrainConfig

# The GUI takes a run's events at most 10 times a second (plus urgent ones at once): each drain wakes the
# GUI thread, which then needs the GIL that the training thread is using.
DRAIN_MS = 100


@dataclass(frozen=True)
class TrainingRequest:
    """Everything a run needs, in plain values (built on the GUI thread, used on the worker's)."""

    model_config: ModelConfig
    train_config: TrainConfig
    data: DataConfig
    save_dir: Path | None = None  # defaults to engine.paths.user_models_dir()
    extra: dict = field(default_factory=dict)  # stored in the checkpoint's record
    # Continue this checkpoint (engine.train.resume): train_config.epochs is then how many MORE epochs; the
    # family, batch size and optimizer are the checkpoint's, its device, threads and step cap are honoured.
    resume_from: Path | None = None


class StepWindow:
    """StepMetrics queued since the last drain, kept as step-weighted sums (on the training thread: a few
    additions per step, no object built); :meth:`event` makes the one merged StepMetrics when the GUI takes
    the batch."""

    __slots__ = ("latest", "sums", "steps", "merged")

    def __init__(self, event, steps: int) -> None:
        self.latest = event
        self.sums = {k: v * steps for k, v in event.metrics.items()}
        self.steps = steps
        self.merged = 1  # how many events the window holds

    def add(self, event, steps: int) -> None:
        sums = self.sums
        for k, v in event.metrics.items():
            sums[k] = sums.get(k, 0.0) + v * steps
        self.latest = event
        self.steps += steps
        self.merged += 1

    def event(self):
        """The latest position and speed, every metric averaged over the window's steps."""
        if self.merged == 1:
            return self.latest
        steps = self.steps
        return replace(self.latest, metrics={k: self.sums[k] / steps for k in self.latest.metrics})


class TrainingWorker(QObject):
    """Lives on the training thread; reports through signals and a locked queue only.

    Events are appended to a queue that the GUI thread drains on a 10 Hz
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
        from engine.train.events import URGENT_EVENTS, StepMetrics

        super().__init__()
        self._urgent = URGENT_EVENTS
        self._step_type = StepMetrics
        self.request = request
        self.control = control
        self.trainer = None  # set once built; tests read its model while the run is paused
        self._lock = threading.Lock()
        self._pending: list = []  # events, and StepWindows standing for merged StepMetrics
        self._last_step = (0, 0)  # (epoch, step) of the last StepMetrics pushed

    def _push(self, event) -> None:
        if type(event) is self._step_type and event.phase == "both":
            self._push_step(event)  # the common case, once per training step: nothing else to check
            return
        with self._lock:
            self._pending.append(event)
        if isinstance(event, self._urgent):
            self.urgent.emit()

    def _push_step(self, event) -> None:
        """Queue a StepMetrics, merged into the window still waiting (same epoch, nothing else in between):
        at batch size 1 a run makes hundreds a second, and each would cost the GUI thread real work."""
        epoch, step = self._last_step
        steps = max(event.step - step if event.epoch == epoch else event.step, 1)  # what this event averages
        self._last_step = (event.epoch, event.step)
        with self._lock:
            pending = self._pending
            last = pending[-1] if pending else None
            if type(last) is StepWindow and last.latest.epoch == event.epoch:
                last.add(event, steps)
            else:
                pending.append(StepWindow(event, steps))

    def take_events(self) -> list:
        """The events queued since the last call (any thread), merged StepMetrics built."""
        with self._lock:
            batch, self._pending = self._pending, []
        return [e.event() if type(e) is StepWindow else e for e in batch]

    @Slot()
    def run(self) -> None:
        try:
            self._run()
        except Exception as exc:  # never let an exception kill the thread silently
            self.failed.emit(
                self.tr("Training failed unexpectedly: {error}").format(error=f"{exc.__class__.__name__}: {exc}")
            )
            traceback.print_exc()
        finally:
            self.done.emit()

    def _run(self) -> None:
        from engine.checkpoint import CheckpointError
        from engine.data import DatasetError
        from engine.train.events import EpochSummary, RunEnded

        request = self.request
        self.status.emit(self.tr("Loading the data…"))
        try:
            dataset = request.data.load()
        except DatasetError as exc:
            self.failed.emit(self.tr("Could not load the data: {reason}").format(reason=exc))
            return
        if self.control.stop_requested:
            self.status.emit(self.tr("Stopped before training started; nothing to save."))
            return
        self.status.emit(self.tr("Building the model…"))
        try:
            self.trainer = self._build_trainer(dataset)
        except (ValueError, RuntimeError, CheckpointError) as exc:
            self.failed.emit(self.tr("Could not start training: {reason}").format(reason=exc))
            return
        ended = None
        judge = self._epoch_judge(dataset)  # GANs: the judge's class histogram and judge-FID after each epoch
        for event in self.trainer.run():
            self._push(event)
            if isinstance(event, RunEnded):
                ended = event
            elif judge is not None and isinstance(event, EpochSummary):
                quality = judge(self.trainer.model, event.epoch)
                if quality is not None:
                    self._push(quality)
        if ended is not None:
            self._save(ended)

    def _epoch_judge(self, dataset):
        """An EpochJudge for an adversarial family (GAN, DCGAN), else None (desktop.epoch_quality)."""
        from desktop.epoch_quality import EpochJudge
        from engine.models import find_family

        family = find_family(getattr(self.trainer, "family", None) or self.request.model_config.family)
        return EpochJudge(dataset) if family is not None and family.adversarial else None

    def _build_trainer(self, dataset):
        """A new run's trainer, or one that continues ``request.resume_from`` (a ResumeError says why not)."""
        from engine.train import create_trainer

        request = self.request
        if request.resume_from is None:
            return create_trainer(request.model_config, request.train_config, dataset, self.control)
        from engine.train.resume import resume_trainer

        config = request.train_config
        return resume_trainer(
            request.resume_from,
            dataset,
            config.epochs,
            self.control,
            device=config.device,
            threads=config.threads,
            max_steps_per_epoch=config.max_steps_per_epoch or None,
        )

    def _save(self, ended) -> None:
        from engine.checkpoint import CheckpointError
        from engine.paths import user_models_dir, writable_user_dir
        from engine.runs import save_run

        request = self.request
        try:
            folder = Path(request.save_dir) if request.save_dir else writable_user_dir(user_models_dir())
            config = self.trainer.config if request.resume_from is not None else request.train_config
            path = save_run(folder, self.trainer, ended, request.data, config, extra=request.extra)
        except (CheckpointError, OSError, ValueError, TypeError) as exc:
            self.failed.emit(self.tr("The run ended but its model could not be saved: {reason}").format(reason=exc))
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
        if self._worker is not None:  # only closing the window waits: the Models page says "cut off by quitting"
            self._worker.request.extra["ended_by"] = "closing"
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
