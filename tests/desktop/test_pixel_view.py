"""PixelView: a small grey image shown large, every pixel a sharp square of its own grey."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPoint

from desktop.widgets.pixel_view import PixelView


@pytest.mark.parametrize("side", [84, 100, 150, 40])  # whole scales 3 and 5, and smaller than 2×: scaled
def test_every_pixel_is_shown_with_its_own_grey(qtbot, side):
    view = PixelView("", 20)
    qtbot.addWidget(view)
    view.resize(side, side)
    image = np.random.default_rng(side).integers(0, 256, (28, 28), dtype=np.uint8)
    view.set_image(image)
    shown = view.grab().toImage()
    rect = view.image_rect()
    assert rect.width() == rect.height() and (rect.width() % 28 == 0 or rect.width() < 56)
    for row, col in ((0, 0), (5, 20), (13, 13), (27, 27), (27, 3)):
        x = rect.x() + int((col + 0.5) * rect.width() / 28)
        y = rect.y() + int((row + 0.5) * rect.height() / 28)
        assert shown.pixelColor(x, y).red() == image[row, col], (row, col)
        if rect.width() % 28 == 0:  # whole pixels: the brush lands exactly where it is seen
            assert view.pixel_at(QPoint(x, y)) == (row, col)


def test_a_new_image_replaces_the_old_one_and_the_same_one_changes_nothing(qtbot):
    view = PixelView("", 20)
    qtbot.addWidget(view)
    view.resize(84, 84)
    first = np.zeros((28, 28), np.float32)
    view.set_image(first)
    second = first.copy()
    second[10, 10] = 1.0
    view.set_image(second)
    rect = view.image_rect()
    assert view.grab().toImage().pixelColor(rect.x() + 10 * 3 + 1, rect.y() + 10 * 3 + 1).red() == 255
    view.set_image(second.copy())  # equal: what is shown stays
    assert np.array_equal(view.image(), np.where(second > 0, 255, 0).astype(np.uint8))
    view.set_image(None)
    assert view.image() is None
