"""The Models page's run commands: open a run on the Train page, continue it, compare runs, export its history.

A row of buttons under the Models page's table, driven by its selection
(several rows may be picked to compare them). Opening and continuing hand the
run to the Train page, which shows it; comparing reads only the runs' records;
exporting reads the selected checkpoint's history (kept while it stays
selected).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QHBoxLayout, QInputDialog, QPushButton, QToolButton, QWidget

from desktop.widgets.compare_dialog import CompareDialog
from desktop.widgets.history_exports import HistoryExportMenu
from desktop.widgets.image_grid import compose_mosaic


class RunActions(QObject):
    """Open run · Continue training… · Compare… · Export history, for the Models page ``page``."""

    def __init__(self, page) -> None:
        super().__init__(page)
        self.page = page
        self._loaded: tuple[Path, object] | None = None  # (path, LoadedHistory) of the selected run
        self._plot = None  # an off-screen LossPlot, drawn for curve exports
        self.open_button = self._button(
            self.tr("Open run"),
            self.tr("Show this run on the Train page: scrub its snapshots, replay it (double-click)."),
            self.open_selected,
        )
        self.continue_button = self._button(
            self.tr("Continue training…"),
            self.tr("Train this run for more epochs: its curves and history carry on where they stopped."),
            self.continue_selected,
        )
        self.compare_button = self._button(
            self.tr("Compare…"),
            self.tr(
                "Overlay the validation curves of the selected runs (pick two or "
                "more with Ctrl or Shift) and their final metrics."
            ),
            self.compare_selected,
        )
        self.export_menu = HistoryExportMenu(
            page,
            page.settings,
            history=self.history,
            curves_item=self.curves_item,
            mosaic=self.mosaic,
            base_name=self.base_name,
        )
        self.export_menu.done.connect(lambda text: page._say(text))
        self.export_menu.failed.connect(lambda text: page._say(text, True))
        self.export_button = QToolButton()
        self.export_button.setText(self.tr("Export history"))
        self.export_button.setToolTip(
            self.tr(
                "The selected run's history as CSV, its snapshots as an animated GIF, "
                "its curves as PNG or SVG, its last grid as PNG."
            )
        )
        self.export_button.setMenu(self.export_menu)
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.bar = QWidget()
        row = QHBoxLayout(self.bar)
        row.setContentsMargins(0, 0, 0, 0)
        for widget in (self.open_button, self.continue_button, self.compare_button, self.export_button):
            row.addWidget(widget)
        row.addStretch(1)
        page.table.itemSelectionChanged.connect(self.update_buttons)
        self.update_buttons()

    def _button(self, text: str, tip: str, slot) -> QPushButton:
        button = QPushButton(text)
        button.setToolTip(tip)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    # -- the selection -------------------------------------------------------------------------
    def selected_entries(self) -> list:
        table = self.page.table
        rows = (
            sorted({index.row() for index in table.selectionModel().selectedRows()}) if table.selectionModel() else []
        )
        entries = []
        for row in rows:
            item = table.item(row, 0)
            entry = self.page.library.entry_for(item.data(Qt.ItemDataRole.UserRole)) if item else None
            if entry is not None:
                entries.append(entry)
        return entries

    def update_buttons(self) -> None:
        entries = self.selected_entries()
        one = len(entries) == 1
        for widget in (self.open_button, self.continue_button, self.export_button):
            widget.setEnabled(one)
        self.compare_button.setEnabled(len(entries) >= 2)
        if self._loaded is not None and (not one or entries[0].path != self._loaded[0]):
            self._loaded = None

    def _train_page(self):
        window = self.page.window()
        train = window.page("train") if hasattr(window, "page") else None
        if train is None or not hasattr(train, "open_run"):
            self.page._say(self.tr("The Train page is not available."), True)
            return None
        return train

    # -- commands ---------------------------------------------------------------------------------
    def open_selected(self) -> bool:
        entries = self.selected_entries()
        train = self._train_page() if len(entries) == 1 else None
        if train is None or not train.open_run(entries[0].path):
            return False
        self.page.show_page_requested.emit("train")
        return True

    def continue_selected(self, more_epochs: int | None = None) -> bool:
        from engine.checkpoint import CheckpointError
        from engine.train.resume import inspect_resume

        entries = self.selected_entries()
        if len(entries) != 1:
            return False
        entry = entries[0]
        try:
            plan = inspect_resume(entry.path)
        except (CheckpointError, KeyError, ValueError) as exc:
            self.page._say(self.tr("Cannot continue {name}: {reason}").format(name=entry.name, reason=exc), True)
            return False
        if more_epochs is None:
            text = self.tr("{name} has trained for %n epoch(s). How many more?", "", plan.epochs_completed).format(
                name=entry.name
            )
            if not plan.optimizer_state:
                text += "\n\n" + self.tr("The optimizer starts afresh: {notes}").format(notes=" ".join(plan.notes))
            more_epochs, ok = QInputDialog.getInt(
                self.page, self.tr("Continue training"), text, max(1, min(plan.planned_epochs, 10)), 1, 10_000
            )
            if not ok:
                return False
        train = self._train_page()
        if train is None or not train.continue_run(entry.path, int(more_epochs)):
            if train is not None:
                self.page._say(self.tr("The run could not start; the Train page says why."), True)
                self.page.show_page_requested.emit("train")
            return False
        self.page.show_page_requested.emit("train")
        return True

    def compare_selected(self) -> CompareDialog | None:
        entries = self.selected_entries()
        if len(entries) < 2:
            self.page._say(self.tr("Select two or more runs (Ctrl+click or Shift+click) to compare them."), True)
            return None
        self.dialog = CompareDialog([(e.name, e.meta) for e in entries], self.page)
        self.dialog.show()
        return self.dialog

    # -- what the export menu exports ---------------------------------------------------------------
    def _loaded_history(self):
        from engine.checkpoint import CheckpointError
        from engine.history import load_history

        entries = self.selected_entries()
        if len(entries) != 1:
            return None
        path = entries[0].path
        if self._loaded is None or self._loaded[0] != path:
            try:
                self._loaded = (path, load_history(path))
            except CheckpointError as exc:
                self.page._say(str(exc), True)
                return None
        return self._loaded[1]

    def history(self):
        loaded = self._loaded_history()
        return None if loaded is None else loaded.history

    def curves_item(self):
        from desktop.pages.train.history_actions import plot_metric_names
        from desktop.pages.train.history_panel import fill_plot
        from desktop.widgets.loss_plot import LossPlot

        entries = self.selected_entries()
        history = self.history()
        if len(entries) != 1 or history is None:
            return None
        if self._plot is None:
            self._plot = LossPlot()
            self._plot.resize(1000, 520)
        self._plot.configure(plot_metric_names(entries[0].family))
        fill_plot(self._plot, history)
        return self._plot.export_item()

    def mosaic(self) -> np.ndarray | None:
        history = self.history()
        if history is None or not len(history):
            return None
        last = history.snapshots[-1]
        kind = next(iter(last.grids))
        originals = last.originals if kind == "reconstructions" else None
        return compose_mosaic(last.grids[kind], originals)

    def base_name(self) -> str:
        entries = self.selected_entries()
        return entries[0].path.name.removesuffix(".safetensors") if entries else "run"
