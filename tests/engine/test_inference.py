"""The inference maths every page and the CLI share: recipe, seeded noise, reconstructions, codes, slerp."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from engine import image_metrics, inference
from engine.inference import NoiseSpec
from engine.models import build_model, default_model_config


def a_model(family: str, seed: int = 0) -> torch.nn.Module:
    torch.manual_seed(seed)
    return build_model(default_model_config(family)).eval()


def a_digit() -> np.ndarray:
    """A crude 7: a bar and a slanted stroke, in grey levels."""
    seven = np.zeros((28, 28), np.float32)
    seven[6:9, 8:21] = 1.0
    for row in range(9, 24):
        seven[row, 18 - (row - 9) // 2 : 21 - (row - 9) // 2] = 0.8
    return seven


def test_every_reconstruction_carries_its_own_error_and_code():
    models = {"stacked": a_model("stacked"), "conv": a_model("conv"), "vae": a_model("vae")}
    x = a_digit()
    results = inference.reconstruct_all(models, x)
    assert list(results) == list(models) and results.noisy_input is None
    for key, model in models.items():
        result = results[key]
        assert result.output.shape == (28, 28) and result.code.shape == (model.coding_size,)
        assert result.bce == image_metrics.bce(x, result.output)
        assert result.psnr == image_metrics.psnr(x, result.output)
        assert result.mse == image_metrics.mse(x, result.output)
        with torch.no_grad():
            expected = model.reconstruct(torch.from_numpy(x)[None])[0].numpy()
        np.testing.assert_allclose(result.output, expected, atol=1e-6)
        np.testing.assert_allclose(result.code, inference.encode(model, x[None])[0], atol=1e-6)
        assert result.noisy is None and result.noisy_psnr is None


def test_a_uint8_input_is_the_float_input_scaled():
    x = a_digit()
    model = {"m": a_model("stacked")}
    as_bytes = np.rint(x * 255).astype(np.uint8)
    a = inference.reconstruct_all(model, as_bytes)["m"]
    b = inference.reconstruct_all(model, as_bytes / np.float32(255.0))["m"]
    np.testing.assert_allclose(a.output, b.output, atol=1e-6)
    with pytest.raises(ValueError, match="28×28"):
        inference.reconstruct_all(model, np.zeros((280, 280), np.uint8))


def test_noise_is_seeded_and_reproducible():
    x = a_digit()
    noise = NoiseSpec(sigma=0.3, dropout=0.2, seed=7)
    first, again = inference.corrupt(x, noise), inference.corrupt(x, NoiseSpec(sigma=0.3, dropout=0.2, seed=7))
    assert np.array_equal(first, again) and not np.array_equal(first, x)
    assert not np.array_equal(first, inference.corrupt(x, NoiseSpec(sigma=0.3, dropout=0.2, seed=8)))
    assert np.array_equal(inference.corrupt(x, NoiseSpec()), x)  # no noise asked: the input itself
    blanks = np.zeros((28, 28), bool)
    blanks[4:10, 10:18] = True
    assert not inference.corrupt(x, NoiseSpec(blanks=blanks))[blanks].any()
    results = inference.reconstruct_all({"m": a_model("stacked")}, x, noise)
    assert np.array_equal(results.noisy_input, first)
    assert results.noisy_input_psnr == image_metrics.psnr(x, first)


def test_noisy_reconstructions_only_where_asked_and_the_batch_equals_one_by_one():
    models = {"denoiser": a_model("denoising", 1), "plain": a_model("stacked", 2), "other": a_model("conv", 3)}
    x = a_digit()
    noise = NoiseSpec(sigma=0.4, seed=3)
    results = inference.reconstruct_all(models, x, noise, noisy_for={"denoiser", "plain"})
    alone = inference.reconstruct_all(models, x)
    noisy_alone = inference.reconstruct_all(models, results.noisy_input)
    for key in ("denoiser", "plain"):
        np.testing.assert_allclose(results[key].output, alone[key].output, atol=1e-6)
        np.testing.assert_allclose(results[key].noisy, noisy_alone[key].output, atol=1e-6)
        assert results[key].noisy_psnr == image_metrics.psnr(x, results[key].noisy)
    assert results["other"].noisy is None and results["other"].noisy_psnr is None
    everyone = inference.reconstruct_all(models, x, noise)
    assert all(everyone[key].noisy is not None for key in models)


def test_encoding_in_batches_equals_encoding_one_by_one():
    model = a_model("vae")
    images = (np.random.default_rng(0).random((7, 28, 28)) * 255).astype(np.uint8)
    codes = inference.encode(model, images, batch=3)
    assert codes.shape == (7, model.coding_size) and codes.dtype == np.float32
    one_by_one = np.stack([inference.encode(model, image)[0] for image in images])
    np.testing.assert_allclose(codes, one_by_one, atol=1e-5)
    np.testing.assert_allclose(codes, inference.encode(model, torch.from_numpy(images).float() / 255), atol=1e-5)


def test_the_same_seed_samples_the_same_images():
    model = a_model("gan")
    first, again, other = (inference.sample(model, 5, seed) for seed in (4, 4, 5))
    assert first.images.shape == (5, 28, 28) and first.codes.shape == (5, model.coding_size)
    assert np.array_equal(first.images, again.images) and not np.allclose(first.images, other.images)
    assert np.array_equal(first.codes, inference.draw_codes(model.coding_size, 5, 4))
    np.testing.assert_allclose(inference.decode(model, first.codes[2]), first.images[2:3], atol=1e-6)
    with torch.no_grad():  # the CLI's old path: the model's own sampler, same seed
        own = model.sample(5, torch.Generator().manual_seed(4)).numpy()
    np.testing.assert_allclose(first.images, own, atol=1e-6)


def test_slerp_keeps_the_ends_exact_and_the_length_on_the_circle():
    rng = np.random.default_rng(1)
    a, b = rng.standard_normal(30).astype(np.float32), rng.standard_normal(30).astype(np.float32)
    b = b / np.linalg.norm(b) * np.linalg.norm(a)
    path = inference.interpolation_path(a, b, 7, "spherical")
    assert path.shape == (7, 30) and np.array_equal(path[0], a) and np.array_equal(path[-1], b)
    np.testing.assert_allclose(np.linalg.norm(path, axis=1), np.linalg.norm(a), rtol=1e-5)
    line = inference.interpolation_path(a, b, 7, "linear")
    assert np.array_equal(line[0], a) and np.array_equal(line[-1], b)
    assert np.linalg.norm(line[3]) < np.linalg.norm(a)  # a straight line cuts inside the sphere
    np.testing.assert_allclose(line[3], (a + b) / 2, atol=1e-6)
    parallel = inference.interpolation_path(a, 2 * a, 3, "spherical")  # no circle: the line
    np.testing.assert_allclose(parallel[1], 1.5 * a, rtol=1e-5)
    with pytest.raises(ValueError):
        inference.interpolation_path(a, b, 3, "cubic")


def test_interpolated_images_start_and_end_on_the_samples():
    model = a_model("vae")
    samples = inference.sample(model, 2, 0)
    strip = inference.interpolate(model, samples.codes[0], samples.codes[1], 5, mode="spherical")
    assert strip.shape == (5, 28, 28)
    np.testing.assert_allclose(strip[0], samples.images[0], atol=1e-5)
    np.testing.assert_allclose(strip[-1], samples.images[1], atol=1e-5)


def test_prepare_and_the_canvas_take_uint8():
    canvas = np.zeros((280, 280), np.uint8)
    canvas[40:240, 130:160] = 255
    prepared = inference.prepare(canvas)
    assert prepared.input.shape == (28, 28) and not prepared.empty
    np.testing.assert_allclose(prepared.input, inference.prepare(canvas / np.float32(255)).input, atol=1e-6)
    placed = inference.fit_to_canvas(np.ones((10, 40), np.float32), 280)
    assert placed.dtype == np.uint8 and placed.shape == (280, 280)
    rows = np.flatnonzero(placed.max(axis=1))
    assert placed.max() == 255 and rows.size == 70  # aspect kept: 40 wide → 280, 10 tall → 70
