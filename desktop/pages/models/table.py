"""The Models page's table: one row per checkpoint, cells that sort by value, and the filters above it.

Its words keep the Models page's translation context (``QCoreApplication.translate("ModelsPage", …)``),
so they keep its translations.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QItemSelectionModel, QLocale, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from desktop.model_library import ModelEntry
from desktop.pages.run_story import epochs_text, is_diverged, outcome, outcome_text, story_sentence
from desktop.plain_text import plain_tooltip
from engine.i18n import _
from engine.models import find_family

COLUMNS = (  # translated where shown
    QT_TRANSLATE_NOOP("ModelsPage", "Name"),
    QT_TRANSLATE_NOOP("ModelsPage", "Family"),
    QT_TRANSLATE_NOOP("ModelsPage", "Dataset"),
    QT_TRANSLATE_NOOP("ModelsPage", "Epochs"),
    QT_TRANSLATE_NOOP("ModelsPage", "Validation"),
    QT_TRANSLATE_NOOP("ModelsPage", "Created"),
    QT_TRANSLATE_NOOP("ModelsPage", "Size"),
    QT_TRANSLATE_NOOP("ModelsPage", "Where"),
    QT_TRANSLATE_NOOP("ModelsPage", "Run"),
)
RUN_COLUMN = 8  # how the run ended: finished, stopped, cut off by quitting, diverged


def metric_summary(entry: ModelEntry) -> str:
    """The numbers a student compares: BCE and rounded accuracy for autoencoders, D's scores for GANs."""
    family = find_family(entry.family)
    if family is not None and family.adversarial:
        parts = []
        for key, label in (("d_real", "D(x)"), ("d_fake", "D(G(z))")):
            value = entry.final(key)
            if value is not None:
                parts.append(f"{label} {QLocale().toString(float(value), 'f', 2)}")
        return " · ".join(parts) or "—"
    loss = entry.final("loss")
    acc = entry.final("rounded_accuracy")
    parts = []
    if loss is not None:
        value = QLocale().toString(float(loss), "f", 4)
        parts.append(QCoreApplication.translate("ModelsPage", "loss {value}").format(value=value))
    if acc is not None:
        value = QLocale().toString(float(acc), "f", 3)
        parts.append(QCoreApplication.translate("ModelsPage", "acc. {value}").format(value=value))
    return " · ".join(parts) or "—"


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


def row_cells(entry: ModelEntry, current: bool) -> list[QTableWidgetItem]:
    """The cells of ``entry``'s row, in :data:`COLUMNS`' order; ``current``: marked ▶."""
    size = entry.path.stat().st_size if entry.path.exists() else 0
    created = entry.created
    stamp = created.timestamp() if created else 0.0
    name = ("▶ " if current else "") + entry.name
    megabytes = QLocale().toString(size / 1e6, "f", 2)
    where = (
        QCoreApplication.translate("ModelsPage", "shipped (read-only)")
        if entry.shipped
        else QCoreApplication.translate("ModelsPage", "yours")
    )
    cells = [
        SortKeyItem(name, entry.name.lower()),
        family_item(entry.family),
        QTableWidgetItem(entry.dataset_label),
        SortKeyItem(epochs_text(entry), entry.epochs or 0),
        SortKeyItem(metric_summary(entry), entry.final("loss") or entry.final("d_fake") or 0.0),
        SortKeyItem(created_text(entry), stamp),
        SortKeyItem(QCoreApplication.translate("ModelsPage", "{size} MB").format(size=megabytes), size),
        QTableWidgetItem(where),
        SortKeyItem(outcome_text(entry), outcome(entry)),
    ]
    cells[RUN_COLUMN].setToolTip(story_sentence(entry))
    if is_diverged(entry):  # marked in red: its weights only draw noise
        for item in cells:
            item.setForeground(QBrush(QColor("#b02a2a")))
    cells[0].setData(Qt.ItemDataRole.UserRole, str(entry.path))
    cells[1].setData(Qt.ItemDataRole.UserRole, entry.family)
    cells[2].setData(Qt.ItemDataRole.UserRole, entry.dataset)
    cells[0].setToolTip(plain_tooltip(entry.path))
    return cells


