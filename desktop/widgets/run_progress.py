"""Where a run is: epoch and step in a progress bar, speed and time left beside it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QWidget

SPEED_SMOOTHING = 0.9  # weight of the past in the samples/s estimate


def format_duration(seconds: float) -> str:
    """'45 s', '3 min 05 s', '1 h 02 min' — what a person reads at a glance."""
    seconds = max(0, int(round(seconds)))
    if seconds < 60:
        return QCoreApplication.translate("RunProgress", "{seconds} s").format(seconds=seconds)
    minutes, seconds = divmod(seconds, 60)
    if minutes < 60:
        return QCoreApplication.translate("RunProgress", "{minutes} min {seconds} s").format(
            minutes=minutes, seconds=f"{seconds:02d}")
    hours, minutes = divmod(minutes, 60)
    return QCoreApplication.translate("RunProgress", "{hours} h {minutes} min").format(
        hours=hours, minutes=f"{minutes:02d}")


class RunProgress(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bar = QProgressBar()
        self.bar.setToolTip(self.tr("Steps done out of the whole run (epochs × steps per epoch)."))
        self.bar.setTextVisible(True)
        self.speed = QLabel()
        self.speed.setToolTip(self.tr("Training speed (images per second) and the time the run still needs at "
                                      "that speed."))
        self.speed.setMinimumWidth(230)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.bar, 1)
        layout.addWidget(self.speed)
        self.reset()

    def reset(self, text: str | None = None) -> None:
        self._epochs = self._steps = self._batch = 1
        self._done = 0
        self._speed = 0.0
        self._epoch = self._step = 0
        self.bar.setRange(0, 1)
        self.bar.setValue(0)
        self.bar.setFormat(self.tr("Ready") if text is None else text)
        self.speed.setText("")

    def begin(self, epochs: int, steps_per_epoch: int, batch_size: int) -> None:
        self._epochs, self._steps, self._batch = epochs, max(1, steps_per_epoch), batch_size
        self._done = 0
        self._speed = 0.0
        self.bar.setRange(0, epochs * self._steps)
        self.bar.setValue(0)
        self._show_position(1, 0)
        self.speed.setText(self.tr("measuring speed…"))

    def advance(self, epoch: int, step: int, samples_per_s: float) -> None:
        """Record a StepMetrics (cheap); :meth:`refresh` draws."""
        self._epoch, self._step = epoch, step
        self._done = (epoch - 1) * self._steps + step
        if samples_per_s > 0:
            self._speed = samples_per_s if self._speed == 0 else (
                SPEED_SMOOTHING * self._speed + (1 - SPEED_SMOOTHING) * samples_per_s)

    @property
    def samples_per_s(self) -> float:
        return self._speed

    def seconds_left(self) -> float | None:
        if self._speed <= 0:
            return None
        remaining = self._epochs * self._steps - self._done
        return remaining * self._batch / self._speed

    def refresh(self) -> None:
        if self._epoch == 0:
            return
        self.bar.setValue(min(self._done, self.bar.maximum()))
        self._show_position(self._epoch, self._step)
        left = self.seconds_left()
        if left is not None:
            self.speed.setText(self.tr("{speed} images/s · about {left} left").format(
                speed=QLocale().toString(round(self._speed)), left=format_duration(left)))

    def _show_position(self, epoch: int, step: int) -> None:
        locale = QLocale()
        self.bar.setFormat(self.tr("Epoch {epoch}/{epochs} · step {step}/{steps}").format(
            epoch=epoch, epochs=self._epochs, step=locale.toString(step), steps=locale.toString(self._steps)))

    def finish(self, text: str) -> None:
        self.bar.setFormat(text)
        self.speed.setText(self.tr("{speed} images/s on average").format(speed=QLocale().toString(round(self._speed)))
                           if self._speed > 0 else "")
