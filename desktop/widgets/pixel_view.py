"""One small grey image (28×28 or any size) shown large, pixels square and sharp.

Used everywhere a page shows "what the model sees" or "what it made": the Draw
page's inputs and reconstructions, the decoded point of the latent map, a
picked sample. Optionally the user can paint on it (the Draw page's "blank
pixels" brush) and click it (to select a model).

Painting is on the Draw page's per-stroke path (some twenty views): an image is
enlarged once, by whole pixels, into an RGB32 copy the size it is shown (a plain
copy to the screen, several times cheaper than scaling a grey image on every
paint), and a new image equal to the one shown repaints nothing.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget


def to_uint8(image: np.ndarray) -> np.ndarray:
    """Float [0, 1] (or uint8) → uint8, C-contiguous."""
    array = np.asarray(image)
    if array.dtype != np.uint8:
        array = np.clip(np.round(array.astype(np.float32) * 255.0), 0, 255).astype(np.uint8)
    return np.ascontiguousarray(array)


LETTERBOX = QColor(24, 24, 24)


class PixelView(QWidget):
    clicked = Signal()
    painted = Signal(int, int, bool)  # row, col of an image pixel the user brushed; True while the button is held

    def __init__(
        self, placeholder: str = "", min_size: int = 84, parent: QWidget | None = None, *, follows_width: bool = True
    ) -> None:
        """``follows_width``: the height follows the width (the image's aspect; a wide column gets a tall view).
        Off, the view takes the height its layout gives it, from ``min_size`` up, and letterboxes the image:
        for a narrow column of several views and texts, where square views would ask for more height than
        the window has (the layout then squeezes every view below its minimum, and the views overlap the
        texts under them)."""
        super().__init__(parent)
        self._follows_width = follows_width
        self._array: np.ndarray | None = None
        self._qimage: QImage | None = None
        self._scaled: tuple[int, QImage, np.ndarray] | None = None  # (scale, image enlarged by it, its pixels)
        self._placeholder = placeholder
        self._selected = False
        self._box: tuple[int, int, int, int] | None = None  # (left, top, right, bottom) outline in image pixels
        self.paintable = False
        self.setMinimumSize(min_size, min_size)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        # paintEvent covers every pixel (the image letterboxed in black), so Qt need not repaint
        # the parents behind it on each stroke: that repaint cost more than all the models.
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)

    def set_image(self, image: np.ndarray | None) -> None:
        if image is None:
            if self._array is None:
                return
            if self._follows_width and self._array.shape[0] != self._array.shape[1]:
                self.updateGeometry()  # square again
            self._array, self._qimage = None, None
            self.update()
            return
        array = to_uint8(image)
        if self._array is not None and array.shape == self._array.shape and np.array_equal(array, self._array):
            return  # the same picture: nothing to repaint
        old_shape = (1, 1) if self._array is None else self._array.shape  # an empty view is square
        reshaped = array.shape[0] * old_shape[1] != array.shape[1] * old_shape[0]
        self._array = array
        h, w = array.shape
        self._qimage = QImage(array.data, w, h, w, QImage.Format.Format_Grayscale8)
        self._scaled = None
        if reshaped and self._follows_width:
            self.updateGeometry()  # another aspect: another height for the width
        self.update()

    def image(self) -> np.ndarray | None:
        return None if self._array is None else self._array.copy()

    def set_placeholder(self, text: str) -> None:
        self._placeholder = text
        self.update()

    def set_selected(self, selected: bool) -> None:
        self._selected = selected
        self.update()

    def set_box(self, box: tuple[int, int, int, int] | None) -> None:
        self._box = box
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(112, 112) if self._follows_width else self.minimumSize()

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return self._follows_width

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        """Square when empty; the image's own aspect otherwise (a strip stays a strip)."""
        if self._array is None:
            return width
        h, w = self._array.shape
        return max(self.minimumHeight(), round(width * h / w))

    def image_rect(self) -> QRect:
        """Where the image is drawn: as large as fits, square pixels."""
        if self._array is None:
            side = min(self.width(), self.height())
            return QRect((self.width() - side) // 2, (self.height() - side) // 2, side, side)
        h, w = self._array.shape
        scale = min(self.width() / w, self.height() / h)
        if scale >= 2:  # large enough: whole pixels keep every square the same size (and paint fastest)
            scale = int(scale)
        tw, th = max(1, int(w * scale)), max(1, int(h * scale))
        return QRect((self.width() - tw) // 2, (self.height() - th) // 2, tw, th)

    def pixel_at(self, pos: QPoint) -> tuple[int, int] | None:
        if self._array is None:
            return None
        rect = self.image_rect()
        if not rect.contains(pos):
            return None
        h, w = self._array.shape
        col = int((pos.x() - rect.x()) * w / rect.width())
        row = int((pos.y() - rect.y()) * h / rect.height())
        return min(row, h - 1), min(col, w - 1)

    def _enlarged(self, scale: int) -> QImage:
        """The image enlarged ``scale`` times by whole pixels, as opaque RGB32 (kept until the image changes)."""
        if self._scaled is None or self._scaled[0] != scale:
            grey = np.repeat(np.repeat(self._array, scale, axis=0), scale, axis=1).astype(np.uint32)
            pixels = np.ascontiguousarray(grey * 0x010101 | 0xFF000000)
            h, w = pixels.shape
            self._scaled = (scale, QImage(pixels.data, w, h, 4 * w, QImage.Format.Format_RGB32), pixels)
        return self._scaled[1]

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self)
        rect = self.image_rect()
        if self._qimage is None or rect != self.rect():
            painter.fillRect(self.rect(), LETTERBOX)
        if self._qimage is None:
            painter.setPen(QColor(150, 150, 150))
            painter.drawText(
                rect.adjusted(4, 4, -4, -4), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self._placeholder
            )
        else:
            scale = rect.width() // self._array.shape[1]
            if scale >= 1 and rect.width() == scale * self._array.shape[1]:
                painter.drawImage(rect.topLeft(), self._enlarged(scale))
            else:
                painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
                painter.drawImage(rect, self._qimage)
            if self._box is not None and self._array is not None:
                h, w = self._array.shape
                left, top, right, bottom = self._box
                sx, sy = rect.width() / w, rect.height() / h
                painter.setPen(QPen(QColor(255, 170, 0), 1.5, Qt.PenStyle.DashLine))
                painter.drawRect(
                    int(rect.x() + left * sx),
                    int(rect.y() + top * sy),
                    int((right - left) * sx),
                    int((bottom - top) * sy),
                )
        if self._selected:
            painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Highlight), 3))
            painter.drawRect(rect.adjusted(1, 1, -2, -2))

    def mousePressEvent(self, event) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
            self._paint_at(event.position().toPoint(), True)

    def mouseMoveEvent(self, event) -> None:  # noqa: N802
        if event.buttons() & Qt.MouseButton.LeftButton:
            self._paint_at(event.position().toPoint(), True)

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802
        if self.paintable and event.button() == Qt.MouseButton.LeftButton:
            self.painted.emit(-1, -1, False)

    def _paint_at(self, pos: QPoint, held: bool) -> None:
        if not self.paintable:
            return
        pixel = self.pixel_at(pos)
        if pixel is not None:
            self.painted.emit(pixel[0], pixel[1], held)
