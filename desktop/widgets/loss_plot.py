"""Live training curves that stay fast over a long run.

Curves are created once and fed with ``setData`` on preallocated, growing
arrays (pyqtgraph's advice); adding a point only writes into an array and
marks the plot dirty, and :meth:`LossPlot.refresh` — called by the page's
~25 Hz timer — pushes what changed. Long series are peak-downsampled and
clipped to the view, so a run of 100,000 steps draws as fast as one of 100.
"""

from __future__ import annotations

import time

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QVBoxLayout, QWidget

SMOOTHING = 0.98  # weight of the past in the smoothed training loss (an EMA, like TensorBoard's slider)
MIN_INTERVAL_S = 0.04  # never redraw faster than 25 Hz
DUTY = 0.03  # share of the GUI thread's time the curves may take: slow redraws are spaced out

# Why a budget: the training thread holds Python's GIL most of the time, and a
# pyqtgraph redraw makes hundreds of Python↔Qt calls, each of which can wait
# for it. Spacing the redraws by what the last one cost keeps both the window
# and the run fast on a 2-core laptop, and redraws at 25 Hz where it is cheap.

# name: (label, colour), labels translated where drawn; faint raw curves are the same colour with low alpha.
STYLES = {
    "loss": (QT_TRANSLATE_NOOP("LossPlot", "training loss"), (31, 119, 180)),
    "val_loss": (QT_TRANSLATE_NOOP("LossPlot", "validation loss (per epoch)"), (255, 127, 14)),
    "loss_d": (QT_TRANSLATE_NOOP("LossPlot", "Loss_D (discriminator)"), (214, 39, 40)),
    "loss_g": (QT_TRANSLATE_NOOP("LossPlot", "Loss_G (generator)"), (44, 160, 44)),
    "d_real": (QT_TRANSLATE_NOOP("LossPlot", "D(x): D's score for real images"), (148, 103, 189)),
    "d_fake": (QT_TRANSLATE_NOOP("LossPlot", "D(G(z)): D's score for fakes"), (140, 86, 75)),
}


class Series:
    """A growing (x, y) series in preallocated arrays; ``view()`` is the filled part."""

    def __init__(self, capacity: int = 1024) -> None:
        self.x = np.empty(capacity, dtype=np.float64)
        self.y = np.empty(capacity, dtype=np.float64)
        self.size = 0

    def append(self, x: float, y: float) -> None:
        if self.size == len(self.x):
            self.x = np.resize(self.x, 2 * len(self.x))
            self.y = np.resize(self.y, 2 * len(self.y))
        self.x[self.size] = x
        self.y[self.size] = y
        self.size += 1

    def clear(self) -> None:
        self.size = 0

    def view(self) -> tuple[np.ndarray, np.ndarray]:
        return self.x[: self.size], self.y[: self.size]


