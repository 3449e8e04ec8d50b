"""The Generate page's truncation controls: how the grid's codes are drawn (:mod:`engine.sampling`).

"No truncation" is the lecture's z ~ N(0, I). "Toward the mean" and "Toward the
nearest mode" pull every code toward a centre, keeping the share ψ of its
distance: cleaner samples, less variety. A model that ships its modes (the
shipped DCGANs) has them at once; for any other the modes are found here, off
the GUI thread with progress (k-means of 20,000 of its images, a minute or so on
a laptop), and kept with the loaded model for the session.
Its words keep the Generate page's translation context, so they keep its translations.
"""

from __future__ import annotations

import torch
from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QHBoxLayout, QLabel, QWidget

from desktop.tasks import TaskRunner
from engine import sampling
from engine.sampling import PLAIN, Truncation

FIT_CODES = sampling.DEFAULT_FIT_CODES  # how many images of a model are clustered to find its modes


def find_modes(state, model: torch.nn.Module):
    """Task: the model and its modes (None when cancelled)."""
    modes = sampling.find_modes(model, codes=FIT_CODES, progress=state.set_progress, cancelled=state.is_cancelled)
    return model, modes


class TruncationBox(QWidget):
    """[How codes are drawn ▾] ψ [0.70]; says when a model's modes are being found."""

    changed = Signal()  # the truncation in force changed: the grid is drawn again
    status = Signal(str)  # a line for the page to show ("" when there is nothing to say)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model: torch.nn.Module | None = None
        self._fitting: torch.nn.Module | None = None  # the model whose modes are being found
        self.combo = QComboBox()
        self.combo.addItem(QCoreApplication.translate("GeneratePage", "No truncation"), "none")
        self.combo.addItem(QCoreApplication.translate("GeneratePage", "Toward the mean"), "mean")
        self.combo.addItem(QCoreApplication.translate("GeneratePage", "Toward the nearest mode"), "modes")
        self.combo.setToolTip(
            QCoreApplication.translate(
                "GeneratePage",
                "How the codes are drawn. No truncation: z ~ N(0, I), as in the lecture. Toward the mean: "
                "every code is pulled toward 0, the centre of the cloud — for a generator of ten classes, an "
                "in-between shape. Toward the nearest mode: toward the centre of the nearest cluster of its "
                "images, so codes between two classes move into one of them (multi-modal truncation).",
            )
        )
        self.psi_spin = QDoubleSpinBox()
        self.psi_spin.setRange(0.1, 1.0)
        self.psi_spin.setSingleStep(0.05)
        self.psi_spin.setDecimals(2)
        self.psi_spin.setValue(0.7)
        self.psi_spin.setPrefix("ψ ")
        self.psi_spin.setToolTip(
            QCoreApplication.translate(
                "GeneratePage",
                "ψ: the share of each code's distance to its centre that is kept. 1 changes nothing; "
                "lower values give cleaner but more alike samples.",
            )
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(QCoreApplication.translate("GeneratePage", "Truncation:")))
        layout.addWidget(self.combo)
        layout.addWidget(self.psi_spin)
        self._task = TaskRunner("mode-fitting", parent=self)
        self._task.progress.connect(
            lambda f: self.status.emit(
                QCoreApplication.translate("GeneratePage", "Finding this generator's modes… {percent} %").format(
                    percent=round(100 * f)
                )
            )
        )
        self._task.result.connect(self._on_fitted)
        self._task.error.connect(self._on_error)
        self.combo.currentIndexChanged.connect(self._on_edited)
        self.psi_spin.valueChanged.connect(self._on_edited)
        self._sync_enabled()

    # -- what the page asks ----------------------------------------------------------------------
    def truncation(self) -> Truncation:
        """The truncation to draw with now: plain while a model's modes are still being found."""
        mode = self.combo.currentData()
        if mode == "modes" and (self.model is None or sampling.modes_of(self.model) is None):
            return PLAIN
        return Truncation(mode, round(self.psi_spin.value(), 2))

    def set_model(self, model: torch.nn.Module | None, recommended: Truncation = PLAIN) -> None:
        """A new generator: start from what its maker recommends (plain for most)."""
        self._task.cancel()
        self._fitting = None
        self.model = model
        self.status.emit("")
        for widget in (self.combo, self.psi_spin):
            widget.blockSignals(True)
        self.combo.setCurrentIndex(max(self.combo.findData(recommended.mode), 0))  # plain for most models
        if not recommended.plain:
            self.psi_spin.setValue(recommended.psi)
        for widget in (self.combo, self.psi_spin):
            widget.blockSignals(False)
        self._sync_enabled()
        self._fit_if_needed()

    def wait_idle(self, timeout_ms: int = 120_000) -> bool:
        return self._task.wait_idle(timeout_ms)

    def shutdown(self) -> bool:
        return self._task.shutdown()

    # -- inside ----------------------------------------------------------------------------------
    def _sync_enabled(self) -> None:
        self.psi_spin.setEnabled(self.combo.currentData() != "none")

    def _on_edited(self) -> None:
        self._sync_enabled()
        self._fit_if_needed()
        self.changed.emit()

    def _fit_if_needed(self) -> None:
        if self.combo.currentData() != "modes" or self.model is None:
            self.status.emit("")
            return
        if sampling.modes_of(self.model) is None and self._fitting is not self.model:
            self._fitting = self.model
            self.status.emit(
                QCoreApplication.translate("GeneratePage", "Finding this generator's modes… {percent} %").format(
                    percent=0
                )
            )
            self._task.start(find_modes, self.model)

    def _on_error(self, message: str) -> None:
        self._fitting = None
        self.status.emit(
            QCoreApplication.translate("GeneratePage", "⚠ Could not find the modes: {reason}").format(reason=message)
        )

    def _on_fitted(self, result) -> None:
        model, modes = result
        self._fitting = None
        if modes is None or model is not self.model:
            return
        sampling.attach(model, modes)
        self.status.emit("")
        self.changed.emit()
