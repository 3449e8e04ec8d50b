"""The Models page: every checkpoint, shipped or trained by the user, and what can be done with it.

Shipped models are read-only (they live in the app's own folder and a test
checks them against their manifest); the user's can be renamed and deleted.
Any model can be exported as a copy, and a checkpoint file can be imported —
after full validation, so a damaged file, a foreign safetensors file or a
pickle (which could run code) is refused with the reason.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QItemSelectionModel, QLocale, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
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
from desktop.pages.run_actions import RunActions
from desktop.pages.run_story import epochs_text, is_diverged, outcome, outcome_text, story_sentence
from desktop.plain_text import escaped, plain_message, plain_tooltip
from desktop.widgets.quality_box import QualityBox
from engine.checkpoint import SUFFIX, CheckpointError
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
WORDS = {  # the words of the details and metric cells for the checkpoints' keys (translated where shown)
    "loss": QT_TRANSLATE_NOOP("ModelsPage", "loss"),
    "bce": "BCE",
    "rounded_accuracy": QT_TRANSLATE_NOOP("ModelsPage", "rounded accuracy"),
    "epochs": QT_TRANSLATE_NOOP("ModelsPage", "epochs"),
    "batch_size": QT_TRANSLATE_NOOP("ModelsPage", "batch size"),
    "lr": QT_TRANSLATE_NOOP("ModelsPage", "learning rate"),
    "optimizer": QT_TRANSLATE_NOOP("ModelsPage", "optimizer"),
    "seed": QT_TRANSLATE_NOOP("ModelsPage", "seed"),
    "d_real": "D(x)",
    "d_fake": "D(G(z))",
    "loss_d": "Loss_D",
    "loss_g": "Loss_G",
}


def word(key: str) -> str:
    """A checkpoint key in the user's words ("batch_size" → "batch size"); unknown keys spelt out."""
    return QCoreApplication.translate("ModelsPage", WORDS[key]) if key in WORDS else key.replace("_", " ")


def file_filter() -> str:
    return QCoreApplication.translate("ModelsPage", "Latent Studio models (*.safetensors);;All files (*)")


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


def family_text(key: str) -> str:
    """ "vae — Variational autoencoder: …", from the family's record (just the key if none is registered)."""
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
    """One metric in words: "loss 0.2880", "25,040 images/s", "trained in 9.4 s" (the user's number format)."""
    locale = QLocale()
    if key == "samples_per_s" and isinstance(value, (int, float)):
        return QCoreApplication.translate("ModelsPage", "{speed} images/s").format(speed=locale.toString(round(value)))
    if key == "elapsed_s" and isinstance(value, (int, float)):
        seconds = locale.toString(float(value), "f", 1)
        return QCoreApplication.translate("ModelsPage", "trained in {seconds} s").format(seconds=seconds)
    text = locale.toString(value, "g", 4) if isinstance(value, float) else str(value)
    return f"{word(key)} {text}"


def model_destinations(entry: ModelEntry) -> tuple[str, ...]:
    """The pages where *Load* makes ``entry`` the current model: the Generate page for generators,
    the Draw page's highlighted tile and the Latent space page's map for autoencoders (a VAE: all three)."""
    places = ("generate",) if entry.is_generator else ()
    return places + (("draw", "latent") if entry.is_autoencoder else ())