class LossPlot(QWidget):
    """Autoencoders: raw + smoothed training loss per step and validation loss per epoch.
    GANs: Loss_D and Loss_G on one axis, D(x) and D(G(z)) on a second, 0–1 axis (each raw and smoothed)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        pg.setConfigOptions(antialias=False)
        self._view = pg.GraphicsLayoutWidget()
        self._view.setBackground(None)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._view)
        self._series: dict[str, Series] = {}
        self._curves: dict[str, pg.PlotDataItem] = {}
        self._smoothed_value: dict[str, float] = {}
        self._dirty = False
        self._next_redraw = 0.0
        self.last_redraw_s = 0.0  # what the last redraw cost (for the curious and the benchmark)
        self._mode = ""
        self.configure(("loss",))

    # -- building ------------------------------------------------------------------
    def configure(self, metric_names: tuple[str, ...] | list[str]) -> None:
        """Lay the plots out for a run whose StepMetrics carry ``metric_names``; clears the data."""
        mode = "gan" if "loss_d" in metric_names else "autoencoder"
        if mode == self._mode:
            self.clear()
            return
        self._mode = mode
        self._view.clear()
        self._series.clear()
        self._curves.clear()
        self._smoothed_value.clear()
        if mode == "gan":
            losses = self._add_plot(0, self.tr("loss (BCE)"))
            scores = self._add_plot(1, self.tr("D's output"), legend_columns=2)
            scores.setYRange(0, 1.25, padding=0.02)  # the top band holds the one-row legend, clear of the curves
            scores.setXLink(losses)
            for name in ("loss_d", "loss_g"):
                self._add_curve(losses, name + "_raw", name, faint=True, legend=False)
                self._add_curve(losses, name, name)
            for name in ("d_real", "d_fake"):
                self._add_curve(scores, name + "_raw", name, faint=True, legend=False)
                self._add_curve(scores, name, name)
        else:
            plot = self._add_plot(0, self.tr("loss (BCE)"))
            self._add_curve(plot, "loss_raw", "loss", faint=True, label=self.tr("training loss (each step)"))
            self._add_curve(plot, "loss", "loss", label=self.tr("training loss (smoothed)"))
            self._add_curve(plot, "val_loss", "val_loss", symbol=True)
        self._dirty = True

    def _add_plot(self, row: int, y_label: str, legend_columns: int = 1) -> pg.PlotItem:
        plot = self._view.addPlot(row=row, col=0)  # no grid: its translucent lines cost more than all the curves
        plot.setLabel("left", y_label)
        plot.getAxis("left").enableAutoSIPrefix(False)  # a loss of 0.3 reads 0.3, not "300 (×0.001)"
        plot.setLabel("bottom", self.tr("training step"))
        legend = plot.addLegend(offset=(-10, 4 if legend_columns > 1 else 10), labelTextSize="8pt",
                                colCount=legend_columns)  # fmt: skip
        legend.setBrush(pg.mkBrush(255, 255, 255, 200))
        plot.setClipToView(True)
        plot.setDownsampling(auto=True, mode="peak")
        plot.setMouseEnabled(x=True, y=False)
        return plot

    def _add_curve(self, plot: pg.PlotItem, key: str, style: str, *, faint: bool = False, symbol: bool = False,
                   legend: bool = True, label: str | None = None) -> None:  # fmt: skip
        name, colour = STYLES[style]
        name = QCoreApplication.translate("LossPlot", name)
        if faint:  # an opaque pale tint draws much faster than a translucent line
            pen = pg.mkPen(tuple(int(255 - 0.3 * (255 - c)) for c in colour), width=1)
        else:
            pen = pg.mkPen(colour, width=2)
        kwargs = {"symbol": "o", "symbolSize": 7, "symbolBrush": colour, "symbolPen": None} if symbol else {}
        legend_name = label or (name if legend and not faint else None)
        curve = plot.plot(pen=pen, name=legend_name, **kwargs)
        curve.setDownsampling(auto=True, method="peak")
        curve.setClipToView(True)
        self._curves[key] = curve
        self._series[key] = Series()

    # -- feeding -------------------------------------------------------------------
    def add_step(self, global_step: int, metrics: dict[str, float]) -> None:
        """Record one StepMetrics; drawn at the next :meth:`refresh`."""
        for name, value in metrics.items():
            if name + "_raw" in self._series:
                self._series[name + "_raw"].append(global_step, value)
                previous = self._smoothed_value.get(name)
                smooth = value if previous is None else SMOOTHING * previous + (1 - SMOOTHING) * value
                self._smoothed_value[name] = smooth
                self._series[name].append(global_step, smooth)
            elif name in self._series:
                self._series[name].append(global_step, value)
        self._dirty = True

    def add_epoch(self, global_step: int, val: dict[str, float]) -> None:
        """Record an epoch's validation metrics (autoencoders: its loss)."""
        if "loss" in val and "val_loss" in self._series:
            self._series["val_loss"].append(global_step, val["loss"])
            self._dirty = True

    def refresh(self, force: bool = False) -> bool:
        """Push new points to the curves and repaint, within the redraw budget
        (``force`` ignores it: the last redraw of a run); True if it redrew."""
        now = time.perf_counter()
        if not self._dirty or (now < self._next_redraw and not force):
            return False
        for key, curve in self._curves.items():
            series = self._series[key]
            if curve.xData is None or len(curve.xData) != series.size:
                x, y = series.view()
                curve.setData(x, y, skipFiniteCheck=True)
        self._dirty = False
        if self.isVisible():
            self._view.viewport().repaint()  # now, so that its cost can be measured
        self.last_redraw_s = time.perf_counter() - now
        self._next_redraw = now + max(MIN_INTERVAL_S, self.last_redraw_s / DUTY)
        return True

    def clear(self) -> None:
        for series in self._series.values():
            series.clear()
        self._smoothed_value.clear()
        self._next_redraw = 0.0
        self._dirty = True

    # -- for tests and the page ----------------------------------------------------------
    @property
    def mode(self) -> str:
        return self._mode

    def series_names(self) -> list[str]:
        return list(self._series)

    def points(self, key: str) -> int:
        """How many points the curve ``key`` holds (as drawn after the last refresh)."""
        curve = self._curves[key]
        x = curve.xData
        return 0 if x is None else len(x)
