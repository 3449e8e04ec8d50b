"""The Train page's Device box: where the model trains (automatically, CPU, GPU or compiled), on how many threads."""

from __future__ import annotations

import os

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QGroupBox, QLabel, QWidget

from desktop.pages.train.form_inputs import select_data, spin_box
from desktop.pages.train.wrapping_form import WrappingForm
from engine.device import available_devices

FAST_COMPILED = "auto+compile"  # the device box's compiled fast path


class DeviceBox(QGroupBox):
    """The device combo, the CPU threads, and what this machine offers."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Device"))
        form = WrappingForm(self)  # narrow: each label above its field
        self.device_combo = QComboBox()
        self.device_combo.addItem(self.tr("Automatic (best available)"), "auto")
        devices = available_devices()
        cores = os.cpu_count() or 1
        gpus = [description for name, description in devices if name != "cpu"]
        for name, description in devices:
            text = self.tr("CPU — %n core(s) on this machine", "", cores) if name == "cpu" else description
            self.device_combo.addItem(text, name)
        self.device_combo.addItem(self.tr("Fast (compiled) — best available"), FAST_COMPILED)
        self.device_combo.setItemData(
            self.device_combo.count() - 1,
            self.tr(
                "The training step compiled with torch.compile (CUDA graphs on a GPU): faster per step once compiled, "
                "but compiling takes a while first. A run too short to win that time back trains normally, and the "
                "run's log says so."
            ),
            Qt.ItemDataRole.ToolTipRole,
        )
        if gpus:
            found = self.tr("Found: {gpus}.").format(gpus="; ".join(gpus))
        else:
            found = self.tr("No GPU was found here: training runs on the CPU.")
        self.device_combo.setToolTip(
            self.tr("Where the model trains. Automatic picks CUDA, then Apple MPS, then the CPU. {found}").format(
                found=found
            )
        )
        self.threads = spin_box(
            1,
            max(1, cores),
            self.tr(
                "CPU threads torch may use. 1 leaves the other core(s) to "
                "the window, which keeps it smooth on a small laptop."
            ),
        )
        self.device_label = QLabel(
            self.tr("Detected: {found}; CPU with %n core(s).", "", cores).format(
                found=", ".join(gpus) if gpus else self.tr("no GPU")
            )
        )
        self.device_label.setWordWrap(True)
        self.device_label.setToolTip(self.tr("What this machine offers."))
        form.add_row(self.tr("Train on"), self.device_combo)
        form.add_row(self.tr("CPU threads"), self.threads)
        form.addRow(self.device_label)

    @property
    def device(self) -> str:
        """``auto``, ``cpu``, ``cuda``… or :data:`FAST_COMPILED`."""
        return self.device_combo.currentData()

    def select(self, device: str) -> None:
        select_data(self.device_combo, device)

    def set_running(self, running: bool) -> None:
        self.device_combo.setEnabled(not running)
        self.threads.setEnabled(not running)
