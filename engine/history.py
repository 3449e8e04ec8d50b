"""A run's history: every snapshot kept, so a run can be scrubbed, replayed, exported and continued.

:class:`RunHistory` is a plain consumer of a run's events (like the CLI's
printer or the desktop's bridge): feed it every event with :meth:`record`.
The trainer keeps one (``trainer.run_history``) that :func:`engine.runs.save_run`
stores in the checkpoint; the desktop may keep its own copy fed from the same
events, or read the trainer's after the run.

What one snapshot holds: the fixed validation batch's reconstructions and/or
the fixed-noise samples (uint8), the latest metrics, and for autoencoders the
2-D map of a fixed subset of validation codes (float16) — projected on a basis
fitted once, on the run's first snapshot, so that points move across epochs
rather than jump — plus, for the sparse autoencoder, each coding unit's mean
activation. The curves (one row per logged step, one per epoch) are kept
beside the snapshots.

In a checkpoint the arrays are safetensors tensors named ``history.*`` and a
small JSON description sits in the record under ``run_history``; see
:meth:`RunHistory.to_tensors` and :func:`history_from_checkpoint`.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from .i18n import N_, _

PREFIX = "history."  # the checkpoint's tensors that hold the history
RECORD_KEY = "run_history"  # the record's small JSON description of them
VERSION = 1
MAP_POINTS = 500  # validation codes placed on the map at each snapshot
MAX_SNAPSHOTS = 400  # beyond this, the oldest mid-epoch snapshots are dropped (epoch ends are always kept)
NEAR_ZERO = 0.05  # a sparse coding unit whose mean activation stays below this is "silent"
_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_]{0,63}$")

# Units of every series a trainer emits; the CSV's headers and the plots' axes read them.
UNITS = {
    "loss": N_("nats per pixel"),
    "bce": N_("nats per pixel"),
    "reconstruction": N_("nats per pixel"),
    "kl": N_("nats per pixel"),
    "sparsity": N_("nats per pixel"),
    "rounded_accuracy": N_("fraction"),
    "loss_d": N_("nats"),
    "loss_g": N_("nats"),
    "loss_q": N_("nats"),
    "d_real": N_("probability"),
    "d_fake": N_("probability"),
    "samples_per_s": N_("images/s"),
    "elapsed_s": N_("s"),
}


class HistoryError(ValueError):
    """A stored history is truncated or malformed; the message says what is wrong."""


def unit_of(name: str) -> str:
    """The unit of series ``name`` (``val_loss`` has ``loss``'s), translated; "" when unknown."""
    base = name[4:] if name.startswith("val_") else name
    return _(UNITS[base]) if base in UNITS else ""


@dataclass(frozen=True)
class HistorySnapshot:
    """What the run looked like at one moment."""

    epoch: int  # 0 = before training; k = during or at the end of epoch k
    global_step: int  # optimisation steps done so far
    epoch_end: bool  # True at epoch 0 and at each epoch's end; False for mid-epoch snapshots
    grids: dict[str, np.ndarray]  # kind ("reconstructions", "samples") → uint8 (N, 28, 28)
    metrics: dict[str, float]  # the latest logged values: training (per step) and val_* (per epoch)
    originals: np.ndarray | None = None  # uint8 (N, 28, 28): the fixed validation batch (the same array each time)
    map_xy: np.ndarray | None = None  # float16 (M, 2): the fixed validation codes on the run's plane (epoch ends)
    unit_activation: np.ndarray | None = None  # float16 (U,): sparse AE, each coding unit's mean activation (idem)

    @property
    def grid(self) -> np.ndarray:
        """The main grid: the reconstructions of an autoencoder, the samples of a GAN."""
        return next(iter(self.grids.values()))


@dataclass(frozen=True)
class Series:
    """One curve: ``values`` against ``global_steps`` (and the epoch of each point)."""

    name: str
    unit: str
    per: str  # "step" or "epoch"
    global_steps: np.ndarray  # int64
    epochs: np.ndarray  # int32: the epoch each point belongs to
    values: np.ndarray  # float32 (NaN where the run did not log it)


@dataclass(frozen=True)
class Resume:
    """Where a run was continued from a checkpoint."""

    epoch: int
    global_step: int
    optimizer_restored: bool


def near_zero_share(activation: np.ndarray, threshold: float = NEAR_ZERO) -> float:
    """The share of coding units whose mean activation stays below ``threshold`` (sparse AE)."""
    activation = np.asarray(activation, np.float32)
    return float((activation < threshold).mean()) if activation.size else 0.0


class _Table:
    """Rows of named float columns, appended one at a time (a column may appear late: NaN before)."""

    def __init__(self) -> None:
        self.steps: list[int] = []
        self.epochs: list[int] = []
        self.columns: dict[str, list[float]] = {}

    def __len__(self) -> int:
        return len(self.steps)

    def append(self, global_step: int, epoch: int, values: dict[str, float]) -> None:
        n = len(self.steps)
        for name, value in values.items():
            column = self.columns.get(name)
            if column is None:  # a new column (not setdefault: its default, n NaNs, would be built every step)
                if not _NAME.match(name):
                    continue
                column = self.columns[name] = [math.nan] * n
            column.append(float(value))
        self.steps.append(int(global_step))
        self.epochs.append(int(epoch))
        for column in self.columns.values():
            if len(column) == n:
                column.append(math.nan)

    def series(self, name: str, per: str) -> Series:
        return Series(
            name,
            unit_of(name),
            per,
            np.asarray(self.steps, np.int64),
            np.asarray(self.epochs, np.int32),
            np.asarray(self.columns[name], np.float32),
        )


class RunHistory:
    """Snapshots and curves of one run (continued runs included); fed with :meth:`record`."""

    def __init__(self, family: str = "", dataset: str = "") -> None:
        self.family = family
        self.dataset = dataset
        self.snapshots: list[HistorySnapshot] = []
        self.originals: np.ndarray | None = None  # uint8 (N, 28, 28), for reconstructions
        self.map_labels: np.ndarray | None = None  # uint8 (M,): the class of each map point
        self.map_mean: np.ndarray | None = None  # float32 (D,): the projection, fitted on the first snapshot
        self.map_components: np.ndarray | None = None  # float32 (2, D)
        self.unit_target: float | None = None  # sparse AE (KL): the target mean activation
        self.resumes: list[Resume] = []
        self._steps = _Table()
        self._epochs = _Table()
        self._latest: dict[str, float] = {}
        self._elapsed_offset = 0.0

    # -- reading -------------------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self.snapshots)

    @property
    def kinds(self) -> tuple[str, ...]:
        return tuple(self.snapshots[0].grids) if self.snapshots else ()

    @property
    def has_map(self) -> bool:
        return any(s.map_xy is not None for s in self.snapshots)

    def series_names(self, per: str = "step") -> list[str]:
        """The names of the per-step (``per="step"``) or per-epoch (``"epoch"``) series."""
        return list((self._steps if per == "step" else self._epochs).columns)

    def series(self, name: str, per: str = "auto") -> Series:
        """The curve ``name``, per logged step or per epoch (``"auto"``: per step when logged so, else per epoch).

        A KeyError when the run has no such series.
        """
        if per in ("auto", "step") and name in self._steps.columns:
            return self._steps.series(name, "step")
        if per in ("auto", "epoch") and name in self._epochs.columns:
            return self._epochs.series(name, "epoch")
        raise KeyError(name)

    def map_bounds(self) -> tuple[float, float, float, float] | None:
        """(x_min, x_max, y_min, y_max) over every snapshot's map: a fixed frame in which the points move."""
        maps = [s.map_xy for s in self.snapshots if s.map_xy is not None]
        if not maps:
            return None
        xy = np.concatenate(maps).astype(np.float32)
        xy = xy[np.isfinite(xy).all(axis=1)]
        if not len(xy):
            return None
        (x0, y0), (x1, y1) = xy.min(axis=0), xy.max(axis=0)
        return float(x0), float(x1), float(y0), float(y1)

    def latest_map(self, index: int) -> np.ndarray | None:
        """The map shown at snapshot ``index``: its own, or the last one drawn before it (maps are drawn at
        epoch ends; mid-epoch snapshots carry grids only)."""
        for shot in reversed(self.snapshots[: index + 1]):
            if shot.map_xy is not None:
                return shot.map_xy
        return None

    def latest_units(self, index: int) -> np.ndarray | None:
        """The sparse units' mean activations shown at snapshot ``index`` (as :meth:`latest_map`)."""
        for shot in reversed(self.snapshots[: index + 1]):
            if shot.unit_activation is not None:
                return shot.unit_activation
        return None

    def index_at_or_before(self, global_step: int) -> int:
        """The index of the last snapshot taken at or before ``global_step`` (0 when none)."""
        steps = [s.global_step for s in self.snapshots]
        return max(0, int(np.searchsorted(steps, global_step, side="right")) - 1)

    def summary(self) -> str:
        """One sentence: what the history holds."""
        if not self.snapshots:
            return _("no snapshots recorded")
        first, last = self.snapshots[0], self.snapshots[-1]
        text = _(
            "{n} snapshots from epoch {a} to {b} (step {s0:,} to {s1:,}), {steps:,} logged steps, {epochs} epoch rows"
        ).format(
            n=len(self.snapshots),
            a=first.epoch,
            b=last.epoch,
            s0=first.global_step,
            s1=last.global_step,
            steps=len(self._steps),
            epochs=len(self._epochs),
        )
        if self.has_map and self.map_labels is not None:
            text += _(", a map of {m} validation codes").format(m=len(self.map_labels))
        if self.resumes:
            text += _(", continued {n} time(s)").format(n=len(self.resumes))
        return text

    # -- recording (a consumer of the run's events) --------------------------------------------------
    def record(self, event) -> None:
        """Take in one training event (engine.train.events); the others are ignored."""
        from .train import events as ev

        if isinstance(event, ev.RunStarted):
            self.family = self.family or event.family
            self.dataset = self.dataset or event.dataset
            if event.first_epoch > 1 or event.resumed_step:
                self.resumes.append(Resume(event.first_epoch - 1, event.resumed_step, event.optimizer_restored))
                if self._epochs.columns.get("elapsed_s"):
                    self._elapsed_offset = np.nanmax(self._epochs.columns["elapsed_s"]).item()
        elif isinstance(event, ev.StepMetrics):
            if event.phase == "both":  # single GAN phases (while paused) are not steps of the run's curves
                values = dict(event.metrics, samples_per_s=event.samples_per_s)
                self._steps.append(event.global_step, event.epoch, values)
                self._latest.update(event.metrics)
        elif isinstance(event, ev.EpochSummary):
            values = dict(event.train)
            values.update({f"val_{k}": v for k, v in event.val.items()})
            values.update(samples_per_s=event.samples_per_s, elapsed_s=event.elapsed_s + self._elapsed_offset)
            step = self._steps.steps[-1] if self._steps.steps else 0
            self._epochs.append(step, event.epoch, values)
            self._latest.update({f"val_{k}": v for k, v in event.val.items()})
        elif isinstance(event, ev.Snapshot):
            self._record_snapshot(event)

    def _record_snapshot(self, event) -> None:
        last = self.snapshots[-1] if self.snapshots else None
        if last is not None and last.global_step == event.global_step:
            if event.kind in last.grids:  # the same moment again (a continued run's first snapshot)
                return
            self.snapshots[-1] = _with_grid(last, event)  # another kind of the same moment (a VAE's samples)
            return
        if last is not None and event.global_step < last.global_step:
            return  # never out of order
        if event.originals is not None and self.originals is None:
            self.originals = event.originals
        if event.map_labels is not None and self.map_labels is None:
            self.map_labels = np.asarray(event.map_labels, np.uint8)
        if event.unit_target is not None:
            self.unit_target = float(event.unit_target)
        grids = {event.kind: event.images}
        for kind in last.grids if last is not None else ():
            grids.setdefault(kind, np.zeros_like(last.grids[kind]))  # filled in if the other kind follows
        self.snapshots.append(
            HistorySnapshot(
                epoch=event.epoch,
                global_step=event.global_step,
                epoch_end=event.epoch_end,
                grids=grids,
                metrics=dict(self._latest),
                originals=self.originals if event.originals is not None else None,
                map_xy=None if event.map_xy is None else np.asarray(event.map_xy, np.float16),
                unit_activation=None
                if event.unit_activation is None
                else np.asarray(event.unit_activation, np.float16),
            )
        )
        self._thin()

    def _thin(self) -> None:
        while len(self.snapshots) > MAX_SNAPSHOTS:
            middle = [i for i, s in enumerate(self.snapshots) if not s.epoch_end]
            if not middle:
                return
            del self.snapshots[middle[0]]

    # -- the map's projection (used by the trainer, which emits the coordinates) ----------------------
    def project(self, codes: np.ndarray) -> np.ndarray:
        """Codes (M, D) → float16 (M, 2) on the run's plane: PCA fitted on the first codes seen (2-D codes
        are used as they are), then kept for the whole run — continued runs included."""
        import torch  # BLAS on torch's threads: numpy's OpenBLAS pool spins ~0.1 s after a call, on training's cores

        codes = np.asarray(codes, np.float64)
        d = codes.shape[1]
        if self.map_components is None or self.map_components.shape[1] != d:
            if d <= 2:
                mean, components = np.zeros(d), np.eye(2, d)
            else:
                mean = codes.mean(axis=0)
                components = torch.linalg.svd(torch.from_numpy(codes - mean), full_matrices=False).Vh[:2].numpy()
                signs = np.sign(components[np.arange(2), np.abs(components).argmax(axis=1)])
                components = components * np.where(signs == 0, 1, signs)[:, None]  # a stable orientation
            self.map_mean, self.map_components = mean.astype(np.float32), components.astype(np.float32)
        basis = torch.from_numpy(self.map_components.T.astype(np.float64))
        xy = (torch.from_numpy(codes - self.map_mean) @ basis).numpy()
        return np.clip(xy, -65000, 65000).astype(np.float16)

    def reset_map(self) -> None:
        """Forget the map (a continued run on other validation images): a new projection starts."""
        self.snapshots = [_without_map(s) for s in self.snapshots]
        self.map_labels = self.map_mean = self.map_components = None

    # -- storage ---------------------------------------------------------------------------------------
    def to_tensors(self) -> tuple[dict, dict]:
        """(``history.*`` tensors, small JSON description) for the checkpoint; see :func:`from_tensors`."""
        from .history_store import history_to_tensors

        return history_to_tensors(self)

    @property
    def nbytes(self) -> int:
        """What the history adds to a checkpoint, in bytes (the tensors; the JSON is a few hundred bytes)."""
        tensors, _info = self.to_tensors()
        return sum(t.numel() * t.element_size() for t in tensors.values())


def _with_grid(snapshot: HistorySnapshot, event) -> HistorySnapshot:
    grids = dict(snapshot.grids)
    grids[event.kind] = event.images
    return HistorySnapshot(
        snapshot.epoch,
        snapshot.global_step,
        snapshot.epoch_end,
        grids,
        snapshot.metrics,
        snapshot.originals if snapshot.originals is not None else event.originals,
        snapshot.map_xy
        if snapshot.map_xy is not None
        else (None if event.map_xy is None else np.asarray(event.map_xy, np.float16)),
        snapshot.unit_activation,
    )


def _without_map(snapshot: HistorySnapshot) -> HistorySnapshot:
    return HistorySnapshot(
        snapshot.epoch,
        snapshot.global_step,
        snapshot.epoch_end,
        snapshot.grids,
        snapshot.metrics,
        snapshot.originals,
        None,
        snapshot.unit_activation,
    )


@dataclass(frozen=True)
class LoadedHistory:
    """The history found in a checkpoint, or None and a sentence saying why there is none."""

    history: RunHistory | None
    reason: str = ""  # empty when ``history`` is there
    damaged: bool = False  # True: a history was stored but could not be read (the weights still load)
    extra: dict = field(default_factory=dict)


def history_from_checkpoint(checkpoint) -> LoadedHistory:
    """The history of a loaded :class:`~engine.checkpoint.Checkpoint` (never raises)."""
    from .history_store import history_from_tensors

    name = checkpoint.path.name if checkpoint.path is not None else _("this checkpoint")
    info = checkpoint.meta.get(RECORD_KEY)
    tensors = {k: v for k, v in getattr(checkpoint, "extra_tensors", {}).items() if k.startswith(PREFIX)}
    if info is None and not tensors:
        return LoadedHistory(
            None,
            _(
                "{file} holds no training history: it was saved before Latent Studio "
                "kept one (or is a shipped model), so there is nothing to scrub; "
                "its weights work as usual."
            ).format(file=name),
        )
    try:
        history = history_from_tensors(tensors, info)
    except HistoryError as exc:
        reason = _("{file}: its training history is damaged ({reason}) and was ignored; the weights load as usual.")
        return LoadedHistory(None, reason.format(file=name, reason=exc), damaged=True)
    return LoadedHistory(history)


def load_history(path: str | Path) -> LoadedHistory:
    """The history stored in the checkpoint at ``path``; a CheckpointError when the file itself cannot load."""
    from .checkpoint import load_checkpoint

    return history_from_checkpoint(load_checkpoint(path))
