"""The Draw page's noise panel: does the denoising autoencoder clean a corrupted input better?

Two sliders corrupt the input (Gaussian σ, a dropout rate), a combo picks the
denoising autoencoder, and three views show the noisy input, the denoiser's
output and a plain (stacked) autoencoder's output, each with its PSNR against
the clean input. Painting on the noisy view blanks pixels. The panel only paints
and asks: the page owns the noise, runs the models (one
:func:`engine.inference.reconstruct_all` call gives the noisy input, both
reconstructions of it and their PSNRs) and connects the signals.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSlider,
    QWidget,
)

from desktop.widgets.pixel_view import PixelView
from desktop.widgets.text_strip import TextStrip
from engine.inference import Reconstructions


class NoisePanel(QGroupBox):
    settings_changed = Signal()  # σ or the dropout rate moved (the labels are already updated)
    new_noise_requested = Signal()
    reset_blanks_requested = Signal()
    blank_painted = Signal(int, int, bool)  # row, col of the noisy input's pixel brushed; True while held
    denoiser_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Noise: does the denoising autoencoder clean it better?"))
        self.sigma_slider = QSlider(Qt.Orientation.Horizontal)
        self.sigma_slider.setRange(0, 100)
        self.sigma_slider.setToolTip(
            self.tr(
                "Gaussian noise added to every pixel (σ, in grey levels 0–1). "
                "The Gaussian denoiser was trained with σ = 0.2."
            )
        )
        self.dropout_slider = QSlider(Qt.Orientation.Horizontal)
        self.dropout_slider.setRange(0, 90)
        self.dropout_slider.setToolTip(
            self.tr("Fraction of pixels switched off at random. The dropout denoiser was trained with a rate of 0.5.")
        )
        self.sigma_label, self.dropout_label = QLabel(), QLabel()
        for slider in (self.sigma_slider, self.dropout_slider):
            slider.valueChanged.connect(self._on_settings)
        self.new_noise_button = QPushButton(self.tr("New noise"))
        self.new_noise_button.setToolTip(self.tr("Draw new random noise (N)."))
        self.new_noise_button.clicked.connect(lambda: self.new_noise_requested.emit())
        self.reset_blanks_button = QPushButton(self.tr("Reset blanks"))
        self.reset_blanks_button.setToolTip(self.tr("Remove the pixels you blanked on the noisy input."))
        self.reset_blanks_button.clicked.connect(lambda: self.reset_blanks_requested.emit())
        self.denoiser_combo = QComboBox()
        self.denoiser_combo.setToolTip(self.tr("The denoising autoencoder to compare with the plain (stacked) one."))
        self.denoiser_combo.currentIndexChanged.connect(lambda _index: self.denoiser_changed.emit())
        self.noisy_view = PixelView(self.tr("No input"), 96)
        self.noisy_view.paintable = True
        self.noisy_view.setCursor(Qt.CursorShape.CrossCursor)
        self.noisy_view.setToolTip(
            self.tr(
                "The corrupted input. Paint on it to blank pixels (an eraser that "
                "punches holes): the denoiser should fill them in."
            )
        )
        self.noisy_view.painted.connect(self.blank_painted)
        self.denoised_view = PixelView(self.tr("No denoising autoencoder"), 96)
        self.plain_view = PixelView(self.tr("No plain autoencoder"), 96)
        # new figures on every stroke: strips repaint only themselves (a QLabel would relayout the page)
        self.noisy_caption, self.denoised_caption, self.plain_caption = TextStrip(), TextStrip(), TextStrip()

        grid = QGridLayout(self)
        grid.addWidget(QLabel(self.tr("Gaussian σ")), 0, 0)
        grid.addWidget(self.sigma_slider, 0, 1)
        grid.addWidget(self.sigma_label, 0, 2)
        grid.addWidget(QLabel(self.tr("Dropout")), 1, 0)
        grid.addWidget(self.dropout_slider, 1, 1)
        grid.addWidget(self.dropout_label, 1, 2)
        grid.addWidget(QLabel(self.tr("Denoiser:")), 2, 0)
        grid.addWidget(self.denoiser_combo, 2, 1, 1, 2)  # a row of its own: its long names are never cut
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.new_noise_button)
        buttons.addWidget(self.reset_blanks_button)
        grid.addLayout(buttons, 5, 0, 1, 3)
        views = QGridLayout()
        for col, (title, view, caption) in enumerate(
            (
                (self.tr("Noisy input (paint to blank)"), self.noisy_view, self.noisy_caption),
                (self.tr("Denoising AE"), self.denoised_view, self.denoised_caption),
                (self.tr("Plain AE (stacked)"), self.plain_view, self.plain_caption),
            )
        ):
            heading = QLabel(title)
            heading.setWordWrap(True)
            heading.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom)
            views.addWidget(heading, 0, col)
            view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)  # about square
            views.addWidget(view, 1, col)
            views.addWidget(caption, 2, col)
        for col in range(3):
            views.setColumnStretch(col, 1)  # three images of one size, whatever their titles' lengths
        grid.addLayout(views, 3, 0, 1, 3)
        grid.setRowStretch(6, 1)  # spare height goes below the images, not into them
        self._show_settings()

    @property
    def sigma(self) -> float:
        return self.sigma_slider.value() / 100.0

    @property
    def dropout(self) -> float:
        return self.dropout_slider.value() / 100.0

    def _show_settings(self) -> None:
        self.sigma_label.setText(QLocale().toString(self.sigma, "f", 2))  # decimal comma in French
        self.dropout_label.setText(QLocale().toString(self.dropout, "f", 2))

    def _on_settings(self) -> None:
        self._show_settings()
        self.settings_changed.emit()

    def show_results(self, results: Reconstructions | None, denoiser, plain) -> None:
        """Show the noisy input of ``results`` and the ``denoiser``'s and the ``plain`` model's
        reconstructions of it (keys into ``results``), each with its PSNR against the clean input.
        None (no results, no such model, no noise asked) leaves a view empty."""

        def reconstruction_of_noisy(key) -> tuple | None:
            found = results.get(key) if results is not None and key is not None else None
            return None if found is None or found.noisy is None else (found.noisy, found.noisy_psnr)

        noisy = None
        if results is not None and results.noisy_input is not None:
            noisy = (results.noisy_input, results.noisy_input_psnr)
        for view, caption, shown in (
            (self.noisy_view, self.noisy_caption, noisy),
            (self.denoised_view, self.denoised_caption, reconstruction_of_noisy(denoiser)),
            (self.plain_view, self.plain_caption, reconstruction_of_noisy(plain)),
        ):
            view.set_image(None if shown is None else shown[0])
            caption.setText(
                "—"
                if shown is None
                else self.tr("PSNR {psnr} dB").format(psnr=QLocale().toString(float(shown[1]), "f", 1))
            )
