"""Live training curves that stay fast over a long run.

Curves are created once and fed with ``setData`` on preallocated, growing
arrays (pyqtgraph's advice); adding a point only writes into an array and
marks the plot dirty, and :meth:`LossPlot.refresh` — called after each batch
of the run's events — pushes what changed, at most 10 times a second and
within a share of the GUI thread's time; a hidden plot is not drawn at all
(it catches up when shown). Long series are peak-downsampled and clipped to
the view, so a run of 100,000 steps draws as fast as one of 100.
"""

from __future__ import annotations

import time

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QVBoxLayout, QWidget

from engine.train.smoothing import DebiasedAverage

SMOOTHING = 0.98  # weight of the past in the smoothed training loss (an EMA, like TensorBoard's slider,
# bias-corrected as Adam corrects its moments, so that the first steps read what the raw curve says)
MIN_INTERVAL_S = 0.1  # never redraw faster than 10 Hz: smooth enough for a curve, and the GIL goes to training
DUTY = 0.02  # share of the GUI thread's time the curves may take: slow redraws are spaced out

# Why a budget: the training thread holds Python's GIL most of the time, and a
# pyqtgraph redraw makes hundreds of Python↔Qt calls, each of which can wait
# for it. Spacing the redraws by what the last one cost keeps both the window
# and the run fast on a 2-core laptop, and redraws at 10 Hz where it is cheap.
# Why no repaint(): pyqtgraph works out the auto range when it paints, and the
# new range asks for a second paint; working it out before, and letting Qt
# paint once with the rest of the window, halves the cost of each redraw.


class TimedView(pg.GraphicsLayoutWidget):
    """pyqtgraph's view, remembering what its last paint cost (the redraw budget's measure)."""

    paint_s = 0.0

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        start = time.perf_counter()
        super().paintEvent(event)
        self.paint_s = time.perf_counter() - start


