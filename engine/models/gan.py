"""The lecture's dense GAN and Géron's DCGAN.

Both discriminators end in a logit; the lecture's final sigmoid is applied by
:meth:`GAN.discriminate`, and training uses BCE-with-logits.

A DCGAN may also take *class codes* (``categorical_codes`` K > 0; 0 is the lecture's): InfoGAN's
categorical code (Chen et al. 2016). G's input is then z followed by one of K one-hot codes, and a head Q
on D's features guesses which code drew an image; G and Q learn together to make the code recoverable, so
each code comes to draw one kind of image (usually one class) without any labels.
"""

from __future__ import annotations

import torch
import torch.nn.functional as F
from torch import nn

from ..i18n import _
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
        """Numbers in the noise z (the lecture's coding size)."""
        return self.config.coding_size

    @property
    def categorical_codes(self) -> int:
        """K one-hot class codes after z in G's input (InfoGAN); 0: none, the lecture's."""
        return int(self.config.categorical_codes)

    @property
    def code_size(self) -> int:
        """Numbers in G's input: z, then the one-hot class code if any."""
        return self.coding_size + self.categorical_codes

    def draw_codes(
        self, n: int, generator: torch.Generator | None = None, code_class: int | None = None
    ) -> tuple[torch.Tensor, torch.Tensor | None]:
        """``n`` codes (N, code_size) on the CPU (a seed gives the same batch on any device): z ~ N(0, I),
        then a one-hot class code, uniform or ``code_class`` for all; and the classes (None without codes)."""
        z = torch.randn(n, self.coding_size, generator=generator)
        if code_class is not None and not 0 <= int(code_class) < self.categorical_codes:
            if not self.categorical_codes:
                raise ValueError(_("this model has no class codes"))
            raise ValueError(
                _("class code must be between 1 and {count}, not {number}").format(
                    count=self.categorical_codes, number=int(code_class) + 1
                )
            )
        if not self.categorical_codes:
            return z, None
        if code_class is None:
            classes = torch.randint(self.categorical_codes, (n,), generator=generator)
        else:
            classes = torch.full((n,), int(code_class), dtype=torch.long)
        return self.code_input(z, classes), classes

    def code_input(self, z: torch.Tensor, classes: torch.Tensor | None) -> torch.Tensor:
        """G's input: ``z`` (N, coding_size) followed by the one-hot codes of ``classes`` (N,), if any."""
        if classes is None:
            return z
        return torch.cat([z, F.one_hot(classes, self.categorical_codes).to(z.dtype)], 1)

    # Images in the networks' own range ([0, 1] here, [−1, 1] for the DCGAN).
    def to_model_space(self, x01: torch.Tensor) -> torch.Tensor:
        return x01

    def from_model_space(self, x: torch.Tensor) -> torch.Tensor:
        return x

    def noise(self, n: int, generator: torch.Generator | None = None) -> torch.Tensor:
        """G's inputs (:meth:`draw_codes`), on the model's device."""
        return self.draw_codes(n, generator)[0].to(next(self.parameters()).device)

    def generate_raw(self, z: torch.Tensor) -> torch.Tensor:
        return self.generator(z).reshape(z.shape[0], 1, 28, 28)

    def discriminator_logits(self, x: torch.Tensor) -> torch.Tensor:
        return self.discriminator(x).reshape(-1)

    # -- what the app calls ---------------------------------------------------
    def generate(self, z: torch.Tensor) -> torch.Tensor:
        """Images (N, 28, 28) in [0, 1] from codes (N, code_size)."""
        return self.from_model_space(self.generate_raw(z)).reshape(z.shape[0], 28, 28)

    @torch.no_grad()
    def sample(self, n: int, generator: torch.Generator | None = None) -> torch.Tensor:
        """n new images (N, 28, 28) from new codes (:meth:`draw_codes`), for display: no gradient is kept."""
        return self.generate(self.noise(n, generator))

    def discriminate(self, x01: torch.Tensor) -> torch.Tensor:
        """D's probability that each image (N, 28, 28) in [0, 1] is real."""
        x = self.to_model_space(x01.reshape(x01.shape[0], 1, 28, 28))
        return torch.sigmoid(self.discriminator_logits(x))

    def forward(self, z: torch.Tensor) -> torch.Tensor:
        return self.generate(z)


class DCGAN(GAN):
    """G: Dense 7·7·128 → BN → ConvT 64 (5×5, s2, SELU) → BN → ConvT 1 (5×5, s2, tanh);
    D: Conv 64 (5×5, s2, LeakyReLU 0.2) → Dropout 0.4 → Conv 128 → Dropout 0.4 → Dense 1.
    With K class codes, G's Dense takes z + K numbers and Q: D's features → Dense 128 (LeakyReLU 0.2) → K."""

    def __init__(self, config: ModelConfig) -> None:
        nn.Module.__init__(self)
        self.config = config
        self.generator = nn.Sequential(
            nn.Linear(config.coding_size + int(config.categorical_codes), 7 * 7 * 128),
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
        if self.categorical_codes:
            self.q_head = nn.Sequential(
                nn.Linear(128 * 7 * 7, 128), nn.LeakyReLU(0.2), nn.Linear(128, self.categorical_codes)
            )
        keras_init(self)

    def discriminator_logits_and_codes(
        self, x: torch.Tensor, q_only_reads: bool = False
    ) -> tuple[torch.Tensor, torch.Tensor]:
        """D's logits (N,) and Q's logits over the class codes (N, K), from one pass through D's features
        (``q_only_reads``: Q's loss does not change those features, only Q)."""
        features = self.discriminator[:-1](x)
        return self.discriminator[-1](features).reshape(-1), self.q_head(
            features.detach() if q_only_reads else features
        )

    def to_model_space(self, x01: torch.Tensor) -> torch.Tensor:
        return x01 * 2.0 - 1.0

    def from_model_space(self, x: torch.Tensor) -> torch.Tensor:
        return (x + 1.0) / 2.0
