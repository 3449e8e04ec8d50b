"""The Models page's quality figures: from the shipped manifest, or measured on demand and kept."""

from __future__ import annotations

import json

import pytest
from PySide6.QtWidgets import QApplication

from desktop.pages.models_page import ModelsPage
from desktop.widgets.quality_box import cache_path
from engine.paths import SHIPPED_MODELS_DIR


@pytest.fixture
def page(qtbot, context):
    widget = ModelsPage(context)
    qtbot.addWidget(widget)
    widget.show()
    yield widget
    widget.shutdown()
    context.library.shutdown()


def shipped_manifest_record(name: str) -> dict:
    manifest = json.loads((SHIPPED_MODELS_DIR / "manifest.json").read_text(encoding="utf-8"))
    return next(m for m in manifest["models"] if m["file"] == name)


def test_a_shipped_gan_shows_its_manifest_figures(page):
    assert page.select_path(SHIPPED_MODELS_DIR / "mnist-gan.safetensors")
    text = page.quality_box.figures.text()
    figures = shipped_manifest_record("mnist-gan.safetensors")["quality"]
    assert "judge-FID (comparable only with itself)" in text and "real vs real" in text
    assert f"{figures['judge_fid']:.1f}" in text and f"{figures['real_baseline_fid']:.1f}" in text
    assert "Class entropy" in text and "manifest" in text


def test_measuring_an_autoencoder_shows_judge_accuracy_and_keeps_it(page, context):
    path = SHIPPED_MODELS_DIR / "mnist-conv.safetensors"
    assert page.select_path(path)
    box = page.quality_box
    assert box.measure_button.isEnabled()
    box.measure_button.click()
    assert not box.measure_button.isEnabled()  # one measurement at a time
    assert box.wait_idle(180_000)
    QApplication.processEvents()
    text = box.figures.text()
    assert "Judge accuracy on" in text and "reconstructions" in text, text
    kept = json.loads(cache_path(path).read_text(encoding="utf-8"))
    assert 0.5 < kept["reconstructions"]["accuracy_originals"] <= 1.0
    # another selection and back: the kept figures, without measuring again
    page.select_path(SHIPPED_MODELS_DIR / "mnist-gan.safetensors")
    page.select_path(path)
    assert "Measured on this computer" in box.figures.text() and "Judge accuracy on" in box.figures.text()
