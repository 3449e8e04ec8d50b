"""What the lecture explains, shown: a sparse autoencoder's coding units, a VAE's two loss terms.

:class:`UnitActivityView` draws one bar per coding unit — its mean activation
over a validation batch — against the target (0.1 for the KL penalty), and
says how many units stay near zero: the sparsity the penalty buys.
:class:`VaeTermsPlot` draws the VAE's reconstruction and KL terms as two
curves, not only their sum, so a student sees the KL term pull against the
reconstruction. Both are fed from the run's history (and live, as it grows),
and both move with the time machine's slider.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from desktop.widgets.history_map import still_plot

BAR_COLOUR = (31, 119, 180)
TARGET_COLOUR = (214, 39, 40)
RECON_COLOUR = (31, 119, 180)
KL_COLOUR = (255, 127, 14)
MAX_SYMBOLS = 200  # beyond this many points the curves are drawn as lines only


class UnitActivityView(QWidget):
    """Bars: each coding unit's mean activation; a dashed line: the target; a sentence: units near zero."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plot = still_plot()
        item = self.plot.getPlotItem()
        item.setLabel("bottom", self.tr("coding unit"))
        item.setLabel("left", self.tr("mean activation"))
        item.getAxis("left").enableAutoSIPrefix(False)
        self.bars = pg.BarGraphItem(
            x=np.zeros(0), height=np.zeros(0), width=0.8, brush=pg.mkBrush(*BAR_COLOUR), pen=pg.mkPen(None)
        )
        item.addItem(self.bars)
        dashed = pg.mkPen(TARGET_COLOUR, width=2, style=pg.QtCore.Qt.PenStyle.DashLine)
        label = {"position": 0.05, "color": TARGET_COLOUR, "anchors": [(0, 1), (0, 1)], "fill": (255, 255, 255, 200)}
        self.target_line = pg.InfiniteLine(angle=0, movable=False, pen=dashed, label="", labelOpts=label)
        item.addItem(self.target_line)
        self.target_line.hide()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.plot, 1)
        self._means = np.zeros(0, np.float32)
        self._y_max = 0.0
        self.setToolTip(
            self.tr(
                "The sparse autoencoder's coding layer: each bar is one unit's mean activation "
                "over a fixed batch of validation images. The penalty pushes most of them towards "
                "the target, so each image is coded by a few active units."
            )
        )
        self.clear()

    def clear(self, text: str | None = None) -> None:
        self._means = np.zeros(0, np.float32)
        self.bars.setOpts(x=np.zeros(0), height=np.zeros(0))
        self.target_line.hide()
        self.summary.setText(text if text is not None else self.tr("The coding units' activity appears here."))

    def set_activity(
        self,
        means: np.ndarray,
        target: float | None,
        near_zero: float | None = None,
        threshold: float = 0.01,
        y_max: float | None = None,
    ) -> None:
        """``means`` (units,), ``target`` (None for the L1 penalty), ``near_zero`` the share of units below
        ``threshold`` (computed here when None); ``y_max`` fixes the axis over the whole history."""
        means = np.asarray(means, dtype=np.float32).ravel()
        self._means = means
        self.bars.setOpts(x=np.arange(len(means)), height=means)
        if target is not None:
            self.target_line.setValue(float(target))
            self.target_line.label.setFormat(
                self.tr("target {value}").format(value=QLocale().toString(float(target), "g", 3))
            )
            self.target_line.show()
        else:
            self.target_line.hide()
        top = max(float(y_max or 0.0), float(means.max()) if len(means) else 0.0, float(target or 0.0) * 1.5, 1e-3)
        if abs(top - self._y_max) > 1e-9:
            self._y_max = top
            self.plot.setYRange(0, top, padding=0.02)
            self.plot.setXRange(-0.6, max(len(means), 1) - 0.4, padding=0.0)
        if near_zero is None:
            near_zero = float((means < threshold).mean()) if len(means) else 0.0
        locale = QLocale()
        units = len(means)
        quiet = int(round(near_zero * units))
        text = self.tr(
            "{quiet} of {units} coding units stay near zero ({share} %); the mean activation is {mean}"
        ).format(
            quiet=locale.toString(quiet),
            units=locale.toString(units),
            share=locale.toString(100 * near_zero, "f", 0),
            mean=locale.toString(float(means.mean()) if units else 0.0, "f", 3),
        )
        if target is not None:
            text = self.tr("{text} (target {target}).").format(text=text, target=locale.toString(float(target), "g", 3))
        else:
            text = self.tr("{text} (L1 penalty: pushed towards zero).").format(text=text)
        self.summary.setText(text)

    def means(self) -> np.ndarray:
        return self._means.copy()


class VaeTermsPlot(QWidget):
    """The VAE's loss as its two terms: reconstruction (BCE per pixel) and KL divergence (÷ 784)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plot = pg.PlotWidget()
        self.plot.setBackground(None)
        self.plot.setMenuEnabled(False)
        item = self.plot.getPlotItem()
        item.setLabel("left", self.tr("loss term (log scale)"))
        item.setLabel("bottom", self.tr("training step"))
        item.setLogMode(y=True)  # the KL term is ~20 times smaller: on a log axis both curves can be read
        self.recon = item.plot(
            pen=pg.mkPen(RECON_COLOUR, width=2), symbolSize=5, symbolBrush=RECON_COLOUR, symbolPen=None
        )
        self.kl = item.plot(pen=pg.mkPen(KL_COLOUR, width=2), symbolSize=5, symbolBrush=KL_COLOUR, symbolPen=None)
        for curve in (self.recon, self.kl):
            curve.setDownsampling(auto=True, method="peak")
            curve.setClipToView(True)
        self.marker = pg.InfiniteLine(angle=90, movable=False, pen=pg.mkPen((90, 90, 90), width=1))
        item.addItem(self.marker, ignoreBounds=True)
        self.marker.hide()
        swatch = "<span style='color:#{:02x}{:02x}{:02x}'>━━</span>&nbsp;"
        self.legend = QLabel(
            swatch.format(*RECON_COLOUR)
            + self.tr("reconstruction (BCE per pixel)")
            + " &nbsp; "
            + swatch.format(*KL_COLOUR)
            + self.tr("KL divergence ÷ 784")
        )
        self.legend.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.legend)
        self.setToolTip(
            self.tr(
                "The VAE minimises the sum of two terms: rebuilding the image well, and keeping the "
                "codes close to a standard normal (KL). Watch them pull against each other."
            )
        )

    def set_terms(self, x: np.ndarray, reconstruction: np.ndarray, kl: np.ndarray) -> None:
        x = np.asarray(x, np.float64)
        dots = len(x) <= MAX_SYMBOLS  # one dot per epoch reads well; one per step only costs
        for curve, values in ((self.recon, reconstruction), (self.kl, kl)):
            curve.setSymbol("o" if dots else None)
            curve.setData(x, np.asarray(values, np.float64), skipFiniteCheck=True)

    def clear(self) -> None:
        self.recon.setData([], [])
        self.kl.setData([], [])
        self.marker.hide()

    def set_marker(self, x: float | None) -> None:
        if x is None:
            self.marker.hide()
        else:
            self.marker.setValue(float(x))
            self.marker.show()

    def points(self) -> int:
        data = self.recon.xData
        return 0 if data is None else len(data)
