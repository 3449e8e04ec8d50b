"""Exporting a run's history: CSV, animated GIF, curves as PNG/SVG, a grid as a crisp PNG.

The Train page and the Models page share one menu (:class:`HistoryExportMenu`);
what it exports comes from callbacks its owner gives (the run's history, the
plot to draw, the grid shown), so the same menu serves a live run, a reviewed
run and a checkpoint picked in a table. Every file is written whole or not at
all (engine.fsutil's atomic write): exporting into a folder that cannot be
written says so, and nothing — neither the old file nor the run — is lost.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable
from pathlib import Path

import numpy as np
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, QRectF, QSettings, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMenu, QWidget

from engine.fsutil import atomic_write_bytes

MIN_GRID_WIDTH = 1024  # pixels: a grid PNG is scaled up (nearest neighbour) to at least this width
FOLDER_SETTING = "history/export_folder"
log = logging.getLogger(__name__)


class ExportError(Exception):
    """An export could not be written; the message says why (nothing was changed)."""


def scale_for(width: int, minimum: int = MIN_GRID_WIDTH) -> int:
    """The smallest whole zoom that makes a picture ``width`` pixels wide at least ``minimum`` wide."""
    return max(1, math.ceil(minimum / max(int(width), 1)))


def upscale_nearest(image: np.ndarray, scale: int) -> np.ndarray:
    """Every pixel becomes a ``scale``×``scale`` block: sharp, as the grid is drawn on screen."""
    scale = max(1, int(scale))
    return np.repeat(np.repeat(np.asarray(image, np.uint8), scale, axis=0), scale, axis=1)


def write_grid_png(path: str | Path, mosaic: np.ndarray, scale: int) -> Path:
    """The grid (uint8, 2-D) at a whole zoom as a grey PNG, atomically."""
    from engine.imageio import ImageError, write_png

    try:
        return write_png(path, upscale_nearest(mosaic, scale))
    except ImageError as exc:
        raise ExportError(str(exc)) from exc


def curve_bytes(item, fmt: str, width: int = 1600) -> bytes:
    """A pyqtgraph scene item (a plot, a layout) as PNG or SVG bytes, on a white background."""
    import pyqtgraph.exporters as exporters

    if fmt == "svg":
        try:
            data = exporters.SVGExporter(item).export(toBytes=True)
        except (ValueError, IndexError):  # pyqtgraph 0.14 cannot parse the path syntax of newer Qt's SVG
            log.info("pyqtgraph's SVG exporter failed; drawing the SVG with QSvgGenerator", exc_info=True)
            return qt_svg_bytes(item)
        return data if isinstance(data, bytes) else bytes(data)
    exporter = exporters.ImageExporter(item)
    exporter.parameters()["background"] = QColor("white")
    exporter.parameters()["width"] = width  # the height follows the plot's aspect
    image = exporter.export(toBytes=True)
    array = QByteArray()
    buffer = QBuffer(array)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(array.data())


def qt_svg_bytes(item) -> bytes:
    """The item's part of its scene drawn by Qt's own SVG generator (vector curves, text as text)."""
    from PySide6.QtSvg import QSvgGenerator

    source = item.sceneBoundingRect()
    array = QByteArray()
    buffer = QBuffer(array)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(source.size().toSize())
    generator.setViewBox(QRectF(0, 0, source.width(), source.height()))
    generator.setTitle("Latent Studio")
    painter = QPainter(generator)
    painter.fillRect(QRectF(0, 0, source.width(), source.height()), QColor("white"))
    item.scene().render(painter, QRectF(0, 0, source.width(), source.height()), source)
    painter.end()
    buffer.close()
    return bytes(array.data())


def write_curves(path: str | Path, item, fmt: str) -> Path:
    path = Path(path)
    data = curve_bytes(item, fmt)
    try:
        atomic_write_bytes(path, data)
    except OSError as exc:
        raise ExportError(f"{path}: {exc.strerror or exc}") from exc
    return path


class HistoryExportMenu(QMenu):
    """History as CSV · snapshots as GIF · curves as PNG/SVG · the grid shown as PNG.

    ``history`` returns the run's history (or None), ``curves_item`` the plot to
    draw (or None), ``mosaic`` the grid shown (or None); ``base_name`` a file name
    stem. Each action asks where to write (unless a path is given, in tests),
    writes atomically and reports through :attr:`done` / :attr:`failed`.
    """

    done = Signal(str)  # a sentence: what was written where
    failed = Signal(str)  # a sentence: why nothing was written

    def __init__(
        self,
        parent: QWidget,
        settings: QSettings | None,
        *,
        history: Callable[[], object],
        curves_item: Callable[[], object],
        mosaic: Callable[[], np.ndarray | None],
        base_name: Callable[[], str],
    ) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Export"))
        self.setToolTipsVisible(True)
        self.settings = settings
        self._history, self._curves_item, self._mosaic, self._base_name = history, curves_item, mosaic, base_name
        self.csv_action = self._add(
            self.tr("History as CSV…"),
            self.tr("Every logged step and every epoch's metrics, one row each, with units."),
            lambda: self.export_csv(),
        )
        self.gif_action = self._add(
            self.tr("Snapshots as animated GIF…"),
            self.tr("Every recorded grid, one frame each, the epoch written on it."),
            lambda: self.export_gif(),
        )
        self.addSeparator()
        self.png_action = self._add(
            self.tr("Curves as PNG…"),
            self.tr("The curves as a picture (1600 px wide)."),
            lambda: self.export_curves("png"),
        )
        self.svg_action = self._add(
            self.tr("Curves as SVG…"),
            self.tr("The curves as a vector drawing (for a report or a slide)."),
            lambda: self.export_curves("svg"),
        )
        self.addSeparator()
        self.grid_action = self._add(
            self.tr("Grid shown as PNG…"),
            self.tr("The grid at the snapshot shown, enlarged with sharp pixels."),
            lambda: self.export_grid(),
        )
        self.aboutToShow.connect(self.update_actions)

    def _add(self, text: str, tip: str, slot):
        action = self.addAction(text)
        action.setToolTip(tip)
        action.setStatusTip(tip)
        action.triggered.connect(slot)
        return action

    def update_actions(self) -> None:
        history = self._history()
        has_history = history is not None
        self.csv_action.setEnabled(has_history)
        self.gif_action.setEnabled(has_history and len(getattr(history, "snapshots", ()) or ()) > 0)
        self.png_action.setEnabled(self._curves_item() is not None)
        self.svg_action.setEnabled(self._curves_item() is not None)
        self.grid_action.setEnabled(self._mosaic() is not None)

    # -- asking where ---------------------------------------------------------------------
    def _ask_path(self, title: str, suffix: str, file_filter: str) -> Path | None:
        folder = Path(str(self.settings.value(FOLDER_SETTING, str(Path.home())))) if self.settings else Path.home()
        chosen, _selected = QFileDialog.getSaveFileName(
            self.parentWidget(), title, str(folder / f"{self._base_name()}{suffix}"), file_filter
        )
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() != suffix:
            path = path.with_name(path.name + suffix)
        return path

    def _report(self, path: Path, what: str) -> Path:
        if self.settings is not None:
            self.settings.setValue(FOLDER_SETTING, str(path.parent))
        self.done.emit(self.tr("Exported {what} to {path}.").format(what=what, path=path))
        return path

    def _fail(self, path: Path, reason) -> None:
        self.failed.emit(
            self.tr("Could not write {path}: {reason}. Nothing was changed; choose a folder you can write to.").format(
                path=path, reason=reason
            )
        )

    # -- the exports ------------------------------------------------------------------------
    def export_csv(self, path: str | Path | None = None) -> Path | None:
        from engine.history_export import HistoryExportError, export_csv

        history = self._history()
        if history is None:
            return None
        path = (
            Path(path)
            if path
            else self._ask_path(self.tr("Export the history as CSV"), ".csv", self.tr("CSV files (*.csv)"))
        )
        if path is None:
            return None
        try:
            export_csv(history, path)
        except (HistoryExportError, OSError) as exc:
            self._fail(path, getattr(exc, "strerror", None) or exc)
            return None
        return self._report(path, self.tr("the history (CSV)"))

    def export_gif(self, path: str | Path | None = None) -> Path | None:
        from engine.history_export import HistoryExportError, export_gif

        history = self._history()
        if history is None:
            return None
        path = (
            Path(path)
            if path
            else self._ask_path(
                self.tr("Export the snapshots as an animated GIF"), ".gif", self.tr("GIF animations (*.gif)")
            )
        )
        if path is None:
            return None
        try:
            export_gif(history, path)
        except (HistoryExportError, OSError) as exc:
            self._fail(path, getattr(exc, "strerror", None) or exc)
            return None
        return self._report(path, self.tr("the snapshots (GIF)"))

    def export_curves(self, fmt: str, path: str | Path | None = None) -> Path | None:
        item = self._curves_item()
        if item is None:
            return None
        if path is None:
            title = self.tr("Export the curves as PNG") if fmt == "png" else self.tr("Export the curves as SVG")
            file_filter = self.tr("PNG images (*.png)") if fmt == "png" else self.tr("SVG drawings (*.svg)")
            path = self._ask_path(title, f".{fmt}", file_filter)
            if path is None:
                return None
        path = Path(path)
        try:
            write_curves(path, item, fmt)
        except ExportError as exc:
            self._fail(path, exc)
            return None
        return self._report(path, self.tr("the curves"))

    def export_grid(self, path: str | Path | None = None, scale: int | None = None) -> Path | None:
        mosaic = self._mosaic()
        if mosaic is None:
            return None
        h, w = mosaic.shape
        if scale is None:
            default = scale_for(w)
            scale, ok = QInputDialog.getInt(
                self.parentWidget(),
                self.tr("Grid as PNG"),
                self.tr(
                    "Enlarge each pixel how many times? ({w} × {h} pixels now; ×{default} makes it "
                    "{width} pixels wide.)"
                ).format(w=w, h=h, default=default, width=w * default),
                default,
                1,
                64,
            )
            if not ok:
                return None
        if path is None:
            path = self._ask_path(self.tr("Export the grid as PNG"), ".png", self.tr("PNG images (*.png)"))
            if path is None:
                return None
        path = Path(path)
        try:
            write_grid_png(path, mosaic, scale)
        except ExportError as exc:
            self._fail(path, exc)
            return None
        return self._report(path, self.tr("the grid"))


def connect_messages(menu: HistoryExportMenu, target: QObject, say: Callable[[str, bool], None]) -> None:
    """Route the menu's reports to ``say(text, is_error)``."""
    menu.done.connect(lambda text: say(text, False))
    menu.failed.connect(lambda text: say(text, True))
