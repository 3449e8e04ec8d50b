"""The Generate page with the shipped generators: seeds, resampling, picking, interpolation, sliders, and the
truncation: the shipped DCGANs start toward their modes, "No truncation" gives the lecture's codes back, the
judge's figures follow, and a generator without modes finds them in the background."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image
from PySide6.QtCore import QPoint, Qt
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
    assert widget.model is not None
    yield widget
    widget.shutdown()  # the judge panel's thread
    context.library.shutdown()


def test_every_shipped_generator_makes_a_grid(page, context):
    families = set()
    for i in range(page.model_combo.count()):
        page.model_combo.setCurrentIndex(i)
        context.library.wait_for_loads(20000)
        QApplication.processEvents()
        assert page.samples.shape == (36, 28, 28) and page.grid.count() == 36
        assert 0.0 <= page.samples.min() and page.samples.max() <= 1.0 and page.samples.std() > 0.05
        families.add(page.entry.family)
    assert {"gan", "dcgan", "vae"} <= families


def test_same_seed_same_grid_and_resample_changes_it(page):
    first = page.samples.copy()
    seed = page.seed_spin.value()
    page.resample_button.click()
    assert page.seed_spin.value() == seed + 1
    assert not np.allclose(page.samples, first)
    page.seed_spin.setValue(seed)
    assert np.array_equal(page.samples, first)


def test_clicking_picks_a_and_b_and_the_strip_joins_them(qtbot, page):
    qtbot.mouseClick(page.grid, Qt.MouseButton.LeftButton, pos=page.grid.tile_rect(2).center())
    qtbot.mouseClick(page.grid, Qt.MouseButton.LeftButton, pos=page.grid.tile_rect(7).center())
    assert page.picks == [2, 7] and page.grid.marks == {"A": 2, "B": 7}
    for spherical in (False, True):
        page.spherical_radio.setChecked(spherical)
        page.linear_radio.setChecked(not spherical)
        assert page.strip.shape == (page.steps_spin.value(), 28, 28)
        assert np.allclose(page.strip[0], page.samples[2], atol=1e-5)
        assert np.allclose(page.strip[-1], page.samples[7], atol=1e-5)
        assert not np.allclose(page.strip[len(page.strip) // 2], page.samples[2], atol=1e-3)
    page.steps_spin.setValue(5)
    assert len(page.strip) == 5


def test_latent_sliders_decode_live(page, context):
    vae = next(i for i in range(page.model_combo.count()) if "Variational" in page.model_combo.itemText(i))
    page.model_combo.setCurrentIndex(vae)
    context.library.wait_for_loads(20000)
    QApplication.processEvents()
    assert len(page.sliders) == page.coding_size == 10
    before = page.slider_preview.image()
    page.set_slider(0, 2.5)
    after = page.slider_preview.image()
    assert before is not None and after is not None and not np.array_equal(before, after)
    expected = page.decode(page.slider_code()[None])[0]
    assert np.abs(after.astype(np.float32) / 255 - expected).max() < 1 / 255 + 1e-6
    page.pick(4)  # the sliders jump to sample A's code
    assert np.allclose(page.slider_code(), page.z[4], atol=SLIDER_STEP)


SLIDER_STEP = 3.0 / 300


def test_saved_grid_and_strip_are_big_enough_for_slides_and_crisp(page, tmp_path):
    """182×182 and 272×32 px were too small: by default a PNG is at least 1024 px wide, each pixel a block."""
    small = page.grid_png()  # 2 + 6 × 30 px square
    grid = np.asarray(Image.open(page.save_grid(tmp_path / "grid.png")))
    scale = grid.shape[1] // small.shape[1]
    assert grid.shape[1] >= 1024 and grid.shape == (small.shape[0] * scale, small.shape[1] * scale)
    assert np.array_equal(grid[::scale, ::scale], small)  # nearest neighbour: no blur, no new grey levels
    assert set(np.unique(grid)) <= set(np.unique(small))
    page.pick(0)
    page.pick(1)
    strip = np.asarray(Image.open(page.save_strip(tmp_path / "strip.png")))
    assert strip.shape[1] >= 1024 and np.array_equal(
        strip[:: strip.shape[0] // 32, :: strip.shape[0] // 32], page.strip_png()
    )
    page.scale_spin.setValue(2)  # the user's own scale
    assert np.asarray(Image.open(page.save_grid(tmp_path / "grid2.png"))).shape == (
        2 * small.shape[0],
        2 * small.shape[1],
    )


def test_save_grid_button_asks_for_a_file_and_saves_it(qtbot, page, tmp_path, monkeypatch):
    target = tmp_path / "my grid.png"
    monkeypatch.setattr(
        "desktop.pages.generate.saving.QFileDialog.getSaveFileName", lambda *args, **kwargs: (str(target), "")
    )
    qtbot.mouseClick(page.save_grid_button, Qt.MouseButton.LeftButton)
    assert target.is_file() and Image.open(target).width >= 1024


def test_the_interpolation_strip_is_large_on_screen(qtbot, page):
    page.pick(0)
    page.pick(5)
    QApplication.processEvents()
    per_image = page.strip_view.image_rect().width() / page.steps_spin.value()
    assert per_image >= 56  # each image of the strip at least twice its 28 pixels


def test_hover_highlight_does_not_pick(qtbot, page):
    qtbot.mouseMove(page.grid, page.grid.tile_rect(3).center())
    assert page.picks == []
    qtbot.mouseClick(page.grid, Qt.MouseButton.LeftButton, pos=QPoint(-5, -5))
    assert page.picks == []


# -- truncation ------------------------------------------------------------------------------------
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


def test_a_dcgan_with_stored_modes_starts_toward_them_and_no_truncation_gives_back_the_plain_codes(
    page, context, dcgan_with_modes
):
    context.library.import_file(dcgan_with_modes)  # as find_modes.py leaves a checkpoint
    choose(page, context, "fashion-dcgan-modes.safetensors")
    box = page.truncation_box
    recommended = page.entry.meta["sampling"]  # what its maker measured best (find_modes.py)
    assert box.combo.currentData() == "modes" == recommended["mode"]
    assert box.psi_spin.value() == pytest.approx(recommended["psi"]) and 0.5 <= recommended["psi"] < 1
    plain_codes = inference.draw_codes(page.model, len(page.samples), page.seed_spin.value())
    assert not np.allclose(page.z, plain_codes)
    assert f"{recommended['psi']:.2f}" in page.info_label.text()  # says how the codes are drawn
    toward_modes = judge_confident_share(page)

    set_mode(page, "none")
    assert not box.psi_spin.isEnabled()
    assert np.array_equal(page.z, plain_codes)
    assert judge_confident_share(page) < toward_modes - 0.02  # the panel reads the new sampling

    set_mode(page, "mean")
    box.psi_spin.setValue(0.5)
    z = plain_codes[:, : page.coding_size]  # only z moves: a class code, if any, is kept
    np.testing.assert_allclose(page.z[:, : page.coding_size], 0.5 * z, rtol=1e-6)
    np.testing.assert_array_equal(page.z[:, page.coding_size :], plain_codes[:, page.coding_size :])

    set_mode(page, "modes")
    # the lecture's dense GAN, which has no modes: it starts from its own sampling, as the lecture does (the
    # previous generator's truncation toward its modes must not reach the new one's first grid)
    choose(page, context, "mnist-gan.safetensors")
    assert page.truncation_box.combo.currentData() == "none" and page.samples.std() > 0.05


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


# -- class codes -----------------------------------------------------------------------------------
def test_the_shipped_mnist_dcgan_draws_the_digit_asked_and_the_judge_agrees(page, context):
    choose(page, context, "mnist-gan.safetensors")  # the lecture's dense GAN: no class codes, no picker
    assert page.class_code_box.isHidden()
    set_mode(page, "mean")  # a truncation the next generator does not recommend: it starts from its own
    choose(page, context, "mnist-dcgan.safetensors")  # conditional: its codes are the ten digits
    box = page.class_code_box
    assert not box.isHidden() and box.combo.count() == 1 + page.class_codes == 11
    assert box.label.text() == "Class:" and box.combo.itemText(0) == "Any class"
    assert "the class to draw (one of 10)" in page.info_label.text()
    assert page.truncation_box.combo.currentData() == "none"  # drawn as trained: no truncation needed
    uniform = page.samples.copy()
    assert len(set(page.z[:, page.coding_size :].argmax(1).tolist())) > 5  # "Any class": all of them
    page.pick(0)
    box.set_code_class(3)
    assert box.combo.currentText().startswith("Digit 3")
    assert (page.z[:, page.coding_size :].argmax(1) == 3).all() and not np.allclose(page.samples, uniform)
    assert page.picks == []  # new samples: the old picks are gone
    assert page.slider_code()[page.coding_size :].argmax() == 3  # the sliders' code has it too
    assert page.judge_panel.wait_idle(60_000) and box.wait_idle(60_000)
    QApplication.processEvents()
    histogram = page.judge_panel.view.grid.histogram
    assert int(np.argmax(histogram)) == 3 and max(histogram) > 0.8  # the judge reads 3s
    # each class's item says how often the judge reads the class asked
    assert all("(the judge agrees: " in box.combo.itemText(i) for i in range(1, box.combo.count()))
    box.set_code_class(None)
    np.testing.assert_array_equal(page.samples, uniform)
