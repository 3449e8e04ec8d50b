"""The Train page's Data box: which dataset, from which source, and importing a folder as a new source.

The sources are those found on this machine (``engine.data.find_sources``): the
subset shipped with the app, a full copy (a system package or a download), an
imported folder of IDX files, and folders of the user's own pictures
(:mod:`desktop.pages.train.picture_sources`), each a dataset of its own.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGroupBox,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.pages.train import picture_sources
from desktop.pages.train.form_inputs import combo_box, select_data
from desktop.pages.train.import_dialog import describe_source
from desktop.pages.train.wrapping_form import WrappingForm
from engine.data import DATASET_NAMES, DataConfig, DatasetError, find_sources, import_folder

DATASET_TITLES = {  # translated where shown
    "mnist": QT_TRANSLATE_NOOP("DataBox", "MNIST (handwritten digits)"),
    "fashion-mnist": QT_TRANSLATE_NOOP("DataBox", "Fashion-MNIST (clothes)"),
}


def dataset_title(name: str) -> str:
    return QCoreApplication.translate("DataBox", DATASET_TITLES[name])


def source_key(config: DataConfig) -> str:
    """How a data choice is remembered between sessions: its kind and folder, never its label."""
    return f"{config.source_kind}:{config.location or ''}"


class DataBox(QGroupBox):
    """The dataset and its source; remembers imported folders in the settings."""

    message = Signal(str)  # for the page's log / status bar

    def __init__(self, settings: QSettings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Data"))
        self._settings = settings
        form = WrappingForm(self)  # narrow: each label above its field
        self.dataset_combo = combo_box(
            {key: dataset_title(key) for key in DATASET_TITLES},
            self.tr("The images to learn from: 28×28 grey digits or clothes."),
        )
        self.dataset_combo.currentIndexChanged.connect(self._refresh_sources)
        self.source_combo = QComboBox()
        self.source_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.source_combo.setMinimumContentsLength(16)
        self.source_combo.setToolTip(
            self.tr(
                "Where the images come from: the small subset shipped with the app (fast, "
                "offline), the full 60,000-image dataset, or a folder you imported."
            )
        )
        self.import_button = QPushButton(self.tr("Import folder…"))
        self.import_button.setToolTip(
            self.tr(
                "Use a folder that holds the four IDX files (train/t10k images and "
                "labels, .gz or not), e.g. a copy downloaded on another computer; or a "
                "folder of your own pictures, one sub-folder per class or all "
                "together (you see them converted before training)."
            )
        )
        self.import_button.clicked.connect(self._ask_import_folder)
        source_field = QVBoxLayout()  # the button under the combo: the long source names get the width
        source_field.setSpacing(4)
        source_field.addWidget(self.source_combo)
        source_field.addWidget(self.import_button, 0, Qt.AlignmentFlag.AlignLeft)
        form.add_row(self.tr("Dataset"), self.dataset_combo)
        form.add_row(self.tr("Source"), source_field)

    @property
    def dataset(self) -> str:
        return self.dataset_combo.currentData()

    def select(self, dataset: str, source: str | None) -> None:
        """The remembered choice: ``dataset`` and the :func:`source_key` ``source``."""
        self.dataset_combo.blockSignals(True)
        select_data(self.dataset_combo, dataset if dataset in DATASET_NAMES else "fashion-mnist")
        self.dataset_combo.blockSignals(False)
        self.refresh_sources(prefer=source)

    def data_config(self) -> DataConfig:
        """The data the run will train on, as chosen in the Source box."""
        return self.source_combo.currentData()

    # -- the sources on this machine ---------------------------------------------------------
    def _imported_dir(self, name: str) -> str | None:
        if self._settings is None:
            return None
        value = self._settings.value(f"train/imported_dir/{name}", "")
        return str(value) or None

    def _refresh_sources(self, *_args) -> None:
        self.refresh_sources()

    def refresh_sources(self, prefer: str | None = None) -> None:
        """List the sources on this machine; ``prefer`` is a :func:`source_key` to select."""
        name = self.dataset
        imported = self._imported_dir(name)
        previous = prefer or (source_key(self.source_combo.currentData()) if self.source_combo.count() else None)
        self.source_combo.clear()
        has_full = False
        for info in find_sources(name, imported):
            if info.kind == "embedded":
                config = DataConfig(name, "embedded", allow_download=False)
                label = info.shown_heading().capitalize()
            else:
                config = DataConfig(name, "folder", location=info.location, allow_download=False)
                if info.kind == "imported":
                    label = self.tr("Imported folder — {0}").format(info.location)
                else:
                    has_full = True
                    label = self.tr("Full dataset — {0}").format(info.shown_describe())
            self.source_combo.addItem(label, config)
        if not has_full:
            config = DataConfig(name, "full", allow_download=True)
            self.source_combo.addItem(
                self.tr("Full dataset — download from the official mirror (needs internet)"), config
            )
        for config in picture_sources.remembered(self._settings):  # folders of pictures: datasets of their own
            self.source_combo.addItem(describe_source(config), config)
        for i in range(self.source_combo.count()):
            # the whole name in the list's tooltip: a narrow combo shows the start of a long folder's
            self.source_combo.setItemData(i, self.source_combo.itemText(i), Qt.ItemDataRole.ToolTipRole)
        for i in range(self.source_combo.count()):
            if source_key(self.source_combo.itemData(i)) == previous:
                self.source_combo.setCurrentIndex(i)
                break

    # -- importing -----------------------------------------------------------------------------
    def _ask_import_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Folder with the {dataset} IDX files").format(dataset=dataset_title(self.dataset))
        )
        if folder and picture_sources.is_picture_folder(folder):
            config = picture_sources.ask_pictures(self, folder, self._settings)  # the preview, then remembered
            if config is not None:
                self.use_pictures(config)
        elif folder:
            error = self.import_folder(folder)
            if error:
                QMessageBox.warning(self, self.tr("Cannot use this folder"), error)

    def import_folder(self, folder: str) -> str | None:
        """Check ``folder`` and make it the source; returns None, or why it cannot be used."""
        name = self.dataset
        try:
            info = import_folder(name, folder)
        except DatasetError as exc:
            return self.tr("This folder does not hold a readable copy of {dataset}:\n\n{reason}").format(
                dataset=dataset_title(name), reason=exc
            )
        if self._settings is not None:
            self._settings.setValue(f"train/imported_dir/{name}", info.location)
        self.refresh_sources(prefer=source_key(DataConfig(name, "folder", location=info.location)))
        self.message.emit(
            self.tr("Imported {dataset} from {folder}.").format(dataset=dataset_title(name), folder=info.location)
        )
        return None

    def use_pictures(self, config: DataConfig) -> None:
        """Make an imported folder of pictures the source (it stays listed in the Source box)."""
        picture_sources.remember(self._settings, config)
        self.refresh_sources(prefer=source_key(config))
        self.message.emit(self.tr("Training data: the pictures of {folder}.").format(folder=config.location))

    def save(self, settings: QSettings) -> None:
        settings.setValue("train/dataset", self.dataset)
        if self.source_combo.count():
            settings.setValue("train/source", source_key(self.data_config()))
