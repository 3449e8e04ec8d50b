"""The Models page: every checkpoint, shipped or trained by the user, and what can be done with it.

Shipped models are read-only (they live in the app's own folder and a test
checks them against their manifest); the user's can be renamed and deleted.
Any model can be exported as a copy, and a checkpoint file can be imported —
after full validation, so a damaged file, a foreign safetensors file or a
pickle (which could run code) is refused with the reason.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.model_library import ModelEntry, display_order
from desktop.pages import PageDefaults
from engine.checkpoint import SUFFIX, CheckpointError
from engine.i18n import _
from engine.models import find_family

COLUMNS = ("Name", "Family", "Dataset", "Epochs", "Validation", "Created", "Size", "Where")
FILTER = "Latent Studio models (*.safetensors);;All files (*)"


def metric_summary(entry: ModelEntry) -> str:
    """The numbers a student compares: BCE and rounded accuracy for autoencoders, D's scores for GANs."""
    family = find_family(entry.family)
    if family is not None and family.adversarial:
        parts = []
        for key, label in (("d_real", "D(x)"), ("d_fake", "D(G(z))")):
            value = entry.final(key)
            if value is not None:
                parts.append(f"{label} {value:.2f}")
        return " · ".join(parts) or "—"
    loss = entry.final("loss")
    acc = entry.final("rounded_accuracy")
    parts = []
    if loss is not None:
        parts.append(f"loss {loss:.4f}")
    if acc is not None:
        parts.append(f"acc. {acc:.3f}")
    return " · ".join(parts) or "—"


def family_text(key: str) -> str:
    """"vae — Variational autoencoder: …", from the family's record (just the key if none is registered)."""
    family = find_family(key)
    return f"{key} — {_(family.description)}" if family is not None else f"{key} — "


def created_text(entry: ModelEntry) -> str:
    created = entry.created
    if created is None:
        return "—"
    if created.tzinfo is not None:
        created = created.astimezone()
    return created.strftime("%Y-%m-%d %H:%M")


def family_item(key: str) -> QTableWidgetItem:
    """The family's key (what the filter matches), its title and description as a tooltip."""
    item = QTableWidgetItem(key)
    family = find_family(key)
    if family is not None:
        item.setToolTip(f"{_(family.title)}\n{_(family.description)}")
    return item


class SortKeyItem(QTableWidgetItem):
    """A cell that sorts by a hidden key (numbers, dates) rather than its text."""

    def __init__(self, text: str, key) -> None:
        super().__init__(text)
        self.key = key

    def __lt__(self, other) -> bool:
        if isinstance(other, SortKeyItem):
            try:
                return self.key < other.key
            except TypeError:
                return str(self.key) < str(other.key)
        return super().__lt__(other)


def metric_text(key: str, value) -> str:
    """One metric in words: "loss 0.2880", "25,040 images/s", "trained in 9.4 s"."""
    if key == "samples_per_s" and isinstance(value, (int, float)):
        return f"{value:,.0f} images/s"
    if key == "elapsed_s" and isinstance(value, (int, float)):
        return f"trained in {value:.1f} s"
    text = f"{value:.4g}" if isinstance(value, float) else str(value)
    return f"{key.replace('_', ' ')} {text}"


