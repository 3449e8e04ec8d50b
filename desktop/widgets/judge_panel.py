"""What the judge sees: the class histogram of the Generate page's grid and the generator's figures.

The judge (:mod:`engine.judge`, a small CNN classifier per dataset) reads the
grid's samples and a few thousand more of the same generator
(:mod:`engine.quality`): the share of each class, its normalised entropy, the
share of confident samples and the judge-FID beside the real-vs-real baseline.
The work runs on a :class:`~desktop.tasks.TaskRunner` (newest request wins) and
only while the panel is visible; the generator's figures are cached per
checkpoint file, so changing the seed re-reads only the grid.
"""

from __future__ import annotations

import math
import threading
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import torch
from PySide6.QtCore import QEvent, QLocale, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QGroupBox, QLabel, QSizePolicy, QToolTip, QVBoxLayout, QWidget

from desktop.tasks import TaskRunner
from engine import i18n as engine_i18n
from engine import quality
from engine.sampling import PLAIN, Truncation

SAMPLES = quality.DEFAULT_SAMPLES  # samples behind the generator's figures (the grid is read on its own)


# -- the work (any thread, no widget) ---------------------------------------------------------------
@dataclass
class JudgeView:
    """What the panel shows for one grid of one generator."""

    key: tuple  # (checkpoint path, modification time): whose figures these are
    class_names: list[str] = field(default_factory=list)
    grid: quality.GeneratorQuality | None = None  # the grid's samples
    model: quality.GeneratorQuality | None = None  # SAMPLES samples of the generator
    real_entropy: float = float("nan")
    collapse: str | None = None  # "partial mode collapse: 34 % of samples are 1s", or None
    error: str | None = None  # why the judge could not read (no judge for this dataset, no data)


_FIGURES: dict[tuple, quality.GeneratorQuality] = {}  # generator figures per checkpoint key
_LOCK = threading.Lock()


def judge_dataset(name: str, record: dict | None = None):
    """The data whose held-out images are the judge-FID's reference: what is on this machine, no download."""
    from engine.data import DatasetError, load_dataset

    record = record or {}
    if record.get("requested_source") == "images" and record.get("location"):
        from engine.data.image_folder import load_image_folder

        return load_image_folder(record["location"], str(record.get("recipe") or "mnist"), name=name)
    kind = str(record.get("source_kind") or "auto")
    kind = kind if kind in ("embedded", "full", "auto") else "auto"
    try:
        return load_dataset(name, kind, allow_download=False)
    except DatasetError:  # e.g. a model trained on the full data, on a machine with the embedded subset only
        return load_dataset(name, "auto", allow_download=False)


def judge_view(
    state,
    key: tuple,
    model: torch.nn.Module,
    grid01: np.ndarray,
    dataset: str,
    record: dict | None = None,
    samples: int = SAMPLES,
    truncation: Truncation = PLAIN,
) -> JudgeView:
    """The judge's reading of ``grid01`` (N, 28, 28) in [0, 1] and of ``samples`` samples of ``model``,
    their codes truncated as the grid's (:mod:`engine.sampling`)."""
    from engine.data import DatasetError
    from engine.judge import JudgeError, load_judge

    view = JudgeView(key=key)
    try:
        judge = load_judge(dataset)
        data = judge_dataset(dataset, record)
    except (JudgeError, DatasetError, OSError) as exc:
        view.error = str(exc)
        return view
    if state.is_cancelled():
        return view
    state.set_progress(0.1)
    reference = quality.real_reference(judge, data)
    view.class_names = list(data.class_names)
    view.real_entropy = reference.entropy
    view.grid = quality.score_samples(torch.as_tensor(np.asarray(grid01, np.float32)), judge, reference)
    state.set_progress(0.4)
    with _LOCK:
        figures = _FIGURES.get(key)
    if figures is None and not state.is_cancelled():
        figures = quality.generator_quality(model, judge, reference, n=samples, truncation=truncation)
        with _LOCK:
            _FIGURES[key] = figures
    view.model = figures
    if figures is not None:
        view.collapse = quality.class_collapse(figures.histogram, data.class_names, dataset)
    state.set_progress(1.0)
    return view


def checkpoint_key(path: str | Path) -> tuple:
    """A checkpoint's identity for the cache: its path and modification time (a retrained file is re-read)."""
    path = Path(path)
    try:
        return (str(path), path.stat().st_mtime_ns)
    except OSError:
        return (str(path), 0)


