"""The run's small latent map: a fixed subset of validation codes, coloured by class, at one snapshot.

The engine projects the codes the same way at every snapshot, so scrubbing
moves the points rather than jumping them; the axes are fixed over the whole
history (:meth:`HistoryMap.set_bounds`) so the motion is the model's, not the
view's. One scatter item per class, each with one brush: moving the points is
one ``setData`` of plain arrays per class, which keeps a scrub step cheap.
"""

from __future__ import annotations

import html

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from desktop.widgets.class_palette import PALETTE
from engine import i18n as engine_i18n


def still_plot() -> pg.PlotWidget:
    """A small plot that the time machine moves, not the mouse: no menu, no buttons, no panning."""
    plot = pg.PlotWidget()
    plot.setBackground(None)
    plot.setMenuEnabled(False)
    plot.hideButtons()
    plot.setMouseEnabled(x=False, y=False)
    return plot


class HistoryMap(QWidget):
    """A 2-D scatter of codes coloured by class; :meth:`set_points` moves them to another snapshot."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plot = still_plot()
        item = self.plot.getPlotItem()
        for axis in ("left", "bottom"):  # a plane's coordinates mean nothing to a student: no ticks
            item.hideAxis(axis)
        self.legend = QLabel()  # under the map, never over its points
        self.legend.setWordWrap(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.legend)
        layout.addWidget(self.message)
        self._items: list[pg.ScatterPlotItem] = []
        self._masks: list[np.ndarray] = []
        self._labels: np.ndarray | None = None
        self.setToolTip(
            self.tr(
                "A fixed set of validation images placed by their codes (the same projection at "
                "every snapshot), coloured by class: scrub to watch the classes separate."
            )
        )

    def set_classes(self, labels: np.ndarray, class_names: list[str]) -> None:
        """The class of each point (fixed for the whole history) and the classes' names (the legend)."""
        labels = np.asarray(labels, dtype=np.int64)
        if self._labels is not None and np.array_equal(labels, self._labels):
            return
        self._labels = labels
        for item in self._items:
            self.plot.removeItem(item)
        self._items, self._masks = [], []
        entries = []
        count = max(int(labels.max()) + 1 if labels.size else 0, len(class_names))
        for c in range(count):
            mask = labels == c
            if not mask.any():
                continue
            colour = PALETTE[c % len(PALETTE)]
            item = pg.ScatterPlotItem(pxMode=True, size=5, pen=None, brush=pg.mkBrush(*colour, 190))
            self.plot.addItem(item)
            self._items.append(item)
            self._masks.append(mask)
            name = engine_i18n._(class_names[c]) if c < len(class_names) else str(c)  # in the user's language
            colour_hex = "#{:02x}{:02x}{:02x}".format(*colour)
            entries.append(f"<span style='color:{colour_hex}'>●</span>&nbsp;{html.escape(name)}")
        self.legend.setText(" &nbsp;".join(entries))

    def set_points(self, coords: np.ndarray | None) -> None:
        """Move the points to ``coords`` (N, 2) — one row per label given to :meth:`set_classes`."""
        if coords is None or self._labels is None:
            for item in self._items:
                item.clear()
            return
        coords = np.asarray(coords, dtype=np.float32)
        if len(coords) != len(self._labels):
            return
        for item, mask in zip(self._items, self._masks):
            points = coords[mask]
            item.setData(x=points[:, 0], y=points[:, 1])

    def set_bounds(self, bounds: tuple[float, float, float, float] | None) -> None:
        """Fix the axes (x0, x1, y0, y1) over the whole history; None lets them follow the points."""
        if bounds is None:
            self.plot.enableAutoRange()
            return
        x0, x1, y0, y1 = bounds
        self.plot.setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0.05)

    def show_message(self, text: str) -> None:
        """A sentence instead of (or below) the map: e.g. "a GAN has no encoder, so no map"."""
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def point_count(self) -> int:
        return sum(int(item.data.size) for item in self._items)

    def positions(self) -> np.ndarray:
        """Every point as drawn, class by class (tests)."""
        parts = [np.column_stack(item.getData()) for item in self._items if item.data.size]
        return np.concatenate(parts) if parts else np.zeros((0, 2), np.float32)


def history_bounds(all_coords: list[np.ndarray]) -> tuple[float, float, float, float] | None:
    """The box holding every snapshot's points (robust to a few outliers: 0.5–99.5 percentiles)."""
    arrays = [np.asarray(c, np.float32) for c in all_coords if c is not None and len(c)]
    if not arrays:
        return None
    stacked = np.concatenate(arrays)
    stacked = stacked[np.isfinite(stacked).all(axis=1)]
    if not len(stacked):
        return None
    lo = np.percentile(stacked, 0.5, axis=0)
    hi = np.percentile(stacked, 99.5, axis=0)
    span = np.maximum(hi - lo, 1e-6)
    return float(lo[0]), float(lo[0] + span[0]), float(lo[1]), float(lo[1] + span[1])
