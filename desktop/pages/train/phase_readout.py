"""What one "Train D only" / "Train G only" step did, in one line above the curves.

The run measures D's scores on a fixed probe (validation images and the fixed
noise batch) just before and just after the step (``d_real_before`` …
``d_fake_after`` in the step's metrics); this line shows them as
"before → after" with the direction the lecture predicts: a D step should
raise D(x) and lower D(G(z)), a G step should raise D(G(z)).
"""

from __future__ import annotations

import math

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QLabel, QWidget

STYLE = "QLabel { background:#eef2f8; color:#1b2a41; border:1px solid #b7c4dc; padding:4px 6px; border-radius:4px; }"


class PhaseReadout(QLabel):
    """Hidden until a single phase is stepped; then the last step's effect on D(x) and D(G(z))."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setStyleSheet(STYLE)
        self.setToolTip(
            self.tr(
                "D's average score for a fixed batch of real images, D(x), and for the fixed noise "
                "batch's fakes, D(G(z)), just before and just after the single step. The sample grid "
                "below is redrawn after each step, and the curves mark it: ▲ a D step, ◆ a G step."
            )
        )
        self.count = {"d": 0, "g": 0}
        self.reset()

    def reset(self) -> None:
        self.count = {"d": 0, "g": 0}
        self.setText("")
        self.hide()

    def show_step(self, phase: str, metrics: dict[str, float]) -> None:
        """Show what the single ``phase`` step ("d" or "g") changed."""
        if phase not in self.count:
            return
        self.count[phase] += 1
        if phase == "d":
            who = self.tr("<b>Train D only</b> ▲ (step {n}): the discriminator learnt, the generator did not.").format(
                n=self.count[phase]
            )
        else:
            who = self.tr(
                "<b>Train G only</b> ◆ (step {n}): the generator learnt, through a frozen discriminator."
            ).format(n=self.count[phase])
        parts = [who]
        if all(k in metrics for k in ("d_real_before", "d_real_after", "d_fake_before", "d_fake_after")):
            parts.append(
                self.tr("D(x) {real_before} → {real_after} · D(G(z)) {fake_before} → {fake_after}.").format(
                    real_before=_number(metrics["d_real_before"]),
                    real_after=_number(metrics["d_real_after"]),
                    fake_before=_number(metrics["d_fake_before"]),
                    fake_after=_number(metrics["d_fake_after"]),
                )
            )
            parts.append(self._verdict(phase, metrics))
        self.setText(" ".join(p for p in parts if p))
        self.show()

    def _verdict(self, phase: str, metrics: dict[str, float]) -> str:
        fake_change = metrics["d_fake_after"] - metrics["d_fake_before"]
        real_change = metrics["d_real_after"] - metrics["d_real_before"]
        if phase == "d":
            if real_change - fake_change > 0:
                return self.tr("D now tells real from fake a little better.")
            return self.tr("This batch did not make D better on the probe: steps are noisy, try another.")
        if fake_change > 0:
            return self.tr("The fakes now fool D a little more.")
        return self.tr("The fakes did not fool D more on the probe this time: try another step.")


def _number(value: float) -> str:
    return "–" if not math.isfinite(value) else QLocale().toString(float(value), "f", 3)
