"""The variational autoencoder of the lecture (Géron, chapter 17)."""

from __future__ import annotations

import torch
from torch import nn

from .autoencoders import IMAGE_PIXELS, Autoencoder, LossOutput, bce_per_pixel
from .config import ModelConfig
from .layers import dense, keras_init


def latent_loss(mean: torch.Tensor, log_var: torch.Tensor) -> torch.Tensor:
    """KL(q(z|x) ‖ N(0, I)) per image: −½ Σ (1 + log σ² − σ² − μ²), averaged over the batch.

    The lecture divides it by 784 so that it sits on the scale of the per-pixel BCE.
    """
    kl = -0.5 * torch.sum(1 + log_var - log_var.exp() - mean.square(), dim=1)
    return kl.mean() / IMAGE_PIXELS


class VAE(Autoencoder):
    """784-150-100 → μ, log σ² (10-d by default) → 100-150-784."""

    def __init__(self, config: ModelConfig) -> None:
        super().__init__(config)
        d = config.coding_size
        self.encoder = nn.Sequential(*dense(IMAGE_PIXELS, 150), *dense(150, 100))
        self.mean = nn.Linear(100, d)
        self.log_var = nn.Linear(100, d)
        self.decoder = nn.Sequential(*dense(d, 100), *dense(100, 150), nn.Linear(150, IMAGE_PIXELS))
        keras_init(self)

    def encode_distribution(self, x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        hidden = self.encoder(self._encoder_input(x))
        return self.mean(hidden), self.log_var(hidden)

    @staticmethod
    def reparameterize(mean: torch.Tensor, log_var: torch.Tensor) -> torch.Tensor:
        return mean + torch.randn_like(mean) * torch.exp(0.5 * log_var)

    def code(self, x: torch.Tensor) -> torch.Tensor:
        mean, log_var = self.encode_distribution(x)
        return self.reparameterize(mean, log_var) if self.training else mean

    def encode(self, x: torch.Tensor) -> torch.Tensor:
        """The mean code μ of each image (what the latent map shows)."""
        return self.encode_distribution(x)[0]

    def compute_loss(self, x: torch.Tensor) -> LossOutput:
        mean, log_var = self.encode_distribution(x)
        logits = self.decoder(self.reparameterize(mean, log_var))
        recon = bce_per_pixel(logits, x.reshape(x.shape[0], IMAGE_PIXELS))
        return LossOutput(total=recon + latent_loss(mean, log_var), reconstruction=recon, logits=logits)

    # -- generator interface ------------------------------------------------
    def generate(self, z: torch.Tensor) -> torch.Tensor:
        return self.decode(z)

    @torch.no_grad()
    def sample(self, n: int, generator: torch.Generator | None = None) -> torch.Tensor:
        """n new images (N, 28, 28) from codings z ~ N(0, I), for display: no gradient is kept."""
        device = next(self.parameters()).device
        z = torch.randn(n, self.coding_size, generator=generator, device="cpu").to(device)
        return self.generate(z)
