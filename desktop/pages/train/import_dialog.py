"""Import a folder of pictures for training: see what the model will see before training on it.

The folder is read on a task thread (:mod:`desktop.tasks`): every picture goes
through :func:`engine.data.image_folder.read_folder` with the recipe chosen
here — the Draw page's MNIST recipe, or a plain resize for pictures that are
not digits — and the dialog shows the converted pictures as a grid, how many
each class kept, and how many files were skipped and why. Nothing is copied:
the run reads the folder again with the same recipe.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.tasks import TaskRunner
from desktop.widgets.image_grid import ImageGrid
from engine.data import DataConfig
from engine.data.image_folder import UNLABELLED, FolderImport, read_folder
from engine.i18n import _

PREVIEW_COUNT = 48  # pictures in the grid, spread over the classes
MAX_LISTED_SKIPS = 200


def read_for_preview(state, folder: str, recipe: str) -> FolderImport:
    """On the task thread: read and convert every picture, reporting progress."""
    return read_folder(
        folder, recipe, progress=lambda done, total: state.set_progress(done / max(total, 1)), cancel=state.is_cancelled
    )


def preview_spread(imported: FolderImport, count: int = PREVIEW_COUNT):
    """Up to ``count`` converted pictures taken evenly across the folder (so across the classes)."""
    n = len(imported.labels)
    if n <= count:
        return imported.images
    step = n / count
    return imported.images[[int(i * step) for i in range(count)]]


class ImportPicturesDialog(QDialog):
    """Choose the recipe, look at the result, then use the folder (``data_config()``) or cancel."""

    def __init__(self, folder: str | Path, parent: QWidget | None = None, recipe: str = "mnist") -> None:
        super().__init__(parent)
        self.folder = str(Path(folder).expanduser())
        self.imported: FolderImport | None = None
        self.setWindowTitle(self.tr("Import a folder of pictures"))
        self.setMinimumSize(560, 480)
        self._task = TaskRunner("picture-import", parent=self)
        self._task.progress.connect(self._on_progress)
        self._task.result.connect(self._on_result)
        self._task.error.connect(self._on_error)

        heading = QLabel(self.tr("<b>{folder}</b>").format(folder=self.folder))
        heading.setWordWrap(True)
        heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.mnist_button = QRadioButton(self.tr("MNIST recipe"))
        self.mnist_button.setToolTip(
            self.tr(
                "What the Draw page does to a drawing: inverted if dark on light, "
                "cropped to the ink, fitted into 20×20 and centred by mass in 28×28. "
                "Best for digits or single objects on a plain background."
            )
        )
        self.resize_button = QRadioButton(self.tr("Plain resize"))
        self.resize_button.setToolTip(
            self.tr(
                "The whole picture shrunk into 28×28 grey levels, aspect kept, "
                "nothing inverted or cropped. For photos and anything that is not a "
                "drawing."
            )
        )
        self._recipes = QButtonGroup(self)
        self._recipes.addButton(self.mnist_button)
        self._recipes.addButton(self.resize_button)
        (self.resize_button if recipe == "resize" else self.mnist_button).setChecked(True)
        self._recipes.buttonToggled.connect(self._on_recipe_toggled)
        recipe_row = QHBoxLayout()
        recipe_row.addWidget(QLabel(self.tr("Convert with:")))
        recipe_row.addWidget(self.mnist_button)
        recipe_row.addWidget(self.resize_button)
        recipe_row.addStretch(1)

        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setToolTip(self.tr("Reading and converting every picture of the folder."))
        self.grid = ImageGrid(columns=12)
        self.grid.setMinimumHeight(200)
        self.grid.setToolTip(self.tr("A sample of the pictures as the model will see them: 28×28 grey levels."))
        self.counts_label = QLabel()
        self.counts_label.setWordWrap(True)
        self.counts_label.setToolTip(
            self.tr(
                "How many pictures each class keeps (one class per sub-folder; a flat "
                "folder is one class, “unlabelled”)."
            )
        )
        self.skipped_list = QPlainTextEdit()
        self.skipped_list.setReadOnly(True)
        self.skipped_list.setMaximumHeight(90)
        self.skipped_list.setToolTip(
            self.tr("Files that could not be used, each with the reason; they are left out of training.")
        )
        self.skipped_list.hide()

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.use_button = self.buttons.addButton(self.tr("Use these pictures"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.use_button.setToolTip(self.tr("Make this folder the training data (the Source box lists it)."))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(recipe_row)
        layout.addWidget(self.progress)
        layout.addWidget(self.grid, 1)
        layout.addWidget(self.counts_label)
        layout.addWidget(self.skipped_list)
        layout.addWidget(self.buttons)
        self._read()

    # -- reading ---------------------------------------------------------------------
    @property
    def recipe(self) -> str:
        return "resize" if self.resize_button.isChecked() else "mnist"

    def _on_recipe_toggled(self, _button, checked: bool) -> None:
        if checked:
            self._read()

    def _read(self) -> None:
        self.imported = None
        self.use_button.setEnabled(False)
        self.progress.setValue(0)
        self.progress.show()
        self.grid.clear(self.tr("Reading the pictures…"))
        self.counts_label.setText(self.tr("Reading the pictures…"))
        self.skipped_list.hide()
        self._task.start(read_for_preview, self.folder, self.recipe)

    def _on_progress(self, fraction: float) -> None:
        self.progress.setValue(round(100 * fraction))

    def _on_error(self, message: str) -> None:
        self.progress.hide()
        reason = message.split(": ", 1)[-1]
        self.grid.clear(self.tr("No pictures to show."))
        self.counts_label.setText(self.tr("<b>This folder cannot be used.</b> {reason}").format(reason=reason))

    def _on_result(self, imported: FolderImport) -> None:
        self.imported = imported
        self.progress.hide()
        kept = len(imported.labels)
        if kept:
            self.grid.set_images(preview_spread(imported))
        else:
            self.grid.clear(self.tr("None of the pictures could be used."))
        self.counts_label.setText(self.counts_text(imported))
        if imported.skipped:
            lines = [f"{name}: {reason}" for name, reason in imported.skipped[:MAX_LISTED_SKIPS]]
            if len(imported.skipped) > MAX_LISTED_SKIPS:
                lines.append(self.tr("… and %n more", "", len(imported.skipped) - MAX_LISTED_SKIPS))
            self.skipped_list.setPlainText("\n".join(lines))
            self.skipped_list.show()
        self.use_button.setEnabled(kept >= 2)

    def counts_text(self, imported: FolderImport) -> str:
        locale = QLocale()
        kept = len(imported.labels)
        counts = imported.counts()
        if imported.layout.labelled:
            classes = ", ".join(
                self.tr("{name}: {count}").format(name=name, count=locale.toString(count))
                for name, count in counts.items()
            )
            text = self.tr("<b>%n picture(s) kept</b> in {classes} classes ({counts}).", "", kept).format(
                classes=len(counts), counts=classes
            )
        else:
            text = self.tr(
                "<b>%n picture(s) kept</b>, without classes: every picture is “{name}” (fine for "
                "autoencoders and GANs; the latent map colours them all alike).",
                "",
                kept,
            ).format(name=_(UNLABELLED))
        if imported.skipped:
            reasons = "; ".join(f"{reason} ({count})" for reason, count in imported.skipped_reasons().items())
            text += " " + self.tr("%n file(s) skipped: {reasons}.", "", len(imported.skipped)).format(reasons=reasons)
        if imported.layout.over_limit:
            text += " " + self.tr("%n picture(s) beyond the limit were left out.", "", imported.layout.over_limit)
        return text

    # -- the result --------------------------------------------------------------------
    def data_config(self) -> DataConfig:
        return DataConfig.from_images(self.folder, self.recipe)

    def done(self, result: int) -> None:  # noqa: D102 (Qt's: the dialog closes however it closes)
        self._task.cancel()
        self._task.shutdown()  # the reading stops at its next picture (cancelled), then its thread is joined
        super().done(result)


def describe_source(config: DataConfig) -> str:
    """The Source box's label for a folder of pictures."""
    recipe = (
        QCoreApplication.translate("ImportPicturesDialog", "MNIST recipe")
        if config.recipe == "mnist"
        else QCoreApplication.translate("ImportPicturesDialog", "plain resize")
    )
    return QCoreApplication.translate("ImportPicturesDialog", "Pictures — {folder} ({recipe})").format(
        folder=config.location, recipe=recipe
    )
