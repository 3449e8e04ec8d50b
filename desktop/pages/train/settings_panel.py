"""The left side of the Train page: what to train, on what data, how, and where.

The families, their titles and the rows of settings that shape each model come
from the family records (``engine.models.families``): a registered family
appears here with its own options. Changing the family resets every
hyperparameter to the lecture's default for that family
(``engine.models.default_model_config`` and
``engine.train.default_train_config``), so the defaults a student sees are the
ones the lecture's Keras code uses.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QT_TRANSLATE_NOOP, QLocale, QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.pages.train import picture_sources
from desktop.pages.train.form_inputs import (
    combo_box,
    double_box,
    option_widget,
    select_data,
    set_widget_value,
    spin_box,
    widget_value,
)
from desktop.pages.train.import_dialog import describe_source
from engine.data import DATASET_NAMES, DataConfig, DatasetError, find_sources, import_folder
from engine.device import available_devices
from engine.i18n import _
from engine.models import (
    build_model,
    default_model_config,
    describe_layers,
    families,
    family_keys,
    get_family,
    keras_parameter_count,
)
from engine.models.families import all_options
from engine.train import default_train_config
from engine.train.augment import DEFAULT_AUGMENTATION

FAST_COMPILED = "auto+compile"  # the device box's compiled fast path

DATASET_TITLES = {  # translated where shown
    "mnist": QT_TRANSLATE_NOOP("SettingsPanel", "MNIST (handwritten digits)"),
    "fashion-mnist": QT_TRANSLATE_NOOP("SettingsPanel", "Fashion-MNIST (clothes)"),
}
OPTIMIZER_TITLES = {"sgd": "SGD", "rmsprop": "RMSprop", "adam": "Adam"}


def source_key(config: DataConfig) -> str:
    """How a data choice is remembered between sessions: its kind and folder, never its label."""
    return f"{config.source_kind}:{config.location or ''}"


class SettingsPanel(QWidget):
    """Family, layer table, data, hyperparameters and device; builds the engine's configs."""

    family_changed = Signal(str)
    message = Signal(str)  # for the page's log / status bar

    def __init__(self, settings: QSettings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._build_model_box())
        layout.addWidget(self._build_data_box())
        layout.addWidget(self._build_hyper_box())
        layout.addWidget(self._build_device_box())
        layout.addStretch(1)
        self._restore()

    # -- building ------------------------------------------------------------------
    def _build_model_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Model"))
        layout = QVBoxLayout(box)
        self.family_combo = combo_box(
            {f.key: _(f.title) for f in families()},
            self.tr(
                "Which of the lecture's models to train. Changing it resets the "
                "hyperparameters below to the lecture's defaults for that "
                "model."
            ),
        )
        self.family_combo.currentIndexChanged.connect(self._on_family_changed)
        self.description = QLabel()
        self.description.setWordWrap(True)
        self.description.setToolTip(self.tr("What this model does, and the lecture's training settings for it."))
        self.layer_table = QTableWidget(0, 4)
        self.layer_table.setHorizontalHeaderLabels(
            [self.tr("Layer"), self.tr("Details"), self.tr("Output"), self.tr("Params")]
        )
        self.layer_table.verticalHeader().hide()
        self.layer_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.layer_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.layer_table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.layer_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.layer_table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.layer_table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.layer_table.setMinimumHeight(140)
        self.layer_table.setToolTip(self.tr("The model's layers, as the lecture's Keras summary lists them."))
        self.param_label = QLabel()
        self.param_label.setToolTip(self.tr("Trainable parameters, counted as Keras' model.summary() counts them."))
        layout.addWidget(self.family_combo)
        layout.addWidget(self.description)
        layout.addWidget(self.layer_table, 1)
        layout.addWidget(self.param_label)
        return box

    def _build_data_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Data"))
        form = QFormLayout(box)
        self.dataset_combo = combo_box(
            {key: self.tr(title) for key, title in DATASET_TITLES.items()},
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
        source_row = QHBoxLayout()
        source_row.addWidget(self.source_combo, 1)
        source_row.addWidget(self.import_button)
        form.addRow(self.tr("Dataset"), self.dataset_combo)
        form.addRow(self.tr("Source"), source_row)
        return box

    def _build_hyper_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Hyperparameters (the lecture's defaults)"))
        form = self.hyper_form = QFormLayout(box)
        self.epochs = spin_box(1, 1000, self.tr("Passes over the whole training set."))
        self.batch_size = spin_box(1, 4096, self.tr("Images per training step."))
        self.lr = double_box(
            1e-5,
            999.0,
            5,
            0.1,
            self.tr(
                "Learning rate: the size of each step down the loss. Too "
                "large and training diverges; too small and it crawls."
            ),
        )
        self.optimizer = combo_box(
            OPTIMIZER_TITLES, self.tr("How the gradients update the weights (Keras' SGD, RMSprop, Adam).")
        )
        self.seed = spin_box(
            0,
            2**31 - 1,
            self.tr("Seeds the weights, the shuffling and the noise: the same seed on the CPU gives the same run."),
        )
        self.max_steps = spin_box(
            0,
            100_000,
            self.tr("Stop each epoch after this many steps (0 = the whole training set). Handy for a quick look."),
            step=50,
        )
        self.max_steps.setSpecialValueText(self.tr("whole epoch"))
        self.augment = QCheckBox(self.tr("shifts, rotations, scale, stroke width"))
        limits, locale = DEFAULT_AUGMENTATION, QLocale()
        self.augment.setToolTip(
            self.tr(
                "Change each training batch at random, on the fly: every image moved by up to {shift} pixels, "
                "turned by up to {angle}°, resized by up to {scale} % and drawn with a thicker or thinner stroke "
                "(the seed above fixes the draws). The model then reads digits drawn here or rendered from a font "
                "much better, for a slightly higher validation loss. The shipped MNIST models are trained with it on."
            ).format(
                shift=locale.toString(limits.max_shift, "g", 3),
                angle=locale.toString(limits.max_rotation, "g", 3),
                scale=locale.toString(round((limits.max_scale - 1) * 100)),
            )
        )
        for label, widget in (
            (self.tr("Epochs"), self.epochs),
            (self.tr("Batch size"), self.batch_size),
            (self.tr("Learning rate"), self.lr),
            (self.tr("Optimizer"), self.optimizer),
            (self.tr("Seed"), self.seed),
            (self.tr("Steps per epoch"), self.max_steps),
        ):
            form.addRow(label, widget)
        # One row per setting of any registered family; each family shows its own (see reset_defaults).
        self.option_widgets: dict[str, QWidget] = {}
        for option in all_options():
            widget = self.option_widgets[option.name] = option_widget(option)
            signal = widget.currentIndexChanged if isinstance(widget, QComboBox) else widget.valueChanged
            signal.connect(lambda *_args, name=option.name: self._on_option_changed(name))
            form.addRow(_(option.label), widget)
        form.addRow(self.tr("Augment images"), self.augment)  # last: it shapes the data, not the model
        return box

    def _build_device_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Device"))
        form = QFormLayout(box)
        self.device_combo = QComboBox()
        self.device_combo.addItem(self.tr("Automatic (best available)"), "auto")
        self._devices = available_devices()
        cores = os.cpu_count() or 1
        for name, description in self._devices:
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
        gpus = [d for n, d in self._devices if n != "cpu"]
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
        self.device_label = QLabel(self._describe_devices())
        self.device_label.setWordWrap(True)
        self.device_label.setToolTip(self.tr("What this machine offers."))
        form.addRow(self.tr("Train on"), self.device_combo)
        form.addRow(self.tr("CPU threads"), self.threads)
        form.addRow(self.device_label)
        return box

    def _describe_devices(self) -> str:
        gpus = [d for n, d in self._devices if n != "cpu"]
        cores = os.cpu_count() or 1
        found = ", ".join(gpus) if gpus else self.tr("no GPU")
        return self.tr("Detected: {found}; CPU with %n core(s).", "", cores).format(found=found)

    # -- the family and its defaults -------------------------------------------------------
    @property
    def family(self) -> str:
        return self.family_combo.currentData()

    def set_family(self, family: str) -> None:
        if not select_data(self.family_combo, family):
            raise ValueError(f"unknown family {family!r}")
        self._on_family_changed()

    def _on_family_changed(self, *_args) -> None:
        self.reset_defaults()
        self.family_changed.emit(self.family)

    def reset_defaults(self) -> None:
        """The lecture's settings for the current family."""
        family = self.family
        model = default_model_config(family)
        train = default_train_config(family)
        self.epochs.setValue(train.epochs)
        self.batch_size.setValue(train.batch_size)
        self.lr.setValue(train.lr)
        select_data(self.optimizer, train.optimizer)
        self.seed.setValue(train.seed)
        self.max_steps.setValue(train.max_steps_per_epoch)
        self.augment.setChecked(train.augment)
        self.threads.setValue(1)
        record = get_family(family)
        values = model.to_dict()
        for name, widget in self.option_widgets.items():
            option = record.option(name)
            widget.blockSignals(True)
            set_widget_value(widget, values[name])
            widget.blockSignals(False)
            if option is not None:
                widget.setToolTip(_(option.help))
            self.hyper_form.setRowVisible(widget, option is not None)
        opt = OPTIMIZER_TITLES[train.optimizer]
        self.description.setText(
            self.tr(
                "{description}\n\nLecture's settings: {optimizer}, learning rate {lr}, batch {batch}, %n epoch(s).",
                "",
                train.epochs,
            ).format(
                description=_(record.description),
                optimizer=opt,
                lr=QLocale().toString(float(train.lr), "g", 6),
                batch=train.batch_size,
            )
        )
        self._refresh_layers()

    def option_widget(self, name: str) -> QWidget:
        """The input of one model setting (``ModelConfig`` field), e.g. ``"sparsity"``."""
        return self.option_widgets[name]

    def _on_option_changed(self, name: str) -> None:
        """A setting changed: the settings whose default follows it take their new default; the layers follow."""
        record = get_family(self.family)
        values = {o.name: widget_value(self.option_widgets[o.name]) for o in record.options}
        for option in record.options:
            if option.defaults_by is not None and option.defaults_by[0] == name:
                widget = self.option_widgets[option.name]
                widget.blockSignals(True)
                set_widget_value(widget, option.default_given(values))
                widget.blockSignals(False)
        self._refresh_layers()

    def _refresh_layers(self, *_args) -> None:
        try:
            model = build_model(self.model_config())
        except ValueError as exc:
            self.param_label.setText(self.tr("Cannot build this model: {reason}").format(reason=exc))
            return
        rows = describe_layers(model)
        locale = QLocale()
        self.layer_table.setRowCount(len(rows))
        for i, row in enumerate(rows):
            name = QTableWidgetItem(f"{row['name']}  {row['layer']}")
            detail = QTableWidgetItem(row["detail"])
            detail.setToolTip(row["detail"])
            output = QTableWidgetItem(row.get("output", ""))
            output.setToolTip(self.tr("Output shape of the layer, per image"))
            params = QTableWidgetItem(locale.toString(int(row["params"])))
            params.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            for col, item in enumerate((name, detail, output, params)):
                self.layer_table.setItem(i, col, item)
        count = keras_parameter_count(model)
        self.param_label.setText(self.tr("<b>{count}</b> parameters").format(count=locale.toString(count)))

    # -- data sources ----------------------------------------------------------------
    @property
    def dataset(self) -> str:
        return self.dataset_combo.currentData()

    def _imported_dir(self, name: str) -> str | None:
        if self._settings is None:
            return None
        value = self._settings.value(f"train/imported_dir/{name}", "")
        return str(value) or None

    def _refresh_sources(self, *_args, prefer: str | None = None) -> None:
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
            if source_key(self.source_combo.itemData(i)) == previous:
                self.source_combo.setCurrentIndex(i)
                break

    def data_config(self) -> DataConfig:
        """The data the run will train on, as chosen in the Source box."""
        return self.source_combo.currentData()

    def _ask_import_folder(self) -> None:
        title = self.tr(DATASET_TITLES[self.dataset])
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Folder with the {dataset} IDX files").format(dataset=title)
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
                dataset=self.tr(DATASET_TITLES[name]), reason=exc
            )
        if self._settings is not None:
            self._settings.setValue(f"train/imported_dir/{name}", info.location)
        self._refresh_sources(prefer=source_key(DataConfig(name, "folder", location=info.location)))
        self.message.emit(
            self.tr("Imported {dataset} from {folder}.").format(
                dataset=self.tr(DATASET_TITLES[name]), folder=info.location
            )
        )
        return None

    def use_pictures(self, config: DataConfig) -> None:
        """Make an imported folder of pictures the source (it stays listed in the Source box)."""
        picture_sources.remember(self._settings, config)
        self._refresh_sources(prefer=source_key(config))
        self.message.emit(self.tr("Training data: the pictures of {folder}.").format(folder=config.location))

    # -- the configs ------------------------------------------------------------------
    def model_config(self):
        family = self.family
        values = {o.name: widget_value(self.option_widgets[o.name]) for o in get_family(family).options}
        return default_model_config(family, **values)

    def train_config(self):
        device = self.device_combo.currentData()
        fast = device == FAST_COMPILED  # the compiled fast path on the best device (engine.train.compiled)
        return default_train_config(
            self.family,
            epochs=self.epochs.value(),
            batch_size=self.batch_size.value(),
            lr=self.lr.value(),
            optimizer=self.optimizer.currentData(),
            seed=self.seed.value(),
            device="auto" if fast else device,
            threads=self.threads.value(),
            max_steps_per_epoch=self.max_steps.value(),
            compile=fast or None,
            augment=self.augment.isChecked(),
        )

    def set_running(self, running: bool) -> None:
        """Nothing that would change the run can be edited while it runs."""
        for widget in (
            self.family_combo,
            self.dataset_combo,
            self.source_combo,
            self.import_button,
            self.device_combo,
            self.threads,
        ):
            widget.setEnabled(not running)
        self.hyper_form.parentWidget().setEnabled(not running)

    # -- remembering -------------------------------------------------------------------
    def _restore(self) -> None:
        s = self._settings
        family = str(s.value("train/family", "stacked")) if s else "stacked"
        dataset = str(s.value("train/dataset", "fashion-mnist")) if s else "fashion-mnist"
        self.dataset_combo.blockSignals(True)
        select_data(self.dataset_combo, dataset if dataset in DATASET_NAMES else "fashion-mnist")
        self.dataset_combo.blockSignals(False)
        self._refresh_sources(prefer=str(s.value("train/source", "")) if s else None)
        self.family_combo.blockSignals(True)
        select_data(self.family_combo, family if family in family_keys() else "stacked")
        self.family_combo.blockSignals(False)
        self.reset_defaults()
        if s:
            select_data(self.device_combo, str(s.value("train/device", "auto")))

    def save(self) -> None:
        s = self._settings
        if s is None:
            return
        s.setValue("train/family", self.family)
        s.setValue("train/dataset", self.dataset)
        if self.source_combo.count():
            s.setValue("train/source", source_key(self.data_config()))
        s.setValue("train/device", self.device_combo.currentData())
