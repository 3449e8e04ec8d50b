"""The left side of the Train page: what to train, on what data, how, and where.

The families, their titles and the rows of settings that shape each model come
from the family records (``engine.models.families``): a registered family
appears here with its own options. Changing the family resets every
hyperparameter to the lecture's default for that family
(``engine.models.default_model_config`` and
``engine.train.default_train_config``), so the defaults a student sees are the
ones the lecture's Keras code uses.

The Data and Device boxes live in :mod:`~desktop.pages.train.data_box` and
:mod:`~desktop.pages.train.device_box`. The forms put a label above its field
when the panel is narrow (:mod:`~desktop.pages.train.wrapping_form`), so the
panel fits beside the run's views on a 1280×720 laptop in French too; its
scroll area (:class:`SettingsScrollArea`) scrolls only up and down.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QLocale, QSettings, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFrame,
    QGroupBox,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.pages.train.data_box import DataBox, source_key
from desktop.pages.train.device_box import FAST_COMPILED, DeviceBox
from desktop.pages.train.form_inputs import (
    combo_box,
    double_box,
    option_widget,
    select_data,
    set_widget_value,
    spin_box,
    widget_value,
)
from desktop.pages.train.wrapping_form import WrappingForm
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

__all__ = ["FAST_COMPILED", "SettingsPanel", "SettingsScrollArea", "source_key"]

OPTIMIZER_TITLES = {"sgd": "SGD", "rmsprop": "RMSprop", "adam": "Adam"}


class SettingsPanel(QWidget):
    """Family, layer table, data, hyperparameters and device; builds the engine's configs.

    The data and device boxes are widgets of their own (:mod:`~desktop.pages.train.data_box`,
    :mod:`~desktop.pages.train.device_box`); their inputs are reachable from here too."""

    family_changed = Signal(str)
    message = Signal(str)  # for the page's log / status bar

    def __init__(self, settings: QSettings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.data_box = DataBox(settings)
        self.data_box.message.connect(self.message)
        self.dataset_combo, self.source_combo = self.data_box.dataset_combo, self.data_box.source_combo
        self.import_button = self.data_box.import_button
        self.device_box = DeviceBox()
        self.device_combo, self.threads = self.device_box.device_combo, self.device_box.threads
        layout.addWidget(self._build_model_box())
        layout.addWidget(self.data_box)
        layout.addWidget(self._build_hyper_box())
        layout.addWidget(self.device_box)
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

    def _build_hyper_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Hyperparameters (the lecture's defaults)"))
        form = self.hyper_form = WrappingForm(box)  # narrow: each label above its field
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
                "much better, for a slightly higher validation loss. The shipped MNIST models are trained with it on. "
                "For a GAN, the discriminator sees real and generated images alike through these changes (and "
                "fainter ink), so it cannot learn a small training set by heart; the generator still learns "
                "plain images."
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
            form.add_row(label, widget)
        # One row per setting of any registered family; each family shows its own (see reset_defaults).
        self.option_widgets: dict[str, QWidget] = {}
        for option in all_options():
            widget = self.option_widgets[option.name] = option_widget(option)
            signal = widget.currentIndexChanged if isinstance(widget, QComboBox) else widget.valueChanged
            signal.connect(lambda *_args, name=option.name: self._on_option_changed(name))
            form.add_row(_(option.label), widget)
        form.add_row(self.tr("Augment images"), self.augment)  # last: it shapes the data, not the model
        return box

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
        self._fit_layer_columns()
        count = keras_parameter_count(model)
        self.param_label.setText(self.tr("<b>{count}</b> parameters").format(count=locale.toString(count)))

    def _fit_layer_columns(self) -> None:
        """The table is at least as wide as its columns need: the names, shapes and counts are never
        cut, and the details (elided when long, whole in their tooltips) keep their heading's width."""
        table, header = self.layer_table, self.layer_table.horizontalHeader()
        fitted = sum(max(header.sectionSizeHint(c), table.sizeHintForColumn(c)) for c in (0, 2, 3))
        scroll_bar = table.verticalScrollBar().sizeHint().width()
        table.setMinimumWidth(fitted + header.sectionSizeHint(1) + scroll_bar + 2 * table.frameWidth())

    # -- the data (the Data box) ------------------------------------------------------
    @property
    def dataset(self) -> str:
        return self.data_box.dataset

    def data_config(self):
        """The data the run will train on, as chosen in the Source box."""
        return self.data_box.data_config()

    def import_folder(self, folder: str) -> str | None:
        """Check ``folder`` and make it the source; returns None, or why it cannot be used."""
        return self.data_box.import_folder(folder)

    def use_pictures(self, config) -> None:
        """Make an imported folder of pictures the source (it stays listed in the Source box)."""
        self.data_box.use_pictures(config)

    # -- the configs ------------------------------------------------------------------
    def model_config(self):
        family = self.family
        values = {o.name: widget_value(self.option_widgets[o.name]) for o in get_family(family).options}
        return default_model_config(family, **values)

    def train_config(self):
        device = self.device_box.device
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
        self.family_combo.setEnabled(not running)
        self.data_box.setEnabled(not running)
        self.hyper_form.parentWidget().setEnabled(not running)
        self.device_box.set_running(running)

    # -- remembering -------------------------------------------------------------------
    def _restore(self) -> None:
        s = self._settings
        family = str(s.value("train/family", "stacked")) if s else "stacked"
        dataset = str(s.value("train/dataset", "fashion-mnist")) if s else "fashion-mnist"
        self.data_box.select(dataset, str(s.value("train/source", "")) if s else None)
        self.family_combo.blockSignals(True)
        select_data(self.family_combo, family if family in family_keys() else "stacked")
        self.family_combo.blockSignals(False)
        self.reset_defaults()
        if s:
            self.device_box.select(str(s.value("train/device", "auto")))

    def save(self) -> None:
        s = self._settings
        if s is None:
            return
        s.setValue("train/family", self.family)
        self.data_box.save(s)
        s.setValue("train/device", self.device_box.device)


class SettingsScrollArea(QScrollArea):
    """Scrolls the settings up and down, never sideways: as wide as the panel's narrowest layout needs,
    whatever the family (each shows its own rows) and the language."""

    def __init__(self, panel: SettingsPanel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidget(panel)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        panel.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()  # the panel's layout changed (another family's rows): the splitter makes room
        return super().eventFilter(watched, event)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        hint = super().minimumSizeHint()
        # room for the vertical scroll bar even while it is hidden: showing it then never squeezes the panel
        width = self.widget().minimumSizeHint().width() + self.verticalScrollBar().sizeHint().width()
        return QSize(width + 2 * self.frameWidth(), hint.height())
