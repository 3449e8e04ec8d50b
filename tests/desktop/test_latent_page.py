"""The Latent space page: the map of held-out codes, hover decoding, clicked dots, the drawing's star."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QApplication

from desktop.pages.latent_page import LatentPage, compute_latent_map


@pytest.fixture
def page(qtbot, context):
    widget = LatentPage(context)
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    assert widget.wait_for_map(60000)
    yield widget
    widget.shutdown()
    context.library.shutdown()


def test_the_map_places_every_held_out_image_coloured_by_class(page):
    latent = page.map
    assert latent.coords.shape[0] >= 1000 and latent.coords.shape[1] == 2
    assert len(page.scatter.points()) == latent.coords.shape[0]
    assert set(np.unique(latent.labels)) == set(range(10))
    assert len(page.legend.items) == 10
    assert "held-out" in page.info_label.text()


def test_hovering_the_map_decodes_the_point_under_the_mouse(qtbot, page):
    latent = page.map
    centre = latent.coords.mean(axis=0)
    vb = page.plot.getPlotItem().vb
    scene_pos = vb.mapViewToScene(QPointF(float(centre[0]), float(centre[1])))
    page.plot.scene().sigMouseMoved.emit(scene_pos)
    qtbot.waitUntil(lambda: page.hover_view.image() is not None, timeout=2000)
    shown = page.hover_view.image().astype(np.float32) / 255
    expected = page.decode_at(*page._hover)
    assert np.abs(shown - expected).max() <= 1 / 255 + 1e-6
    far = page.decode_at(float(latent.coords[:, 0].max()), float(latent.coords[:, 1].min()))
    assert not np.allclose(far, expected, atol=0.05)


def test_the_pca_mapping_goes_back_and_forth():
    codes = torch.randn(500, 6) @ torch.randn(6, 6)
    images = torch.zeros(500, 28, 28, dtype=torch.uint8)

    class Identity(torch.nn.Module):
        def encode(self, x):
            return codes[: len(x)]

    latent = compute_latent_map(Identity(), images, torch.zeros(500, dtype=torch.long), ["a"], batch=500)
    back = latent.to_map(latent.to_code(latent.coords))
    assert np.allclose(back, latent.coords, atol=1e-4)
    assert latent.explained[0] >= latent.explained[1] > 0


def test_clicking_a_dot_shows_its_original_and_reconstruction(page):
    page.show_point(3)
    original = page.original_view.image()
    assert np.array_equal(original, page.map.images[3])
    assert page.reconstruction_view.image() is not None
    assert f"class {int(page.map.labels[3])}" in page.clicked_label.text()


def test_the_drawing_moves_as_a_point_on_the_map(page, context):
    digits = page.map.images[:2].astype(np.float32) / 255
    context.drawing_changed.emit(digits[0])
    first = page.drawing_position()
    context.drawing_changed.emit(digits[1])
    second = page.drawing_position()
    assert first is not None and second is not None and first != second
    assert np.allclose(second, page.map.coords[1], atol=1e-3)  # the star sits on that image's own dot
    assert len(page.trail) == 2
    context.drawing_changed.emit(np.zeros((28, 28), np.float32))
    assert len(page.drawing_marker.points()) == 0
    QApplication.processEvents()


def test_the_newest_model_chosen_wins_and_a_stale_map_is_dropped(qtbot, context):
    library = context.library
    first, second = [e for e in library.entries() if e.is_autoencoder][:2]
    library.load_in_background([first.path, second.path])
    assert library.wait_for_loads(60000)
    widget = LatentPage(context)
    qtbot.addWidget(widget)
    widget.show()
    assert widget.select_model(first.path)
    assert widget.select_model(second.path)  # at once: the first map is still being computed
    assert widget.wait_for_map(60000)
    assert widget.entry.path == second.path and second.name in widget.info_label.text()
    qtbot.wait(50)
    assert first.path not in widget._maps  # what the first request made was dropped, never shown
    assert widget.shutdown()
    library.shutdown()


# -- the side column at 1280×720 ------------------------------------------------------------------
@pytest.fixture
def language(request, qapp):
    from desktop import i18n
    from engine import i18n as engine_i18n

    i18n.install_language(request.param, qapp)
    yield request.param
    i18n.install_language("en", qapp)
    engine_i18n.set_language(None)


@pytest.mark.parametrize("language", ["en", "fr"], indirect=True)
def test_the_decoded_image_leaves_its_coordinates_and_explanation_readable_at_1280x720(qtbot, language, window):
    """Hovering a point and clicking a dot on a laptop (1280×720, the side bar with its titles): every image
    of the column stays above its texts, and every text shows all of its lines."""
    window.set_compact_side_bar(False)
    window.resize(1280, 680)  # the screen less its panel and the window's title bar
    window.show_page("latent")
    page = window.page("latent")
    assert page.wait_for_map(60000)
    index = len(page.map.coords) // 3
    vb = page.plot.getPlotItem().vb
    x, y = (float(v) for v in page.map.coords[index])
    page.plot.scene().sigMouseMoved.emit(vb.mapViewToScene(QPointF(x, y)))
    qtbot.waitUntil(lambda: page.hover_view.image() is not None, timeout=2000)
    page.show_point(index)
    for _ in range(20):  # each level of layouts catches up on an event of its own
        QApplication.processEvents()
    assert (window.width(), window.height()) == (1280, 680)
    side = page.side
    columns = (
        (side.hover_view, [side.hover_label, side.how_label]),
        (side.original_view, [side.clicked_label]),
        (side.reconstruction_view, [side.clicked_label]),
    )
    for view, texts in columns:
        assert view.rect().contains(view.image_rect()), "the image is painted within its view"
        for label in texts:
            assert label.text() and label.parentWidget() is view.parentWidget()
            assert not view.geometry().intersects(label.geometry()), (label.text(), view.geometry(), label.geometry())
            lines = label.heightForWidth(label.width()) if label.wordWrap() else label.minimumSizeHint().height()
            assert label.height() >= lines, label.text()  # no line cut at the bottom
            assert label.parentWidget().rect().contains(label.geometry()), label.text()  # nor by its box
    assert side.hover_label.geometry().top() >= side.hover_view.geometry().bottom()
