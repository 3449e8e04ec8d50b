"""The window fits the classroom laptop (1280×720): its minimum size, every page, nothing clipped."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QWidget

from desktop.pages import PAGES
from desktop.widgets.page_list import COMPACT, WIDE

LAPTOP = (1280, 680)  # a 1280×720 screen less its panel and the window's title bar


@pytest.fixture
def full_window(window):
    """The window with every page built and every shipped model loaded (the widest state)."""
    for spec in PAGES:
        window.show_page(spec.key)
        QApplication.processEvents()
    assert window.context.library.wait_for_loads(30000)
    QApplication.processEvents()
    return window


def test_the_window_fits_a_1280x720_laptop_with_every_page_built(full_window):
    for compact in (True, False):
        full_window.set_compact_side_bar(compact)
        QApplication.processEvents()
        hint = full_window.minimumSizeHint()
        assert hint.width() <= LAPTOP[0] and hint.height() <= LAPTOP[1], (compact, hint)
    full_window.resize(*LAPTOP)
    QApplication.processEvents()
    assert (full_window.width(), full_window.height()) == LAPTOP


def clipped_controls(page: QWidget) -> list[str]:
    """Buttons and combos shown narrower than their text needs (what a user sees cut off)."""
    found = []
    for widget in page.findChildren(QWidget):
        if not isinstance(widget, (QAbstractButton, QComboBox)) or not widget.isVisible():
            continue
        if widget.width() < widget.minimumSizeHint().width():
            found.append(
                f"{type(widget).__name__} {getattr(widget, 'text', lambda: '')()!r}: "
                f"{widget.width()} < {widget.minimumSizeHint().width()}"
            )
    return found


@pytest.mark.parametrize("compact", [True, False], ids=["icons only", "titles"])
def test_every_page_fits_and_nothing_is_clipped_at_1280x680(full_window, compact):
    full_window.set_compact_side_bar(compact)
    full_window.resize(*LAPTOP)
    for spec in PAGES:
        full_window.show_page(spec.key)
        QApplication.processEvents()
        page = full_window.page(spec.key)
        room = full_window.stack.size()
        need = page.minimumSizeHint()
        assert need.width() <= room.width() and need.height() <= room.height(), (spec.key, need, room)
        assert page.width() >= need.width() and page.height() >= need.height()
        assert clipped_controls(page) == [], spec.key


def test_still_good_on_a_1920x1080_screen(full_window):
    full_window.set_compact_side_bar(False)
    full_window.resize(1920, 1040)
    for spec in PAGES:
        full_window.show_page(spec.key)
        QApplication.processEvents()
        page = full_window.page(spec.key)
        assert page.width() > 1600 and page.height() > 900  # the page takes the room
        assert clipped_controls(page) == [], spec.key


def test_the_side_bar_folds_to_icons_and_back(qtbot, full_window):
    bar = full_window.side_bar
    full_window.set_compact_side_bar(False)
    assert bar.width() == WIDE and bar.item(0).text()
    full_window.compact_action.trigger()  # View → Compact side bar (Ctrl+B)
    assert bar.width() == COMPACT and bar.item(0).text() == ""
    assert "Draw" in bar.item(0).toolTip()  # the title lives on in the tooltip
    assert full_window.settings.value("window/compact_side_bar") in (True, "true")
    full_window.compact_action.trigger()
    assert bar.width() == WIDE and bar.item(0).text()
