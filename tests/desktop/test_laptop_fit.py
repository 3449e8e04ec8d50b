"""The window fits the classroom laptop (1280×720): its minimum size, every page, nothing clipped."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, QRect, QRectF
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QScrollArea,
    QToolBar,
    QToolButton,
    QWidget,
)

from desktop import i18n
from desktop.pages import PAGES
from desktop.pages.train.settings_panel import SettingsScrollArea
from desktop.widgets.page_list import COMPACT, WIDE
from engine import i18n as engine_i18n
from engine.models import family_keys

LAPTOP = (1280, 680)  # a 1280×720 screen less its panel and the window's title bar


@pytest.fixture
def language(request, qapp):
    """The window's language (English unless a test is parametrized with ``indirect=["language"]``)."""
    code = getattr(request, "param", "en")
    i18n.install_language(code, qapp)
    yield code
    i18n.install_language("en", qapp)
    engine_i18n.set_language(None)


def settle() -> None:
    """Let every layout catch up: each level re-lays out on an event of its own, one level per round."""
    for _ in range(20):
        QApplication.processEvents()


@pytest.fixture
def full_window(language, window):
    """The window with every page built and every shipped model loaded (the widest state)."""
    for spec in PAGES:
        window.show_page(spec.key)
        QApplication.processEvents()
    assert window.context.library.wait_for_loads(30000)
    settle()
    return window


@pytest.mark.parametrize("language", ["en", "fr"], indirect=True)
def test_the_window_fits_a_1280x720_laptop_with_every_page_built(full_window, language):
    for compact in (True, False):
        full_window.set_compact_side_bar(compact)
        settle()
        hint = full_window.minimumSizeHint()
        assert hint.width() <= LAPTOP[0] and hint.height() <= LAPTOP[1], (language, compact, hint)
    full_window.resize(*LAPTOP)
    settle()
    assert (full_window.width(), full_window.height()) == LAPTOP


@pytest.mark.parametrize("language", ["en", "fr"], indirect=True)
def test_the_train_page_fits_with_the_wide_side_bar_whatever_the_model(full_window, language):
    """Each family shows its own settings and layers (the DCGAN's are the widest); French is the longer."""
    full_window.set_compact_side_bar(False)
    full_window.show_page("train")
    page = full_window.page("train")
    for family in family_keys():
        page.settings_panel.set_family(family)
        settle()
        hint = full_window.minimumSizeHint()
        assert hint.width() <= LAPTOP[0] and hint.height() <= LAPTOP[1], (language, family, hint)
    page.settings_panel.set_family("dcgan")  # the widest layers, and a GAN's two more run buttons
    full_window.resize(*LAPTOP)
    settle()
    panel, scroll = page.settings_panel, page.findChild(SettingsScrollArea)
    assert panel.width() >= panel.minimumSizeHint().width()  # the settings are never cut on their right
    assert panel.width() <= scroll.viewport().width()
    assert clipped_controls(page) == []
    hidden = [b.text() for b in (page.compare_button, page.export_button, *page.phase_buttons) if not b.isVisible()]
    assert hidden == [], "at 1280×720 every run button is in the row, none in its » menu"


@pytest.mark.parametrize("language", ["fr"], indirect=True)
def test_run_buttons_that_do_not_fit_a_narrower_window_wait_in_the_row_menu(full_window, language):
    full_window.set_compact_side_bar(False)
    full_window.show_page("train")
    page = full_window.page("train")
    page.settings_panel.set_family("dcgan")
    full_window.resize(200, LAPTOP[1])  # as narrow as the window goes
    settle()
    bar = page.findChild(QToolBar, "run_controls")
    actions = [page.start_action, page.pause_action, page.stop_action, page.step_d_action, page.step_g_action]
    actions += [page.compare_action, page.export_action]
    in_menu = bar.findChild(QToolButton, "qt_toolbar_ext_button").menu().actions()
    hidden = [a.text() for a in actions if not bar.widgetForAction(a).isVisible()]
    assert "Exporter" in hidden and page.start_action.text() not in hidden  # the lesser ones go first
    assert sorted(hidden) == sorted(a.text() for a in in_menu)  # none is lost: the » menu lists them
    assert next(a for a in in_menu if a.text() == "Exporter").menu() is page.export_menu


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