# name: (label, colour), labels translated where drawn; faint raw curves are the same colour with low alpha.
STYLES = {
    "loss": (QT_TRANSLATE_NOOP("LossPlot", "training loss"), (31, 119, 180)),
    "val_loss": (QT_TRANSLATE_NOOP("LossPlot", "validation loss (per epoch)"), (255, 127, 14)),
    "loss_d": (QT_TRANSLATE_NOOP("LossPlot", "Loss_D (discriminator)"), (214, 39, 40)),
    "loss_g": (QT_TRANSLATE_NOOP("LossPlot", "Loss_G (generator)"), (44, 160, 44)),
    "loss_q": (QT_TRANSLATE_NOOP("LossPlot", "Loss_Q (class codes)"), (127, 127, 127)),
    "d_real": (QT_TRANSLATE_NOOP("LossPlot", "D(x): D's score for real images"), (148, 103, 189)),
    "d_fake": (QT_TRANSLATE_NOOP("LossPlot", "D(G(z)): D's score for fakes"), (140, 86, 75)),
}
# Single-phase GAN steps (Train D only / Train G only), marked on the curves: phase → (symbol, colour):
# ▲ in D's colour for a D step, ◆ in G's for a G step (the readout line above the curves says so).
PHASE_MARKS = {"d": ("t1", (214, 39, 40)), "g": ("d", (44, 160, 44))}


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
        self._view = TimedView()
        self._view.setBackground(None)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._view)
        self._series: dict[str, Series] = {}
        self._plots: list[pg.PlotItem] = []
        self._curves: dict[str, pg.PlotDataItem] = {}
        self._smoothed_value: dict[str, DebiasedAverage] = {}
        self._last_step = 0
        self._marks: dict[str, list[tuple[pg.ScatterPlotItem, Series]]] = {}
        self._dirty = False
        self._next_redraw = 0.0
        self.last_redraw_s = 0.0  # what the last redraw cost (for the curious and the benchmark)
        self._mode = ""
        self._with_q = False
        self._scrub_markers: list[pg.InfiniteLine] = []  # the time machine's marker, one per plot
        self._marker_wanted: tuple[float | None] | None = None  # a marker move put off to the next refresh
        self._resume_lines: list[tuple[pg.PlotItem, pg.InfiniteLine]] = []  # where a continued run picked up
        self.configure(("loss",))

    # -- building ------------------------------------------------------------------
    def configure(self, metric_names: tuple[str, ...] | list[str]) -> None:
        """Lay the plots out for a run whose StepMetrics carry ``metric_names``; clears the data."""
        mode = "gan" if "loss_d" in metric_names else "autoencoder"
        with_q = "loss_q" in metric_names  # a DCGAN with class codes: Q's loss too
        if (mode, with_q) == (self._mode, self._with_q):
            self.clear()
            return
        self._mode, self._with_q = mode, with_q
        self._view.clear()
        self._scrub_markers.clear()
        self._resume_lines.clear()
        self._series.clear()
        self._plots.clear()
        self._curves.clear()
        self._smoothed_value.clear()
        self._marks.clear()
        self._last_step = 0
        if mode == "gan":
            losses = self._add_plot(0, self.tr("loss (BCE)"))
            scores = self._add_plot(1, self.tr("D's output"), legend_columns=2)
            scores.setYRange(0, 1.25, padding=0.02)  # the top band holds the one-row legend, clear of the curves
            scores.setXLink(losses)
            for name in ("loss_d", "loss_g", "loss_q") if with_q else ("loss_d", "loss_g"):
                self._add_curve(losses, name + "_raw", name, faint=True, legend=False)
                self._add_curve(losses, name, name)
            for name in ("d_real", "d_fake"):
                self._add_curve(scores, name + "_raw", name, faint=True, legend=False)
                self._add_curve(scores, name, name)
            for phase, (symbol, colour) in PHASE_MARKS.items():
                self._marks[phase] = [self._add_marks(plot, symbol, colour) for plot in (losses, scores)]
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
        legend = plot.addLegend(
            offset=(-10, 4 if legend_columns > 1 else 10), labelTextSize="8pt", colCount=legend_columns
        )
        legend.setBrush(pg.mkBrush(255, 255, 255, 200))
        plot.setClipToView(True)
        plot.setDownsampling(auto=True, mode="peak")
        plot.setMouseEnabled(x=True, y=False)
        self._plots.append(plot)
        marker = pg.InfiniteLine(angle=90, movable=False, pen=pg.mkPen((60, 60, 60), width=1.5))
        marker.setZValue(20)
        plot.addItem(marker, ignoreBounds=True)
        marker.hide()
        self._scrub_markers.append(marker)
        return plot

    def _add_curve(
        self,
        plot: pg.PlotItem,
        key: str,
        style: str,
        *,
        faint: bool = False,
        symbol: bool = False,
        legend: bool = True,
        label: str | None = None,
    ) -> None:
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

    def _add_marks(self, plot: pg.PlotItem, symbol: str, colour) -> tuple:
        marks = pg.ScatterPlotItem(symbol=symbol, size=12, brush=pg.mkBrush(colour), pen=pg.mkPen("w"))
        marks.setZValue(10)  # above the curves
        plot.addItem(marks)
        return marks, Series(64)

    # -- feeding -------------------------------------------------------------------
    def add_step(self, global_step: int, metrics: dict[str, float], phase: str = "both") -> None:
        """Record one StepMetrics; drawn at the next :meth:`refresh`.

        A single-phase GAN step (``phase`` "d" or "g") is also marked on both plots: on its loss,
        and on D's scores after the step (``d_real_after``, ``d_fake_after``) when the run measured them."""
        steps = max(1, global_step - self._last_step)
        self._last_step = max(self._last_step, global_step)
        for name, value in metrics.items():
            if name + "_raw" in self._series:
                self._series[name + "_raw"].append(global_step, value)
                average = self._smoothed_value.setdefault(name, DebiasedAverage(SMOOTHING))
                self._series[name].append(global_step, average.update(value, steps))
            elif name in self._series:
                self._series[name].append(global_step, value)
        if phase in self._marks:
            (_loss_marks, on_loss), (_score_marks, on_scores) = self._marks[phase]
            loss = metrics.get("loss_d" if phase == "d" else "loss_g")
            if loss is not None:
                on_loss.append(global_step, loss)
            for name in ("d_real_after", "d_fake_after"):
                if name in metrics:
                    on_scores.append(global_step, metrics[name])
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
        if not force and not self.isVisible():
            return False  # nobody sees it: showEvent draws what it missed
        self._push_data()
        if self.isVisible():
            for plot in self._plots:
                plot.vb.prepareForPaint()  # the new auto range now, so that one paint shows it
            self._view.viewport().update()  # painted with the rest of the window
        self.last_redraw_s = time.perf_counter() - now + self._view.paint_s  # this push, and the last paint
        self._next_redraw = now + max(MIN_INTERVAL_S, self.last_redraw_s / DUTY)
        return True

    def _push_data(self) -> None:
        """Hand the curves the points they do not have yet."""
        for key, curve in self._curves.items():
            series = self._series[key]
            if curve.xData is None or len(curve.xData) != series.size:
                x, y = series.view()
                curve.setData(x, y, skipFiniteCheck=True)
        for pairs in self._marks.values():
            for marks, series in pairs:
                if len(marks.data) != series.size:
                    x, y = series.view()
                    marks.setData(x, y)
        if self._marker_wanted is not None:
            self.set_marker(self._marker_wanted[0])
        self._dirty = False

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if self._dirty:
            self._push_data()  # drawn with the rest of the page as it appears
        super().showEvent(event)

    def clear(self) -> None:
        for series in self._series.values():
            series.clear()
        for pairs in self._marks.values():
            for _marks, series in pairs:
                series.clear()
        self._smoothed_value.clear()
        self._last_step = 0
        self._next_redraw = 0.0
        self._dirty = True

    # -- the time machine ---------------------------------------------------------------
    def set_marker(self, global_step: float | None, defer: bool = False) -> None:
        """A vertical line at the snapshot the slider shows (None hides it); ``defer``: moved with the
        next redraw of the curves (a live run's new snapshot: one paint for both, within the budget)."""
        if defer:
            self._marker_wanted = (global_step,)
            self._dirty = True
            return
        self._marker_wanted = None
        for marker in self._scrub_markers:
            if global_step is None:
                marker.hide()
            else:
                marker.setValue(float(global_step))
                marker.show()

    def marker_position(self) -> float | None:
        if self._marker_wanted is not None:
            step = self._marker_wanted[0]
            return None if step is None else float(step)
        marker = self._scrub_markers[0] if self._scrub_markers else None
        return None if marker is None or not marker.isVisible() else float(marker.value())

    def set_resumes(self, global_steps: list[int]) -> None:
        """Dashed lines where a continued run picked up (its curves carry on from there)."""
        for plot, line in self._resume_lines:
            plot.removeItem(line)
        self._resume_lines.clear()
        plots = [item for item in self._view.ci.items if isinstance(item, pg.PlotItem)]
        for step in global_steps:
            for plot in plots:
                line = pg.InfiniteLine(
                    step,
                    angle=90,
                    movable=False,
                    pen=pg.mkPen((120, 120, 120), width=1, style=pg.QtCore.Qt.PenStyle.DashLine),
                    label=self.tr("continued") if plot is plots[0] else None,
                    labelOpts={"position": 0.9, "color": (90, 90, 90)},
                )
                plot.addItem(line, ignoreBounds=True)
                self._resume_lines.append((plot, line))

    def export_item(self):
        """The layout holding every plot, for pyqtgraph's PNG and SVG exporters."""
        return self._view.ci

    # -- for tests and the page ----------------------------------------------------------
    @property
    def mode(self) -> str:
        return self._mode

    @property
    def pending(self) -> bool:
        """True while points wait to be drawn (the redraw budget, or a hidden plot, put them off)."""
        return self._dirty

    def series_names(self) -> list[str]:
        return list(self._series)

    def marked_steps(self, phase: str) -> list[float]:
        """The steps at which single ``phase`` steps are marked on the loss plot (as drawn after the last refresh)."""
        marks = self._marks[phase][0][0]
        return [float(x) for x in marks.data["x"]]

    def smoothed(self, name: str) -> float:
        """The last smoothed value of ``name`` (NaN before any)."""
        average = self._smoothed_value.get(name)
        return average.value if average else float("nan")

    def points(self, key: str) -> int:
        """How many points the curve ``key`` holds (as drawn after the last refresh)."""
        curve = self._curves[key]
        x = curve.xData
        return 0 if x is None else len(x)