class ModelsPage(QWidget, PageDefaults):
    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.library = context.library
        self.settings = context.settings
        self._build()
        self.library.changed.connect(self.refresh_table)
        self.library.current_changed.connect(lambda _e: self.refresh_table())
        self.refresh_table()

    def _build(self) -> None:
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText("Filter: name, family or dataset…")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self._apply_filter)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # the library's order
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._on_selection)
        self.table.itemDoubleClicked.connect(lambda _item: self.load_selected())

        self.load_button = self._button(
            "Load", "Make this the current model (Enter or double-click).", self.load_selected
        )
        self.rename_button = self._button(
            "Rename…", "Change the name of one of your models (F2).", self.rename_selected
        )
        self.delete_button = self._button(
            "Delete", "Delete one of your models (Delete). Shipped models are read-only.", self.delete_selected
        )
        self.export_button = self._button(
            "Export a copy…", "Save a copy of the model's file anywhere, e.g. to share it.", self.export_selected
        )
        self.import_button = self._button(
            "Import…",
            "Add a .safetensors model file (checked before it is copied; pickle files are refused).",
            self.import_dialog,
        )
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.details = QTextBrowser()
        self.details.setOpenExternalLinks(False)

        buttons = QHBoxLayout()
        for button in (self.load_button, self.rename_button, self.delete_button, self.export_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.filter_edit)
        top_layout.addWidget(self.table, 1)
        top_layout.addLayout(buttons)
        top_layout.addWidget(self.message)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        for keys, slot in (
            ("Return", self.load_selected),
            ("F2", self.rename_selected),
            ("Delete", self.delete_selected),
        ):
            shortcut = QShortcut(QKeySequence(keys), self.table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(slot)

    def _button(self, text: str, tip: str, slot) -> QPushButton:
        button = QPushButton(text)
        button.setToolTip(tip)
        button.clicked.connect(slot)
        return button

    # -- the table ---------------------------------------------------------------------------------
    def refresh_table(self) -> None:
        selected = self.selected_entry()
        entries = sorted(self.library.entries(), key=display_order)
        current = self.library.current.path if self.library.current else None
        self.table.setSortingEnabled(False)
        self.table.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            size = entry.path.stat().st_size if entry.path.exists() else 0
            created = entry.created
            stamp = created.timestamp() if created else 0.0
            name = ("▶ " if entry.path == current else "") + entry.name
            cells = [
                SortKeyItem(name, entry.name.lower()),
                family_item(entry.family),
                QTableWidgetItem(entry.dataset_label),
                SortKeyItem("—" if entry.epochs is None else str(entry.epochs), entry.epochs or 0),
                SortKeyItem(metric_summary(entry), entry.final("loss") or entry.final("d_fake") or 0.0),
                SortKeyItem(created_text(entry), stamp),
                SortKeyItem(f"{size / 1e6:.2f} MB", size),
                QTableWidgetItem("shipped (read-only)" if entry.shipped else "yours"),
            ]
            cells[0].setData(Qt.ItemDataRole.UserRole, str(entry.path))
            cells[0].setToolTip(str(entry.path))
            for col, item in enumerate(cells):
                self.table.setItem(row, col, item)
        self.table.setSortingEnabled(True)
        self._apply_filter()
        if selected is not None:
            self.select_path(selected.path)
        elif entries and not self.table.selectedItems():
            self.table.selectRow(0)
        self._on_selection()

    def _apply_filter(self) -> None:
        words = self.filter_edit.text().lower().split()
        for row in range(self.table.rowCount()):
            text = " ".join(self.table.item(row, c).text().lower() for c in range(3))
            self.table.setRowHidden(row, not all(w in text for w in words))

    def select_path(self, path: str | Path) -> bool:
        target = str(Path(path).resolve())
        for row in range(self.table.rowCount()):
            if self.table.item(row, 0).data(Qt.ItemDataRole.UserRole) == target:
                self.table.selectRow(row)
                return True
        return False

    def selected_entry(self) -> ModelEntry | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows:
            return None
        item = self.table.item(rows[0].row(), 0)
        return self.library.entry_for(item.data(Qt.ItemDataRole.UserRole)) if item else None

    def _on_selection(self) -> None:
        entry = self.selected_entry()
        for button in (self.load_button, self.export_button):
            button.setEnabled(entry is not None)
        editable = entry is not None and not entry.shipped
        self.rename_button.setEnabled(editable)
        self.delete_button.setEnabled(editable)
        tip = "Shipped models are read-only: export a copy to rename it." if entry and entry.shipped else ""
        self.rename_button.setToolTip(tip or "Change the name of one of your models (F2).")
        self.details.setHtml(self._details_html(entry) if entry else "<i>Select a model to see how it was made.</i>")

    def _details_html(self, entry: ModelEntry) -> str:
        from engine.models import ModelConfig

        def relevant_settings(config: dict) -> dict:
            try:
                return ModelConfig.from_dict(config).relevant()
            except (TypeError, ValueError):
                return {k: v for k, v in config.items() if k != "family"}

        meta = entry.meta
        train = meta.get("train_config") or {}
        data = meta.get("dataset") or {}
        model_config = meta.get("model_config") or {}
        rows = [
            ("Family", family_text(entry.family)),
            ("Data", f"{entry.dataset_label}, {data.get('source', '?')}"),
            (
                "Training",
                ", ".join(f"{k.replace('_', ' ')} {train[k]}" for k in ("epochs", "batch_size", "lr", "optimizer",
                                                                         "seed") if k in train),
            ),
            ("Model", ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in relevant_settings(model_config).items())
             or "the lecture's architecture, no options"),
            (
                "Metrics",
                ", ".join(metric_text(k, v) for k, v in entry.metrics.items()),
            ),
            ("File", str(entry.path)),
        ]
        body = "".join(f"<tr><td><b>{k}</b></td><td>{v}</td></tr>" for k, v in rows)
        return f"<h3>{entry.name}</h3><table cellspacing='4'>{body}</table>"

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setText(("⚠ " if error else "") + text)
        self.message.setStyleSheet("color: #a33;" if error else "")
        self.context.show_status(text, 6000)

    # -- actions ---------------------------------------------------------------------------------------
    def load_selected(self) -> None:
        entry = self.selected_entry()
        if entry is None:
            return
        self.library.set_current(entry)
        self.library.load_in_background([entry.path])
        self._say(f"{entry.name} is now the current model.")

    def rename_selected(self, name: str | None = None) -> bool:
        entry = self.selected_entry()
        if entry is None:
            return False
        if entry.shipped:
            self._say(f"{entry.name} ships with the app and is read-only; export a copy to rename it.", True)
            return False
        if name is None:
            name, ok = QInputDialog.getText(self, "Rename the model", "New name:", text=entry.name)
            if not ok:
                return False
        try:
            renamed = self.library.rename(entry, name)
        except CheckpointError as exc:
            self._say(f"Could not rename: {exc}", True)
            return False
        self.select_path(renamed.path)
        self._say(f"Renamed to {renamed.name}.")
        return True

    def delete_selected(self, confirm: bool = True) -> bool:
        entry = self.selected_entry()
        if entry is None:
            return False
        if entry.shipped:
            self._say(f"{entry.name} ships with the app and cannot be deleted.", True)
            return False
        if confirm:
            answer = QMessageBox.question(
                self, "Delete the model", f"Delete {entry.name}?\n{entry.path}\n\nThis cannot be undone."
            )
            if answer != QMessageBox.StandardButton.Yes:
                return False
        try:
            self.library.delete(entry)
        except CheckpointError as exc:
            self._say(f"Could not delete: {exc}", True)
            return False
        self._say(f"Deleted {entry.name}.")
        return True

    def export_selected(self, target: str | Path | None = None) -> Path | None:
        entry = self.selected_entry()
        if entry is None:
            return None
        if target is None:
            folder = Path(str(self.settings.value("models/export_folder", str(Path.home()))))
            chosen, _ = QFileDialog.getSaveFileName(self, "Export a copy", str(folder / entry.path.name), FILTER)
            if not chosen:
                return None
            target = chosen
        try:
            written = self.library.export(entry, target)
        except CheckpointError as exc:
            self._say(f"Could not export: {exc}", True)
            return None
        self.settings.setValue("models/export_folder", str(written.parent))
        self._say(f"Exported a copy of {entry.name} to {written}.")
        return written

    def import_dialog(self) -> None:
        folder = str(self.settings.value("models/import_folder", str(Path.home())))
        path, _ = QFileDialog.getOpenFileName(self, "Import a model", folder, FILTER)
        if path:
            self.settings.setValue("models/import_folder", str(Path(path).parent))
            self.import_file(path)

    def import_file(self, path: str | Path) -> ModelEntry | None:
        """Validate and add a checkpoint; a bad one is refused with the reason and changes nothing."""
        if not str(path).endswith(SUFFIX) and Path(path).suffix.lower() in (".pt", ".pth", ".pkl", ".ckpt", ".h5"):
            self._say(
                f"Refused {Path(path).name}: Latent Studio only opens .safetensors checkpoints, never pickle "
                "or framework files (they can run code when loaded).",
                True,
            )
            return None
        try:
            entry = self.library.import_file(path)
        except CheckpointError as exc:
            self._say(f"Refused {Path(path).name}: {exc}", True)
            return None
        self.select_path(entry.path)
        self._say(f"Imported {entry.name} ({entry.family}, {entry.dataset_label}) into your models.")
        return entry
