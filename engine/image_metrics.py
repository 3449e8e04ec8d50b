"""How close a reconstruction is to its input, and how to corrupt an input with noise.

The error measures the Draw page shows under every reconstruction and the CLI's
``reconstruct`` prints: mean binary cross-entropy (what the lecture's
autoencoders minimise), mean squared error and PSNR; and :func:`corrupt`, the
noise the denoising autoencoders are compared on. Plain numpy, no Qt, cheap
enough to run on every stroke.
"""

from __future__ import annotations

import math

import numpy as np

EPS = 1e-6
PSNR_CAP = 99.0  # the PSNR (dB) of two identical images


def bce(target: np.ndarray, output: np.ndarray) -> float:
    """Mean binary cross-entropy per pixel: what the lecture's autoencoders minimise."""
    out = np.clip(output, EPS, 1 - EPS)
    return float(-np.mean(target * np.log(out) + (1 - target) * np.log(1 - out)))


def mse(target: np.ndarray, output: np.ndarray) -> float:
    return float(np.mean((np.asarray(target, np.float32) - np.asarray(output, np.float32)) ** 2))


def psnr(target: np.ndarray, output: np.ndarray) -> float:
    """Peak signal-to-noise ratio in dB (peak 1): higher is closer. 20 dB ≈ 10 % RMS error."""
    return psnr_from_mse(mse(target, output))


def psnr_from_mse(error: float) -> float:
    """The PSNR (dB, peak 1) of a mean squared error, capped at :data:`PSNR_CAP` for identical images."""
    return PSNR_CAP if error <= 1e-10 else float(10.0 * math.log10(1.0 / error))


def corrupt(
    image: np.ndarray,
    sigma: float,
    dropout: float,
    blanks: np.ndarray | None,
    gaussian_field: np.ndarray,
    uniform_field: np.ndarray,
) -> np.ndarray:
    """The noisy input: Gaussian noise of σ, a fraction ``dropout`` of pixels set to 0, blanked
    pixels set to 0. The random fields are fixed until the user asks for new noise, so the
    noise does not flicker while they draw."""
    noisy = image + sigma * gaussian_field if sigma > 0 else image.copy()
    if dropout > 0:
        noisy = np.where(uniform_field < dropout, 0.0, noisy)
    if blanks is not None:
        noisy = np.where(blanks, 0.0, noisy)
    return np.clip(noisy, 0.0, 1.0).astype(np.float32)
