"""The latent code of one image as a bar chart (pyqtgraph).

A stacked autoencoder's 30 numbers, a sparse one's 300 (most near zero — the
point of sparsity), a VAE's 10 means: one bar each, updated on every stroke.
The bars are one :class:`pyqtgraph.BarGraphItem` whose heights are replaced
in place, so a redraw costs well under a millisecond.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QVBoxLayout, QWidget


class CodeBars(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plot = pg.PlotWidget()
        self.plot.setBackground(None)
        self.plot.setMenuEnabled(False)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.hideButtons()
        self.plot.showGrid(y=True, alpha=0.25)
        self.plot.setLabel("bottom", "code unit")
        self.plot.setMinimumHeight(120)
        self._bars: pg.BarGraphItem | None = None
        self._size = 0
        self._values = np.zeros(0, np.float32)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot)

    def values(self) -> np.ndarray:
        return self._values.copy()

    def clear(self) -> None:
        self.plot.clear()
        self._bars = None
        self._size = 0
        self._values = np.zeros(0, np.float32)

    def set_code(self, code: np.ndarray, title: str = "") -> None:
        code = np.asarray(code, dtype=np.float32).ravel()
        self._values = code
        n = code.size
        positive = code >= 0
        brushes = [pg.mkBrush(59, 110, 168) if p else pg.mkBrush(200, 90, 60) for p in positive]
        if self._bars is None or n != self._size:
            self.plot.clear()
            self._bars = pg.BarGraphItem(x=np.arange(n), height=code, width=0.8, brushes=brushes, pen=None)
            self.plot.addItem(self._bars)
            self._size = n
            self.plot.setXRange(-1, n, padding=0)
        else:
            self._bars.setOpts(height=code, brushes=brushes)
        low, high = float(min(code.min(initial=0), 0)), float(max(code.max(initial=0), 0))
        span = max(high - low, 1e-3)
        self.plot.setYRange(low - 0.05 * span, high + 0.05 * span, padding=0)
        if title:
            self.plot.setTitle(title, size="9pt")
