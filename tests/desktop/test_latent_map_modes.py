"""The Latent space page's maps: t-SNE beside PCA (off the GUI thread, cached, cancellable, its failure
said), and a 2-d model's own plane with its decoded manifold behind the dots."""

from __future__ import annotations

import numpy as np
import pytest

from desktop.pages.latent import work
from desktop.pages.latent_page import LatentPage
from engine import inference
from engine.latent_tsne import TsneError, TsneSettings

FAST = TsneSettings(points=300, early_iterations=30, iterations=40)


def _page(qtbot, context, stem: str) -> LatentPage:
    widget = LatentPage(context)
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    entry = next(e for e in context.library.entries() if e.path.stem == stem)
    widget.select_model(entry.path)
    assert widget.wait_for_map(60000)
    return widget


@pytest.fixture(autouse=True)
def _small_tsne(monkeypatch):
    monkeypatch.setattr(LatentPage, "tsne_settings", FAST)


@pytest.fixture
def page(qtbot, context):
    widget = _page(qtbot, context, "mnist-vae")
    yield widget
    widget.shutdown()
    context.library.shutdown()


def _choose(page, method: str) -> None:
    combo = page.bar.method_combo
    combo.setCurrentIndex(combo.findData(method))


def test_choosing_tsne_computes_it_off_the_gui_thread_then_shows_it_and_keeps_it(qtbot, page, context, monkeypatch):
    assert page.map.method == "pca" and page.bar.method_combo.isEnabled()
    assert "mean" in page.how_label.text()
    assert not page.bar.manifold_check.isEnabled() and not page.bar.manifold_check.isChecked()
    assert "2 numbers" in page.bar.manifold_check.toolTip()
    _choose(page, "tsne")
    assert page.bar.progress.isVisible() and page.bar.cancel_button.isVisible()  # working, not waiting
    assert page.map.method == "pca"  # the PCA map meanwhile
    assert page.wait_for_map(60000)
    assert page.map.method == "tsne" and len(page.scatter.points()) == 300
    assert not page.bar.progress.isVisible()
    assert "8 nearest points" in page.how_label.text() and "t-SNE" in page.info_label.text()
    x, y = page.map.coords[4]
    assert np.allclose(page.decode_at(x, y), inference.decode(page.model, page.map.codes[4:5])[0], atol=1e-6)

    def never(*_args, **_kwargs):
        raise TsneError("computed again instead of read from the cache")

    monkeypatch.setattr(work, "tsne_map", never)
    again = _page(qtbot, context, "mnist-vae")  # another session: t-SNE was the last choice, and is cached
    assert again.map.method == "tsne" and np.array_equal(again.map.coords, page.map.coords)
    assert again.shutdown()
    _choose(page, "pca")
    assert page.map.method == "pca" and len(page.scatter.points()) == len(page.base.coords)


def test_cancelling_tsne_keeps_the_pca_map_and_says_so(page):
    _choose(page, "tsne")
    page.bar.cancel_button.click()
    assert page.map.method == "pca" and page.bar.method() == "pca"
    assert not page.bar.progress.isVisible()
    assert page.notice_label.isVisible() and "cancelled" in page.notice_label.text()
    assert page.wait_for_map(10000) and page.map.method == "pca"  # nothing it made shows up later


def test_a_failing_tsne_is_said_and_the_pca_map_stays(page, monkeypatch):
    def broken(*_args, **_kwargs):
        raise TsneError("openTSNE is broken here")

    monkeypatch.setattr(work, "tsne_map", broken)
    _choose(page, "tsne")
    assert page.wait_for_map(10000)
    assert page.map.method == "pca" and page.bar.method() == "pca"
    assert "openTSNE is broken here" in page.notice_label.text() and page.notice_label.isVisible()


def test_a_2d_model_shows_its_plane_decodes_exactly_and_draws_the_manifold_behind(qtbot, context):
    page = _page(qtbot, context, "mnist-vae2d")
    try:
        assert page.map.method == "plane" and np.array_equal(page.map.coords, page.map.codes)
        assert not page.bar.method_combo.isEnabled() and "2 numbers" in page.bar.method_combo.toolTip()
        assert "exact point" in page.how_label.text()
        x, y = 0.3, -0.7
        assert np.array_equal(page.decode_at(x, y), inference.decode(page.model, np.array([[x, y]], np.float32))[0])

        assert page.bar.manifold_check.isEnabled() and page.bar.manifold_check.isChecked()
        qtbot.waitUntil(page.plot.manifold_shown, timeout=10000)
        picture = page.plot.manifold.image
        assert picture.shape == (20 * 28, 20 * 28) and picture.std() > 0.05  # decoded digits, not a blank
        page.bar.manifold_check.setChecked(False)
        assert not page.plot.manifold_shown()
        page.bar.manifold_check.setChecked(True)
        qtbot.waitUntil(page.plot.manifold_shown, timeout=10000)
        page.plot.view_box.setRange(xRange=(0.0, 0.5), yRange=(0.0, 0.5), padding=0)  # zoom in: decoded again
        qtbot.waitUntil(lambda: page.plot.manifold.mapRectToParent(page.plot.manifold.boundingRect()).width() < 1)
    finally:
        page.shutdown()
        context.library.shutdown()
