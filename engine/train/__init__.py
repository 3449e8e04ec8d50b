"""Trainers, their events and the controls that steer them."""

from __future__ import annotations

import torch

from ..data import Dataset
from ..device import pick_device
from ..models import ModelConfig, build_model, get_family
from . import events
from .autoencoder_trainer import AutoencoderTrainer, evaluate_autoencoder
from .config import OPTIMIZERS, TrainConfig, default_train_config
from .control import RunControl
from .gan_trainer import GANTrainer
from .trainer import Trainer


def create_trainer(
    model_config: ModelConfig,
    train_config: TrainConfig,
    dataset: Dataset,
    control: RunControl | None = None,
    model: torch.nn.Module | None = None,
) -> Trainer:
    """Seed, build the model (unless given, e.g. to continue a checkpoint), place it and make its family's trainer."""
    train_config.validate()
    device = pick_device(train_config.device)
    if train_config.threads:
        torch.set_num_threads(train_config.threads)
    torch.manual_seed(train_config.seed)
    if model is None:
        model = build_model(model_config)
    model.to(device)
    trainer = get_family(model_config.family).trainer_class(model, dataset, train_config, device, control)
    if train_config.compile:  # the compiled fast path, unless the run is too short for it to pay
        from .compiled import enable_if_it_pays

        enable_if_it_pays(trainer)
    return trainer


__all__ = [
    "OPTIMIZERS",
    "AutoencoderTrainer",
    "GANTrainer",
    "RunControl",
    "TrainConfig",
    "Trainer",
    "create_trainer",
    "default_train_config",
    "evaluate_autoencoder",
    "events",
]
