"""The Draw page's small latent map: the drawing's ★ follows the stroke as it is drawn (issue 12, point 4)."""

from __future__ import annotations

import numpy as np
from PySide6.QtWidgets import QApplication

from tests.desktop.test_draw_page import THREE, page, stroke  # noqa: F401 (page: the fixture)


def test_a_stroke_moves_the_star_on_the_draw_pages_map(qtbot, page):  # noqa: F811
    live = page.live_map
    assert page.selected is not None
    qtbot.waitUntil(lambda: live.map is not None and live.path == page.selected, timeout=30_000)
    assert len(live.map.coords) > 100 and live.star_position() is None  # nothing drawn yet: no star
    stroke(qtbot, page.canvas, THREE[:3])
    page.process_now()
    first = live.star_position()
    assert first is not None
    code = page.outputs[page.selected].code
    assert np.allclose(first, live.map.to_map(code), atol=1e-5)  # the star is the drawing's own code
    stroke(qtbot, page.canvas, THREE[3:])
    page.process_now()
    second = live.star_position()
    assert second != first and len(live.trail) == 2  # it moved, and the trail shows where it was
    page.canvas.clear()
    QApplication.processEvents()
    page.process_now()
    assert live.star_position() is None and not live.trail  # a new drawing, a new trail


def test_picking_another_model_shows_its_map_and_places_the_drawing_there(qtbot, page):  # noqa: F811
    live = page.live_map
    qtbot.waitUntil(lambda: live.map is not None, timeout=30_000)
    stroke(qtbot, page.canvas, THREE)
    page.process_now()
    other = next(p for p, s in page.slots.items() if p != page.selected and s.model is not None)
    page.select_model(other)
    qtbot.waitUntil(lambda: live.path == other, timeout=30_000)
    assert live.star_position() is not None  # the last drawing is placed on the new map at once
