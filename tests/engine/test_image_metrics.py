"""The error measures and the noise the Draw page and the CLI share: PSNR, BCE, corrupt."""

from __future__ import annotations

import numpy as np

from engine.image_metrics import PSNR_CAP, bce, corrupt, mse, psnr


def a_digit() -> np.ndarray:
    image = np.zeros((28, 28), np.float32)
    image[4:24, 12:16] = 1.0
    image[4:8, 8:20] = 0.6
    return image


def test_psnr_of_identical_images_is_the_cap_and_grows_as_the_error_shrinks():
    image = a_digit()
    assert psnr(image, image) == PSNR_CAP == 99.0
    scores = [psnr(image, np.clip(image + error, 0, 1)) for error in (0.4, 0.2, 0.1, 0.05)]
    assert scores == sorted(scores) and len(set(scores)) == len(scores)
    assert abs(psnr(np.zeros((4, 4)), np.full((4, 4), 0.1)) - 20.0) < 1e-4  # 10 % RMS error ≈ 20 dB
    assert mse(image, image) == 0.0 and mse(np.zeros(4), np.ones(4)) == 1.0


def test_bce_is_smallest_at_the_target():
    target = a_digit()
    at_target = bce(target, target)
    for output in (np.clip(target + 0.1, 0, 1), np.clip(target - 0.1, 0, 1), np.full_like(target, 0.5), 1 - target):
        assert bce(target, output) > at_target
    binary = (target > 0.5).astype(np.float32)
    assert 0.0 <= bce(binary, binary) < 1e-4  # a binary target reached exactly: about 0 (the log is clipped)
    assert np.isfinite(bce(binary, 1 - binary))


def test_corrupt_without_noise_returns_the_image():
    image = a_digit()
    rng = np.random.default_rng(0)
    gaussian, uniform = rng.standard_normal((28, 28)), rng.random((28, 28))
    noisy = corrupt(image, 0.0, 0.0, None, gaussian, uniform)
    assert noisy.dtype == np.float32 and np.array_equal(noisy, image) and noisy is not image
    assert np.array_equal(corrupt(image, 0.0, 0.0, np.zeros((28, 28), bool), gaussian, uniform), image)


def test_corrupt_blanks_drops_and_clips():
    image = a_digit()
    rng = np.random.default_rng(1)
    gaussian, uniform = rng.standard_normal((28, 28)), rng.random((28, 28))
    blanks = np.zeros((28, 28), bool)
    blanks[10:14, 10:18] = True
    blanked = corrupt(image, 0.0, 0.0, blanks, gaussian, uniform)
    assert not blanked[blanks].any() and np.array_equal(blanked[~blanks], image[~blanks])
    dropped = corrupt(image, 0.0, 0.5, None, gaussian, uniform)
    assert not dropped[uniform < 0.5].any() and np.array_equal(dropped[uniform >= 0.5], image[uniform >= 0.5])
    noisy = corrupt(image, 1.0, 0.0, None, gaussian, uniform)
    assert noisy.min() >= 0.0 and noisy.max() <= 1.0 and not np.array_equal(noisy, image)
    assert noisy.min() == 0.0 and noisy.max() == 1.0  # σ = 1 pushes pixels past both ends: clipped
