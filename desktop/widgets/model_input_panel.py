"""The Draw page's "what the model sees" panel: the drawing at 28×28, raw and through the MNIST recipe.

Shows the whole canvas squashed to 28×28 next to the result of
:func:`engine.preprocess.preprocess` (inverted if needed, cropped, fitted in
20×20, centred by mass), says what each step did, and offers to feed the models
the raw input instead, to show why position and size matter.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QGridLayout, QGroupBox, QLabel, QWidget

from desktop.widgets.pixel_view import PixelView
from desktop.widgets.text_strip import TextStrip
from engine.inference import Prepared


class ModelInputPanel(QGroupBox):
    raw_toggled = Signal(bool)  # True: the models get the raw input, without the recipe

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("What the model sees (28×28)"))
        self.raw_view = PixelView(self.tr("Nothing drawn yet"), 96)
        self.raw_view.setToolTip(
            self.tr("The whole canvas squashed to 28×28: what a model would get without the recipe.")
        )
        self.processed_view = PixelView(self.tr("Nothing drawn yet"), 96)
        self.processed_view.setToolTip(
            self.tr(
                "The MNIST recipe: inverted if dark-on-light, cropped to the ink, fitted "
                "in 20×20 keeping its aspect with its brightest pixel full white, centred by its centre of mass "
                "in 28×28."
            )
        )
        self.raw_toggle = QCheckBox(self.tr("Feed the models the raw input (no recipe)"))
        self.raw_toggle.setToolTip(
            self.tr(
                "Compare: draw a small digit in a corner and watch the reconstructions "
                "fall apart without the recipe. Models only know centred, 20×20 digits."
            )
        )
        self.raw_toggle.toggled.connect(self.raw_toggled)
        # New text on every stroke: a strip of fixed height repaints only itself (a label would relayout the page).
        self.steps_label = TextStrip(
            lines=3, alignment=Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, word_wrap=True
        )
        grid = QGridLayout(self)
        grid.addWidget(QLabel(self.tr("Raw")), 0, 0, Qt.AlignmentFlag.AlignHCenter)
        grid.addWidget(QLabel(self.tr("Processed (MNIST recipe)")), 0, 1, Qt.AlignmentFlag.AlignHCenter)
        grid.addWidget(self.raw_view, 1, 0)
        grid.addWidget(self.processed_view, 1, 1)
        grid.addWidget(self.steps_label, 2, 0, 1, 2)
        grid.addWidget(self.raw_toggle, 3, 0, 1, 2)

    def feeds_raw(self) -> bool:
        return self.raw_toggle.isChecked()

    def show_result(self, result: Prepared, empty: bool) -> None:
        """Show one run of the recipe; ``empty``: the models got nothing to work on."""
        self.raw_view.set_image(None if empty and result.empty else result.raw)
        self.processed_view.set_image(None if result.empty else result.input)
        if result.empty:
            self.steps_label.set_italic(True)
            self.steps_label.setText(self.tr("Draw a digit: its 28×28 version appears here."))
        else:
            self.steps_label.set_italic(False)
            left, top, right, bottom = result.bbox
            dy, dx = result.shift
            steps = self.tr(
                "ink box {width}×{height} px → fitted to {fit_width}×{fit_height} → centre of mass "
                "moved by ({dx}, {dy}) px"
            ).format(
                width=right - left,
                height=bottom - top,
                fit_width=result.fitted.shape[1],
                fit_height=result.fitted.shape[0],
                dx=f"{dx:+d}",
                dy=f"{dy:+d}",
            )
            if result.inverted:
                steps = self.tr("Inverted (dark on light) · {steps}").format(steps=steps)
            self.steps_label.setText(steps)
