"""The lecture's autoencoders: stacked, convolutional, denoising and sparse.

Decoders end in raw logits; the sigmoid the lecture puts on the last layer is
applied by :meth:`Autoencoder.decode`, and training uses BCE-with-logits — the
same maths, numerically safer, and a NaN never reaches a CUDA BCE assert.
"""

from __future__ import annotations

from dataclasses import dataclass

import torch
import torch.nn.functional as F
from torch import nn

from .config import ModelConfig
from .layers import GaussianNoise, dense, keras_init

IMAGE_PIXELS = 28 * 28


@dataclass
class LossOutput:
    total: torch.Tensor  # what the optimiser minimises
    reconstruction: torch.Tensor  # mean BCE per pixel
    logits: torch.Tensor  # (N, 784) decoder output before the sigmoid


def bce_per_pixel(logits: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
    """Keras' ``binary_crossentropy``: mean over pixels, then over the batch."""
    return F.binary_cross_entropy_with_logits(logits, target)


class Autoencoder(nn.Module):
    """Common interface: ``encode``, ``decode``, ``reconstruct`` on (N, 28, 28) images in [0, 1]."""

    kind = "autoencoder"

    def __init__(self, config: ModelConfig) -> None:
        super().__init__()
        self.config = config

    # Subclasses provide: encoder (N,1,28,28|N,784 → code), decoder (code → logits N,784)
    def _encoder_input(self, x: torch.Tensor) -> torch.Tensor:
        return x.reshape(x.shape[0], IMAGE_PIXELS)

    def code(self, x: torch.Tensor) -> torch.Tensor:
        return self.encoder(self._encoder_input(x))

    def logits(self, x: torch.Tensor) -> torch.Tensor:
        return self.decoder(self.code(x)).reshape(x.shape[0], IMAGE_PIXELS)

    def compute_loss(self, x: torch.Tensor) -> LossOutput:
        logits = self.logits(x)
        recon = bce_per_pixel(logits, x.reshape(x.shape[0], IMAGE_PIXELS))
        return LossOutput(total=recon, reconstruction=recon, logits=logits)

    # -- what the app calls (no noise, no gradient bookkeeping by the caller) --
    @property
    def coding_size(self) -> int:
        return self.config.coding_size

    def encode(self, x: torch.Tensor) -> torch.Tensor:
        """The code of each image, flattened to (N, coding_size)."""
        return self.code(x).reshape(x.shape[0], -1)

    def decode(self, z: torch.Tensor) -> torch.Tensor:
        """Images (N, 28, 28) in [0, 1] from codes (N, coding_size)."""
        return torch.sigmoid(self.decoder(z)).reshape(z.shape[0], 28, 28)

    def reconstruct(self, x: torch.Tensor) -> torch.Tensor:
        return torch.sigmoid(self.logits(x)).reshape(x.shape[0], 28, 28)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.reconstruct(x)


class StackedAE(Autoencoder):
    """784-100-30 SELU encoder, mirrored decoder, sigmoid output (also the denoiser's body)."""

    def __init__(self, config: ModelConfig) -> None:
        super().__init__(config)
        corruption: list[nn.Module] = []
        if config.family == "denoising":
            if config.noise == "gaussian":
                corruption = [GaussianNoise(config.noise_std)]
            else:
                corruption = [nn.Dropout(config.dropout_rate)]
        d = config.coding_size
        self.encoder = nn.Sequential(*corruption, *dense(IMAGE_PIXELS, 100), *dense(100, d))
        self.decoder = nn.Sequential(*dense(d, 100), nn.Linear(100, IMAGE_PIXELS))
        keras_init(self)


class SparseAE(Autoencoder):
    """784-100-300 encoder with a sigmoid coding layer kept sparse by a penalty.

    ``kl``: weight · Σ_units [KL(t ‖ ρ̂) + KL(1−t ‖ 1−ρ̂)] / batch size, ρ̂ the batch-mean
    activation of each coding unit, t the target (Géron's KLDivergenceRegularizer).
    ``l1``: weight · Σ_batch Σ_units |code| / batch size (Keras' ActivityRegularization).

    Keras divides every activity-regularisation loss by the batch size; we do the
    same, so that the lecture's weights give the lecture's results.
    """

    def __init__(self, config: ModelConfig) -> None:
        super().__init__(config)
        d = config.coding_size
        self.encoder = nn.Sequential(*dense(IMAGE_PIXELS, 100), *dense(100, d, "sigmoid"))
        self.decoder = nn.Sequential(*dense(d, 100), nn.Linear(100, IMAGE_PIXELS))
        keras_init(self)

    def sparsity_penalty(self, code: torch.Tensor) -> torch.Tensor:
        weight = self.config.sparsity_weight
        if self.config.sparsity == "l1":
            return weight * code.abs().sum(dim=1).mean()
        target = self.config.sparsity_target
        rho = code.mean(dim=0).clamp(1e-7, 1 - 1e-7)
        kl = target * torch.log(target / rho) + (1 - target) * torch.log((1 - target) / (1 - rho))
        return weight * kl.sum() / code.shape[0]

    def compute_loss(self, x: torch.Tensor) -> LossOutput:
        code = self.code(x)
        logits = self.decoder(code)
        recon = bce_per_pixel(logits, x.reshape(x.shape[0], IMAGE_PIXELS))
        return LossOutput(total=recon + self.sparsity_penalty(code), reconstruction=recon, logits=logits)


class ConvAE(Autoencoder):
    """Conv 16/32/64 (3×3, same, SELU) + MaxPool 2 → 3×3×64; ConvTranspose 32 (valid) /16/1 (same), stride 2."""

    def __init__(self, config: ModelConfig) -> None:
        super().__init__(config)
        self.encoder = nn.Sequential(
            nn.Conv2d(1, 16, 3, padding=1),
            nn.SELU(),
            nn.MaxPool2d(2),
            nn.Conv2d(16, 32, 3, padding=1),
            nn.SELU(),
            nn.MaxPool2d(2),
            nn.Conv2d(32, 64, 3, padding=1),
            nn.SELU(),
            nn.MaxPool2d(2),
        )
        self.decoder = nn.Sequential(
            nn.Unflatten(1, (64, 3, 3)),
            nn.ConvTranspose2d(64, 32, 3, stride=2),
            nn.SELU(),  # 3 → 7 ("valid")
            nn.ConvTranspose2d(32, 16, 3, stride=2, padding=1, output_padding=1),
            nn.SELU(),  # 7 → 14
            nn.ConvTranspose2d(16, 1, 3, stride=2, padding=1, output_padding=1),  # 14 → 28
        )
        keras_init(self)

    @property
    def coding_size(self) -> int:
        return 64 * 3 * 3

    def _encoder_input(self, x: torch.Tensor) -> torch.Tensor:
        return x.reshape(x.shape[0], 1, 28, 28)

    def code(self, x: torch.Tensor) -> torch.Tensor:
        return self.encoder(self._encoder_input(x)).flatten(1)