class ModelsPage(QWidget, PageDefaults):
    show_page_requested = Signal(str)  # the key of a page the user asked to see ("Go to the Generate page")

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
        self.filter_edit.setPlaceholderText(self.tr("Filter: name, family or dataset…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self._apply_filter)
        self.family_filter, self.dataset_filter = QComboBox(), QComboBox()
        self.family_filter.setToolTip(self.tr("Show only the models of one family."))
        self.dataset_filter.setToolTip(self.tr("Show only the models trained on one dataset."))
        for combo in (self.family_filter, self.dataset_filter):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.currentIndexChanged.connect(self._apply_filter)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)  # several: Compare…
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # the library's order
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
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
        filters = QHBoxLayout()
        filters.addWidget(self.filter_edit, 1)
        filters.addWidget(self.family_filter)
        filters.addWidget(self.dataset_filter)
        message_row = QHBoxLayout()
        message_row.addWidget(self.message, 1)
        message_row.addWidget(self.go_button)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addLayout(filters)
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
                SortKeyItem(epochs_text(entry), entry.epochs or 0),
                SortKeyItem(metric_summary(entry), entry.final("loss") or entry.final("d_fake") or 0.0),
                SortKeyItem(created_text(entry), stamp),
                SortKeyItem(self.tr("{size} MB").format(size=QLocale().toString(size / 1e6, "f", 2)), size),
                QTableWidgetItem(self.tr("shipped (read-only)") if entry.shipped else self.tr("yours")),
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
            for col, item in enumerate(cells):
                self.table.setItem(row, col, item)
        self.table.setSortingEnabled(True)
        self._show_unreadable()
        self._fill_filters(entries)
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

    def _fill_filters(self, entries: list[ModelEntry]) -> None:
        """The family and dataset combos list what the library holds (the choice survives a refresh)."""
        from engine.data import dataset_title

        families = sorted({e.family for e in entries}, key=lambda k: (find_family(k) is None, k))
        datasets = sorted({e.dataset for e in entries}, key=lambda d: (d != "mnist", d))
        for combo, everything, keys, title in (
            (
                self.family_filter,
                self.tr("All families"),
                families,
                lambda k: _(find_family(k).short_title) if find_family(k) else k,
            ),
            (self.dataset_filter, self.tr("All datasets"), datasets, dataset_title),
        ):
            wanted = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everything, None)
            for key in keys:
                combo.addItem(title(key), key)
            combo.setCurrentIndex(max(combo.findData(wanted), 0) if wanted else 0)
            combo.blockSignals(False)

    def _apply_filter(self) -> None:
        words = self.filter_edit.text().lower().split()
        family, dataset = self.family_filter.currentData(), self.dataset_filter.currentData()
        for row in range(self.table.rowCount()):
            text = " ".join(self.table.item(row, c).text().lower() for c in range(3))
            shown = all(w in text for w in words)
            shown = shown and family in (None, self.table.item(row, 1).data(Qt.ItemDataRole.UserRole))
            shown = shown and dataset in (None, self.table.item(row, 2).data(Qt.ItemDataRole.UserRole))
            self.table.setRowHidden(row, not shown)

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

    def select_path(self, path: str | Path) -> bool:
        target = str(Path(path).resolve())
        for row in range(self.table.rowCount()):
            if self.table.item(row, 0).data(Qt.ItemDataRole.UserRole) == target:
                self.select_row(row)
                return True
        return False

    def select_row(self, row: int) -> None:
        """Select exactly ``row`` (``QTableView.selectRow`` would add to the selection, or toggle it,
        when Qt believes Ctrl or Shift is held — as it may after a shortcut)."""
        index = self.table.model().index(row, 0)
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.table.selectionModel().setCurrentIndex(index, flags)

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
        tip = self.tr("Shipped models are read-only: export a copy to rename it.") if entry and entry.shipped else ""
        self.rename_button.setToolTip(tip or self.tr("Change the name of one of your models (F2)."))
        self.quality_box.set_entry(entry)
        self.details.setHtml(
            self._details_html(entry) if entry else self.tr("<i>Select a model to see how it was made.</i>")
        )

    def shutdown(self) -> bool:
        """Cancel a quality measurement and join its thread (the window is closing)."""
        return self.quality_box.shutdown()

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
        family = find_family(entry.family)

        def setting(key: str, value) -> str:
            option = family.option(key) if family is not None else None
            label = _(option.label) if option is not None else word(key)
            return f"{label} {QLocale().toString(value, 'g', 6) if isinstance(value, float) else value}"

        rows = [
            (self.tr("Story"), story_sentence(entry)),
            (self.tr("Family"), family_text(entry.family)),
            (self.tr("Data"), self.data_text(entry.dataset_label, data)),
            (
                self.tr("Training"),
                ", ".join(
                    setting(k, train[k]) for k in ("epochs", "batch_size", "lr", "optimizer", "seed") if k in train
                ),
            ),
            (
                self.tr("Model"),
                ", ".join(setting(k, v) for k, v in relevant_settings(model_config).items())
                or self.tr("the lecture's architecture, no options"),
            ),
            (
                self.tr("Metrics"),
                ", ".join(metric_text(k, v) for k, v in entry.metrics.items()),
            ),
            (self.tr("File"), str(entry.path)),
        ]
        body = "".join(f"<tr><td><b>{k}</b></td><td>{escaped(v)}</td></tr>" for k, v in rows)
        return f"<h3>{escaped(entry.name)}</h3><table cellspacing='4'>{body}</table>"

    def data_text(self, title: str, data: dict) -> str:
        """Where a run's images came from, in the user's words: the checkpoint records it in English."""
        from engine.data.dataset import HEADINGS

        kind, train, val = data.get("source_kind"), data.get("train_size"), data.get("val_size")
        if kind in HEADINGS and isinstance(train, int) and isinstance(val, int):
            return self.tr("{dataset}, {source}: {train} training and {val} validation images").format(
                dataset=title, source=_(HEADINGS[kind]), train=QLocale().toString(train), val=QLocale().toString(val)
            )
        return f"{title}, {data.get('source', '?')}"

    def _say(self, text: str, error: bool = False) -> None:
        self.go_button.hide()  # only Load shows it, after saying where the model went
        self.message.setText(("⚠ " if error else "") + text)
        self.message.setStyleSheet("color: #a33;" if error else "")
        self.context.show_status(text, 6000)

    # -- actions ---------------------------------------------------------------------------------------
    def load_selected(self) -> None:
        entry = self.selected_entry()
        if entry is None:
            return
        self.library.set_current(entry)  # the window makes it current on its pages (model_destinations)
        self.library.load_in_background([entry.path])
        places = model_destinations(entry)
        titles = {
            "generate": self.tr("the Generate page"),
            "draw": self.tr("the Draw page (highlighted)"),
            "latent": self.tr("the Latent space page's map"),
        }
        if places:
            where = ", ".join(titles[p] for p in places)
            self._say(self.tr("{name} is now the current model on {where}.").format(name=entry.name, where=where))
            go = {
                "generate": self.tr("Go to the Generate page →"),
                "draw": self.tr("Go to the Draw page →"),
                "latent": self.tr("Go to the Latent space page →"),
            }
            self.go_button.setText(go[places[0]])
            self.go_button.setToolTip(
                plain_tooltip(self.tr("Show the page where {name} now is.").format(name=entry.name))
            )
            self.go_button.setProperty("page", places[0])
        else:
            self._say(self.tr("{name} is now the current model.").format(name=entry.name))
        self.go_button.setVisible(bool(places))

    def rename_selected(self, name: str | None = None) -> bool:
        entry = self.selected_entry()
        if entry is None:
            return False
        if entry.shipped:
            self._say(
                self.tr("{name} ships with the app and is read-only; export a copy to rename it.").format(
                    name=entry.name
                ),
                True,
            )
            return False
        if name is None:
            name, ok = QInputDialog.getText(self, self.tr("Rename the model"), self.tr("New name:"), text=entry.name)
            if not ok:
                return False
        try:
            renamed = self.library.rename(entry, name)
        except CheckpointError as exc:
            self._say(self.tr("Could not rename: {reason}").format(reason=exc), True)
            return False
        self.select_path(renamed.path)
        self._say(self.tr("Renamed to {name}.").format(name=renamed.name))
        return True

    def delete_selected(self, confirm: bool = True) -> bool:
        entry = self.selected_entry()
        if entry is None:
            return False
        if entry.shipped:
            self._say(self.tr("{name} ships with the app and cannot be deleted.").format(name=entry.name), True)
            return False
        if confirm:
            answer = plain_message(
                self,
                QMessageBox.Icon.Question,
                self.tr("Delete the model"),
                self.tr("Delete {name}?\n{path}\n\nThis cannot be undone.").format(name=entry.name, path=entry.path),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return False
        try:
            self.library.delete(entry)
        except CheckpointError as exc:
            self._say(self.tr("Could not delete: {reason}").format(reason=exc), True)
            return False
        self._say(self.tr("Deleted {name}.").format(name=entry.name))
        return True

    def export_selected(self, target: str | Path | None = None) -> Path | None:
        entry = self.selected_entry()
        if entry is None:
            return None
        if target is None:
            folder = Path(str(self.settings.value("models/export_folder", str(Path.home()))))
            chosen, _filter = QFileDialog.getSaveFileName(
                self, self.tr("Export a copy"), str(folder / entry.path.name), file_filter()
            )
            if not chosen:
                return None
            target = chosen
        try:
            written = self.library.export(entry, target)
        except CheckpointError as exc:
            self._say(self.tr("Could not export: {reason}").format(reason=exc), True)
            return None
        self.settings.setValue("models/export_folder", str(written.parent))
        self._say(self.tr("Exported a copy of {name} to {path}.").format(name=entry.name, path=written))
        return written

    def import_dialog(self) -> None:
        folder = str(self.settings.value("models/import_folder", str(Path.home())))
        path, _filter = QFileDialog.getOpenFileName(self, self.tr("Import a model"), folder, file_filter())
        if path:
            self.settings.setValue("models/import_folder", str(Path(path).parent))
            self.import_file(path)

    def import_file(self, path: str | Path) -> ModelEntry | None:
        """Validate and add a checkpoint; a bad one is refused with the reason and changes nothing."""
        if not str(path).endswith(SUFFIX) and Path(path).suffix.lower() in (".pt", ".pth", ".pkl", ".ckpt", ".h5"):
            self._say(
                self.tr(
                    "Refused {name}: Latent Studio only opens .safetensors checkpoints, never pickle or "
                    "framework files (they can run code when loaded)."
                ).format(name=Path(path).name),
                True,
            )
            return None
        try:
            entry = self.library.import_file(path)
        except (CheckpointError, OSError) as exc:
            self._say(
                self.tr("Refused {name}: {reason}").format(
                    name=Path(path).name, reason=getattr(exc, "strerror", None) or exc
                ),
                True,
            )
            return None
        self.select_path(entry.path)
        self._say(
            self.tr("Imported {name} ({family}, {dataset}) into your models.").format(
                name=entry.name, family=entry.family, dataset=entry.dataset_label
            )
        )
        return entry
