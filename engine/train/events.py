"""The events a training run emits.

A run is a stream of small immutable records; a CLI printer, the desktop's
Qt bridge and a test recorder are all plain consumers of the same stream:
each subclasses :class:`EventHandler` (no-op hooks, Lightning's callback idea)
and overrides the hooks it cares about; :func:`dispatch` calls the right one.
Images travel as uint8 numpy arrays (N, 28, 28) so that any consumer can show
them without touching torch.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Union

import numpy as np

# Why a run ended.
FINISHED = "finished"
STOPPED = "stopped"
DIVERGED = "diverged"
OUT_OF_MEMORY = "out_of_memory"
ERROR = "error"


@dataclass(frozen=True)
class RunStarted:
    family: str
    dataset: str
    device: str  # human description, e.g. "CPU (1 threads)"
    epochs: int
    steps_per_epoch: int
    batch_size: int
    train_size: int
    val_size: int
    metric_names: tuple[str, ...]  # the keys StepMetrics.metrics will carry
    first_epoch: int = 1  # > 1: a run continued from a checkpoint, at this epoch
    resumed_step: int = 0  # the global step a continued run starts from (0 for a new run)
    optimizer_restored: bool = True  # False: a continued run's optimizer starts afresh (see ``notes``)
    notes: tuple[str, ...] = ()  # sentences to show the user before the run (e.g. why the optimizer is new)


@dataclass(frozen=True)
class StepMetrics:
    """Training metrics averaged over the steps since the previous event."""

    epoch: int  # 1-based
    step: int  # 1-based within the epoch
    global_step: int
    metrics: dict[str, float]
    samples_per_s: float
    phase: str = "both"  # GAN: "d" or "g" when a single phase was stepped


@dataclass(frozen=True)
class EpochSummary:
    epoch: int
    train: dict[str, float]  # e.g. {"loss": .., } averaged over the epoch
    val: dict[str, float]  # e.g. {"loss": .., "rounded_accuracy": ..}; empty for GANs
    elapsed_s: float  # since the run started
    samples_per_s: float  # over this epoch


@dataclass(frozen=True)
class Snapshot:
    """Reconstructions of a fixed validation batch, or samples of a fixed noise batch."""

    epoch: int
    global_step: int
    kind: str  # "reconstructions" or "samples"
    images: np.ndarray  # uint8 (N, 28, 28)
    originals: np.ndarray | None = None  # uint8 (N, 28, 28) for reconstructions
    epoch_end: bool = False  # True before training (epoch 0) and at each epoch's end
    map_xy: np.ndarray | None = None  # float16 (M, 2): fixed validation codes on the run's plane (autoencoders)
    map_labels: np.ndarray | None = None  # uint8 (M,): their classes (the same array at every snapshot)
    unit_activation: np.ndarray | None = None  # float16 (U,): sparse AE, each coding unit's mean activation
    unit_target: float | None = None  # sparse AE: the target activation (KL: its target; L1: 0)


@dataclass(frozen=True)
class RunPaused:
    global_step: int


@dataclass(frozen=True)
class RunResumed:
    global_step: int


@dataclass(frozen=True)
class RunEnded:
    reason: str  # FINISHED, STOPPED, DIVERGED, OUT_OF_MEMORY or ERROR
    message: str  # one sentence a person can read
    epochs_completed: int
    global_step: int
    history: dict[str, list[float]] = field(default_factory=dict)  # per-epoch series
    final: dict[str, Any] = field(default_factory=dict)  # last validation metrics, speed
    run_history: Any = None  # the engine.history.RunHistory of the run (snapshots and curves), continued runs whole


Event = Union[RunStarted, StepMetrics, EpochSummary, Snapshot, RunPaused, RunResumed, RunEnded]


class EventHandler:
    """Consumes a run's events: one no-op hook per event type; override the ones you need."""

    def on_run_started(self, event: RunStarted) -> None:
        pass

    def on_step_metrics(self, event: StepMetrics) -> None:
        pass

    def on_epoch_summary(self, event: EpochSummary) -> None:
        pass

    def on_snapshot(self, event: Snapshot) -> None:
        pass

    def on_run_paused(self, event: RunPaused) -> None:
        pass

    def on_run_resumed(self, event: RunResumed) -> None:
        pass

    def on_run_ended(self, event: RunEnded) -> None:
        pass


_HOOKS: dict[type, str] = {
    RunStarted: "on_run_started",
    StepMetrics: "on_step_metrics",
    EpochSummary: "on_epoch_summary",
    Snapshot: "on_snapshot",
    RunPaused: "on_run_paused",
    RunResumed: "on_run_resumed",
    RunEnded: "on_run_ended",
}

# The events a person must see at once (start, epoch, pause, end); the others may wait for a batch.
URGENT_EVENTS: tuple[type, ...] = (RunStarted, EpochSummary, RunPaused, RunResumed, RunEnded)


def dispatch(event: Event, handler: EventHandler) -> None:
    """Call ``handler``'s hook for ``event``; a TypeError for anything that is not a run event."""
    hook = _HOOKS.get(type(event))
    if hook is None:
        raise TypeError(f"not a training event: {event!r}")
    getattr(handler, hook)(event)


def to_uint8_images(images) -> np.ndarray:
    """A float tensor/array in [0, 1] of shape (N, 28, 28) or (N, 1, 28, 28) → uint8 (N, 28, 28)."""
    array = images.detach().float().cpu().numpy() if hasattr(images, "detach") else np.asarray(images)
    array = array.reshape(array.shape[0], 28, 28)
    return np.clip(np.rint(array * 255.0), 0, 255).astype(np.uint8)
