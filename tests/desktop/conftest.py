"""Fixtures of the desktop tests that start the whole app: its message boxes answered at once, and the
window started as ``desktop.app.main`` starts it."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox


@pytest.fixture
def messages(monkeypatch):
    """Every message box's text, answered at once (Yes for questions) instead of waiting for a click."""
    shown: list[str] = []

    def answer(box):
        shown.append(box.text())
        if box.standardButtons() & QMessageBox.StandardButton.Yes:
            return QMessageBox.StandardButton.Yes.value
        return QMessageBox.StandardButton.Ok.value

    monkeypatch.setattr(QMessageBox, "exec", answer)
    return shown


def _start_app(qtbot, app_settings):
    """As desktop.app.main does: the window first, then the engine's context attached to it."""
    from desktop.app import create_context
    from desktop.main_window import MainWindow

    window = MainWindow(settings=app_settings)
    qtbot.addWidget(window)
    window.show()
    window.attach_context(create_context(app_settings))
    return window


@pytest.fixture
def started(qtbot, app_settings, messages):
    """The main window with the engine attached; closed at the end without asking about unsaved work."""
    window = _start_app(qtbot, app_settings)
    yield window
    window.confirm_close = lambda _work: True
    window.close()
