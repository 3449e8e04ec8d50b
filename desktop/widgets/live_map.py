"""A small latent map beside the drawing: the star and its trail follow the stroke as it is drawn.

The map is the chosen autoencoder's codes of held-out images
(:func:`engine.latent_map.compute_latent_map`, computed once per model on a
task thread and kept); the star is the drawing's code from the Draw page's one
:func:`engine.inference.reconstruct_all` call per stroke, projected on the same
plane, so placing it costs a 2×D product — nothing is encoded twice.
"""

from __future__ import annotations

from collections import deque
from pathlib import Path

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from desktop.tasks import TaskRunner
from desktop.widgets.class_palette import PALETTE
from engine.latent_map import LatentMap, compute_latent_map, held_out_images

MAP_POINTS = 2000  # enough to see the clusters; encoded in well under a second on a laptop
TRAIL = 20  # positions kept in the trail (one per update while drawing)


def live_map_for(state, path: Path, dataset: str, record: dict, model) -> tuple[Path, LatentMap | None]:
    """On a task thread: the map of ``model`` (``path`` names it), from a few held-out images of its data."""
    source_kind = str(record.get("source_kind") or "auto")
    images, labels, names, where = held_out_images(dataset, source_kind, MAP_POINTS, record=record)
    if state.is_cancelled():
        return path, None
    return path, compute_latent_map(model, images, labels, names, where)


class LiveMap(QWidget):
    """``show_model`` computes (or reuses) a model's map; ``place`` moves the star to a code of that model."""

    map_ready = Signal(object)  # the path of the model whose map is now shown

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setToolTip(
            self.tr(
                "Where your drawing lands among the held-out images, as the chosen model codes them "
                "(the first two principal axes of its codes). The ★ follows your stroke; the line "
                "is where it has been. The Latent space page shows the same map, bigger."
            )
        )
        self.plot_widget = pg.PlotWidget()
        self.plot_widget.setBackground(None)
        self.plot_widget.setMinimumSize(120, 100)
        # the plot's own size hint is tall: it would push the Draw page past a 1280×720 screen; it takes
        # what its layout gives it instead (the page gives spare height to the map and the code's chart)
        self.plot_widget.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        plot = self.plot = self.plot_widget.getPlotItem()
        plot.hideAxis("left")
        plot.hideAxis("bottom")
        plot.setMouseEnabled(x=False, y=False)
        plot.hideButtons()
        self.points = pg.ScatterPlotItem(pxMode=True, size=3, pen=None)
        plot.addItem(self.points)
        self.trail_curve = pg.PlotCurveItem(pen=pg.mkPen((0, 0, 0, 160), width=2))
        plot.addItem(self.trail_curve)
        self.star = pg.ScatterPlotItem(
            pxMode=True, size=18, symbol="star", brush=pg.mkBrush(255, 215, 0), pen=pg.mkPen("k", width=1.2)
        )
        self.star.setZValue(10)
        plot.addItem(self.star)
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot_widget, 1)
        layout.addWidget(self.caption)
        self.map: LatentMap | None = None
        self.path: Path | None = None  # the model whose map is shown
        self._wanted: Path | None = None
        self._maps: dict[Path, LatentMap] = {}
        self._last_code: np.ndarray | None = None
        self.trail: deque[tuple[float, float]] = deque(maxlen=TRAIL)
        self._task = TaskRunner("live-map", parent=self)
        self._task.result.connect(self._on_map_done)
        self._task.error.connect(self._on_map_failed)
        self.caption.setText(self.tr("Pick a model: its latent map appears here."))

    # -- the map ---------------------------------------------------------------------------
    def show_model(self, path: Path | None, dataset: str = "", record: dict | None = None, model=None) -> None:
        """Show ``path``'s map: at once if it was computed before, otherwise once its task ends."""
        self._wanted = path
        if path is None or model is None:
            self._task.cancel()
            self._set_map(None, None)
            self.caption.setText(self.tr("Pick a model: its latent map appears here."))
            return
        if path == self.path:
            return
        if path in self._maps:
            self._set_map(path, self._maps[path])
            return
        self._set_map(None, None)
        self.caption.setText(self.tr("Placing the held-out images on the map…"))
        self._task.start(live_map_for, path, dataset, record or {}, model)

    def _on_map_done(self, result) -> None:
        path, latent_map = result
        if latent_map is None:
            return
        self._maps[path] = latent_map
        if path == self._wanted:
            self._set_map(path, latent_map)

    def _on_map_failed(self, message: str) -> None:
        self.caption.setText(self.tr("No map for this model: {reason}").format(reason=message.split(": ", 1)[-1]))

    def _set_map(self, path: Path | None, latent_map: LatentMap | None) -> None:
        self.path, self.map = path, latent_map
        self.trail.clear()
        self.trail_curve.clear()
        self.star.clear()
        if latent_map is None:
            self.points.clear()
            return
        brushes = [pg.mkBrush(*PALETTE[i % len(PALETTE)], 150) for i in range(max(len(latent_map.class_names), 1))]
        labels = np.clip(latent_map.labels, 0, len(brushes) - 1)
        self.points.setData(latent_map.coords[:, 0], latent_map.coords[:, 1], brush=[brushes[i] for i in labels])
        self.plot.autoRange(padding=0.05)
        self.caption.setText(self.tr("{description}; colours are classes.").format(description=latent_map.description))
        if self._last_code is not None:
            self.place(self._last_code, path)
        self.map_ready.emit(path)

    # -- the star ------------------------------------------------------------------------------
    def place(self, code: np.ndarray | None, path: Path | None) -> None:
        """The drawing's code by model ``path`` (None: nothing drawn): move the star, extend the trail."""
        self._last_code = None if code is None or path != self._wanted else np.asarray(code, np.float32)
        if code is None:
            self.reset_trail()
            return
        if self.map is None or path != self.path or len(code) != self.map.mean.shape[0]:
            return
        x, y = (float(v) for v in self.map.to_map(code))
        if self.trail and self.trail[-1] == (x, y):
            return
        self.trail.append((x, y))
        self.star.setData([x], [y])
        trail = np.array(self.trail, np.float32)
        self.trail_curve.setData(trail[:, 0], trail[:, 1])

    def reset_trail(self) -> None:
        """A new drawing: the trail starts again (the star goes until something is drawn)."""
        self.trail.clear()
        self.trail_curve.clear()
        self.star.clear()

    def star_position(self) -> tuple[float, float] | None:
        return self.trail[-1] if self.trail else None

    def shutdown(self) -> bool:
        return self._task.shutdown()
