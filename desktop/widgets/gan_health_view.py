"""The GAN's health in one line above the curves (the engine's diagnosis, in colour)."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QLabel, QWidget

from engine.train.gan_health import OK, PROBLEM, WATCH, HealthTracker, sample_diversity

STYLES = {
    OK: "background:#e6f4ea; color:#1e4620; border:1px solid #a8d5b0;",
    WATCH: "background:#fff3cd; color:#5c4400; border:1px solid #e0c36a;",
    "problem": "background:#fde2e1; color:#6b1a17; border:1px solid #e8a3a0;",
}


class GanHealthView(QLabel):
    """Fed with the run's step metrics and fixed-noise samples; says how the game is going."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setToolTip(
            self.tr(
                "How the two networks are doing, read from D(x), D(G(z)), how varied the "
                "samples are and, after each epoch, which classes the judge sees in them."
            )
        )
        self.headline = ""
        self.tracker = HealthTracker()  # bias-corrected averages: right from the first steps
        self.reset()

    def reset(self) -> None:
        self.tracker.reset()
        self._diversity: float | None = None
        self._class_health = None  # a class collapse the judge's histogram shows (engine.quality.class_health)
        self.headline = ""
        self.setText("")
        self.hide()

    def add_step(self, metrics: dict[str, float], global_step: int | None = None) -> None:
        """One StepMetrics; ``global_step`` lets an event that averages many steps weigh as much."""
        if "d_real" in metrics and "d_fake" in metrics:
            self.tracker.add(metrics["d_real"], metrics["d_fake"], global_step)

    @property
    def d_real(self) -> float:
        return self.tracker.d_real.value

    @property
    def d_fake(self) -> float:
        return self.tracker.d_fake.value

    def add_samples(self, images: np.ndarray) -> None:
        """Re-diagnose when a new batch of fixed-noise samples arrives (a few times per epoch)."""
        self._diversity = sample_diversity(images)
        self._render()

    def add_classes(self, histogram, class_names, dataset: str = "") -> None:
        """The judge's class histogram after an epoch: one class drawn far too often is named."""
        from engine.quality import class_health

        self._class_health = class_health(histogram, class_names, dataset)
        self._render()

    def _render(self) -> None:
        if not self.tracker.ready:
            return
        health = self.tracker.diagnose(self._diversity)
        rank = {OK: 0, WATCH: 1, PROBLEM: 2}
        if self._class_health is not None and rank[self._class_health.level] >= rank.get(health.level, 0):
            health = self._class_health  # pixel diversity cannot see that the classes collapsed
        self.headline = health.headline
        locale = QLocale()
        self.setText(
            self.tr(
                "<b>GAN health: {headline}.</b> {advice} <span style='color:#666'>(D(x) {d_real}, "
                "D(G(z)) {d_fake})</span>"
            ).format(
                headline=health.headline,
                advice=health.advice,
                d_real=locale.toString(self.d_real, "f", 2),
                d_fake=locale.toString(self.d_fake, "f", 2),
            )
        )
        self.setStyleSheet(f"QLabel {{ {STYLES[health.level]} padding:4px 6px; border-radius:4px; }}")
        self.show()
