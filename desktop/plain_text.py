"""Strings from files shown as text, never as markup.

A model's name, a file name or a reason that quotes a record come from files
that classmates, e-mail and USB sticks bring; Qt guesses rich text for labels,
tooltips and message boxes (``Qt.mightBeRichText``), so a name like
``<img src=x><h1>SPOOF</h1>`` would be rendered. Labels that show such strings
use ``Qt.TextFormat.PlainText``; tooltips and message boxes go through here.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget


def escaped(text: object) -> str:
    """``text`` made safe to put inside rich text (HTML)."""
    return html.escape(str(text), quote=False)


def plain_tooltip(text: object) -> str:
    """A tooltip that shows ``text`` literally: escaped and marked as rich text, line breaks kept."""
    return "<p style='white-space:pre-wrap'>" + escaped(text).replace("\n", "<br>") + "</p>"


def plain_message(
    parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str, buttons=QMessageBox.StandardButton.Ok
) -> QMessageBox.StandardButton:
    """A modal message box whose text is shown as plain text; returns the button pressed."""
    box = QMessageBox(icon, title, text, buttons, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    return QMessageBox.StandardButton(box.exec())


def warn(parent: QWidget | None, title: str, text: str) -> None:
    """``QMessageBox.warning`` for text that may quote a file: shown literally."""
    plain_message(parent, QMessageBox.Icon.Warning, title, text)
