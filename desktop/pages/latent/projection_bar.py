"""The latent map's controls: how the codes are laid out (PCA or t-SNE, or the 2-d plane itself), the
decoded manifold behind a 2-d plane, and the progress of a t-SNE being computed, with its Cancel."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from desktop.pages.latent.work import MANIFOLD_STEPS

METHODS = ("pca", "tsne")  # for codes of more than 2 numbers


class ProjectionBar(QWidget):
    method_changed = Signal(str)  # "pca" or "tsne", chosen by the user
    manifold_toggled = Signal(bool)
    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.method_combo = QComboBox()
        self.method_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)  # its items change
        self.method_combo.currentIndexChanged.connect(self._on_method)
        self.manifold_check = QCheckBox(self.tr("Decoded manifold"))
        self.manifold_check.toggled.connect(self._on_manifold_toggled)
        self._manifold_wanted = True  # the user's choice, kept while the box is off for a wider code
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setFixedWidth(160)
        self.progress.setFormat(self.tr("t-SNE %p %"))
        self.progress.setToolTip(self.tr("t-SNE lays out the codes; the PCA map is shown meanwhile."))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setToolTip(self.tr("Stop computing the t-SNE map and keep the PCA map."))
        self.cancel_button.clicked.connect(self.cancel_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("Map:")))
        layout.addWidget(self.method_combo)
        layout.addWidget(self.progress)
        layout.addWidget(self.cancel_button)
        layout.addWidget(self.manifold_check)
        self.set_coding_size(None, "pca")
        self.show_progress(None)

    def set_coding_size(self, coding_size: int | None, method: str) -> None:
        """Offer what fits a model whose codes have ``coding_size`` numbers (None: no model yet)."""
        two_d = coding_size is not None and coding_size <= 2
        self.method_combo.blockSignals(True)
        self.method_combo.clear()
        if two_d:
            self.method_combo.addItem(self.tr("latent plane (2-d codes)"), "plane")
            self.method_combo.setToolTip(
                self.tr(
                    "This model's codes have 2 numbers: the map is its latent plane itself, with nothing to "
                    "project, and every point of it decodes exactly."
                )
            )
        else:
            self.method_combo.addItem(self.tr("PCA"), "pca")
            self.method_combo.addItem(self.tr("t-SNE"), "tsne")
            self.method_combo.setCurrentIndex(max(self.method_combo.findData(method), 0))
            self.method_combo.setToolTip(
                self.tr(
                    "How codes of more than 2 numbers are laid out on the plane. PCA keeps their two directions "
                    "of largest variance: instant, but the classes overlap. t-SNE keeps each image near the "
                    "images whose codes are near its own, so the classes come apart: a few seconds the first "
                    "time for each model, then kept."
                )
            )
        self.method_combo.setEnabled(coding_size is not None and not two_d)
        self.method_combo.blockSignals(False)
        # wide enough for its longest item in this language (the size hint is not renewed when items change)
        metrics = self.method_combo.fontMetrics()
        longest = max(
            metrics.horizontalAdvance(self.method_combo.itemText(i)) for i in range(self.method_combo.count())
        )
        self.method_combo.setMinimumWidth(longest + 48)
        self.manifold_check.setEnabled(two_d)
        self.manifold_check.blockSignals(True)
        self.manifold_check.setChecked(two_d and self._manifold_wanted)  # never ticked where it cannot show
        self.manifold_check.blockSignals(False)
        if two_d:
            self.manifold_check.setToolTip(
                self.tr(
                    "Tile the visible part of the plane with what the decoder draws at each place "
                    "({n} × {n} images), as in the lecture's figures; it follows zooming and panning."
                ).format(n=MANIFOLD_STEPS)
            )
        else:
            self.manifold_check.setToolTip(
                self.tr(
                    "Only for models whose codes have 2 numbers: on a projected map, a point is not one code, "
                    "so there is no single image to tile it with."
                )
            )

    def method(self) -> str:
        return str(self.method_combo.currentData() or "pca")

    def set_method(self, method: str) -> None:
        """Show ``method`` as chosen, without telling anyone (the page set it)."""
        index = self.method_combo.findData(method)
        if index >= 0:
            self.method_combo.blockSignals(True)
            self.method_combo.setCurrentIndex(index)
            self.method_combo.blockSignals(False)

    def manifold_wanted(self) -> bool:
        return self.manifold_check.isEnabled() and self.manifold_check.isChecked()

    def set_manifold_wanted(self, wanted: bool) -> None:
        """The user's choice from an earlier session; the box shows it where a model can have a manifold."""
        self._manifold_wanted = bool(wanted)
        if self.manifold_check.isEnabled():
            self.manifold_check.setChecked(self._manifold_wanted)

    def _on_manifold_toggled(self, checked: bool) -> None:
        self._manifold_wanted = bool(checked)
        self.manifold_toggled.emit(bool(checked))

    def show_progress(self, fraction: float | None) -> None:
        """The t-SNE's progress in [0, 1], or None to hide it (done, cancelled, failed)."""
        busy = fraction is not None
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        if busy:
            self.progress.setValue(int(round(100 * fraction)))

    def _on_method(self) -> None:
        method = self.method()
        if method in METHODS:
            self.method_changed.emit(method)
