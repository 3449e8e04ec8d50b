"""The Generate page's interpolation box: picks A and B, the strip of images between them, its settings.

The box only shows; the page computes the strip (:func:`engine.inference.interpolate`)
when :attr:`InterpolationBox.changed` says the steps or the path changed.
Its words keep the Generate page's translation context, so they keep its translations.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QSpinBox,
    QWidget,
)

from desktop.widgets.pixel_view import PixelView


class InterpolationBox(QGroupBox):
    """A and B at the ends, the strip from z_A to z_B between them; steps, linear or spherical, Save."""

    changed = Signal()  # the number of steps or the path changed: the strip needs computing again
    save_requested = Signal()  # "Save strip as PNG…"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate("GeneratePage", "Interpolation from A to B"), parent)
        self.a_view = PixelView(QCoreApplication.translate("GeneratePage", "Pick A"), 56)
        self.b_view = PixelView(QCoreApplication.translate("GeneratePage", "Pick B"), 56)
        for view in (self.a_view, self.b_view):
            view.setMaximumSize(96, 96)
        self.steps_spin = QSpinBox()
        self.steps_spin.setRange(3, 16)
        self.steps_spin.setValue(9)
        self.steps_spin.setToolTip(QCoreApplication.translate("GeneratePage", "Images in the strip, A and B included."))
        self.steps_spin.valueChanged.connect(self.changed)
        self.linear_radio = QRadioButton(QCoreApplication.translate("GeneratePage", "Linear"))
        self.linear_radio.setToolTip(QCoreApplication.translate("GeneratePage", "A straight line from z_A to z_B."))
        self.spherical_radio = QRadioButton(QCoreApplication.translate("GeneratePage", "Spherical"))
        self.spherical_radio.setToolTip(
            QCoreApplication.translate(
                "GeneratePage",
                "A great circle from z_A to z_B (slerp): the codes keep the length "
                "typical of N(0, I), so the middle images are not washed out.",
            )
        )
        self.linear_radio.setChecked(True)
        self.spherical_radio.toggled.connect(self.changed)
        self.strip_view = PixelView(
            QCoreApplication.translate("GeneratePage", "Pick two samples (A and B) in the grid."), 48
        )
        self.strip_view.setMinimumHeight(72)  # under the grid, the whole width: each image as large as a tile
        self.strip_view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)  # its own aspect
        self.save_strip_button = QPushButton(QCoreApplication.translate("GeneratePage", "Save strip as PNG…"))
        self.save_strip_button.clicked.connect(lambda _checked=False: self.save_requested.emit())
        grid = QGridLayout(self)
        a_label = QLabel(QCoreApplication.translate("GeneratePage", "A", "the first picked sample"))
        b_label = QLabel(QCoreApplication.translate("GeneratePage", "B", "the second picked sample"))
        grid.addWidget(a_label, 0, 0, Qt.AlignmentFlag.AlignHCenter)
        grid.addWidget(b_label, 0, 2, Qt.AlignmentFlag.AlignHCenter)
        grid.addWidget(self.a_view, 1, 0)
        grid.addWidget(self.strip_view, 0, 1, 2, 1)
        grid.addWidget(self.b_view, 1, 2)
        grid.setColumnStretch(1, 1)
        controls = QHBoxLayout()
        controls.addWidget(QLabel(QCoreApplication.translate("GeneratePage", "Steps")))
        controls.addWidget(self.steps_spin)
        controls.addWidget(self.linear_radio)
        controls.addWidget(self.spherical_radio)
        controls.addStretch(1)
        controls.addWidget(self.save_strip_button)
        grid.addLayout(controls, 2, 0, 1, 3)

    @property
    def steps(self) -> int:
        """Images in the strip, A and B included."""
        return self.steps_spin.value()

    @property
    def mode(self) -> str:
        """The path from z_A to z_B: "linear" or "spherical" (:func:`engine.inference.interpolate`'s words)."""
        return "spherical" if self.spherical_radio.isChecked() else "linear"

    def show_ends(self, a: np.ndarray | None, b: np.ndarray | None) -> None:
        """The picked samples' images (None: not picked yet)."""
        self.a_view.set_image(a)
        self.b_view.set_image(b)
