"""The GAN's health in one line above the curves (the engine's diagnosis, in colour)."""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QLabel, QWidget

from engine.train.gan_health import OK, WATCH, diagnose, sample_diversity

STYLES = {
    OK: "background:#e6f4ea; color:#1e4620; border:1px solid #a8d5b0;",
    WATCH: "background:#fff3cd; color:#5c4400; border:1px solid #e0c36a;",
    "problem": "background:#fde2e1; color:#6b1a17; border:1px solid #e8a3a0;",
}
SMOOTHING = 0.98  # of D(x) and D(G(z)) over steps: the diagnosis reads a trend, not one noisy batch


class GanHealthView(QLabel):
    """Fed with the run's step metrics and fixed-noise samples; says how the game is going."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setToolTip(self.tr("How the two networks are doing, read from D(x), D(G(z)) and how varied the "
                                "samples are."))
        self.headline = ""
        self.reset()

    def reset(self) -> None:
        self._d_real = self._d_fake = math.nan
        self._diversity: float | None = None
        self.headline = ""
        self.setText("")
        self.hide()

    def add_step(self, metrics: dict[str, float]) -> None:
        if "d_real" not in metrics:
            return
        for name in ("d_real", "d_fake"):
            old, new = getattr(self, f"_{name}"), metrics[name]
            setattr(self, f"_{name}", new if math.isnan(old) else SMOOTHING * old + (1 - SMOOTHING) * new)

    def add_samples(self, images: np.ndarray) -> None:
        """Re-diagnose when a new batch of fixed-noise samples arrives (a few times per epoch)."""
        self._diversity = sample_diversity(images)
        if math.isnan(self._d_real):
            return
        health = diagnose(self._d_real, self._d_fake, self._diversity)
        self.headline = health.headline
        locale = QLocale()
        self.setText(self.tr("<b>GAN health: {headline}.</b> {advice} <span style='color:#666'>(D(x) {d_real}, "
                             "D(G(z)) {d_fake})</span>").format(headline=health.headline, advice=health.advice,
                                                                d_real=locale.toString(self._d_real, "f", 2),
                                                                d_fake=locale.toString(self._d_fake, "f", 2)))
        self.setStyleSheet(f"QLabel {{ {STYLES[health.level]} padding:4px 6px; border-radius:4px; }}")
        self.show()
