"""The time machine's control: one slider over a run's snapshots, a Play button, a readout.

The scrubber knows only how many snapshots there are and which one is shown;
whoever owns it (the Train page's run view) listens to :attr:`HistoryScrubber.
position_changed` and moves the grid, the latent map, the curves' marker and
the readout together. Keys: ←/→ one snapshot, Home/End the first/last, Page
Up/Down a few at a time (the slider's own keys), Space-free so the page's
Pause shortcut keeps working.

While a run is live the slider *follows* the newest snapshot; once the user
moves it elsewhere it stays put, until they bring it back to the end (or Play
reaches it).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSlider, QToolButton, QVBoxLayout, QWidget

SPEEDS = (1, 2, 4, 8, 15)  # snapshots per second the Play button offers
DEFAULT_SPEED = 4


class HistoryScrubber(QWidget):
    """A slider over ``count`` snapshots (0 … count-1), Play/Pause at a chosen speed, a one-line readout."""

    position_changed = Signal(int)  # the index of the snapshot to show
    play_toggled = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._count = 0
        self._follow = True  # glued to the newest snapshot (live runs) until the user moves away
        self._programmatic = False
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(0, 0)
        self.slider.setPageStep(4)
        self.slider.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.slider.setToolTip(
            self.tr(
                "Scrub through the run's snapshots: drag, or use ←/→ (one snapshot), "
                "Home/End (first/last) and Page Up/Down."
            )
        )
        self.slider.valueChanged.connect(self._on_value_changed)
        self.play_button = QToolButton()
        self.play_button.setCheckable(True)
        self.play_button.setText(self.tr("▶ Play"))
        self.play_button.setToolTip(self.tr("Play the run's snapshots as an animation, from here to the end."))
        self.play_button.toggled.connect(self._on_play_toggled)
        self.speed = QComboBox()
        for fps in SPEEDS:
            self.speed.addItem(self.tr("%n snapshot(s)/s", "", fps), fps)
        self.speed.setCurrentIndex(SPEEDS.index(DEFAULT_SPEED))
        self.speed.setToolTip(self.tr("How fast Play goes through the snapshots."))
        self.speed.currentIndexChanged.connect(self._apply_speed)
        self.readout = QLabel()
        self.readout.setWordWrap(True)
        self.readout.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.readout.setToolTip(self.tr("The snapshot shown: its epoch, step and the metrics recorded then."))
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._advance)
        self._apply_speed()

        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.play_button)
        row.addWidget(self.speed)
        row.addWidget(self.slider, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(row)
        layout.addWidget(self.readout)
        self.set_empty(self.tr("No run yet: the snapshots of a run appear here as it trains."))

    # -- what the owner calls ------------------------------------------------------------
    def set_count(self, count: int, *, follow_latest: bool | None = None) -> None:
        """There are now ``count`` snapshots. While following (or when ``follow_latest``), show the newest."""
        count = max(0, int(count))
        if follow_latest is not None:
            self._follow = follow_latest
        self._count = count
        enabled = count > 0
        for widget in (self.slider, self.play_button, self.speed):
            widget.setEnabled(enabled)
        self._programmatic = True
        try:
            self.slider.setRange(0, max(count - 1, 0))
        finally:
            self._programmatic = False
        if not enabled:
            self.stop()
            return
        if self._follow and not self.is_playing():
            self.set_index(count - 1)

    def set_empty(self, reason: str) -> None:
        """No snapshots (a new page, an old checkpoint): a disabled slider and a sentence saying why."""
        self.set_count(0, follow_latest=True)
        self.readout.setText(reason)

    def set_index(self, index: int) -> None:
        """Show snapshot ``index`` as if the program moved there (following is left as it is)."""
        if self._count == 0:
            return
        index = min(max(int(index), 0), self._count - 1)
        if index == self.slider.value():
            self.position_changed.emit(index)  # the owner may have new data for the same place
            return
        self._programmatic = True
        try:
            self.slider.setValue(index)
        finally:
            self._programmatic = False
        self.position_changed.emit(index)

    def set_readout(self, text: str) -> None:
        self.readout.setText(text)

    def index(self) -> int:
        return self.slider.value() if self._count else -1

    def count(self) -> int:
        return self._count

    def is_following(self) -> bool:
        return self._follow

    def is_playing(self) -> bool:
        return self._timer.isActive()

    def play(self) -> None:
        if self._count > 1:
            self.play_button.setChecked(True)

    def stop(self) -> None:
        self.play_button.setChecked(False)

    def interval_ms(self) -> int:
        return self._timer.interval()

    # -- inside ------------------------------------------------------------------------------
    def _on_value_changed(self, value: int) -> None:
        if self._programmatic:
            return
        # the user moved it (mouse, keys): follow again only if they went back to the newest snapshot
        self._follow = value >= self._count - 1
        self.position_changed.emit(value)

    def _on_play_toggled(self, playing: bool) -> None:
        if playing:
            if self._count < 2:
                self.play_button.setChecked(False)
                return
            if self.slider.value() >= self._count - 1:  # at the end: play from the start
                self._follow = False
                self.set_index(0)
            self._timer.start()
            self.play_button.setText(self.tr("❚❚ Pause"))
            self.play_button.setToolTip(self.tr("Stop the animation here."))
        else:
            self._timer.stop()
            self.play_button.setText(self.tr("▶ Play"))
            self.play_button.setToolTip(self.tr("Play the run's snapshots as an animation, from here to the end."))
        self.play_toggled.emit(playing)

    def _apply_speed(self, *_args) -> None:
        fps = self.speed.currentData() or DEFAULT_SPEED
        self._timer.setInterval(int(round(1000 / fps)))

    def _advance(self) -> None:
        if self.slider.value() >= self._count - 1:
            self._follow = True
            self.stop()
            return
        self._follow = False
        self.set_index(self.slider.value() + 1)
        if self.slider.value() >= self._count - 1:
            self._follow = True  # reached the newest: a live run's next snapshots show again
            self.stop()
