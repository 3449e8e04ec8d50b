"""The lecture's models, built from a :class:`ModelConfig`."""

from __future__ import annotations

from torch import nn

from .autoencoders import Autoencoder, ConvAE, LossOutput, SparseAE, StackedAE
from .config import (
    AUTOENCODER_FAMILIES,
    DESCRIPTIONS,
    FAMILIES,
    GENERATOR_FAMILIES,
    ModelConfig,
    default_model_config,
)
from .gan import DCGAN, GAN
from .layers import count_parameters, describe_layers
from .vae import VAE

_CLASSES = {"stacked": StackedAE, "denoising": StackedAE, "conv": ConvAE, "sparse": SparseAE, "vae": VAE,
            "gan": GAN, "dcgan": DCGAN}  # fmt: skip


def build_model(config: ModelConfig) -> nn.Module:
    config.validate()
    return _CLASSES[config.family](config)


def keras_parameter_count(model: nn.Module) -> int:
    """Parameters as Keras' summary counts them: BatchNorm's moving statistics included."""
    extra = sum(m.running_mean.numel() + m.running_var.numel() for m in model.modules()
                if isinstance(m, nn.BatchNorm2d))  # fmt: skip
    return count_parameters(model) + extra


__all__ = [
    "AUTOENCODER_FAMILIES", "DESCRIPTIONS", "FAMILIES", "GENERATOR_FAMILIES", "Autoencoder", "ConvAE", "DCGAN",
    "GAN", "LossOutput", "ModelConfig", "SparseAE", "StackedAE", "VAE", "build_model", "count_parameters",
    "default_model_config", "describe_layers", "keras_parameter_count",
]  # fmt: skip
