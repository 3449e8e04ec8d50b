"""The decoded manifold behind a 2-d latent plane: what the decoder draws at each place of the visible
region, decoded on a task thread once zooming or panning pauses, painted by the plot."""

from __future__ import annotations

from pathlib import Path

import torch
from PySide6.QtCore import QObject, QTimer

from desktop.pages.latent.map_plot import LatentMapPlot
from desktop.pages.latent.work import manifold_for
from desktop.tasks import TaskRunner

DELAY_MS = 150  # after the last zoom or pan step, the manifold is decoded again


class ManifoldLayer(QObject):
    def __init__(self, plot: LatentMapPlot, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.plot = plot
        self._source: tuple[Path, torch.nn.Module] | None = None  # the model whose plane is tiled
        self._task = TaskRunner("latent-manifold", parent=self)
        self._task.result.connect(self._on_decoded)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DELAY_MS)
        self._timer.timeout.connect(self._decode)
        plot.view_box.sigRangeChanged.connect(self._schedule)

    def set_source(self, path: Path | None, model: torch.nn.Module | None) -> None:
        """Tile the plane of ``model`` (saved at ``path``); None: show no manifold."""
        self._source = (Path(path), model) if path is not None and model is not None else None
        self._schedule()

    def _schedule(self, *_args) -> None:
        if self._source is not None:
            self._timer.start()  # restarts: decoded once the view pauses
        else:
            self._timer.stop()
            self._task.cancel()
            self.plot.clear_manifold()

    def _decode(self) -> None:
        if self._source is None:
            return
        path, model = self._source
        x_range, y_range = self.plot.visible_range()
        self._task.start(manifold_for, path, model, x_range, y_range)  # the newest view wins

    def _on_decoded(self, outcome: tuple) -> None:
        path, mosaic, x_range, y_range = outcome
        if self._source is not None and Path(path) == self._source[0]:
            self.plot.set_manifold(mosaic, x_range, y_range)

    def shutdown(self) -> bool:
        self._timer.stop()
        self._source = None
        return self._task.shutdown()
