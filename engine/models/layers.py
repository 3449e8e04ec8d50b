"""Shared building blocks, initialised as Keras does (Glorot uniform, zero bias)."""

from __future__ import annotations

import torch
from torch import nn


def keras_init(module: nn.Module) -> None:
    """Glorot-uniform weights and zero biases for every Linear/Conv layer, like Keras."""
    for layer in module.modules():
        if isinstance(layer, (nn.Linear, nn.Conv2d, nn.ConvTranspose2d)):
            nn.init.xavier_uniform_(layer.weight)
            if layer.bias is not None:
                nn.init.zeros_(layer.bias)


def dense(in_features: int, out_features: int, activation: str | None = "selu") -> list[nn.Module]:
    layers: list[nn.Module] = [nn.Linear(in_features, out_features)]
    if activation == "selu":
        layers.append(nn.SELU())
    elif activation == "sigmoid":
        layers.append(nn.Sigmoid())
    elif activation is not None:
        raise ValueError(activation)
    return layers


class GaussianNoise(nn.Module):
    """Adds N(0, σ²) noise during training only (Keras' GaussianNoise)."""

    def __init__(self, std: float) -> None:
        super().__init__()
        self.std = float(std)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        if self.training and self.std > 0:
            return x + torch.randn_like(x) * self.std
        return x

    def extra_repr(self) -> str:
        return f"std={self.std}"


def describe_layers(model: nn.Module) -> list[dict]:
    """One row per leaf layer: name, kind, output shape note and parameter count.

    The UI shows this table the way the lecture shows its Keras summary.
    """
    rows = []
    for name, layer in model.named_modules():
        if list(layer.children()):
            continue
        params = sum(p.numel() for p in layer.parameters(recurse=False))
        rows.append({"name": name, "layer": layer.__class__.__name__, "detail": layer.extra_repr(), "params": params})
    return rows


def count_parameters(model: nn.Module) -> int:
    return sum(p.numel() for p in model.parameters())
