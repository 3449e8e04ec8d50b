"""The training loop shared by every family.

``Trainer.run()`` is a generator of events (superqt's GeneratorWorker idea):
between two steps it honours pause/stop, checks that the loss stays finite and
reports metrics. Subclasses say what one step, a validation pass and a
snapshot are. The hot path does no host synchronisation on a GPU except every
``metrics_every`` steps.
"""

from __future__ import annotations

import math
import time
import traceback
from collections.abc import Iterator

import torch
from torch import nn

from ..data import Dataset, ImageSet
from ..device import describe_device
from ..history import RunHistory
from ..i18n import _, ngettext
from . import events as ev
from .augment import DEFAULT_AUGMENTATION, BatchAugmenter
from .config import TrainConfig
from .control import RunControl


class Diverged(Exception):
    """The loss, the outputs or the weights stopped being finite."""


class _StopRequested(Exception):
    pass


def clear_grads(optimizer: torch.optim.Optimizer) -> None:
    """``optimizer.zero_grad(set_to_none=True)`` without its profiler and compiler wrappers: the same
    effect, ~6 µs less a step (1 % of the lecture's stacked AE step on one CPU thread)."""
    for group in optimizer.param_groups:
        for p in group["params"]:
            p.grad = None


def _all_finite(tensors: list[torch.Tensor]) -> bool:
    """Whether every element of ``tensors`` is finite, with one host synchronisation.

    A sum is finite only if all its terms are (an inf or a NaN spreads), so one sum per tensor answers
    at once in the usual case — ~10× cheaper than ``isfinite().all()`` per tensor. Only a sum that
    overflows (huge but finite weights) needs the element-wise look.
    """
    if not tensors:
        return True
    low = (torch.float16, torch.bfloat16)
    sums = torch.stack([t.sum(dtype=torch.float32) if t.dtype in low else t.sum() for t in tensors])
    if bool(torch.isfinite(sums.sum()).all()):
        return True
    return all(bool(torch.isfinite(t).all()) for t in tensors)


