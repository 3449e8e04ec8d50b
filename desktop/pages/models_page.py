"""The Models page: every checkpoint, shipped or trained by the user, and what can be done with it.

Shipped models are read-only (they live in the app's own folder and a test
checks them against their manifest); the user's can be renamed and deleted.
Any model can be exported as a copy, and a checkpoint file can be imported —
after full validation, so a damaged file, a foreign safetensors file or a
pickle (which could run code) is refused with the reason.

The page lays its parts out and wires them: the table and its filters
(:mod:`desktop.pages.models.table`), the details of the selected model
(:mod:`~desktop.pages.models.details`), the commands on it
(:mod:`~desktop.pages.models.actions`) and the run commands
(:mod:`desktop.pages.run_actions`).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.model_library import ModelEntry, display_order
from desktop.pages import PageDefaults
from desktop.pages.models.actions import ModelActions, file_filter, model_destinations  # noqa: F401
from desktop.pages.models.details import WORDS, data_text, details_html, family_text, metric_text, word  # noqa: F401
from desktop.pages.models.table import (  # noqa: F401  (the names callers import from this module)
    COLUMNS,
    RUN_COLUMN,
    FilterBar,
    ModelTable,
    SortKeyItem,
    created_text,
    family_item,
    metric_summary,
)
from desktop.pages.run_actions import RunActions
from desktop.pages.run_story import is_diverged
from desktop.plain_text import plain_message, plain_tooltip
from desktop.widgets.quality_box import QualityBox
from engine.checkpoint import CheckpointError


class ModelsPage(QWidget, PageDefaults):
    show_page_requested = Signal(str)  # the key of a page the user asked to see ("Go to the Generate page")

    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.library = context.library
        self.settings = context.settings
        self.actions = ModelActions(self)  # Load, Rename…, Delete, Export a copy…, Import…
        self._build()
        self.library.changed.connect(self.refresh_table)
        self.library.current_changed.connect(lambda _e: self.refresh_table())
        self.refresh_table()

    def _build(self) -> None:
        self.filters = FilterBar()
        self.filters.changed.connect(self._apply_filter)
        self.filter_edit = self.filters.filter_edit
        self.family_filter, self.dataset_filter = self.filters.family_filter, self.filters.dataset_filter
        self.table = ModelTable()
        self.table.itemSelectionChanged.connect(self._on_selection)
        self.table.itemDoubleClicked.connect(lambda _item: self.run_actions.open_selected())

        self.load_button = self._button(
            self.tr("Load"), self.tr("Make this the current model (Enter)."), self.load_selected
        )
        self.rename_button = self._button(
            self.tr("Rename…"), self.tr("Change the name of one of your models (F2)."), self.rename_selected
        )
        self.delete_button = self._button(
            self.tr("Delete"),
            self.tr("Delete one of your models (Delete). Shipped models are read-only."),
            self.delete_selected,
        )
        self.export_button = self._button(
            self.tr("Export a copy…"),
            self.tr("Save a copy of the model's file anywhere, e.g. to share it."),
            self.export_selected,
        )
        self.import_button = self._button(
            self.tr("Import…"),
            self.tr("Add a .safetensors model file (checked before it is copied; pickle files are refused)."),
            self.import_dialog,
        )
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)  # it quotes names and reasons from files
        self.go_button = QPushButton()  # "Go to the Generate page", after Load
        self.go_button.clicked.connect(
            lambda _checked=False: self.show_page_requested.emit(self.go_button.property("page"))
        )
        self.go_button.hide()
        self.delete_diverged_button = QPushButton()
        self.delete_diverged_button.setToolTip(
            self.tr("Your runs whose loss became infinite or NaN: their models only draw noise. Asks before deleting.")
        )
        self.delete_diverged_button.clicked.connect(lambda _checked=False: self.delete_diverged())
        self.delete_diverged_button.hide()
        self.unreadable_label = QLabel()
        self.unreadable_label.setTextFormat(Qt.TextFormat.PlainText)
        self.unreadable_list = QListWidget()
        self.unreadable_list.setMaximumHeight(90)
        self.unreadable_list.itemActivated.connect(lambda item: self._say(item.text(), True))
        self.unreadable_list.setToolTip(
            self.tr(
                "Files in your models folder that Latent Studio cannot read, and "
                "why. They are left as they are; delete or replace them."
            )
        )
        self.details = QTextBrowser()
        self.details.setOpenExternalLinks(False)

        buttons = QHBoxLayout()
        for button in (self.load_button, self.rename_button, self.delete_button, self.export_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.delete_diverged_button)
        buttons.addWidget(self.import_button)
        message_row = QHBoxLayout()
        message_row.addWidget(self.message, 1)
        message_row.addWidget(self.go_button)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.filters)
        top_layout.addWidget(self.table, 1)
        top_layout.addLayout(buttons)
        self.run_actions = RunActions(self)  # Open run, Continue training…, Compare…, Export history
        top_layout.addWidget(self.run_actions.bar)
        top_layout.addLayout(message_row)
        top_layout.addWidget(self.unreadable_label)
        top_layout.addWidget(self.unreadable_list)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        self.quality_box = QualityBox()  # the judge's figures of the selected model, "Measure quality"
        self.quality_box.setMaximumWidth(420)
        bottom = QWidget()
        bottom_layout = QHBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(self.details, 3)
        bottom_layout.addWidget(self.quality_box, 2)
        splitter.addWidget(bottom)
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
        button.clicked.connect(lambda _checked=False: slot())  # clicked(bool) must not become an argument
        return button

    # -- the table ---------------------------------------------------------------------------------
    def refresh_table(self) -> None:
        selected = self.selected_entry()
        entries = sorted(self.library.entries(), key=display_order)
        self.table.fill(entries, self.library.current.path if self.library.current else None)
        self._show_unreadable()
        self.filters.fill(entries)
        diverged = self.diverged_entries()
        self.delete_diverged_button.setText(self.tr("Delete diverged runs (%n)…", "", len(diverged)))
        self.delete_diverged_button.setVisible(bool(diverged))
        self._apply_filter()
        if selected is not None:
            self.select_path(selected.path)
        elif entries and not self.table.selectedItems():
            self.select_row(0)
        self._on_selection()

    def _show_unreadable(self) -> None:
        """The files the library could not read, greyed, each with its reason (hidden when there are none)."""
        unreadable = sorted(getattr(self.library, "unreadable", {}).items())
        self.unreadable_list.clear()
        for path, reason in unreadable:
            item = QListWidgetItem(self.tr("{name} — {reason}").format(name=path.name, reason=reason))
            item.setToolTip(plain_tooltip(f"{path}\n{reason}"))
            item.setForeground(self.palette().color(self.palette().ColorGroup.Disabled, self.palette().ColorRole.Text))
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            self.unreadable_list.addItem(item)
        self.unreadable_label.setText(self.tr("Unreadable files (%n), not listed above:", "", len(unreadable)))
        self.unreadable_label.setVisible(bool(unreadable))
        self.unreadable_list.setVisible(bool(unreadable))

    def _apply_filter(self) -> None:
        self.table.apply_filter(self.filters.words(), self.filters.family(), self.filters.dataset())

    def select_path(self, path: str | Path) -> bool:
        return self.table.select_path(path)

    def select_row(self, row: int) -> None:
        self.table.select_row(row)

    def selected_entry(self) -> ModelEntry | None:
        path = self.table.selected_path()
        return self.library.entry_for(path) if path else None

    def _on_selection(self) -> None:
        entry = self.selected_entry()
        for button in (self.load_button, self.export_button):
            button.setEnabled(entry is not None)
        editable = entry is not None and not entry.shipped
        self.rename_button.setEnabled(editable)
        self.delete_button.setEnabled(editable)
        tip = self.tr("Shipped models are read-only: export a copy to rename it.") if entry and entry.shipped else ""
        self.rename_button.setToolTip(tip or self.tr("Change the name of one of your models (F2)."))
        self.quality_box.set_entry(entry)
        self.details.setHtml(details_html(entry) if entry else self.tr("<i>Select a model to see how it was made.</i>"))

    def diverged_entries(self) -> list[ModelEntry]:
        """The user's runs that diverged (shipped models never did)."""
        return [e for e in self.library.entries() if not e.shipped and is_diverged(e)]

    def delete_diverged(self, confirm: bool = True) -> int:
        """Delete every diverged run of the user's, after asking; the number deleted."""
        doomed = self.diverged_entries()
        if not doomed:
            return 0
        if confirm:
            names = "\n".join(e.name for e in doomed)
            answer = plain_message(
                self,
                QMessageBox.Icon.Question,
                self.tr("Delete the diverged runs"),
                self.tr(
                    "Delete these %n run(s)? Their loss became infinite or NaN, so they only draw noise.",
                    "",
                    len(doomed),
                )
                + "\n\n"
                + names
                + "\n\n"
                + self.tr("This cannot be undone."),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return 0
        deleted = 0
        for entry in doomed:
            try:
                self.library.delete(entry)
                deleted += 1
            except CheckpointError as exc:
                self._say(self.tr("Could not delete: {reason}").format(reason=exc), True)
        if deleted:
            self._say(self.tr("Deleted %n diverged run(s).", "", deleted))
        return deleted

    def shutdown(self) -> bool:
        """Cancel a quality measurement and join its thread (the window is closing)."""
        return self.quality_box.shutdown()

    def data_text(self, title: str, data: dict) -> str:
        """Where a run's images came from, in the user's words (:func:`desktop.pages.models.details.data_text`)."""
        return data_text(title, data)

    def _say(self, text: str, error: bool = False) -> None:
        self.go_button.hide()  # only Load shows it, after saying where the model went
        self.message.setText(("⚠ " if error else "") + text)
        self.message.setStyleSheet("color: #a33;" if error else "")
        self.context.show_status(text, 6000)

    # -- the commands (desktop.pages.models.actions) ---------------------------------------------------
    def load_selected(self) -> None:
        self.actions.load_selected()

    def rename_selected(self, name: str | None = None) -> bool:
        return self.actions.rename_selected(name)

    def delete_selected(self, confirm: bool = True) -> bool:
        return self.actions.delete_selected(confirm)

    def export_selected(self, target: str | Path | None = None) -> Path | None:
        return self.actions.export_selected(target)

    def import_dialog(self) -> None:
        self.actions.import_dialog()

    def import_file(self, path: str | Path) -> ModelEntry | None:
        return self.actions.import_file(path)
