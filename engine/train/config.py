"""Training settings: one dataclass; each family's defaults (the lecture's) live in its record."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields

import torch

from ..i18n import _

OPTIMIZERS = ("sgd", "rmsprop", "adam")


@dataclass
class TrainConfig:
    epochs: int = 10  # passes over the training split
    batch_size: int = 32  # images per step
    lr: float = 1.5  # learning rate
    optimizer: str = "sgd"  # "sgd" (no momentum), "rmsprop" or "adam", with Keras' constants
    seed: int = 42  # seeds the weights, the shuffling and the noise: a CPU run is reproducible
    device: str = "auto"  # "auto" (CUDA, then MPS, then CPU), "cpu", "cuda", "cuda:N", "mps"
    threads: int = 0  # CPU threads for torch; 0 leaves torch's choice
    snapshots_per_epoch: int = 4  # how often the fixed batch is re-rendered (and at each epoch end)
    snapshot_size: int = 16  # images in the fixed validation/noise batch
    metrics_every: int = 0  # steps between StepMetrics events; 0 = 1 on CPU, 50 on a GPU
    max_steps_per_epoch: int = 0  # cap on steps per epoch (quick runs and tests); 0 = the whole split
    compile: bool = False  # the compiled fast path (engine.train.compiled), when the run is long enough
    augment: bool = False  # each batch randomly shifted, turned, scaled and re-inked (engine.train.augment)

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> TrainConfig:
        known = {f.name for f in fields(cls)}
        config = cls(**{k: v for k, v in data.items() if k in known})
        config.validate()
        return config

    def validate(self) -> None:
        if self.epochs < 1:
            raise ValueError(_("epochs must be at least 1, not {epochs}").format(epochs=self.epochs))
        if not 1 <= self.batch_size <= 65536:
            raise ValueError(
                _("batch size must be between 1 and 65536, not {batch_size}").format(batch_size=self.batch_size)
            )
        if not (self.lr > 0 and self.lr <= 1e6):
            raise ValueError(_("learning rate must be positive (and at most 1e6), not {lr}").format(lr=self.lr))
        if self.optimizer not in OPTIMIZERS:
            raise ValueError(
                _("optimizer must be one of {items}, not {optimizer!r}").format(
                    items=", ".join(OPTIMIZERS), optimizer=self.optimizer
                )
            )


def default_train_config(family: str, **overrides) -> TrainConfig:
    """The lecture's training settings for ``family`` (its record's), with the overrides that are not None."""
    from ..models import get_family

    lecture = get_family(family).training
    values = {
        "epochs": lecture.epochs,
        "batch_size": lecture.batch_size,
        "lr": lecture.lr,
        "optimizer": lecture.optimizer,
    }
    values.update({k: v for k, v in overrides.items() if v is not None})
    config = TrainConfig(**values)
    config.validate()
    return config


def make_optimizer(name: str, params, lr: float) -> torch.optim.Optimizer:
    """Keras' optimisers: plain SGD; RMSprop with ρ 0.9 and ε 1e-7; Adam with ε 1e-7."""
    if name == "sgd":
        return torch.optim.SGD(params, lr=lr)
    if name == "rmsprop":
        return torch.optim.RMSprop(params, lr=lr, alpha=0.9, eps=1e-7)
    if name == "adam":
        return torch.optim.Adam(params, lr=lr, eps=1e-7)
    raise ValueError(_("unknown optimizer {name!r}").format(name=name))
