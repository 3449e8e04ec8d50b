"""The Train page's forms: label and field side by side, the label above its field when the width is short.

Qt's ``QFormLayout.WrapLongRows`` does that, but its test of whether a row fits
forgets the spacing between label and field: a row up to that many pixels too
wide stays side by side and its field is cut. Here the spacing is inside the
label (a right margin), where the test counts it.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QLayout, QWidget

GAP = 6  # pixels between a label and its field, side by side


class WrappingForm(QFormLayout):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.setHorizontalSpacing(0)  # the gap is the labels' margin

    def add_row(self, text: str, field: QWidget | QLayout) -> QLabel:
        """A row: ``text`` beside ``field``, or above it when the form is narrow."""
        label = QLabel(text)
        label.setContentsMargins(0, 0, GAP, 0)
        self.addRow(label, field)
        return label
