"""Where a run is: epoch and step in a progress bar, speed and time left beside it.

Cheap while a run trains: :meth:`RunProgress.advance` only stores numbers; the
page's redraws call :meth:`RunProgress.refresh`, which draws the bar at most
``REFRESH_S`` apart, the speed and time left once a second, and only what
changed. QProgressBar.setValue repaints at
once (a synchronous paint on the GUI thread, each time); here the value and
the text are set with updates held, so they reach the screen in the window's
next regular paint, together with everything else that changed.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QWidget

SPEED_SMOOTHING = 0.9  # weight of the past in the samples/s estimate
REFRESH_S = 0.2  # the bar is redrawn at most 5 times a second while a run trains
SPEED_REFRESH_S = 1.0  # speed and time left, once a second (a new text re-lays the row out)


def format_duration(seconds: float) -> str:
    """'45 s', '3 min 05 s', '1 h 02 min' — what a person reads at a glance."""
    seconds = max(0, int(round(seconds)))
    if seconds < 60:
        return QCoreApplication.translate("RunProgress", "{seconds} s").format(seconds=seconds)
    minutes, seconds = divmod(seconds, 60)
    if minutes < 60:
        return QCoreApplication.translate("RunProgress", "{minutes} min {seconds} s").format(
            minutes=minutes, seconds=f"{seconds:02d}"
        )
    hours, minutes = divmod(minutes, 60)
    return QCoreApplication.translate("RunProgress", "{hours} h {minutes} min").format(
        hours=hours, minutes=f"{minutes:02d}"
    )


RUNNING, PAUSED, ENDED = "running", "paused", "ended"


class RunProgress(QWidget):
    """The bar counts the run's steps, single GAN phases included (each one lengthens the run by one step, so
    the bar moves when a student steps D or G); speed and time left show only while the run trains."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bar = QProgressBar()
        self.bar.setToolTip(
            self.tr("Steps done out of the whole run (epochs × steps per epoch, plus any single D or G steps).")
        )
        self.bar.setTextVisible(True)
        self.speed = QLabel()
        self.speed.setToolTip(
            self.tr(
                "Training speed (images per second) and the time the run still needs at "
                "that speed; neither is shown while the run is paused or over."
            )
        )
        self.speed.setMinimumWidth(230)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.bar, 1)
        layout.addWidget(self.speed)
        self.reset()

    def reset(self, text: str | None = None) -> None:
        self._epochs = self._steps = self._batch = 1
        self._done = 0
        self._phase_steps = 0
        self._speed = 0.0
        self._epoch = self._step = 0
        self._state = ENDED
        self._paused_text = ""
        self._next_refresh = self._next_speed = 0.0
        self.bar.setRange(0, 1)
        self.bar.setValue(0)
        self.bar.setFormat(self.tr("Ready") if text is None else text)
        self.speed.setText("")

    def begin(self, epochs: int, steps_per_epoch: int, batch_size: int) -> None:
        self._epochs, self._steps, self._batch = epochs, max(1, steps_per_epoch), batch_size
        self._done = self._phase_steps = 0
        self._speed = 0.0
        self._state = RUNNING
        self._next_refresh = self._next_speed = 0.0
        self.bar.setRange(0, epochs * self._steps)
        self.bar.setValue(0)
        self._show_position(1, 0)
        self.speed.setText(self.tr("measuring speed…"))

    def advance(self, epoch: int, step: int, samples_per_s: float) -> None:
        """Record a StepMetrics (cheap); :meth:`refresh` draws."""
        self._epoch, self._step = epoch, step
        self._done = (epoch - 1) * self._steps + step
        if samples_per_s > 0:
            self._speed = (
                samples_per_s
                if self._speed == 0
                else (SPEED_SMOOTHING * self._speed + (1 - SPEED_SMOOTHING) * samples_per_s)
            )

    def add_phase_step(self) -> None:
        """A single D or G step: one more step done, and one more in the run."""
        self._phase_steps += 1
        self.bar.setMaximum(self._epochs * self._steps + self._phase_steps)
        self._draw_bar()

    @property
    def samples_per_s(self) -> float:
        return self._speed

    @property
    def state(self) -> str:
        return self._state

    def seconds_left(self) -> float | None:
        if self._speed <= 0 or self._state != RUNNING:
            return None
        remaining = self._epochs * self._steps - self._done
        return remaining * self._batch / self._speed

    def refresh(self, force: bool = False) -> None:
        """Draw the position, speed and time left (at most every ``REFRESH_S`` unless ``force``)."""
        if self._epoch == 0 or self._state != RUNNING:
            return
        now = time.perf_counter()
        if now < self._next_refresh and not force:
            return
        self._next_refresh = now + REFRESH_S
        self._draw_bar()
        if now < self._next_speed and not force:
            return
        left = self.seconds_left()
        if left is not None:
            self._next_speed = now + SPEED_REFRESH_S
            text = self.tr("{speed} images/s · about {left} left").format(
                speed=QLocale().toString(round(self._speed)), left=format_duration(left)
            )
            if text != self.speed.text():
                self.speed.setText(text)

    def _draw_bar(self) -> None:
        bar = self.bar
        value = min(self._done + self._phase_steps, bar.maximum())
        if self._state == PAUSED:
            text = self._with_phase_steps(self._paused_text)
        elif self._state == RUNNING and self._epoch:
            text = self._position_text(self._epoch, self._step)
        else:
            text = bar.format()
        if value == bar.value() and text == bar.format():
            return
        bar.setUpdatesEnabled(False)  # setValue would repaint at once; enabling again schedules one paint
        bar.setValue(value)
        bar.setFormat(text)
        bar.setUpdatesEnabled(True)

    def _with_phase_steps(self, text: str) -> str:
        if not self._phase_steps:
            return text
        return self.tr("{text} · %n single step(s)", "", self._phase_steps).format(text=text)

    def _position_text(self, epoch: int, step: int) -> str:
        locale = QLocale()
        return self._with_phase_steps(
            self.tr("Epoch {epoch}/{epochs} · step {step}/{steps}").format(
                epoch=epoch, epochs=self._epochs, step=locale.toString(step), steps=locale.toString(self._steps)
            )
        )

    def _show_position(self, epoch: int, step: int) -> None:
        self.bar.setFormat(self._position_text(epoch, step))

    def pause(self, text: str) -> None:
        """The run is paused: the bar says so, speed and time left give way to "paused"."""
        self._state = PAUSED
        self._paused_text = text
        self._draw_bar()
        self.speed.setText(self.tr("paused"))

    def resume(self) -> None:
        """The run trains again: speed and time left come back at the next refresh."""
        if self._state == PAUSED:
            self._state = RUNNING
            self._draw_bar()
            self.speed.setText(self.tr("measuring speed…") if self._speed <= 0 else "")
            self.refresh(force=True)

    def finish(self, text: str, average_speed: float | None = None) -> None:
        """The run is over: no speed or time left, only the run's average speed when it is known."""
        self._state = ENDED
        self.bar.setFormat(self._with_phase_steps(text))
        self.speed.setText(
            self.tr("{speed} images/s on average").format(speed=QLocale().toString(round(average_speed)))
            if average_speed
            else ""
        )
