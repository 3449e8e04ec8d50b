"""A canvas to draw a digit with the mouse or a pen: white ink on black, like MNIST.

The drawing lives in a 280×280 grey image (ten times MNIST's size, so strokes
are smooth) shown scaled to the widget. Every change emits :attr:`changed`;
the page coalesces bursts of them. Undo keeps whole images (280×280 bytes each,
so fifty steps cost 4 MB). Image files dropped on the canvas are announced with
:attr:`file_dropped`; the page reads and preprocesses them. The canvas only
holds and paints uint8 pixels: turning them into a model's input, or a photo
into canvas pixels, is :mod:`engine.inference`'s job, called by the page.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

CANVAS_SIZE = 280
UNDO_LIMIT = 50


class DrawingCanvas(QWidget):
    changed = Signal()  # the drawing changed (a stroke segment, undo, clear, an image loaded)
    stroke_finished = Signal()
    cleared = Signal()  # the user cleared the canvas: a new drawing starts (the page forgets its blanked pixels)
    file_dropped = Signal(str)  # a local file dropped on the canvas

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._image = QImage(CANVAS_SIZE, CANVAS_SIZE, QImage.Format.Format_Grayscale8)
        self._image.fill(0)
        self._undo: list[QImage] = []
        self._last: QPointF | None = None
        self._hint_painted = False  # the "Draw a digit here" hint is on screen: the next stroke repaints it all
        self.brush_size = 20.0  # in canvas pixels (a 2-pixel stroke once the digit is fitted into 20×20)
        self.erasing = False
        self.setAcceptDrops(True)
        self.setMinimumSize(200, 200)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setAttribute(Qt.WidgetAttribute.WA_StaticContents)
        self.setToolTip(
            self.tr(
                "Draw with the left mouse button (or a pen). Right button: erase. Drop an image file here to load it."
            )
        )

    # -- the drawing ---------------------------------------------------------------------
    def array(self) -> np.ndarray:
        """A copy of the drawing: uint8 (280, 280), white (255) ink on black (0)."""
        ptr = self._image.constBits()
        stride = self._image.bytesPerLine()
        raw = np.frombuffer(ptr, dtype=np.uint8, count=stride * CANVAS_SIZE).reshape(CANVAS_SIZE, stride)
        return raw[:, :CANVAS_SIZE].copy()

    def set_array(self, pixels: np.ndarray, undoable: bool = True) -> None:
        """Replace the drawing with uint8 (280, 280) pixels (see ``engine.inference.fit_to_canvas``)."""
        pixels = np.asarray(pixels)
        if pixels.shape != (CANVAS_SIZE, CANVAS_SIZE) or pixels.dtype != np.uint8:
            raise ValueError(f"the canvas takes uint8 (280, 280) pixels, not {pixels.dtype} {pixels.shape}")
        if undoable:
            self._push_undo()
        pixels = np.ascontiguousarray(pixels)
        self._image = QImage(pixels.data, CANVAS_SIZE, CANVAS_SIZE, CANVAS_SIZE, QImage.Format.Format_Grayscale8).copy()
        self.update()
        self.changed.emit()

    def is_empty(self) -> bool:
        return not self.array().any()

    def clear(self) -> None:
        if self.is_empty():
            return
        self._push_undo()
        self._image.fill(0)
        self.update()
        self.cleared.emit()
        self.changed.emit()

    def undo(self) -> bool:
        if not self._undo:
            return False
        self._image = self._undo.pop()
        self.update()
        self.changed.emit()
        return True

    def can_undo(self) -> bool:
        return bool(self._undo)

    def _push_undo(self) -> None:
        self._undo.append(self._image.copy())
        del self._undo[:-UNDO_LIMIT]

    # -- strokes (also what tests call) -------------------------------------------------------
    def begin_stroke(self, point: QPointF, erase: bool = False) -> None:
        self._push_undo()
        self._erase_stroke = erase or self.erasing
        self._last = point
        self._draw_segment(point, point)

    def continue_stroke(self, point: QPointF) -> None:
        if self._last is None:
            return
        self._draw_segment(self._last, point)
        self._last = point

    def end_stroke(self) -> None:
        if self._last is not None:
            self._last = None
            self.stroke_finished.emit()

    def _draw_segment(self, a: QPointF, b: QPointF) -> None:
        painter = QPainter(self._image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        colour = QColor(0, 0, 0) if self._erase_stroke else QColor(255, 255, 255)
        width = self.brush_size * (1.6 if self._erase_stroke else 1.0)
        painter.setPen(QPen(colour, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
        painter.drawLine(a, b)
        painter.end()
        if self._hint_painted:  # the hint goes away: repaint it all, or its text stays on screen around the stroke
            self._hint_painted = False
            self.update()
        else:
            self.update(self._widget_rect(a, b, width))  # repaint only around the new segment
        self.changed.emit()

    def _widget_rect(self, a: QPointF, b: QPointF, width: float) -> QRect:
        target = self.target_rect()
        scale = target.width() / CANVAS_SIZE
        pad = width / 2 + 2
        left, right = min(a.x(), b.x()) - pad, max(a.x(), b.x()) + pad
        top, bottom = min(a.y(), b.y()) - pad, max(a.y(), b.y()) + pad
        return QRect(
            int(target.x() + left * scale),
            int(target.y() + top * scale),
            int((right - left) * scale) + 2,
            int((bottom - top) * scale) + 2,
        )

    # -- widget ---------------------------------------------------------------------------
    def target_rect(self) -> QRect:
        side = min(self.width(), self.height())
        return QRect((self.width() - side) // 2, (self.height() - side) // 2, side, side)

    def to_canvas(self, pos: QPointF) -> QPointF:
        rect = self.target_rect()
        scale = CANVAS_SIZE / max(rect.width(), 1)
        return QPointF((pos.x() - rect.x()) * scale, (pos.y() - rect.y()) * scale)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(336, 336)

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return width

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self)
        rect = self.target_rect()
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.drawImage(rect, self._image)
        painter.setPen(QPen(QColor(90, 90, 90), 1))
        painter.drawRect(rect.adjusted(0, 0, -1, -1))
        if self.hint_visible():
            painter.setPen(QColor(140, 140, 140))
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, self.tr("Draw a digit here\n(or drop an image)"))
            self._hint_painted = True

    def hint_visible(self) -> bool:
        """The empty canvas shows its "Draw a digit here" hint (not while a stroke is drawn)."""
        return self._last is None and self.is_empty()

    def mousePressEvent(self, event) -> None:  # noqa: N802
        if event.button() in (Qt.MouseButton.LeftButton, Qt.MouseButton.RightButton):
            self.begin_stroke(self.to_canvas(event.position()), erase=event.button() == Qt.MouseButton.RightButton)

    def mouseMoveEvent(self, event) -> None:  # noqa: N802
        if event.buttons() & (Qt.MouseButton.LeftButton | Qt.MouseButton.RightButton):
            self.continue_stroke(self.to_canvas(event.position()))

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802
        self.end_stroke()

    def tabletEvent(self, event) -> None:  # noqa: N802 (a pen: same strokes, pressure ignored)
        point = self.to_canvas(event.position())
        kind = event.type()
        if kind == event.Type.TabletPress:
            self.begin_stroke(point)
        elif kind == event.Type.TabletMove:
            self.continue_stroke(point)
        elif kind == event.Type.TabletRelease:
            self.end_stroke()
        event.accept()

    def dragEnterEvent(self, event) -> None:  # noqa: N802
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802
        for url in event.mimeData().urls():
            if url.isLocalFile():
                event.acceptProposedAction()
                self.file_dropped.emit(url.toLocalFile())
                return
