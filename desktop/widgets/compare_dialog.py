"""Comparing runs: their curves overlaid on one plot, their final metrics side by side.

Everything comes from each checkpoint's record (its per-epoch history and
final metrics, read without loading the weights), so comparing is instant.
The legend names each run's family and dataset and only the settings that
differ between the runs — what a student changed from one run to the next.
"""

from __future__ import annotations

import html

import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.widgets.class_palette import PALETTE
from engine.data import dataset_title

CURVES = {  # per-epoch series in a checkpoint's history → its name (translated where shown)
    "val_loss": QT_TRANSLATE_NOOP("CompareDialog", "validation loss"),
    "val_bce": QT_TRANSLATE_NOOP("CompareDialog", "validation BCE (reconstruction only)"),
    "val_rounded_accuracy": QT_TRANSLATE_NOOP("CompareDialog", "validation rounded accuracy"),
    "loss": QT_TRANSLATE_NOOP("CompareDialog", "training loss"),
    "loss_d": "Loss_D",
    "loss_g": "Loss_G",
    "loss_q": "Loss_Q",
    "d_real": "D(x)",
    "d_fake": "D(G(z))",
}
METRICS = {  # final metrics in a checkpoint's record → name
    "loss": QT_TRANSLATE_NOOP("CompareDialog", "validation loss"),
    "bce": QT_TRANSLATE_NOOP("CompareDialog", "validation BCE"),
    "rounded_accuracy": QT_TRANSLATE_NOOP("CompareDialog", "rounded accuracy"),
    "loss_d": "Loss_D",
    "loss_g": "Loss_G",
    "loss_q": "Loss_Q",
    "d_real": "D(x)",
    "d_fake": "D(G(z))",
    "samples_per_s": QT_TRANSLATE_NOOP("CompareDialog", "images per second"),
    "elapsed_s": QT_TRANSLATE_NOOP("CompareDialog", "training time (s)"),
}
SETTING_KEYS = ("epochs", "batch_size", "lr", "optimizer", "seed", "max_steps_per_epoch", "augment")


def run_settings(meta: dict) -> dict:
    """The settings that shape a run: its training settings and its family's model options."""
    from engine.models import ModelConfig

    settings = {k: v for k, v in (meta.get("train_config") or {}).items() if k in SETTING_KEYS}
    config = meta.get("model_config") or {}
    try:
        settings.update(ModelConfig.from_dict(config).relevant())
    except (TypeError, ValueError):
        settings.update({k: v for k, v in config.items() if k != "family"})
    source = (meta.get("dataset") or {}).get("source_kind")
    if source:
        settings["data"] = source
    return settings


def differing_settings(metas: list[dict]) -> list[str]:
    """The setting keys whose values are not the same in every run (in a stable order)."""
    all_settings = [run_settings(m) for m in metas]
    keys: list[str] = []
    for settings in all_settings:
        keys += [k for k in settings if k not in keys]
    # a setting only some families have (a sparsity target) is said by the family's name already
    return [k for k in keys if len({repr(s[k]) for s in all_settings if k in s}) > 1]


METRIC_DECIMALS = {"samples_per_s": 0, "elapsed_s": 1, "rounded_accuracy": 3}  # the others: 4


def format_value(value, key: str = "") -> str:
    if isinstance(value, bool):  # "augment": on/off in the user's words, not Python's True
        return (
            QCoreApplication.translate("CompareDialog", "on")
            if value
            else QCoreApplication.translate("CompareDialog", "off")
        )
    if isinstance(value, float) and key:
        return QLocale().toString(value, "f", METRIC_DECIMALS.get(key, 4))
    if isinstance(value, float):
        return QLocale().toString(value, "g", 4)
    if isinstance(value, int) and not isinstance(value, bool):
        return QLocale().toString(value)
    return str(value)


def legend_label(meta: dict, name: str, keys: list[str]) -> str:
    """ "stacked · Fashion-MNIST · lr 0.5, batch size 64 (my run)"."""
    settings = run_settings(meta)
    dataset = dataset_title(str((meta.get("dataset") or {}).get("name", "?")))
    parts = [str(meta.get("family", "?")), dataset]
    differing = ", ".join(f"{k.replace('_', ' ')} {format_value(settings[k])}" for k in keys if k in settings)
    if differing:
        parts.append(differing)
    return " · ".join(parts) + f" ({name})"


def curve_choices(metas: list[dict]) -> list[str]:
    """The curves at least one run has, those every run has first."""
    present = [k for k in CURVES if any((m.get("history") or {}).get(k) for m in metas)]
    return sorted(present, key=lambda k: not all((m.get("history") or {}).get(k) for m in metas))


def final_value(meta: dict, key: str):
    value = (meta.get("metrics") or {}).get(key)
    if value is None:
        series = (meta.get("history") or {}).get(key) or []
        value = series[-1] if series else None
    return value


