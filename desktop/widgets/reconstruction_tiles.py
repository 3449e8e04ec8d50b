"""The Draw page's reconstruction tiles: one tile per autoencoder, showing how it rebuilds the drawing.

A combo picks the dataset the models were trained on; the tiles below show
each of those autoencoders' reconstruction with its BCE and PSNR. The widget
owns the :class:`Slot` objects (library entry, model once loaded, tile) and
loads the models in the background, saying which are still loading or could
not be loaded. It only paints and asks: the page runs every model at once
(:func:`engine.inference.reconstruct_all`) and hands the results to
:meth:`ReconstructionTiles.show_outputs`.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch
from PySide6.QtCore import QCoreApplication, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop.help import TILE_TIP, with_help
from desktop.model_library import ModelEntry, display_order
from desktop.plain_text import plain_tooltip
from desktop.widgets.pixel_view import PixelView
from engine.data import dataset_title
from engine.inference import Reconstruction


def tile_title(entry: ModelEntry, show_dataset: bool) -> str:
    """A tile's title as rich text: the model's name without its dataset ("Stacked AE", its options on a
    second line), and the dataset on a line of its own when tiles of several datasets are shown.
    The name comes from a file, so it is escaped."""
    parts = [p for p in entry.name.split(" · ") if p and p != entry.dataset_label] or [entry.name]
    lines = [html.escape(parts[0]).replace(" (", "<br>(")] + [f"<small>{html.escape(p)}</small>" for p in parts[1:]]
    if show_dataset:
        lines.append(f"<span style='color:#3b6ea8'>{html.escape(entry.dataset_label)}</span>")
    return "<b>" + lines[0] + "</b>" + "".join("<br>" + line for line in lines[1:])


@dataclass
class Slot:
    """One autoencoder on the page: its library entry, its model once loaded, its tile."""

    entry: ModelEntry
    model: torch.nn.Module | None
    view: PixelView
    title: QLabel
    caption: QLabel
    frame: QFrame
    result: Reconstruction | None = None  # the last drawing's reconstruction (None: nothing drawn)

    @property
    def output(self) -> np.ndarray | None:
        """The last reconstruction of the clean input."""
        return self.result.output if self.result is not None else None

    @property
    def noisy_output(self) -> np.ndarray | None:
        """The last reconstruction of the noisy input (only for the models the noise panel compares)."""
        return self.result.noisy if self.result is not None else None

    @property
    def code(self) -> np.ndarray | None:
        return self.result.code if self.result is not None else None


class ReconstructionTiles(QGroupBox):
    slots_changed = Signal()  # the tiles were rebuilt (library or dataset changed): new slots, no outputs yet
    model_loaded = Signal()  # a slot's model finished loading: the outputs need computing again
    load_failed = Signal(str)  # a slot's model could not be loaded; the reason
    selection_changed = Signal(object)  # path of the model the user picked (clicked tile)

    def __init__(self, library, settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Every autoencoder's reconstruction — click one to see its code"))
        self.library = library
        self.settings = settings
        self.slots: dict[Path, Slot] = {}  # only ever changed in place: the page keeps a reference
        self.selected: Path | None = None
        self.dataset_combo = QComboBox()
        self.dataset_combo.setToolTip(
            self.tr("Which models to show: those trained on digits (MNIST) or on clothes (Fashion-MNIST).")
        )
        self.dataset_combo.currentIndexChanged.connect(self._on_dataset_changed)
        self.load_label = QLabel()
        header = QHBoxLayout()
        header.addWidget(QLabel(self.tr("Models trained on:")))
        header.addWidget(self.dataset_combo)
        header.addWidget(self.load_label, 1)
        self.grid = QGridLayout()
        self.grid.setSpacing(8)
        outer = QVBoxLayout(self)
        outer.addLayout(header)
        outer.addLayout(self.grid)
        self.empty_label = QLabel()
        self.empty_label.setWordWrap(True)
        outer.addWidget(self.empty_label)
        library.changed.connect(self.rebuild)
        library.model_loaded.connect(self._on_model_loaded)
        library.model_failed.connect(self._on_model_failed)

    def autoencoder_entries(self) -> list[ModelEntry]:
        entries = [e for e in self.library.entries() if e.is_autoencoder]
        return sorted(entries, key=display_order)

    def rebuild(self) -> None:
        """Refill the dataset combo from the library, then the tiles."""
        entries = self.autoencoder_entries()
        datasets = sorted({e.dataset for e in entries}, key=lambda d: (d != "mnist", d))
        wanted = self.dataset_combo.currentData() or self.settings.value("draw/dataset", "mnist")
        self.dataset_combo.blockSignals(True)
        self.dataset_combo.clear()
        for name in datasets:
            self.dataset_combo.addItem(dataset_title(name), name)
        if len(datasets) > 1:
            self.dataset_combo.addItem(self.tr("All datasets"), "all")
        index = self.dataset_combo.findData(wanted)
        self.dataset_combo.setCurrentIndex(max(index, 0))
        self.dataset_combo.blockSignals(False)
        self._show_slots()

    def _on_dataset_changed(self) -> None:
        self.settings.setValue("draw/dataset", self.dataset_combo.currentData())
        self._show_slots()

    def _show_slots(self) -> None:
        dataset = self.dataset_combo.currentData()
        entries = [e for e in self.autoencoder_entries() if dataset in ("all", None) or e.dataset == dataset]
        for slot in self.slots.values():
            slot.frame.deleteLater()
        self.slots.clear()
        columns = 6
        for i, entry in enumerate(entries):
            self.slots[entry.path] = self._make_slot(entry, show_dataset=dataset == "all")
            self.grid.addWidget(self.slots[entry.path].frame, i // columns, i % columns)
        if self.selected not in self.slots:
            self.selected = next(iter(self.slots), None)
        for path, slot in self.slots.items():
            slot.view.set_selected(path == self.selected)
        self.empty_label.setText(
            ""
            if entries
            else self.tr("No autoencoder yet. Train one on the Train page, or import one on the Models page.")
        )
        self.empty_label.setVisible(not entries)
        missing = [e.path for e in entries if self.library.cached(e.path) is None]
        for entry in entries:
            cached = self.library.cached(entry.path)
            if cached is not None:
                self.slots[entry.path].model = cached.model
        if missing:
            self.load_label.setText(self.tr("Loading %n model(s)…", "", len(missing)))
            self.library.load_in_background(missing)
        else:
            self.load_label.setText("")
        self.slots_changed.emit()

    def _make_slot(self, entry: ModelEntry, show_dataset: bool = False) -> Slot:
        frame = QFrame()
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(frame)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(2)
        title = QLabel(tile_title(entry, show_dataset))
        title.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        title.setWordWrap(True)
        view = PixelView(self.tr("Loading…"), 84)
        view.setMaximumSize(120, 120)
        view.setMinimumSize(72, 72)
        caption = QLabel("—")
        caption.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)  # no relayout per stroke
        caption.setMinimumHeight(2 * caption.fontMetrics().height() + 2)
        caption.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        caption.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(title)
        layout.addWidget(view, 1)
        layout.addWidget(caption)
        from engine.models import DESCRIPTIONS

        tip = self.tr(
            "{name}\n{description}\n\nBCE: mean binary cross-entropy per pixel (what it was trained to "
            "minimise; lower is better). PSNR: peak signal-to-noise ratio in dB (higher is closer to the "
            "input). Click to see its code."
        ).format(name=entry.name, description=DESCRIPTIONS.get(entry.family, ""))
        tip = with_help(tip, QCoreApplication.translate("LectureGuide", TILE_TIP))
        for widget in (frame, view, title):
            widget.setToolTip(plain_tooltip(tip))  # the name comes from a file: never markup
        slot = Slot(entry=entry, model=None, view=view, title=title, caption=caption, frame=frame)
        view.clicked.connect(lambda path=entry.path: self.select(path))
        return slot

    def _on_model_loaded(self, path: Path) -> None:
        slot = self.slots.get(Path(path))
        if slot is None:
            return
        checkpoint = self.library.cached(path)
        if checkpoint is not None:
            slot.model = checkpoint.model
        waiting = sum(1 for s in self.slots.values() if s.model is None)
        self.load_label.setText(self.tr("Loading %n model(s)…", "", waiting) if waiting else "")
        self.model_loaded.emit()

    def _on_model_failed(self, path: Path, reason: str) -> None:
        slot = self.slots.get(Path(path))
        if slot is not None:
            slot.view.set_placeholder(self.tr("Could not load"))
            slot.caption.setText(self.tr("<i>unavailable</i>"))
            slot.frame.setToolTip(plain_tooltip(reason))
            self.load_failed.emit(reason)

    def select(self, path: Path) -> bool:
        """Highlight ``path``'s tile (showing its dataset's tiles first) and announce it
        (:attr:`selection_changed`); False when ``path`` is not an autoencoder of the library."""
        path = Path(path).resolve()
        if path not in self.slots:
            entry = self.library.entry_for(path)
            index = self.dataset_combo.findData(entry.dataset) if entry is not None and entry.is_autoencoder else -1
            if index < 0:
                return False
            self.selected = path
            self.dataset_combo.setCurrentIndex(index)  # → the tiles of its dataset, this one highlighted
        self.selected = path
        for p, slot in self.slots.items():
            slot.view.set_selected(p == path)
        self.selection_changed.emit(path)
        return True

    def show_outputs(self, results: Mapping[Path, Reconstruction]) -> None:
        """Paint each loaded slot's reconstruction from ``results`` (by model path) with its BCE and
        PSNR; a slot missing from ``results`` has nothing to show (nothing drawn)."""
        locale = QLocale()  # decimal comma in French
        for path, slot in self.slots.items():
            if slot.model is None:
                continue
            slot.result = results.get(path)
            if slot.result is None:
                slot.view.set_image(None)
                slot.view.set_placeholder(self.tr("Draw something"))
                slot.caption.setText("—")
                continue
            slot.view.set_image(slot.result.output)
            bce = locale.toString(float(slot.result.bce), "f", 3)
            psnr = locale.toString(float(slot.result.psnr), "f", 1)
            slot.caption.setText(self.tr("BCE {bce}<br>PSNR {psnr} dB").format(bce=bce, psnr=psnr))
