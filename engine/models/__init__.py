"""The lecture's models, built from a :class:`ModelConfig` by their family's record."""

from __future__ import annotations

from torch import nn

from .autoencoders import Autoencoder, ConvAE, LossOutput, SparseAE, StackedAE
from .config import ModelConfig, default_model_config
from .families import (
    AUTOENCODER_FAMILIES,
    DESCRIPTIONS,
    FAMILIES,
    GENERATOR_FAMILIES,
    Family,
    Option,
    TrainingDefaults,
    families,
    family_keys,
    family_rank,
    find_family,
    get_family,
    register_family,
    unregister_family,
)
from .gan import DCGAN, GAN
from .layers import count_parameters, describe_layers
from .vae import VAE


def build_model(config: ModelConfig) -> nn.Module:
    config.validate()
    return get_family(config.family).model(config)


def keras_parameter_count(model: nn.Module) -> int:
    """Parameters as Keras' summary counts them: BatchNorm's moving statistics included."""
    extra = sum(
        m.running_mean.numel() + m.running_var.numel() for m in model.modules() if isinstance(m, nn.BatchNorm2d)
    )
    return count_parameters(model) + extra


__all__ = [
    "AUTOENCODER_FAMILIES",
    "DESCRIPTIONS",
    "FAMILIES",
    "GENERATOR_FAMILIES",
    "Autoencoder",
    "ConvAE",
    "DCGAN",
    "GAN",
    "Family",
    "LossOutput",
    "ModelConfig",
    "Option",
    "SparseAE",
    "StackedAE",
    "TrainingDefaults",
    "VAE",
    "build_model",
    "count_parameters",
    "default_model_config",
    "describe_layers",
    "families",
    "family_keys",
    "family_rank",
    "find_family",
    "get_family",
    "keras_parameter_count",
    "register_family",
    "unregister_family",
]
