"""The Draw page's reconstruction tiles: one tile per autoencoder, showing how it rebuilds the drawing.

A combo picks the dataset the models were trained on, or both at once. The
tiles form a table: one column per model (its name heads the column), one row
per dataset, so with both datasets on screen the MNIST and the Fashion-MNIST
models' readings of the same drawing sit one above the other — a student sees
how a model trained on clothes reads a digit. Every shipped model of a dataset
fits one row at 1280×720; more models (the user's own) continue in a second
band with its own headings. Under each reconstruction, its BCE and PSNR.

The widget owns the :class:`Slot` objects (library entry, model once loaded,
tile) and loads the models in the background, saying which are still loading or
could not be loaded. It only paints and asks: the page runs every model at once
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
from PySide6.QtWidgets import QComboBox, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from desktop.help import TILE_TIP, with_help
from desktop.model_library import ModelEntry, display_order
from desktop.plain_text import plain_tooltip
from desktop.widgets.pixel_view import PixelView
from desktop.widgets.text_strip import TextStrip
from engine.data import dataset_title
from engine.inference import Reconstruction

MAX_COLUMNS = 7  # every shipped autoencoder of a dataset (the lecture's six and the 2-D VAE) in one row
ALL = "all"  # the combo's "every dataset" choice


def model_heading(entry: ModelEntry) -> str:
    """The model's name without its dataset ("Stacked AE"), as it heads its column."""
    parts = [p for p in entry.name.split(" · ") if p and p != entry.dataset_label]
    return " · ".join(parts) or entry.name


def heading_html(heading: str) -> str:
    """A column heading as rich text: the name in bold, its options in small type on a line of their own
    ("Denoising AE" / "(Gaussian σ 0.2)"). The name comes from a file, so it is escaped."""
    first, *rest = heading.split(" · ")
    head, sep, options = first.partition(" (")
    lines = [f"<b>{html.escape(head)}</b>"]
    if sep:
        lines.append(f"<small>({html.escape(options)}</small>")
    lines += [f"<small>{html.escape(part)}</small>" for part in rest]
    return "<br>".join(lines)


def table_columns(entries: list[ModelEntry]) -> list[tuple[str, int]]:
    """The table's columns, in the order the entries come: one per model heading (a second model of one
    dataset under the same name gets a column of its own)."""
    columns: list[tuple[str, int]] = []
    seen: dict[tuple[str, str], int] = {}
    for entry in entries:
        heading = model_heading(entry)
        n = seen.get((entry.dataset, heading), 0)
        seen[(entry.dataset, heading)] = n + 1
        if (heading, n) not in columns:
            columns.append((heading, n))
    return columns


