"""The events a training run emits.

A run is a stream of small immutable records; a CLI printer, the desktop's
Qt bridge and a test recorder are all plain consumers of the same stream.
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


Event = Union[RunStarted, StepMetrics, EpochSummary, Snapshot, RunPaused, RunResumed, RunEnded]


def to_uint8_images(images) -> np.ndarray:
    """A float tensor/array in [0, 1] of shape (N, 28, 28) or (N, 1, 28, 28) → uint8 (N, 28, 28)."""
    array = images.detach().float().cpu().numpy() if hasattr(images, "detach") else np.asarray(images)
    array = array.reshape(array.shape[0], 28, 28)
    return np.clip(np.rint(array * 255.0), 0, 255).astype(np.uint8)