# -- the bars -----------------------------------------------------------------------------------------
class ClassBars(QWidget):
    """One bar per class (the grid's share), a tick for the generator's share, a dashed fair share."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.names: list[str] = []
        self.grid = np.zeros(0)
        self.model = np.zeros(0)
        self.setMinimumSize(200, 120)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_shares(self, names: list[str], grid, model=None) -> None:
        self.names = list(names)
        self.grid = np.asarray(grid, np.float64)
        self.model = np.asarray(model if model is not None else [], np.float64)
        self.update()

    def bar_count(self) -> int:
        return len(self.names)

    def shown_names(self) -> list[str]:
        """The class names in the user's language (the engine keeps them in English)."""
        return [engine_i18n._(name) for name in self.names]

    def bar_at(self, x: float) -> int | None:
        """The class whose bar's slot holds ``x`` (widget pixels), or None."""
        k = len(self.names)
        slot = (self.width() - 4.0) / k if k else 0.0
        i = int((x - 2.0) // slot) if slot > 0 else -1
        return i if 0 <= i < k else None

    def bar_text(self, i: int) -> str:
        """What one bar says in full (its label may be shortened under it)."""

        def percent(share) -> str:
            return QLocale().toString(100 * float(share), "f", 1)

        name, grid = engine_i18n._(self.names[i]), float(self.grid[i]) if i < len(self.grid) else 0.0
        if i < len(self.model):
            return self.tr("{name}: {grid} % of the grid, {model} % of {count} samples").format(
                name=name,
                grid=percent(grid),
                model=percent(self.model[i]),
                count=QLocale().toString(SAMPLES),
            )
        return self.tr("{name}: {grid} % of the grid").format(name=name, grid=percent(grid))

    def event(self, event) -> bool:  # a tooltip names the class under the mouse, in full, before the legend
        if event.type() == QEvent.Type.ToolTip and (i := self.bar_at(event.pos().x())) is not None:
            QToolTip.showText(event.globalPos(), self.bar_text(i) + "\n\n" + self.toolTip(), self)
            return True
        return super().event(event)

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        k = len(self.names)
        if not k:
            painter.end()
            return
        font = QFont(self.font())
        font.setPointSizeF(max(6.0, font.pointSizeF() * 0.8))
        painter.setFont(font)
        label_h = painter.fontMetrics().height() + 2
        top, left = 14.0, 2.0
        width, height = self.width() - 2 * left, self.height() - top - label_h - 2
        peak = max(0.25, float(self.grid.max(initial=0)), float(self.model.max(initial=0)))
        slot = width / k
        names = self.shown_names()

        def y_of(share: float) -> float:
            return top + height * (1 - share / peak)

        bar_color = palette.highlight().color()
        for i in range(k):
            x = left + i * slot
            share = float(self.grid[i]) if i < len(self.grid) else 0.0
            painter.fillRect(QRectF(x + slot * 0.15, y_of(share), slot * 0.7, top + height - y_of(share)), bar_color)
            if i < len(self.model):
                painter.setPen(QPen(palette.text().color(), 2))
                y = y_of(float(self.model[i]))
                painter.drawLine(int(x + slot * 0.05), int(y), int(x + slot * 0.95), int(y))
            painter.setPen(palette.text().color())
            name = painter.fontMetrics().elidedText(names[i], Qt.TextElideMode.ElideRight, int(slot))
            painter.drawText(QRectF(x, top + height + 2, slot, label_h), Qt.AlignmentFlag.AlignHCenter, name)
        fair = QPen(QColor(200, 60, 60), 1, Qt.PenStyle.DashLine)
        painter.setPen(fair)
        painter.drawLine(int(left), int(y_of(1 / k)), int(left + width), int(y_of(1 / k)))
        painter.setPen(palette.text().color())
        painter.drawText(
            QRectF(left, 0, width, top), Qt.AlignmentFlag.AlignRight, QLocale().toString(round(100 * peak)) + " %"
        )
        painter.drawLine(int(left), int(top + height), int(left + width), int(top + height))
        painter.end()


# -- the panel --------------------------------------------------------------------------------------
class JudgePanel(QGroupBox):
    """The Generate page's "what the judge sees" beside the sample grid."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("What the judge sees"))
        self.setToolTip(
            self.tr(
                "A small classifier trained on the real images (the judge) reads every sample: "
                "which class it sees, how sure it is, and how its features compare with real "
                "images'."
            )
        )
        self.view: JudgeView | None = None
        self._pending: tuple | None = None  # a request waiting for the panel to be shown
        self._task = TaskRunner("judge", parent=self)
        self._task.result.connect(self._on_result)
        self._task.error.connect(self._on_error)
        self.bars = ClassBars()
        self.bars.setToolTip(
            self.tr(
                "Bars: the share of each class among the grid's samples. Black ticks: the share among {count} "
                "samples of this generator. Dashed line: a fair share (every class equally often)."
            ).format(count=QLocale().toString(SAMPLES))
        )
        self.legend = QLabel()
        self.legend.setWordWrap(True)
        self.figures = QLabel()
        self.figures.setWordWrap(True)
        self.figures.setTextFormat(Qt.TextFormat.PlainText)
        self.figures.setToolTip(
            self.tr(
                "Class entropy: 1 when every class is drawn equally often, 0 when only one is. Confident: samples "
                "the judge gives one class at least 90 % probability. judge-FID: the Fréchet distance between the "
                "judge's features of samples and of held-out real images; it is not the Inception-FID of papers, "
                "so compare it only with other judge-FIDs. Real vs real: what real images score at this sample size."
            )
        )
        self.collapse = QLabel()
        self.collapse.setWordWrap(True)
        self.collapse.setStyleSheet("color: #c0392b; font-weight: bold;")
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.bars, 1)
        layout.addWidget(self.legend)
        layout.addWidget(self.figures)
        layout.addWidget(self.collapse)
        layout.addWidget(self.status)
        self.clear()

    # -- requests ----------------------------------------------------------------------------------
    def clear(self, message: str = "") -> None:
        self._task.cancel()
        self._pending = None
        self.view = None
        self.bars.set_shares([], [])
        self.legend.clear()
        self.figures.clear()
        self.collapse.hide()
        self.status.setText(message)

    def show_grid(
        self,
        path: str | Path,
        model: torch.nn.Module,
        grid01: np.ndarray,
        dataset: str,
        record: dict | None = None,
        truncation: Truncation = PLAIN,
    ) -> None:
        """Ask the judge about ``grid01`` (the grid's samples) and about ``model`` sampled with ``truncation``;
        computed while visible."""
        key = (*checkpoint_key(path), *truncation.to_dict().values())
        self._pending = (key, model, np.array(grid01, np.float32, copy=True), dataset, record, truncation)
        if self.isVisible():
            self._start_pending()
        else:
            self._task.cancel()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        self._start_pending()

    def _start_pending(self) -> None:
        if self._pending is None:
            return
        key, model, grid, dataset, record, truncation = self._pending
        self._pending = None
        cached = quality_cached(key)
        self.status.setText(
            self.tr("The judge reads the grid…")
            if cached
            else self.tr("The judge reads the grid and {count} samples…").format(count=QLocale().toString(SAMPLES))
        )
        self._task.start(judge_view, key, model, grid, dataset, record, truncation=truncation)  # newest wins

    def wait_idle(self, timeout_ms: int = 60_000) -> bool:
        return self._task.wait_idle(timeout_ms)

    def shutdown(self) -> bool:
        return self._task.shutdown()

    # -- results ----------------------------------------------------------------------------------
    def _on_error(self, message: str) -> None:
        self.status.setText(self.tr("⚠ The judge could not read these samples: {reason}").format(reason=message))

    def _on_result(self, view: JudgeView) -> None:
        self.view = view
        if view.error:
            self.clear(self.tr("No judge for this model: {reason}").format(reason=view.error))
            return
        grid, model = view.grid, view.model
        assert grid is not None
        self.bars.set_shares(view.class_names, grid.histogram, model.histogram if model else None)
        locale = QLocale()
        self.legend.setText(
            self.tr("Bars: the grid's %n sample(s); ticks: {count} samples.", "", grid.samples).format(
                count=locale.toString(SAMPLES)
            )
        )
        self.status.clear()
        if model is None:
            self.figures.setText(self.tr("Grid: class entropy {entropy}").format(entropy=_fixed(grid.entropy, 2)))
            return
        lines = [
            self.tr("Class entropy: {value} (real images: {real})").format(
                value=_fixed(model.entropy, 2), real=_fixed(view.real_entropy, 2)
            ),
            self.tr("Confident: {value} % (real images: {real} %)").format(
                value=_fixed(100 * model.confident_share, 0), real=_fixed(100 * model.real_confident_share, 0)
            ),
            self.tr("judge-FID (comparable only with itself): {value}; real vs real: {real}").format(
                value=_fixed(model.judge_fid, 1), real=_fixed(model.real_baseline_fid, 1)
            ),
            self.tr("Grid of %n: class entropy {entropy}", "", grid.samples).format(entropy=_fixed(grid.entropy, 2)),
        ]
        self.figures.setText("\n".join(lines))
        if view.collapse:
            self.collapse.setText("⚠ " + view.collapse[:1].upper() + view.collapse[1:])  # translated by the engine
            self.collapse.show()
        else:
            self.collapse.hide()

    def collapse_text(self) -> str:
        return self.collapse.text() if not self.collapse.isHidden() else ""


def quality_cached(key: tuple) -> bool:
    with _LOCK:
        return key in _FIGURES


def _fixed(value: float, digits: int) -> str:
    return "—" if value is None or math.isnan(value) else QLocale().toString(float(value), "f", digits)
