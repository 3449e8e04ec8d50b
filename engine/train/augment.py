"""On-the-fly data augmentation: each training batch slightly moved, turned, resized and re-inked.

MNIST's digits are centred, upright, of one size and drawn with one pen, so a model trained on them
alone misreads a digit drawn in the app or rendered from a font that is a little off-centre, tilted,
larger or bolder. Training on batches that vary in exactly those ways (a few pixels, a dozen
degrees, ±15 %, a thicker or thinner stroke) lets it read them.

Everything happens on the batch's own device in a handful of batched torch operations (no Python
loop over images): the stroke width by a blend with a 3×3 dilation or erosion (what ``max_pool2d``
and ``-max_pool2d(-x)`` compute, done as shifted maxima: faster on a CPU), then shift, rotation and
scale in one affine resampling (``affine_grid`` + ``grid_sample``, bilinear, black outside).

The random draws come from a generator of their own, seeded from the run's seed and the global
step: torch's global RNG and the trainer's shuffling generator are never touched, so a run without
augmentation is exactly what it was before, and a run with it is reproducible on the CPU — also
when it is stopped and continued, since the step alone says what each batch gets.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import torch
import torch.nn.functional as F

_MASK64 = (1 << 64) - 1


@dataclass(frozen=True)
class Augmentation:
    """How far each image may be changed (each draw is uniform in its range, per image)."""

    max_shift: float = 2.5  # pixels, along each axis
    max_rotation: float = 12.0  # degrees, either way
    min_scale: float = 0.85  # the digit's size, relative to the original
    max_scale: float = 1.15
    max_thicken: float = 0.5  # blend towards the 3×3 dilation (bolder strokes); 0 = never
    # blend towards the 3×3 erosion (thinner strokes): a pen or a photo's ink is often thinner than MNIST's
    # (0.85 rather than 0.5 took the stacked AE from 90.5 % to 91.1 % kept on tests/data/real_digits, photos
    # from 80.8 % to 85.1 %: assets/measure_real_digits.py)
    max_thin: float = 0.85
    # fainter ink and a soft focus, as on a photographed page: the ink scaled by a factor in [min_ink, 1] and
    # blended up to max_blur towards its 3×3 mean. Off for autoencoders: their target is their input, so
    # they learn to draw faint ink (0.7 / 0.6 took the sparse AE from 88.0 % to 81.6 %), but part of what
    # a GAN's discriminator sees (GAN_AUGMENTATION)
    min_ink: float = 1.0
    max_blur: float = 0.0


DEFAULT_AUGMENTATION = Augmentation()
# What a GAN's discriminator sees real and generated images through (engine.train.gan_trainer): moved,
# turned, re-stroked and re-inked (the colour part of Zhao et al.'s recipe, here the ink's)
GAN_AUGMENTATION = Augmentation(min_ink=0.7, max_blur=0.6)


def augment_batch(
    images: torch.Tensor, generator: torch.Generator, settings: Augmentation = DEFAULT_AUGMENTATION
) -> torch.Tensor:
    """A randomly changed copy of ``images`` ((N, 28, 28) or (N, 1, 28, 28), values in [0, 1]).

    The result has the input's shape, dtype and device, and stays in [0, 1]. ``generator`` must live on
    the images' device; it is the only source of randomness.
    """
    shape = images.shape
    x = images.reshape(-1, 1, shape[-2], shape[-1])
    n, device = x.shape[0], x.device
    reinked = settings.min_ink < 1.0 or settings.max_blur > 0.0  # (two more draws: without them, the same
    # seed and step give an autoencoder the batches they gave before the ink was added)
    columns = 7 if reinked else 5
    draws = torch.rand(n, columns, generator=generator, device=device, dtype=torch.float32) * 2.0 - 1.0  # [-1, 1)
    x = _restroke(x, draws[:, 4], settings)
    if reinked:
        x = _reink(x, (draws[:, 5] + 1.0) / 2.0, (draws[:, 6] + 1.0) / 2.0, settings)
    theta = _affine(draws, settings, shape[-1], shape[-2]).to(x.dtype)
    grid = F.affine_grid(theta, list(x.shape), align_corners=False)
    x = F.grid_sample(x, grid, mode="bilinear", padding_mode="zeros", align_corners=False)
    return x.clamp(0.0, 1.0).reshape(shape)


def _restroke(x: torch.Tensor, amount: torch.Tensor, settings: Augmentation) -> torch.Tensor:
    """Bolder strokes where ``amount`` > 0, thinner where < 0: a per-image blend with a dilation or erosion."""
    thicker, thinner = extreme_3x3(x, torch.maximum), extreme_3x3(x, torch.minimum)
    up = (amount.clamp(min=0) * settings.max_thicken).to(x.dtype).view(-1, 1, 1, 1)
    down = ((-amount).clamp(min=0) * settings.max_thin).to(x.dtype).view(-1, 1, 1, 1)
    return x + up * (thicker - x) + down * (thinner - x)


def _reink(x: torch.Tensor, faint: torch.Tensor, soft: torch.Tensor, settings: Augmentation) -> torch.Tensor:
    """Ink scaled down by up to ``1 - min_ink`` (``faint`` in [0, 1]) and softened by up to ``max_blur`` (``soft``)."""
    if settings.max_blur > 0:
        amount = (soft * settings.max_blur).to(x.dtype).view(-1, 1, 1, 1)
        x = x + amount * (mean_3x3(x) - x)
    if settings.min_ink < 1:
        x = x * (1.0 - faint * (1.0 - settings.min_ink)).to(x.dtype).view(-1, 1, 1, 1)
    return x


def mean_3x3(x: torch.Tensor) -> torch.Tensor:
    """Each pixel's 3×3 neighbourhood mean, zeros outside (``F.avg_pool2d(x, 3, 1, 1)``, as shifted sums)."""
    if x.requires_grad:  # a GAN's generated images: the pooling, which carries the gradient
        return F.avg_pool2d(x, 3, stride=1, padding=1)
    rows = x.clone()
    rows[..., 1:, :] += x[..., :-1, :]
    rows[..., :-1, :] += x[..., 1:, :]
    out = rows.clone()
    out[..., 1:] += rows[..., :-1]
    out[..., :-1] += rows[..., 1:]
    return out.mul_(1.0 / 9.0)


