"""The MNIST recipe: invert dark-on-light, crop, fit 20×20 keeping aspect, centre by mass."""

from __future__ import annotations

import time

import numpy as np
import pytest

from engine.preprocess import CENTRE, preprocess


def centre_of_mass(image: np.ndarray) -> tuple[float, float]:
    ys, xs = np.mgrid[0 : image.shape[0], 0 : image.shape[1]]
    mass = image.sum()
    return float((image * ys).sum() / mass), float((image * xs).sum() / mass)


def a_digit(height: int = 280, width: int = 280, top: int = 20, left: int = 190) -> np.ndarray:
    """A crude '7' drawn small in the top-right corner of a black canvas."""
    image = np.zeros((height, width), np.float32)
    image[top : top + 12, left : left + 60] = 1.0  # the bar
    for i in range(70):  # the diagonal
        x = left + 60 - i * 60 // 70
        image[top + 12 + i, max(x - 6, 0) : x] = 1.0
    return image


def test_a_shifted_digit_is_centred_by_its_mass():
    result = preprocess(a_digit())
    assert result.input.shape == (28, 28) and result.input.dtype == np.float32
    assert 0.0 <= result.input.min() and result.input.max() <= 1.0
    cy, cx = centre_of_mass(result.input)
    assert abs(cy - CENTRE) <= 0.6 and abs(cx - CENTRE) <= 0.6
    assert not result.inverted


def test_the_same_digit_anywhere_gives_nearly_the_same_input():
    a = preprocess(a_digit(top=10, left=10)).input
    b = preprocess(a_digit(top=190, left=200)).input
    assert np.abs(a - b).mean() < 0.02


def test_content_is_fitted_in_20x20_keeping_its_aspect():
    image = np.zeros((200, 300), np.float32)
    image[50:150, 100:150] = 1.0  # 100 tall, 50 wide
    result = preprocess(image)
    assert result.bbox == (100, 50, 150, 150)
    assert result.fitted.shape == (20, 10)
    rows = np.flatnonzero(result.input.max(axis=1) > 0.5)
    cols = np.flatnonzero(result.input.max(axis=0) > 0.5)
    assert rows.size == 20 and cols.size == 10


def test_a_tiny_digit_is_enlarged_to_fill_the_box():
    image = np.zeros((280, 280), np.float32)
    image[100:110, 100:104] = 1.0
    result = preprocess(image)
    assert max(result.fitted.shape) == 20


def test_dark_ink_on_light_paper_is_inverted():
    light = 1.0 - a_digit()
    result = preprocess(light)
    assert result.inverted
    expected = preprocess(a_digit()).input
    assert np.abs(result.input - expected).max() < 1e-5


def test_a_grey_photo_is_levelled():
    photo = 0.75 - 0.5 * a_digit()  # grey paper (0.75), grey ink (0.25)
    result = preprocess(photo)
    assert result.inverted
    assert result.input.max() == pytest.approx(1.0, abs=0.01)
    assert result.grey.min() == 0.0


def test_a_thin_pen_stroke_shrunk_into_the_box_still_reaches_full_ink():
    """MNIST's digits all reach full white; a 3-px pen line on a 420-px photo, shrunk 18 times, would be a
    faint grey ghost of a digit without the recipe's last levelling."""
    rows, cols = np.mgrid[:420, :420]
    radius = np.hypot(rows - 210, cols - 210)
    page = ((radius > 177) & (radius < 180)).astype(np.float32)  # a "0" drawn with a fine pen
    out = preprocess(page).input
    assert out.max() == pytest.approx(1.0)
    assert (out > 0.5).sum() >= 15  # a readable stroke, not a single bright pixel


def test_an_empty_image_gives_zeros_without_error():
    for image in (np.zeros((280, 280)), np.ones((50, 50)), np.full((10, 10), 0.5), np.zeros((0, 0))):
        result = preprocess(image)
        assert result.input.shape == (28, 28) and not result.input.any()
        assert result.empty and result.bbox is None


def test_uint8_input_is_accepted():
    result = preprocess((a_digit() * 255).astype(np.uint8))
    assert np.allclose(result.input, preprocess(a_digit()).input, atol=1e-5)


def test_the_raw_view_keeps_the_digit_where_it_was():
    result = preprocess(a_digit())
    assert result.raw.shape == (28, 28)
    cy, cx = centre_of_mass(result.raw)
    assert cy < 12 and cx > 17  # still small, in the top-right corner


def test_preprocessing_a_canvas_is_fast():
    image = a_digit()
    preprocess(image)
    times = []
    for _ in range(50):
        start = time.perf_counter()
        preprocess(image)
        times.append(time.perf_counter() - start)
    assert sorted(times)[len(times) // 2] < 0.004  # target 2 ms; loose under a loaded CI
