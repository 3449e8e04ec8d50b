"""The Draw page's message: a bad file, an image loaded. It floats over the top of the tiles, so
showing it moves nothing; a click dismisses it, and it goes by itself after a while."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QLabel, QWidget

SHOWN_MS = 12000


class Banner(QLabel):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)  # it quotes file names
        self.setToolTip(QCoreApplication.translate("DrawPage", "Click to dismiss."))
        self.setStyleSheet(
            "QLabel { background: #fff3cd; color: #5c4400; border: 1px solid #e0c36a;"
            " border-radius: 4px; padding: 6px; }"
        )
        self.hide()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.hide)
        self._over: QWidget | None = None

    def show_over(self, area: QWidget, text: str, info: bool = False) -> None:
        """Show ``text`` over the top of ``area`` (a widget of the same parent)."""
        self._over = area
        self.setText(("ℹ " if info else "⚠ ") + text)
        self.show()
        self.place()
        self._timer.start(SHOWN_MS)

    def place(self) -> None:
        """Lay the banner over the top of its area (it is not in any layout): again when the page resizes."""
        if self._over is None or not self.isVisible():
            return
        area = self._over.geometry()
        width = max(area.width() - 24, 100)
        self.setGeometry(area.x() + 8, area.y() + 4, width, self.heightForWidth(width))
        self.raise_()

    def mousePressEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        self.hide()
