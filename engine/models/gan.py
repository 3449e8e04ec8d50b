"""The lecture's dense GAN and Géron's DCGAN.

Both discriminators end in a logit; the lecture's final sigmoid is applied by
:meth:`GAN.discriminate`, and training uses BCE-with-logits.
"""

from __future__ import annotations

import torch
from torch import nn

from .config import ModelConfig
from .layers import dense, keras_init


class GAN(nn.Module):
    """G: 30 → 100 → 150 → 784 (SELU, sigmoid); D: 784 → 150 → 100 → 1 (SELU, sigmoid)."""

    kind = "gan"

    def __init__(self, config: ModelConfig) -> None:
        super().__init__()
        self.config = config
        d = config.coding_size
        self.generator = nn.Sequential(*dense(d, 100), *dense(100, 150), *dense(150, 28 * 28, "sigmoid"))
        self.discriminator = nn.Sequential(nn.Flatten(), *dense(28 * 28, 150), *dense(150, 100), nn.Linear(100, 1))
        keras_init(self)

    @property
    def coding_size(self) -> int:
        return self.config.coding_size

    # Images in the networks' own range ([0, 1] here, [−1, 1] for the DCGAN).
    def to_model_space(self, x01: torch.Tensor) -> torch.Tensor:
        return x01

    def from_model_space(self, x: torch.Tensor) -> torch.Tensor:
        return x

    def noise(self, n: int, generator: torch.Generator | None = None) -> torch.Tensor:
        """Codings z ~ N(0, I), drawn on the CPU so a seed gives the same batch on any device."""
        device = next(self.parameters()).device
        return torch.randn(n, self.coding_size, generator=generator).to(device)

    def generate_raw(self, z: torch.Tensor) -> torch.Tensor:
        return self.generator(z).reshape(z.shape[0], 1, 28, 28)

    def discriminator_logits(self, x: torch.Tensor) -> torch.Tensor:
        return self.discriminator(x).reshape(-1)

    # -- what the app calls ---------------------------------------------------
    def generate(self, z: torch.Tensor) -> torch.Tensor:
        """Images (N, 28, 28) in [0, 1] from codings (N, coding_size)."""
        return self.from_model_space(self.generate_raw(z)).reshape(z.shape[0], 28, 28)

    @torch.no_grad()
    def sample(self, n: int, generator: torch.Generator | None = None) -> torch.Tensor:
        """n new images (N, 28, 28) from codings z ~ N(0, I), for display: no gradient is kept."""
        return self.generate(self.noise(n, generator))

    def discriminate(self, x01: torch.Tensor) -> torch.Tensor:
        """D's probability that each image (N, 28, 28) in [0, 1] is real."""
        x = self.to_model_space(x01.reshape(x01.shape[0], 1, 28, 28))
        return torch.sigmoid(self.discriminator_logits(x))

    def forward(self, z: torch.Tensor) -> torch.Tensor:
        return self.generate(z)


class DCGAN(GAN):
    """G: Dense 7·7·128 → BN → ConvT 64 (5×5, s2, SELU) → BN → ConvT 1 (5×5, s2, tanh);
    D: Conv 64 (5×5, s2, LeakyReLU 0.2) → Dropout 0.4 → Conv 128 → Dropout 0.4 → Dense 1."""

    def __init__(self, config: ModelConfig) -> None:
        nn.Module.__init__(self)
        self.config = config
        self.generator = nn.Sequential(
            nn.Linear(config.coding_size, 7 * 7 * 128),
            nn.Unflatten(1, (128, 7, 7)),
            nn.BatchNorm2d(128, eps=1e-3, momentum=0.01),
            nn.ConvTranspose2d(128, 64, 5, stride=2, padding=2, output_padding=1),
            nn.SELU(),
            nn.BatchNorm2d(64, eps=1e-3, momentum=0.01),
            nn.ConvTranspose2d(64, 1, 5, stride=2, padding=2, output_padding=1),
            nn.Tanh(),
        )
        self.discriminator = nn.Sequential(
            nn.Conv2d(1, 64, 5, stride=2, padding=2),
            nn.LeakyReLU(0.2),
            nn.Dropout(0.4),
            nn.Conv2d(64, 128, 5, stride=2, padding=2),
            nn.LeakyReLU(0.2),
            nn.Dropout(0.4),
            nn.Flatten(),
            nn.Linear(128 * 7 * 7, 1),
        )
        keras_init(self)

    def to_model_space(self, x01: torch.Tensor) -> torch.Tensor:
        return x01 * 2.0 - 1.0

    def from_model_space(self, x: torch.Tensor) -> torch.Tensor:
        return (x + 1.0) / 2.0