@dataclass
class Slot:
    """One autoencoder on the page: its library entry, its model once loaded, its tile."""

    entry: ModelEntry
    model: torch.nn.Module | None
    view: PixelView
    title: QLabel  # its column's heading (shared with the other datasets' model of that name)
    caption: TextStrip  # BCE and PSNR of the last reconstruction
    frame: QWidget  # the tile: the view above the caption
    row_label: QLabel | None = None  # its dataset's row label, when several datasets are shown
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
        self.table = QWidget()  # the tiles and their headings; a new one each time the tiles change
        self.grid = QGridLayout(self.table)
        self.dataset_combo = QComboBox()
        self.dataset_combo.setToolTip(
            self.tr(
                "Which models to show: those trained on digits (MNIST), on clothes (Fashion-MNIST), or both "
                "side by side, to see how a model that only knows clothes reads your digit."
            )
        )
        self.dataset_combo.currentIndexChanged.connect(self._on_dataset_changed)
        self.load_label = QLabel()
        header = QHBoxLayout()
        header.addWidget(QLabel(self.tr("Models trained on:")))
        header.addWidget(self.dataset_combo)
        header.addWidget(self.load_label, 1)
        outer = self.outer = QVBoxLayout(self)
        outer.setContentsMargins(6, 6, 6, 6)
        outer.addLayout(header)
        outer.addWidget(self.table)
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
            self.dataset_combo.addItem(self.tr("All datasets"), ALL)
        index = self.dataset_combo.findData(wanted)
        self.dataset_combo.setCurrentIndex(max(index, 0))
        self.dataset_combo.blockSignals(False)
        self._show_slots()

    def shows_all_datasets(self) -> bool:
        return self.dataset_combo.currentData() == ALL

    def _on_dataset_changed(self) -> None:
        self.settings.setValue("draw/dataset", self.dataset_combo.currentData())
        self._show_slots()

    def _show_slots(self) -> None:
        dataset = self.dataset_combo.currentData()
        entries = [e for e in self.autoencoder_entries() if dataset in (ALL, None) or e.dataset == dataset]
        self.slots.clear()
        old, self.table = self.table, QWidget()
        self.grid = QGridLayout(self.table)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(6)
        self.grid.setVerticalSpacing(2)
        self.outer.replaceWidget(old, self.table)
        old.deleteLater()
        self._lay_out_table(entries, several=dataset == ALL)
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

    def _lay_out_table(self, entries: list[ModelEntry], several: bool) -> None:
        """Bands of at most :data:`MAX_COLUMNS` columns: a row of headings, then one row of tiles per
        dataset (labelled with the dataset's name when there are several)."""
        datasets = list(dict.fromkeys(e.dataset for e in entries))
        placed: dict[str, dict[tuple[str, int], ModelEntry]] = {d: {} for d in datasets}
        for entry in entries:
            mine = placed[entry.dataset]
            heading = model_heading(entry)
            n = sum(1 for key in mine if key[0] == heading)
            mine[(heading, n)] = entry
        columns = table_columns(entries)
        first = 1 if several else 0  # the row labels' column
        row = 0
        for band in range(0, len(columns), MAX_COLUMNS):
            keys = columns[band : band + MAX_COLUMNS]
            headings = {}
            for col, key in enumerate(keys, start=first):
                headings[key] = self._heading(key[0], next(placed[d][key] for d in datasets if key in placed[d]))
                self.grid.addWidget(headings[key], row, col)
            row += 1
            for dataset in datasets:
                if not any(key in placed[dataset] for key in keys):
                    continue
                label = self._row_label(dataset) if several else None
                if label is not None:
                    self.grid.addWidget(label, row, 0)
                for col, key in enumerate(keys, start=first):
                    entry = placed[dataset].get(key)
                    if entry is not None:
                        slot = self._make_slot(entry, headings[key], label)
                        self.slots[entry.path] = slot
                        self.grid.addWidget(slot.frame, row, col)
                row += 1
        for col in range(first, self.grid.columnCount()):
            self.grid.setColumnStretch(col, 1)  # tiles of one width, whatever their headings

    def _heading(self, heading: str, entry: ModelEntry) -> QLabel:
        from engine.models import DESCRIPTIONS

        label = QLabel(heading_html(heading))
        label.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom)
        label.setWordWrap(True)
        label.setToolTip(plain_tooltip(f"{heading}\n{DESCRIPTIONS.get(entry.family, '')}".strip()))
        return label

    def _row_label(self, dataset: str) -> QLabel:
        label = QLabel(dataset_title(dataset))
        label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        label.setWordWrap(True)
        label.setMaximumWidth(80)
        font = label.font()
        font.setBold(True)
        label.setFont(font)
        label.setToolTip(
            self.tr("The models in this row were trained on {dataset}.").format(dataset=dataset_title(dataset))
        )
        return label

    def _make_slot(self, entry: ModelEntry, title: QLabel, row_label: QLabel | None) -> Slot:
        frame = QWidget()
        layout = QVBoxLayout(frame)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(1)
        view = PixelView(self.tr("Loading…"), 64)
        view.setMaximumSize(112, 112)
        caption = TextStrip("—", lines=2)
        layout.addWidget(view, 1, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(caption)
        from engine.models import DESCRIPTIONS

        tip = self.tr(
            "{name}\n{description}\n\nBCE: mean binary cross-entropy per pixel (what it was trained to "
            "minimise; lower is better). PSNR: peak signal-to-noise ratio in dB (higher is closer to the "
            "input). Click to see its code."
        ).format(name=entry.name, description=DESCRIPTIONS.get(entry.family, ""))
        tip = with_help(tip, QCoreApplication.translate("LectureGuide", TILE_TIP))
        for widget in (frame, view, caption):
            widget.setToolTip(plain_tooltip(tip))  # the name comes from a file: never markup
        view.setAccessibleName(entry.name)
        slot = Slot(entry=entry, model=None, view=view, title=title, caption=caption, frame=frame, row_label=row_label)
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
            slot.caption.setText(self.tr("unavailable"))
            for widget in (slot.frame, slot.view, slot.caption):
                widget.setToolTip(plain_tooltip(reason))
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
        template = self.tr("BCE {bce}\nPSNR {psnr} dB")
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
            slot.caption.setText(template.format(bce=bce, psnr=psnr))