@pytest.mark.parametrize("language", ["en", "fr"], indirect=True)
@pytest.mark.parametrize("compact", [True, False], ids=["icons only", "titles"])
def test_every_page_fits_and_nothing_is_clipped_at_1280x680(full_window, compact, language):
    full_window.set_compact_side_bar(compact)
    full_window.resize(*LAPTOP)
    for spec in PAGES:
        full_window.show_page(spec.key)
        settle()
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


# A "2" in two strokes, in canvas pixels (the canvas is 280×280), as the screenshots draw it.
TWO = [
    [(80, 95), (100, 70), (135, 58), (170, 65), (192, 90), (190, 125), (165, 160), (130, 192), (95, 218)],
    [(95, 218), (140, 214), (185, 212), (210, 214)],
]


def draw_two(page) -> None:
    canvas = page.canvas
    for stroke in TWO:
        canvas.begin_stroke(QPointF(*stroke[0]))
        for x, y in stroke[1:]:
            canvas.continue_stroke(QPointF(x, y))
        canvas.end_stroke()
    page.process_now()


def outside_viewport(scroll: QScrollArea, widgets: dict[str, QWidget]) -> list[str]:
    """The widgets not shown whole in the scroll area's viewport (what a student would have to scroll to)."""
    viewport = scroll.viewport()
    found = []
    for name, widget in widgets.items():
        rect = QRect(widget.mapTo(viewport, QPoint(0, 0)), widget.size())
        if not widget.isVisible() or not viewport.rect().contains(rect):
            found.append(f"{name}: {rect} not in {viewport.rect()}")
    return found


@pytest.fixture
def draw_window(language, window):
    """The window on the Draw page at 1280×720 less the screen's panel, wide side bar, MNIST's models loaded,
    the latent map built and a digit drawn (the code's chart and the noise panel's images showing)."""
    window.set_compact_side_bar(False)
    window.resize(*LAPTOP)
    window.show_page("draw")
    page = window.page("draw")
    assert window.context.library.wait_for_loads(30000)
    page.live_map  # noqa: B018 (the property builds it)
    settle()
    draw_two(page)
    page._show_code()
    settle()
    return window


@pytest.mark.parametrize("language", ["en", "fr"], indirect=True)
def test_the_draw_page_fits_without_scrolling_when_one_dataset_is_shown(draw_window, language):
    page = draw_window.page("draw")
    assert not page.tiles.shows_all_datasets() and page.code_bars.values().size > 0
    panel = page.noise_panel
    widgets = {
        "tiles": page.tiles,
        "latent code chart": page.code_bars,
        "live map": page.live_map,
        "map's caption": page.live_map.caption,
        "noise panel": panel,
        "σ slider": panel.sigma_slider,
        "dropout slider": panel.dropout_slider,
        "denoiser": panel.denoiser_combo,
        "noisy input": panel.noisy_view,
        "denoised": panel.denoised_view,
        "plain": panel.plain_view,
        "plain's PSNR": panel.plain_caption,
        "new noise": panel.new_noise_button,
        "reset blanks": panel.reset_blanks_button,
    }
    assert outside_viewport(page.scroll, widgets) == []
    assert page.scroll.verticalScrollBar().maximum() == 0
    for name, widget in widgets.items():  # none squeezed below what it needs (overlapping its neighbours)
        assert widget.height() >= widget.minimumSizeHint().height(), name
    assert clipped_controls(page) == []
    # the chart has room to read: its bars against their axis, and the axis's title whole under them
    bars = page.code_bars
    plot, title_rect, flags = bars.layout_rects()
    assert plot.height() >= 100 and page.live_map.plot_widget.height() >= 100
    need = QFontMetrics(bars.font()).boundingRect(title_rect.toRect(), flags, bars.axis_title())
    assert title_rect.contains(QRectF(need)) and QRectF(bars.rect()).contains(title_rect), bars.axis_title()


@pytest.mark.parametrize("language", ["fr"], indirect=True)
def test_with_both_datasets_the_draw_page_scrolls_to_what_does_not_fit(draw_window, language):
    page = draw_window.page("draw")
    combo = page.dataset_combo
    combo.setCurrentIndex(combo.findData("all"))
    assert draw_window.context.library.wait_for_loads(30000)
    settle()
    page.process_now()
    settle()
    scroll = page.scroll
    assert scroll.verticalScrollBar().maximum() > 0  # two rows of tiles: the rest is a scroll away
    scroll.ensureWidgetVisible(page.noise_panel.reset_blanks_button)
    settle()
    assert outside_viewport(scroll, {"reset blanks": page.noise_panel.reset_blanks_button}) == []
    assert page.code_bars.height() >= 120
