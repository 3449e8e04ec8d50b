"""The Generate page's latent sliders: the first coordinates of a code, each on a slider, decoded live.

The box holds the sliders and the preview; the page says which code they start
from (:meth:`LatentSliders.set_base`) and decodes what they set
(:attr:`LatentSliders.code_changed`), since only it holds the generator.
Its words keep the Generate page's translation context, so they keep its translations.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication, QLocale, Qt, Signal
from PySide6.QtWidgets import QGridLayout, QGroupBox, QHBoxLayout, QLabel, QPushButton, QSlider, QVBoxLayout, QWidget

from desktop.widgets.pixel_view import PixelView

SLIDER_RANGE = 3.0  # sliders span ±3 standard deviations of the prior
SLIDER_STEPS = 300
MAX_SLIDERS = 10


class LatentSliders(QGroupBox):
    """One slider per code coordinate (at most :data:`MAX_SLIDERS`), a preview, and "Back to A"."""

    code_changed = Signal(object)  # the code (d,) the sliders now set: decode it into the preview
    reset_requested = Signal()  # "Back to A": the page puts the sliders back on the picked sample's code

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate("GeneratePage", "Latent sliders"), parent)
        self.sliders: list[QSlider] = []
        self.base: np.ndarray | None = None  # the code the sliders started from; coordinates past them stay
        self.preview = PixelView(QCoreApplication.translate("GeneratePage", "Pick a sample"), 96)
        self.preview.setMaximumSize(150, 150)
        self.grid = QGridLayout()
        self.reset_button = QPushButton(QCoreApplication.translate("GeneratePage", "Back to A"))
        self.reset_button.setToolTip(
            QCoreApplication.translate("GeneratePage", "Put the sliders back on the picked sample's code.")
        )
        self.reset_button.clicked.connect(lambda _checked=False: self.reset_requested.emit())
        self.about = QLabel()  # what the sliders move (a group box's title cannot wrap)
        self.about.setWordWrap(True)
        layout = QVBoxLayout(self)  # one narrow column beside the grid
        preview_row = QHBoxLayout()
        preview_row.addWidget(self.preview)
        preview_row.addWidget(self.reset_button, 0, Qt.AlignmentFlag.AlignBottom)
        layout.addWidget(self.about)
        layout.addLayout(preview_row)
        layout.addLayout(self.grid)
        layout.addStretch(1)

    def clear(self) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        self.sliders = []

    def rebuild(self, count: int, about: str) -> None:
        """``count`` new sliders at 0 (call :meth:`set_base` next), and ``about`` saying what they move."""
        self.clear()
        self.about.setText(about)
        bound = QLocale().toString(float(SLIDER_RANGE), "g", 6)
        for i in range(count):
            slider = QSlider(Qt.Orientation.Horizontal)
            slider.setRange(-SLIDER_STEPS, SLIDER_STEPS)
            slider.setToolTip(
                QCoreApplication.translate("GeneratePage", "z[{index}], from −{bound} to +{bound}").format(
                    index=i, bound=bound
                )
            )
            slider.valueChanged.connect(self._moved)
            value = QLabel(QLocale().toString(0.0, "f", 2))
            value.setMinimumWidth(40)
            self.grid.addWidget(QLabel(QCoreApplication.translate("GeneratePage", "z{index}").format(index=i)), i, 0)
            self.grid.addWidget(slider, i, 1)
            self.grid.addWidget(value, i, 2)
            slider.setProperty("value_label", value)
            self.sliders.append(slider)

    def set_base(self, base: np.ndarray) -> None:
        """Put the sliders on ``base``'s first coordinates; the rest of the code stays ``base``'s."""
        self.base = base
        for i, slider in enumerate(self.sliders):
            slider.blockSignals(True)
            slider.setValue(int(round(float(base[i]) / SLIDER_RANGE * SLIDER_STEPS)))
            slider.blockSignals(False)
        self._moved()

    def code(self) -> np.ndarray | None:
        """The code the sliders set (None before :meth:`set_base`)."""
        if self.base is None:
            return None
        z = self.base.copy()
        for i, slider in enumerate(self.sliders):
            z[i] = slider.value() / SLIDER_STEPS * SLIDER_RANGE
        return z

    def set_value(self, index: int, value: float) -> None:
        self.sliders[index].setValue(int(round(value / SLIDER_RANGE * SLIDER_STEPS)))

    def _moved(self) -> None:
        z = self.code()
        if z is None:
            return
        for slider in self.sliders:
            value = slider.value() / SLIDER_STEPS * SLIDER_RANGE
            slider.property("value_label").setText(("+" if value >= 0 else "") + QLocale().toString(value, "f", 2))
        self.code_changed.emit(z)
