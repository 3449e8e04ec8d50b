"""A one-line hint above the pages, with a button that dismisses it (the first run's welcome)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QWidget


class HintBanner(QFrame):
    dismissed = Signal()

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("HintBanner")
        self.setStyleSheet(
            "#HintBanner { background: #fff4c2; border: 1px solid #e0c860; border-radius: 6px; }"
            "#HintBanner QLabel { color: #3d3300; }"
        )
        self.label = QLabel(text)
        self.label.setWordWrap(True)
        self.close_button = QToolButton()
        self.close_button.setText("✕")
        self.close_button.setAutoRaise(True)
        self.close_button.setToolTip(self.tr("Dismiss this hint"))
        self.close_button.clicked.connect(self.dismiss)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 4, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.close_button)

    def dismiss(self) -> None:
        if self.isHidden():
            return
        self.hide()
        self.dismissed.emit()