def extreme_3x3(x: torch.Tensor, op) -> torch.Tensor:
    """The maximum (``op=torch.maximum``: a dilation) or minimum (an erosion) of each pixel's 3×3 neighbourhood.

    The same as ``F.max_pool2d(x, 3, stride=1, padding=1)`` (or ``-F.max_pool2d(-x, …)``), as two passes of
    shifted element-wise maxima: on a CPU about ten times faster than that pooling for these small images.
    Under autograd (a GAN's generated images), the pooling itself, which can carry a gradient.
    """
    if x.requires_grad:
        sign = 1.0 if op is torch.maximum else -1.0
        return sign * F.max_pool2d(sign * x, 3, stride=1, padding=1)
    rows = x.clone()
    op(rows[..., 1:, :], x[..., :-1, :], out=rows[..., 1:, :])
    op(rows[..., :-1, :], x[..., 1:, :], out=rows[..., :-1, :])
    out = rows.clone()
    op(out[..., 1:], rows[..., :-1], out=out[..., 1:])
    op(out[..., :-1], rows[..., 1:], out=out[..., :-1])
    return out


def _affine(draws: torch.Tensor, settings: Augmentation, width: int, height: int) -> torch.Tensor:
    """``affine_grid``'s (N, 2, 3) matrices: for each output pixel, where to read in the input.

    The image is scaled by s, turned by a and moved by t (pixels): out = s·R(a)·in + t, so
    in = R(-a)·(out - t)/s, in the normalised coordinates ([-1, 1] across the image) that
    ``affine_grid`` uses.
    """
    shift = draws[:, :2] * settings.max_shift
    angle = draws[:, 2] * math.radians(settings.max_rotation)
    middle, half = (settings.max_scale + settings.min_scale) / 2, (settings.max_scale - settings.min_scale) / 2
    scale = middle + draws[:, 3] * half
    cos, sin = torch.cos(angle) / scale, torch.sin(angle) / scale
    tx, ty = shift[:, 0] * (2.0 / width), shift[:, 1] * (2.0 / height)
    inverse = torch.stack([torch.stack([cos, sin], 1), torch.stack([-sin, cos], 1)], 1)  # R(-a)/s, (N, 2, 2)
    offset = -(inverse @ torch.stack([tx, ty], 1).unsqueeze(-1))  # (N, 2, 1)
    return torch.cat([inverse, offset], 2)


def step_seed(seed: int, step: int, salt: int = 0) -> int:
    """A well-mixed 63-bit seed for one step of a run (splitmix64 of its seed, step and salt)."""
    z = (seed * 0x9E3779B97F4A7C15 + step * 0xBF58476D1CE4E5B9 + salt * 0x94D049BB133111EB + 1) & _MASK64
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & _MASK64
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & _MASK64
    return (z ^ (z >> 31)) & ((1 << 63) - 1)


class BatchAugmenter:
    """The trainer's augmentation: ``augmenter(batch, step)`` → the batch, changed as ``step`` of this run says.

    ``salt`` separates processes that share a seed and a step (each rank of a distributed run).
    """

    def __init__(self, seed: int, settings: Augmentation = DEFAULT_AUGMENTATION, salt: int = 0) -> None:
        self.seed = int(seed)
        self.settings = settings
        self.salt = int(salt)
        self._generators: dict[torch.device, torch.Generator] = {}

    def generator(self, device: torch.device, step: int) -> torch.Generator:
        """This device's generator, seeded for ``step``."""
        generator = self._generators.get(device)
        if generator is None:
            generator = self._generators[device] = torch.Generator(device=device)
        return generator.manual_seed(step_seed(self.seed, step, self.salt))

    def __call__(self, images: torch.Tensor, step: int) -> torch.Tensor:
        return augment_batch(images, self.generator(images.device, step), self.settings)
