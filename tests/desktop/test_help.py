"""Help for newcomers: Help → The lecture in the app, and "What am I looking at?" on every plot and grid."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QApplication, QWidget

from desktop.help import GUIDE, KIND_TIPS, LectureGuide
from desktop.pages import PAGES

MARK = "What am I looking at?"


def test_the_guide_has_three_sentences_and_a_lecture_section_per_page(qtbot, window, monkeypatch):
    action = next(
        a
        for m in window.menuBar().actions()
        if m.menu()
        for a in m.menu().actions()
        if "lecture in the app" in a.text().replace("&", "")
    )
    opened = []
    monkeypatch.setattr(LectureGuide, "exec", lambda self: opened.append(self.browser.toPlainText()) or 0)
    window.show_page("generate")
    action.trigger()  # Help → The lecture in the app (F1)
    text = opened[0]
    for spec in PAGES:
        section, sentences = GUIDE[spec.key]
        assert len(sentences) == 3 and spec.title in text and section in text
        for sentence in sentences:
            assert sentence in text
    assert text.count("Show this page") == len(PAGES)


def test_a_link_in_the_guide_shows_its_page(qtbot, window):
    guide = LectureGuide("draw", window)
    qtbot.addWidget(guide)
    guide.browser.anchorClicked.emit(QUrl("page:latent"))
    assert window.current_page_key() == "latent"


def test_every_plot_and_grid_says_what_it_shows(qtbot, window):
    for spec in PAGES:
        window.show_page(spec.key)
        QApplication.processEvents()
    missing = []
    for key, page in window.pages.items():
        for widget in page.findChildren(QWidget):
            if type(widget).__name__ in KIND_TIPS and MARK not in widget.toolTip():
                missing.append(f"{key}: {type(widget).__name__} {widget.objectName()}")
    assert missing == []
    draw = window.page("draw")
    assert "MNIST recipe" in draw.processed_view.toolTip() and MARK in draw.processed_view.toolTip()
    index = draw.dataset_combo.findData("fashion-mnist")
    draw.dataset_combo.setCurrentIndex(index)  # the tiles are rebuilt: still explained
    assert all(MARK in slot.view.toolTip() for slot in draw.slots.values())
    window.context.library.wait_for_loads(20000)
