"""The Generate page's truncation: the shipped DCGANs start toward their modes, "No truncation" gives the
lecture's codes back, the judge's figures follow, and a generator without modes finds them in the background."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtWidgets import QApplication

from desktop.pages.generate import truncation as truncation_box
from desktop.pages.generate_page import GeneratePage
from engine import inference, sampling


@pytest.fixture
def page(qtbot, context):
    widget = GeneratePage(context)
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    assert context.library.wait_for_loads(20000)
    QApplication.processEvents()
    yield widget
    widget.shutdown()
    context.library.shutdown()


def choose(page, context, stem: str) -> None:
    index = next(i for i in range(page.model_combo.count()) if page.model_combo.itemData(i).endswith(stem))
    page.model_combo.setCurrentIndex(index)
    assert context.library.wait_for_loads(20000)
    QApplication.processEvents()
    assert page.model is not None


def set_mode(page, mode: str) -> None:
    combo = page.truncation_box.combo
    combo.setCurrentIndex(combo.findData(mode))


def judge_confident_share(page) -> float:
    assert page.judge_panel.wait_idle(60_000)
    QApplication.processEvents()
    return page.judge_panel.view.model.confident_share


def test_a_shipped_dcgan_starts_toward_its_modes_and_no_truncation_gives_back_the_lecture_s_codes(page, context):
    choose(page, context, "mnist-dcgan.safetensors")
    box = page.truncation_box
    assert box.combo.currentData() == "modes" and box.psi_spin.value() == pytest.approx(0.7)
    plain_codes = inference.draw_codes(100, len(page.samples), page.seed_spin.value())
    assert not np.allclose(page.z, plain_codes)
    assert "0.70" in page.info_label.text()  # says how the codes are drawn
    toward_modes = judge_confident_share(page)

    set_mode(page, "none")
    assert not box.psi_spin.isEnabled()
    assert np.array_equal(page.z, plain_codes)
    assert judge_confident_share(page) < toward_modes - 0.02  # the panel reads the new sampling

    set_mode(page, "mean")
    box.psi_spin.setValue(0.5)
    np.testing.assert_allclose(page.z, 0.5 * plain_codes, rtol=1e-6)

    choose(page, context, "mnist-gan.safetensors")  # the lecture's dense GAN: sampled as the lecture does
    assert page.truncation_box.combo.currentData() == "none"


def test_a_generator_without_modes_finds_them_in_the_background_then_draws_toward_them(
    qtbot, page, context, monkeypatch
):
    monkeypatch.setattr(truncation_box, "FIT_CODES", 800)  # a few seconds instead of a minute
    choose(page, context, "mnist-gan.safetensors")
    assert sampling.modes_of(page.model) is None
    plain_codes = page.z.copy()
    set_mode(page, "modes")
    assert "%" in page.info_label.text()  # "Finding this generator's modes… 0 %"
    assert np.array_equal(page.z, plain_codes)  # drawn plainly until the modes are found
    assert page.truncation_box.wait_idle(60_000)
    qtbot.waitUntil(lambda: sampling.modes_of(page.model) is not None, timeout=5000)
    QApplication.processEvents()
    assert not np.allclose(page.z, plain_codes)
    assert "%" not in page.info_label.text() and "0.70" in page.info_label.text()
