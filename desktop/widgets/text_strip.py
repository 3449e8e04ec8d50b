"""A few lines of plain text that change often (on every stroke) without moving anything.

A ``QLabel`` whose text changes asks its layout to be recomputed (``updateGeometry``)
and relaid out, every time: on the Draw page, some twenty captions changing per
stroke cost more than every model's inference. A strip has a fixed height of
``lines`` lines and a new text only repaints the strip (over its parent's background).
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget


class TextStrip(QWidget):
    def __init__(
        self,
        text: str = "",
        lines: int = 1,
        alignment: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
        word_wrap: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._text = text
        self._lines = max(1, lines)
        self._alignment = alignment
        self._wrap = word_wrap
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)  # its text never sizes it
        self.setFixedHeight(self._lines * self.fontMetrics().lineSpacing() + 2)
        self.setMinimumWidth(20)

    def text(self) -> str:
        return self._text

    def setText(self, text: str) -> None:  # noqa: N802 (QLabel's name: a drop-in for it)
        if text != self._text:
            self._text = text
            self.update()

    def set_italic(self, italic: bool) -> None:
        font = self.font()
        if font.italic() != italic:
            font.setItalic(italic)
            self.setFont(font)
            self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(self.fontMetrics().horizontalAdvance(self._text.split("\n")[0]) + 4, self.height())

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
        flags = self._alignment.value | (Qt.TextFlag.TextWordWrap.value if self._wrap else 0)
        painter.drawText(self.rect().adjusted(1, 1, -1, -1), flags, self._text)
