"""The latent map's plot: the dots coloured by class, their legend, the drawing's star and trail, the
hover cross, and — behind them all, for a 2-d plane — the decoded manifold as one image.

It only paints what it is given (:meth:`show_map`, :meth:`set_manifold`); the page computes.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF

from desktop.widgets.class_palette import PALETTE
from engine import i18n as engine_i18n
from engine.latent_map import LatentMap

MANIFOLD_OPACITY = 0.6  # the dots stay readable on top


class LatentMapPlot(pg.PlotWidget):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setBackground("w")
        self.showGrid(x=True, y=True, alpha=0.15)
        self.setToolTip(
            self.tr(
                "Scroll to zoom, drag to pan. Move the mouse to decode the point under it; click a dot to see "
                "its image."
            )
        )
        # The decoded manifold: a light picture (dark strokes on white), behind everything, and never part
        # of the auto-range (it covers the visible region, which would grow it at every range change).
        self.manifold = pg.ImageItem(axisOrder="row-major")
        self.manifold.setZValue(-100)
        self.manifold.setOpacity(MANIFOLD_OPACITY)
        self.manifold.setVisible(False)
        self.addItem(self.manifold, ignoreBounds=True)
        self.scatter = pg.ScatterPlotItem(pxMode=True, size=5, pen=None)
        self.addItem(self.scatter)
        self.trail_curve = pg.PlotCurveItem(pen=pg.mkPen((0, 0, 0, 160), width=2))
        self.addItem(self.trail_curve)
        self.drawing_marker = pg.ScatterPlotItem(
            pxMode=True, size=22, symbol="star", brush=pg.mkBrush(255, 215, 0), pen=pg.mkPen("k", width=1.5)
        )
        self.drawing_marker.setZValue(10)
        self.addItem(self.drawing_marker)
        self.hover_marker = pg.ScatterPlotItem(pxMode=True, size=12, symbol="+", pen=pg.mkPen("k", width=2))
        self.hover_marker.setZValue(11)
        self.addItem(self.hover_marker)
        self.legend = self.addLegend(offset=(10, 10), labelTextColor="k")
        self.legend.setBrush(pg.mkBrush(255, 255, 255, 210))

    @property
    def view_box(self) -> pg.ViewBox:
        return self.getPlotItem().vb

    def clear_map(self) -> None:
        self.scatter.clear()
        self.legend.clear()
        self.trail_curve.clear()
        self.drawing_marker.clear()
        self.hover_marker.clear()
        self.clear_manifold()

    def show_map(self, latent: LatentMap, keep_view: bool = False) -> None:
        """Draw ``latent``'s dots and legend, and name the axes after how the map was made."""
        brushes = [pg.mkBrush(*PALETTE[i % len(PALETTE)], 170) for i in range(max(len(latent.class_names), 1))]
        self.scatter.setData(
            x=latent.coords[:, 0],
            y=latent.coords[:, 1],
            brush=[brushes[int(c) % len(brushes)] for c in latent.labels],
            data=np.arange(len(latent.coords)),
        )
        self.legend.clear()
        for i, name in enumerate(latent.class_names):
            name = engine_i18n._(name)
            label = name if name == str(i) else f"{i} {name}"
            self.legend.addItem(pg.ScatterPlotItem(size=9, pen=None, brush=brushes[i]), label)
        if latent.method == "tsne":
            self.setLabel("bottom", self.tr("t-SNE 1 (no unit: only neighbours count)"))
            self.setLabel("left", self.tr("t-SNE 2"))
        elif latent.method == "plane":
            self.setLabel("bottom", "code[0]")
            self.setLabel("left", "code[1]")
        else:
            e0, e1 = (100 * latent.explained).tolist()
            self.setLabel(
                "bottom", self.tr("principal component 1 ({share} % of the variance)").format(share=round(e0))
            )
            self.setLabel("left", self.tr("principal component 2 ({share} % of the variance)").format(share=round(e1)))
        self.hover_marker.clear()
        if not keep_view:
            self.autoRange()

    def visible_range(self) -> tuple[tuple[float, float], tuple[float, float]]:
        (x0, x1), (y0, y1) = self.view_box.viewRange()
        return (float(x0), float(x1)), (float(y0), float(y1))

    # -- the decoded manifold ------------------------------------------------------------------------
    def set_manifold(self, mosaic: np.ndarray, x_range: tuple[float, float], y_range: tuple[float, float]) -> None:
        """Show ``mosaic`` (row 0 at the top, as :func:`engine.latent_map.decode_manifold` makes it) over
        the region of the plane it was decoded at."""
        picture = 1.0 - np.asarray(mosaic, np.float32)[::-1]  # row 0 at the bottom (y up); dark on white
        self.manifold.setImage(np.ascontiguousarray(picture), levels=(0.0, 1.0), autoLevels=False)
        (x0, x1), (y0, y1) = x_range, y_range
        self.manifold.setRect(QRectF(x0, y0, x1 - x0, y1 - y0))
        self.manifold.setVisible(True)

    def clear_manifold(self) -> None:
        self.manifold.clear()
        self.manifold.setVisible(False)

    def manifold_shown(self) -> bool:
        return self.manifold.isVisible() and self.manifold.image is not None
