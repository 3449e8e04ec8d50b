"""A grid of 28×28 grey images, drawn crisp (nearest neighbour) at any size.

Only the Train page uses it: a fixed validation batch above its
reconstructions, or a fixed noise batch's samples (the Generate page has its
own ``SampleGrid``). Images arrive as uint8 ``(N, 28, 28)`` arrays (what the engine's
events carry), so the widget never touches torch.
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

GAP = 2  # pixels (in image space) between two tiles
BLOCK_GAP = 6  # between two original/reconstruction row pairs


def compose_mosaic(
    images: np.ndarray, originals: np.ndarray | None = None, columns: int = 8, background: int = 96
) -> np.ndarray:
    """One uint8 picture of the batch: rows of ``columns`` tiles.

    With ``originals``, each row of originals is followed by the row of their
    reconstructions (as Géron's ``plot_reconstructions`` draws them).
    """
    images = np.asarray(images, dtype=np.uint8)
    if images.ndim != 3:
        raise ValueError(f"expected images of shape (N, H, W), not {images.shape}")
    n, h, w = images.shape
    if originals is not None:
        originals = np.asarray(originals, dtype=np.uint8)
        if originals.shape != images.shape:
            raise ValueError(f"originals {originals.shape} and images {images.shape} differ in shape")
    columns = max(1, min(columns, n)) if n else 1
    rows = math.ceil(n / columns) if n else 0
    per_block = 2 if originals is not None else 1
    tile_rows = rows * per_block
    block_gap = BLOCK_GAP if originals is not None else GAP
    height = tile_rows * h + rows * (per_block - 1) * GAP + max(rows - 1, 0) * block_gap
    width = columns * w + (columns - 1) * GAP
    mosaic = np.full((max(height, 1), max(width, 1)), background, dtype=np.uint8)
    for i in range(n):
        row, col = divmod(i, columns)
        x = col * (w + GAP)
        y = row * (per_block * h + (per_block - 1) * GAP + block_gap)
        if originals is not None:
            mosaic[y : y + h, x : x + w] = originals[i]
            y += h + GAP
        mosaic[y : y + h, x : x + w] = images[i]
    return mosaic


class ImageGrid(QWidget):
    """Shows a batch of images as a grid, scaled to fit, pixels kept square and sharp."""

    def __init__(self, columns: int = 8, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._columns = columns
        self._mosaic: np.ndarray | None = None
        self._qimage: QImage | None = None
        self._count = 0
        self._placeholder = self.tr("No images yet.")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(160, 80)

    # -- public API ----------------------------------------------------------------
    def set_images(self, images: np.ndarray, originals: np.ndarray | None = None) -> None:
        """Show ``images`` (uint8 (N, 28, 28)); with ``originals``, each above its image."""
        mosaic = compose_mosaic(images, originals, self._columns)
        self._mosaic = np.ascontiguousarray(mosaic)
        h, w = self._mosaic.shape
        self._qimage = QImage(self._mosaic.data, w, h, w, QImage.Format.Format_Grayscale8)
        self._count = int(np.asarray(images).shape[0])
        self.update()

    def clear(self, placeholder: str | None = None) -> None:
        self._mosaic = None
        self._qimage = None
        self._count = 0
        if placeholder is not None:
            self._placeholder = placeholder
        self.update()

    def set_placeholder(self, text: str) -> None:
        """Text shown while there is nothing to draw."""
        self._placeholder = text
        self.update()

    def set_columns(self, columns: int) -> None:
        self._columns = max(1, columns)

    def image_count(self) -> int:
        return self._count

    def mosaic(self) -> np.ndarray | None:
        """The picture currently shown (uint8, 2-D), e.g. to save it as PNG."""
        return None if self._mosaic is None else self._mosaic.copy()

    # -- painting --------------------------------------------------------------------
    def sizeHint(self) -> QSize:
        return QSize(360, 200)

    def target_rect(self) -> QRect:
        """Where the mosaic is drawn: as large as fits, an integer zoom when it can be."""
        if self._qimage is None:
            return QRect()
        w, h = self._qimage.width(), self._qimage.height()
        scale = min(self.width() / w, self.height() / h)
        if scale >= 3:  # large: whole multiples keep every pixel the same size
            scale = math.floor(scale)
        tw, th = max(1, int(w * scale)), max(1, int(h * scale))
        return QRect((self.width() - tw) // 2, (self.height() - th) // 2, tw, th)

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().color(QPalette.ColorRole.Base))
        if self._qimage is None:
            painter.setPen(QColor(self.palette().color(QPalette.ColorRole.PlaceholderText)))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self._placeholder)
            return
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
        painter.drawImage(self.target_rect(), self._qimage)