class Trainer:
    """Drives one run of ``model`` on ``dataset`` with ``config``.

    The model must already be on ``device``; so is the data after construction.
    """

    family: str
    metric_names: tuple[str, ...] = ("loss",)
    drop_last = False
    guard_every = 50  # steps between copies of the last good weights

    def __init__(
        self,
        model: nn.Module,
        dataset: Dataset,
        config: TrainConfig,
        device: torch.device,
        control: RunControl | None = None,
    ) -> None:
        self.model = model
        self.config = config
        self.device = device
        self.control = control or RunControl()
        self.dataset_name = dataset.name
        self.data_source = dataset.source  # where the images came from: the run's record names it
        train, val = dataset.split()
        self.train_set: ImageSet = train.to(device)
        self.val_set: ImageSet = val.to(device)
        self.cpu_rng = torch.Generator().manual_seed(config.seed)
        # its own generator
        self.augmenter = BatchAugmenter(config.seed, self.augmentation) if config.augment else None
        self.metrics_every = config.metrics_every or (1 if device.type == "cpu" else 50)
        self.history: dict[str, list[float]] = {}
        self.global_step = 0
        self.epochs_completed = 0
        self._good_state: dict[str, torch.Tensor] | None = None
        self.run_history = RunHistory(dataset=dataset.name)  # every snapshot and curve (engine.history)
        self.resume_notes: list[str] = []  # set by engine.train.resume when the run continues a checkpoint
        self.optimizer_restored = True
        self.resumed_mid_epoch = False  # a continued run that had stopped during an epoch

    # -- to be provided by each family ---------------------------------------
    augment_batches = True  # augmentation, when on, changes the batches (a GAN changes what D sees instead)
    augmentation = DEFAULT_AUGMENTATION  # how far (engine.train.augment)

    def train_step(self, x: torch.Tensor) -> dict[str, torch.Tensor]:
        raise NotImplementedError

    def validate(self) -> dict[str, float]:
        return {}

    def snapshots(self) -> list[tuple[str, torch.Tensor, torch.Tensor | None]]:
        """(kind, images in [0, 1], originals or None) to render now."""
        return []

    def single_phase(self, phase: str) -> dict[str, float] | None:
        """One step of a single phase (GANs only)."""
        return None

    def optimizers(self) -> dict[str, torch.optim.Optimizer]:
        """The run's optimisers by name, whose state a checkpoint keeps so that the run can continue."""
        return {}

    def latent_probe(self) -> tuple[torch.Tensor, torch.Tensor] | None:
        """(codes (M, D), labels (M,)) of a fixed subset of validation images, for the history's map; or None."""
        return None

    def unit_target(self) -> float | None:
        """The sparse AE's target activation, when its units' mean activations are tracked; else None."""
        return None

    # -- helpers ----------------------------------------------------------------
    def epoch_order(self, epoch: int) -> torch.Tensor:
        """The training images' order for ``epoch`` (a distributed run gives each rank its own shard)."""
        return torch.randperm(len(self.train_set), generator=self.cpu_rng).to(self.device)

    def batch(self, indices: torch.Tensor) -> torch.Tensor:
        """Images of a batch, converted to float on the fly: (B, 28, 28) in [0, 1] (augmented when asked)."""
        # index_select, not images[indices]: the same rows, without advanced indexing's general machinery,
        # which costs ~10 µs a batch on one CPU thread and several times more on two.
        x = self.train_set.images.index_select(0, indices).float().div_(255.0)
        return x if self.augmenter is None or not self.augment_batches else self.augmenter(x, self.global_step)

    @property
    def steps_per_epoch(self) -> int:
        n, b = len(self.train_set), self.config.batch_size
        steps = n // b if self.drop_last else math.ceil(n / b)
        if self.config.max_steps_per_epoch:
            steps = min(steps, self.config.max_steps_per_epoch)
        return max(steps, 1)

    def _remember_good_weights(self) -> None:
        state = self.model.state_dict()
        if not _all_finite([t for t in state.values() if t.is_floating_point()]):
            raise Diverged(_("the weights became infinite or NaN"))
        if self._good_state is None:
            self._good_state = {k: v.detach().clone() for k, v in state.items()}
        else:
            for k, v in state.items():
                self._good_state[k].copy_(v)

    def _host_values(self, window: dict[str, torch.Tensor]) -> list[float]:
        """The window's summed metrics as Python floats: on a GPU one synchronisation for them all."""
        values = list(window.values())
        if self.device.type == "cpu" or len(values) == 1 or not all(isinstance(v, torch.Tensor) for v in values):
            return [float(v) for v in values]
        return torch.stack(values).tolist()  # (stack promotes mixed dtypes, as float() would not round)

    def _restore_good_weights(self) -> None:
        if self._good_state is not None:
            self.model.load_state_dict(self._good_state)

    def _snapshot_events(self, epoch: int, epoch_end: bool = False) -> Iterator[ev.Snapshot]:
        was_training = self.model.training
        self.model.eval()
        with torch.no_grad():
            shots = self.snapshots()
            probe = self.latent_probe() if epoch_end else None  # the map: once per epoch (an encoder pass)
        self.model.train(was_training)
        extra = {}
        if probe is not None:  # the history's map: the fixed codes on the run's plane (and sparse units)
            codes = probe[0].float().cpu().numpy()
            extra = {"map_xy": self.run_history.project(codes), "map_labels": probe[1]}
            if self.unit_target() is not None:
                extra.update(unit_activation=codes.mean(axis=0).astype("float16"), unit_target=self.unit_target())
        for kind, images, originals in shots:
            yield ev.Snapshot(
                epoch=epoch,
                global_step=self.global_step,
                kind=kind,
                images=ev.to_uint8_images(images),
                originals=None if originals is None else ev.to_uint8_images(originals),
                epoch_end=epoch_end,
                **extra,
            )

    def _phase_events(self, phase: str, epoch: int, step: int) -> Iterator[ev.Event]:
        metrics = self.single_phase(phase)
        if metrics is not None:
            self.global_step += 1  # a single phase is a step too: the curves and the record advance with it
            yield ev.StepMetrics(
                epoch=epoch, step=step, global_step=self.global_step, metrics=metrics, samples_per_s=0.0, phase=phase
            )
            yield from self._snapshot_events(epoch)

    # -- the loop -----------------------------------------------------------------
    def run(self) -> Iterator[ev.Event]:
        """Train, yielding events; always ends with exactly one RunEnded.

        Every event also goes to ``self.run_history``, which a saved checkpoint keeps.
        """
        for event in self._events():
            self.run_history.record(event)
            yield event

    def _events(self) -> Iterator[ev.Event]:
        config = self.config
        start = time.perf_counter()
        first_epoch = self.epochs_completed + 1  # > 1 when the run continues a checkpoint
        yield ev.RunStarted(
            family=self.family,
            dataset=self.dataset_name,
            device=describe_device(self.device),
            epochs=config.epochs,
            steps_per_epoch=self.steps_per_epoch,
            batch_size=config.batch_size,
            train_size=len(self.train_set),
            val_size=len(self.val_set),
            metric_names=self.metric_names,
            first_epoch=first_epoch,
            resumed_step=self.global_step,
            optimizer_restored=self.optimizer_restored,
            notes=tuple(self.resume_notes),
        )
        reason, message = (
            ev.FINISHED,
            ngettext("Finished {n} epoch.", "Finished {n} epochs.", config.epochs).format(n=config.epochs),
        )
        epoch = first_epoch
        try:
            self.model.train()
            self._remember_good_weights()
            if self.resumed_mid_epoch:  # where the stopped run left off, in the epoch it had begun
                yield from self._snapshot_events(first_epoch)
            else:  # epoch 0, or the end of the epoch a continued run stopped after
                yield from self._snapshot_events(self.epochs_completed, epoch_end=True)
            steps = self.steps_per_epoch
            snapshot_every = max(1, steps // max(1, config.snapshots_per_epoch))
            for epoch in range(first_epoch, config.epochs + 1):
                order = self.epoch_order(epoch)
                epoch_start = time.perf_counter()
                window_start, window_samples = epoch_start, 0
                sums: dict[str, torch.Tensor] = {}
                window: dict[str, torch.Tensor] = {}
                window_steps = 0
                epoch_samples = 0
                for step in range(1, steps + 1):
                    # Pause / stop / single phases, checked every step.
                    control = self.control
                    if control.paused or control.stop_requested:
                        if control.paused and not control.stop_requested:
                            yield ev.RunPaused(self.global_step)
                            paused_at = time.perf_counter()
                            while True:
                                phase = control.wait_while_paused()
                                if phase is None:
                                    break
                                yield from self._phase_events(phase, epoch, step)
                            # The epoch's speed counts training time only, not the pause (nor its single steps).
                            epoch_start += time.perf_counter() - paused_at
                            if not control.stop_requested:
                                yield ev.RunResumed(self.global_step)
                                window_start, window_samples = time.perf_counter(), 0
                        if control.stop_requested:
                            raise _StopRequested
                    indices = order[(step - 1) * config.batch_size : step * config.batch_size]
                    x = self.batch(indices)
                    values = self.train_step(x)
                    self.global_step += 1
                    n = x.shape[0]
                    window_samples += n
                    epoch_samples += n
                    window_steps += 1
                    for k, v in values.items():
                        window[k] = window[k] + v if k in window else v
                    if window_steps >= self.metrics_every or step == steps:
                        averaged = {}
                        for k, v in zip(window, self._host_values(window)):
                            v /= window_steps
                            if not math.isfinite(v):
                                raise Diverged(_("the training loss became infinite or NaN"))
                            averaged[k] = v
                            sums[k] = sums.get(k, 0.0) + v * window_steps
                        now = time.perf_counter()
                        rate = window_samples / max(now - window_start, 1e-9)
                        yield ev.StepMetrics(
                            epoch=epoch, step=step, global_step=self.global_step, metrics=averaged, samples_per_s=rate
                        )
                        window, window_steps = {}, 0
                        window_start, window_samples = now, 0
                        if self.global_step % self.guard_every < self.metrics_every:
                            self._remember_good_weights()
                    if step % snapshot_every == 0 and step != steps:
                        yield from self._snapshot_events(epoch)
                epoch_time = time.perf_counter() - epoch_start
                self._remember_good_weights()
                train_means = {k: v / steps for k, v in sums.items()}
                self.model.eval()
                with torch.no_grad():
                    val = self.validate()
                self.model.train()
                if not all(math.isfinite(v) for v in val.values()):
                    raise Diverged(_("the validation loss became infinite or NaN"))
                self.epochs_completed = epoch
                for k, v in train_means.items():
                    self.history.setdefault(k, []).append(v)
                for k, v in val.items():
                    self.history.setdefault(f"val_{k}", []).append(v)
                self.history.setdefault("samples_per_s", []).append(epoch_samples / max(epoch_time, 1e-9))
                yield ev.EpochSummary(
                    epoch=epoch,
                    train=train_means,
                    val=val,
                    elapsed_s=time.perf_counter() - start,
                    samples_per_s=epoch_samples / max(epoch_time, 1e-9),
                )
                yield from self._snapshot_events(epoch, epoch_end=True)
        except _StopRequested:
            reason = ev.STOPPED
            message = ngettext(
                "Stopped by request after {n} step; the weights are kept.",
                "Stopped by request after {n} steps; the weights are kept.",
                self.global_step,
            ).format(n=self.global_step)
        except Diverged as exc:
            self._restore_good_weights()
            reason = ev.DIVERGED
            message = _(
                "Training diverged at step {step}: {reason}. The last good weights were kept; try a lower "
                "learning rate than {lr:g}."
            ).format(step=self.global_step, reason=exc, lr=config.lr)
        except torch.cuda.OutOfMemoryError:
            self._restore_good_weights()
            if self.device.type == "cuda":
                torch.cuda.empty_cache()
            reason = ev.OUT_OF_MEMORY
            message = _("The GPU ran out of memory with batch size {batch}; try a smaller batch size.").format(
                batch=config.batch_size
            )
        except Exception as exc:  # reported as an event: a consumer never sees a raw traceback
            reason = ev.ERROR
            message = _("Training failed: {error}").format(error=f"{exc.__class__.__name__}: {exc}")
            self.history["traceback"] = [traceback.format_exc()]  # type: ignore[list-item]
        elapsed = time.perf_counter() - start
        final = {k[4:]: v[-1] for k, v in self.history.items() if k.startswith("val_") and v}
        if not final:  # GANs have no validation loss: their last epoch's four numbers stand in
            final = {k: self.history[k][-1] for k in self.metric_names if self.history.get(k)}
        speeds = self.history.get("samples_per_s") or []
        final["samples_per_s"] = sum(speeds) / len(speeds) if speeds else 0.0
        final["elapsed_s"] = elapsed
        history = {k: v for k, v in self.history.items() if k != "traceback"}
        if reason == ev.ERROR:
            final["traceback"] = self.history.get("traceback", [""])[0]
        yield ev.RunEnded(
            reason=reason,
            message=message,
            epochs_completed=self.epochs_completed,
            global_step=self.global_step,
            history=history,
            final=final,
            run_history=self.run_history,
        )

    def fixed_indices(self, count: int) -> torch.Tensor:
        """A fixed, class-spread set of validation images for snapshots."""
        count = min(count, len(self.val_set))
        return torch.linspace(0, len(self.val_set) - 1, count).long().to(self.device)