class ModelTable(QTableWidget):
    """The models, sortable by any column (numbers and dates by value); whole rows selected, several
    at once for Compare…. Each row's first cell holds the checkpoint's path (``Qt.UserRole``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, len(COLUMNS), parent)
        self.setHorizontalHeaderLabels([QCoreApplication.translate("ModelsPage", c) for c in COLUMNS])
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)  # several: Compare…
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().setVisible(False)
        self.setAlternatingRowColors(True)
        self.setSortingEnabled(True)
        self.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # the library's order
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

    def fill(self, entries: list[ModelEntry], current: Path | None) -> None:
        """One row per entry, in the order given (until the user sorts); ``current``'s row marked ▶."""
        self.setSortingEnabled(False)
        self.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            for col, item in enumerate(row_cells(entry, entry.path == current)):
                self.setItem(row, col, item)
        self.setSortingEnabled(True)

    def apply_filter(self, words: list[str], family: str | None, dataset: str | None) -> None:
        """Hide the rows whose name, family and dataset do not hold every word, or of another family
        or dataset (None: any)."""
        for row in range(self.rowCount()):
            text = " ".join(self.item(row, c).text().lower() for c in range(3))
            shown = all(w in text for w in words)
            shown = shown and family in (None, self.item(row, 1).data(Qt.ItemDataRole.UserRole))
            shown = shown and dataset in (None, self.item(row, 2).data(Qt.ItemDataRole.UserRole))
            self.setRowHidden(row, not shown)

    def select_row(self, row: int) -> None:
        """Select exactly ``row`` (``QTableView.selectRow`` would add to the selection, or toggle it,
        when Qt believes Ctrl or Shift is held — as it may after a shortcut)."""
        index = self.model().index(row, 0)
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.selectionModel().setCurrentIndex(index, flags)

    def select_path(self, path: str | Path) -> bool:
        target = str(Path(path).resolve())
        for row in range(self.rowCount()):
            if self.item(row, 0).data(Qt.ItemDataRole.UserRole) == target:
                self.select_row(row)
                return True
        return False

    def selected_path(self) -> str | None:
        """The checkpoint path of the first selected row (None: nothing selected)."""
        rows = self.selectionModel().selectedRows() if self.selectionModel() else []
        if not rows:
            return None
        item = self.item(rows[0].row(), 0)
        return item.data(Qt.ItemDataRole.UserRole) if item else None


class FilterBar(QWidget):
    """Words to match, and a family and a dataset to keep; :attr:`changed` on every edit."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(
            QCoreApplication.translate("ModelsPage", "Filter: name, family or dataset…")
        )
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self.changed)
        self.family_filter, self.dataset_filter = QComboBox(), QComboBox()
        self.family_filter.setToolTip(QCoreApplication.translate("ModelsPage", "Show only the models of one family."))
        self.dataset_filter.setToolTip(
            QCoreApplication.translate("ModelsPage", "Show only the models trained on one dataset.")
        )
        for combo in (self.family_filter, self.dataset_filter):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.currentIndexChanged.connect(self.changed)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter_edit, 1)
        layout.addWidget(self.family_filter)
        layout.addWidget(self.dataset_filter)

    def words(self) -> list[str]:
        return self.filter_edit.text().lower().split()

    def family(self) -> str | None:
        return self.family_filter.currentData()

    def dataset(self) -> str | None:
        return self.dataset_filter.currentData()

    def fill(self, entries: list[ModelEntry]) -> None:
        """The family and dataset combos list what the library holds (the choice survives a refresh)."""
        from engine.data import dataset_title

        families = sorted({e.family for e in entries}, key=lambda k: (find_family(k) is None, k))
        datasets = sorted({e.dataset for e in entries}, key=lambda d: (d != "mnist", d))
        for combo, everything, keys, title in (
            (
                self.family_filter,
                QCoreApplication.translate("ModelsPage", "All families"),
                families,
                lambda k: _(find_family(k).short_title) if find_family(k) else k,
            ),
            (self.dataset_filter, QCoreApplication.translate("ModelsPage", "All datasets"), datasets, dataset_title),
        ):
            wanted = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everything, None)
            for key in keys:
                combo.addItem(title(key), key)
            combo.setCurrentIndex(max(combo.findData(wanted), 0) if wanted else 0)
            combo.blockSignals(False)