class CompareDialog(QDialog):
    """Two or more runs: a curve picker, the overlaid curves with a legend, a table of final metrics."""

    def __init__(self, runs: list[tuple[str, dict]], parent: QWidget | None = None) -> None:
        """``runs``: (name, checkpoint record) for each run, in the order to show them."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Compare runs"))
        self.runs = list(runs)
        metas = [meta for _name, meta in self.runs]
        self.differing = differing_settings(metas)
        self.curve = QComboBox()
        self.curve.setToolTip(self.tr("Which per-epoch curve to overlay (those all runs have are listed first)."))
        for key in curve_choices(metas):
            self.curve.addItem(self.tr(CURVES[key]), key)
        self.curve.currentIndexChanged.connect(self._draw)
        self.plot = pg.PlotWidget()
        self.plot.setBackground("w")
        self.plot.setMinimumHeight(260)
        item = self.plot.getPlotItem()
        item.setLabel("bottom", self.tr("epoch"))
        item.getAxis("left").enableAutoSIPrefix(False)
        item.showGrid(x=True, y=True, alpha=0.15)
        self.legend = QLabel()  # under the plot: long names never hide the curves
        self.legend.setWordWrap(True)
        self.legend.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.legend.setToolTip(self.tr("Each run: its family, its dataset, the settings that differ, and its name."))
        self._legend_texts: list[str] = []
        self.table = QTableWidget()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setToolTip(
            self.tr("Each run's final metrics (its last epoch), side by side; the best of each row is in bold.")
        )
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        what = (
            self.tr("Settings that differ: {keys}.").format(keys=", ".join(k.replace("_", " ") for k in self.differing))
            if self.differing
            else self.tr("These runs were trained with the same settings.")
        )
        self.note = QLabel(what)
        self.note.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Curve:")))
        top.addWidget(self.curve, 1)
        plot_box = QWidget()
        plot_layout = QVBoxLayout(plot_box)
        plot_layout.setContentsMargins(0, 0, 0, 0)
        plot_layout.addWidget(self.plot, 1)
        plot_layout.addWidget(self.legend)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(plot_box)
        splitter.addWidget(self.table)
        splitter.setSizes([400, 170])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.note)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        self.resize(900, 620)
        self._fill_table()
        self._draw()

    def _draw(self, *_args) -> None:
        key = self.curve.currentData()
        item = self.plot.getPlotItem()
        item.clear()
        self._legend_texts = []
        self.legend.clear()
        if key is None:
            return
        item.setLabel("left", self.tr(CURVES[key]))
        for i, (name, meta) in enumerate(self.runs):
            series = (meta.get("history") or {}).get(key) or []
            if not series:
                continue
            colour = PALETTE[i % len(PALETTE)]
            item.plot(
                list(range(1, len(series) + 1)),
                [float(v) for v in series],
                pen=pg.mkPen(colour, width=2),
                symbol="o" if len(series) <= 100 else None,
                symbolSize=5,
                symbolBrush=colour,
                symbolPen=None,
            )
            self._legend_texts.append(legend_label(meta, name, self.differing))
        lines = []
        for i, text in enumerate(self._legend_texts):
            colour = "#{:02x}{:02x}{:02x}".format(*PALETTE[i % len(PALETTE)])
            lines.append(f"<span style='color:{colour}; font-size:14pt'>■</span> {html.escape(text)}")
        self.legend.setText("<br>".join(lines))

    def _fill_table(self) -> None:
        metas = [meta for _name, meta in self.runs]
        keys = [k for k in METRICS if any(final_value(m, k) is not None for m in metas)]
        self.table.setRowCount(len(keys))
        self.table.setColumnCount(len(self.runs))
        self.table.setHorizontalHeaderLabels([f"{name}\n{meta.get('family', '?')}" for name, meta in self.runs])
        self.table.setVerticalHeaderLabels([self.tr(METRICS[k]) for k in keys])
        lower_is_better = {"loss", "bce", "elapsed_s"}
        higher_is_better = {"rounded_accuracy", "samples_per_s"}
        for row, key in enumerate(keys):
            values = [final_value(m, key) for m in metas]
            numbers = [v for v in values if isinstance(v, (int, float))]
            best = None
            if len(numbers) > 1 and key in lower_is_better:
                best = min(numbers)
            elif len(numbers) > 1 and key in higher_is_better:
                best = max(numbers)
            for col, value in enumerate(values):
                text = (
                    "—"
                    if value is None
                    else format_value(float(value) if isinstance(value, (int, float)) else value, key)
                )
                cell = QTableWidgetItem(text)
                cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if best is not None and value == best:
                    font = cell.font()
                    font.setBold(True)
                    cell.setFont(font)
                self.table.setItem(row, col, cell)

    # -- for tests ---------------------------------------------------------------------------
    def curve_count(self) -> int:
        return sum(1 for i in self.plot.getPlotItem().listDataItems() if i.xData is not None and len(i.xData))

    def legend_texts(self) -> list[str]:
        return list(self._legend_texts)


class RunPicker(QDialog):
    """Choose the runs to compare (checkboxes), the current one ticked already."""

    def __init__(self, entries: list, ticked: set, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Compare with…"))
        self.list = QListWidget()
        self.list.setToolTip(self.tr("Tick two or more runs to overlay their curves."))
        for entry in entries:
            item = QListWidgetItem(f"{entry.name} — {entry.family}, {entry.dataset_label}")
            item.setData(Qt.ItemDataRole.UserRole, entry)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if entry.path in ticked else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Compare"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.list.itemChanged.connect(self._update)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Which runs should be compared?")))
        layout.addWidget(self.list, 1)
        layout.addWidget(self.buttons)
        self.resize(560, 420)
        self._update()

    def chosen(self) -> list:
        return [
            self.list.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.list.count())
            if self.list.item(i).checkState() == Qt.CheckState.Checked
        ]

    def _update(self, *_args) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(len(self.chosen()) >= 2)
