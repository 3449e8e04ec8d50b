"""Shared building blocks, initialised as Keras does (Glorot uniform, zero bias)."""

from __future__ import annotations

import torch
from torch import nn

from ..i18n import _


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


def _detail(layer: nn.Module) -> str:
    """A short, Keras-like description of one layer's settings."""
    if isinstance(layer, nn.Linear):
        return f"{layer.in_features} → {layer.out_features}"
    if isinstance(layer, (nn.Conv2d, nn.ConvTranspose2d)):
        k, st, pad = layer.kernel_size[0], layer.stride[0], layer.padding[0]
        return _("{inputs} → {outputs} channels, {k}×{k}, stride {stride}, padding {padding}").format(
            inputs=layer.in_channels, outputs=layer.out_channels, k=k, stride=st, padding=pad
        )
    if isinstance(layer, nn.MaxPool2d):
        return _("pool {size}").format(size=layer.kernel_size)
    if isinstance(layer, nn.Dropout):
        return _("rate {rate}").format(rate=layer.p)
    if isinstance(layer, GaussianNoise):
        return f"σ {layer.std}"
    if isinstance(layer, nn.LeakyReLU):
        return _("slope {slope}").format(slope=layer.negative_slope)
    if isinstance(layer, nn.BatchNorm2d):
        return _("{n} channels").format(n=layer.num_features)
    if isinstance(layer, nn.Unflatten):
        return _("to {shape}").format(shape="×".join(str(d) for d in layer.unflattened_size))
    return ""


def _output_shapes(model: nn.Module) -> dict[nn.Module, tuple[int, ...]]:
    """Each leaf layer's output shape (batch dimension left out), from one example pass."""
    shapes: dict[nn.Module, tuple[int, ...]] = {}

    def record(module: nn.Module, _inputs, output: torch.Tensor) -> None:
        shapes.setdefault(module, tuple(output.shape[1:]))

    hooks = [m.register_forward_hook(record) for m in model.modules() if not list(m.children())]
    was_training = model.training
    model.eval()
    try:
        with torch.no_grad():
            device = next(model.parameters()).device
            from ..sampling import class_codes, code_size
            from .families import get_family

            if get_family(model.config.family).reconstructs:
                model.decode(model.encode(torch.zeros(2, 28, 28, device=device)))
            else:  # a generator and its judge (and the head that reads its class codes, if any)
                images = model.generate(torch.zeros(2, code_size(model), device=device))
                model.discriminate(images)
                if class_codes(model):
                    model.discriminator_logits_and_codes(model.to_model_space(images.reshape(2, 1, 28, 28)))
    finally:
        for hook in hooks:
            hook.remove()
        model.train(was_training)
    return shapes


def describe_layers(model: nn.Module) -> list[dict]:
    """One row per leaf layer — name, kind, settings, output shape, parameters — like Keras' summary.

    The UI shows this table the way the lecture shows its Keras code.
    """
    try:
        shapes = _output_shapes(model)
    except Exception:  # a description must never fail because of the example pass
        shapes = {}
    rows = []
    for name, layer in model.named_modules():
        if list(layer.children()):
            continue
        params = sum(p.numel() for p in layer.parameters(recurse=False))
        shape = shapes.get(layer)
        rows.append(
            {
                "name": name,
                "layer": layer.__class__.__name__,
                "detail": _detail(layer),
                "output": "×".join(str(d) for d in shape) if shape else "",
                "params": params,
            }
        )
    return rows


def count_parameters(model: nn.Module) -> int:
    return sum(p.numel() for p in model.parameters())
