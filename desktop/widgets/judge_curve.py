"""The Train page's per-epoch judge-FID of a GAN, beside the real-vs-real baseline."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class JudgeCurve(QWidget):
    """judge-FID after each epoch (log scale) and the real-vs-real baseline; the latest figures in words."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setToolTip(
            self.tr(
                "After each epoch the judge (a small classifier trained on real images) reads 1,000 samples of the "
                "generator: the judge-FID compares its features of samples and of held-out real images. Lower is "
                "better; it is not the Inception-FID of papers, so compare it only with other judge-FIDs. The "
                "dashed line is what real images score."
            )
        )
        self.epochs: list[int] = []
        self.fids: list[float] = []
        self.plot = pg.PlotWidget()
        self.plot.setBackground("w")
        self.plot.setLogMode(y=True)
        self.plot.showGrid(x=True, y=True, alpha=0.2)
        self.plot.setLabel("bottom", self.tr("epoch"))
        self.plot.setLabel("left", self.tr("judge-FID (log scale)"))
        self.curve = self.plot.plot([], [], pen=pg.mkPen((31, 119, 180), width=2), symbol="o", symbolSize=6)
        self.baseline = pg.InfiniteLine(angle=0, pen=pg.mkPen((120, 120, 120), style=pg.QtCore.Qt.PenStyle.DashLine))
        self.baseline.hide()
        self.plot.addItem(self.baseline)
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.caption)
        self.clear()

    def clear(self) -> None:
        self.epochs, self.fids = [], []
        self.curve.setData([], [])
        self.baseline.hide()
        self.caption.setText(self.tr("GANs only: the judge's figures appear after the first epoch."))

    def add(self, quality) -> None:
        """One desktop.epoch_quality.EpochQuality."""
        self.epochs.append(int(quality.epoch))
        self.fids.append(max(float(quality.judge_fid), 1e-3))
        self.curve.setData(np.array(self.epochs, float), np.array(self.fids))
        self.baseline.setValue(np.log10(max(float(quality.real_baseline_fid), 1e-3)))
        self.baseline.show()
        locale = QLocale()
        self.caption.setText(
            self.tr(
                "Epoch {epoch}: judge-FID {fid} (comparable only with itself; real vs real {real}), class entropy "
                "{entropy}, confident {confident} % (real images {real_confident} %); measured in {ms} ms."
            ).format(
                epoch=quality.epoch,
                fid=locale.toString(float(quality.judge_fid), "f", 1),
                real=locale.toString(float(quality.real_baseline_fid), "f", 1),
                entropy=locale.toString(float(quality.entropy), "f", 2),
                confident=locale.toString(round(100 * quality.confident_share)),
                real_confident=locale.toString(round(100 * quality.real_confident_share)),
                ms=locale.toString(round(quality.ms)),
            )
        )
