"""A grid of generated samples the user can click to pick two of them (A and B).

Unlike the Train page's :class:`~desktop.widgets.image_grid.ImageGrid`, tiles
here are interactive: hovering highlights one, clicking picks it (the last two
picks are A and B, the ends of the Generate page's interpolation).
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from .pixel_view import to_uint8

PICK_COLOURS = {"A": QColor(255, 160, 0), "B": QColor(0, 190, 255)}


class SampleGrid(QWidget):
    picked = Signal(int)  # index of the tile the user clicked

    def __init__(self, columns: int = 8, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.columns = columns
        self._images = np.zeros((0, 28, 28), np.uint8)
        self._qimages: list[QImage] = []
        self.marks: dict[str, int] = {}  # "A"/"B" → tile index
        self._hover = -1
        self.setMouseTracking(True)
        self.setMinimumSize(240, 240)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def set_images(self, images: np.ndarray) -> None:
        self._images = to_uint8(images)
        self._qimages = [
            QImage(img.data, img.shape[1], img.shape[0], img.shape[1], QImage.Format.Format_Grayscale8)
            for img in self._images
        ]
        self.update()

    def images(self) -> np.ndarray:
        return self._images.copy()

    def set_marks(self, marks: dict[str, int]) -> None:
        self.marks = dict(marks)
        self.update()

    def count(self) -> int:
        return len(self._images)

    def _layout(self) -> tuple[int, int, float, int, int]:
        n = max(self.count(), 1)
        cols = min(self.columns, n)
        rows = math.ceil(n / cols)
        cell = min(self.width() / cols, self.height() / rows)
        x0 = int((self.width() - cell * cols) / 2)
        y0 = int((self.height() - cell * rows) / 2)
        return cols, rows, cell, x0, y0

    def tile_rect(self, index: int) -> QRect:
        cols, _rows, cell, x0, y0 = self._layout()
        r, c = divmod(index, cols)
        gap = max(1, int(cell * 0.04))
        return QRect(int(x0 + c * cell) + gap, int(y0 + r * cell) + gap, int(cell) - 2 * gap, int(cell) - 2 * gap)

    def index_at(self, x: float, y: float) -> int:
        cols, rows, cell, x0, y0 = self._layout()
        if cell <= 0:
            return -1
        c, r = int((x - x0) // cell), int((y - y0) // cell)
        if not (0 <= c < cols and 0 <= r < rows):
            return -1
        index = r * cols + c
        return index if index < self.count() else -1

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(420, 420)

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().color(QPalette.ColorRole.Base))
        if not self._qimages:
            painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
            text = self.tr("Choose a generator to see its samples.")
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, text)
            return
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
        for i, image in enumerate(self._qimages):
            painter.drawImage(self.tile_rect(i), image)
        font = QFont(self.font())
        font.setBold(True)
        painter.setFont(font)
        for label, index in self.marks.items():
            if 0 <= index < self.count():
                rect = self.tile_rect(index)
                colour = PICK_COLOURS[label]
                painter.setPen(QPen(colour, 3))
                painter.drawRect(rect.adjusted(1, 1, -2, -2))
                painter.fillRect(QRect(rect.x() + 2, rect.y() + 2, 16, 16), colour)
                painter.setPen(QColor("black"))
                painter.drawText(QRect(rect.x() + 2, rect.y() + 2, 16, 16), Qt.AlignmentFlag.AlignCenter, label)
        if 0 <= self._hover < self.count():
            painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Highlight), 2, Qt.PenStyle.DotLine))
            painter.drawRect(self.tile_rect(self._hover))

    def mouseMoveEvent(self, event) -> None:  # noqa: N802
        index = self.index_at(event.position().x(), event.position().y())
        if index != self._hover:
            self._hover = index
            self.update()

    def leaveEvent(self, event) -> None:  # noqa: N802
        self._hover = -1
        self.update()

    def mousePressEvent(self, event) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            index = self.index_at(event.position().x(), event.position().y())
            if index >= 0:
                self.picked.emit(index)
