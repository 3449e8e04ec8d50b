"""The Latent space page: every held-out image placed by its code, coloured by class.

The map itself — encoding thousands of images and projecting their codes by
PCA — is :mod:`engine.latent_map`, computed on a task thread (:mod:`desktop.tasks`:
the newest model chosen wins, the page never waits); moving the
mouse maps a point back to a code that the decoder turns into the image shown.
The Draw page's input appears as a star that moves as the student draws.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pyqtgraph as pg
import torch
from PySide6.QtCore import QLocale, Qt, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QGroupBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from desktop.model_library import ModelEntry, display_order
from desktop.pages import PageDefaults
from desktop.tasks import TaskRunner
from desktop.widgets.class_palette import PALETTE
from desktop.widgets.pixel_view import PixelView
from engine import i18n as engine_i18n
from engine import inference
from engine.latent_map import LatentMap, compute_latent_map, held_out_images  # noqa: F401 (tests import them here)
from engine.models.families import families


def map_for(
    state, path: Path, dataset: str, source_kind: str, model: torch.nn.Module, record: dict | None = None
) -> tuple[Path, LatentMap | None]:
    """The latent map of one model (on a task thread): its checkpoint's path and the map.
    ``record``: the checkpoint's dataset record (a folder of pictures is mapped from that folder)."""
    images, labels, names, where = held_out_images(dataset, source_kind, record=record)
    if state.is_cancelled():  # another model was chosen meanwhile: skip the encoding
        return path, None
    return path, compute_latent_map(model, images, labels, names, where)


class LatentPage(QWidget, PageDefaults):
    map_ready = Signal()

    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.library = context.library
        self.settings = context.settings
        self.entry: ModelEntry | None = None
        self.model: torch.nn.Module | None = None
        self.map: LatentMap | None = None
        self._map_task = TaskRunner("latent-map", parent=self)
        self._map_task.result.connect(self._on_map_done)
        self._map_task.error.connect(self._on_map_failed)
        self._maps: dict[Path, LatentMap] = {}
        self._hover: tuple[float, float] | None = None
        self._pending_drawing: np.ndarray | None = None
        self.trail: list[tuple[float, float]] = []
        self._build()
        self.library.changed.connect(self._fill_models)
        self.library.model_loaded.connect(self._on_model_loaded)
        context.drawing_changed.connect(self._on_drawing)
        self._fill_models()

    def _build(self) -> None:
        self.model_combo = QComboBox()
        self.model_combo.setMinimumWidth(240)
        self.model_combo.setToolTip(self.tr("The autoencoder whose codes are mapped."))
        self.model_combo.currentIndexChanged.connect(self._on_model_chosen)
        self.info_label = QLabel()
        self.info_label.setWordWrap(True)
        self.info_label.setTextFormat(Qt.TextFormat.PlainText)  # it quotes the model's name
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Model:")))
        top.addWidget(self.model_combo)
        top.addStretch(1)

        pg.setConfigOptions(antialias=False)
        self.plot = pg.PlotWidget()
        self.plot.setBackground("w")
        self.plot.showGrid(x=True, y=True, alpha=0.15)
        self.plot.setToolTip(
            self.tr(
                "Scroll to zoom, drag to pan. Move the mouse to decode the point under it; click a dot to see "
                "its image."
            )
        )
        self.scatter = pg.ScatterPlotItem(pxMode=True, size=5, pen=None)
        self.plot.addItem(self.scatter)
        self.trail_curve = pg.PlotCurveItem(pen=pg.mkPen((0, 0, 0, 160), width=2))
        self.plot.addItem(self.trail_curve)
        self.drawing_marker = pg.ScatterPlotItem(
            pxMode=True, size=22, symbol="star", brush=pg.mkBrush(255, 215, 0), pen=pg.mkPen("k", width=1.5)
        )
        self.drawing_marker.setZValue(10)
        self.plot.addItem(self.drawing_marker)
        self.hover_marker = pg.ScatterPlotItem(pxMode=True, size=12, symbol="+", pen=pg.mkPen("k", width=2))
        self.hover_marker.setZValue(11)
        self.plot.addItem(self.hover_marker)
        self.legend = self.plot.addLegend(offset=(10, 10), labelTextColor="k")
        self.legend.setBrush(pg.mkBrush(255, 255, 255, 210))
        self.plot.scene().sigMouseMoved.connect(self._on_mouse_moved)
        self.plot.scene().sigMouseClicked.connect(self._on_mouse_clicked)
        self._hover_timer = QTimer(self)
        self._hover_timer.setSingleShot(True)
        self._hover_timer.setInterval(15)  # at most ~60 decodes a second
        self._hover_timer.timeout.connect(self._decode_hover)

        self.hover_view = PixelView(self.tr("Move the mouse over the map"), 120)
        self.hover_label = QLabel()
        self.original_view = PixelView(self.tr("Click a dot"), 90)
        self.reconstruction_view = PixelView("", 90)
        self.clicked_label = QLabel()
        self.clicked_label.setWordWrap(True)
        self.drawing_view = PixelView(self.tr("Draw on the Draw page"), 90)
        hover_box = QGroupBox(self.tr("Decoded under the mouse"))
        hb = QVBoxLayout(hover_box)
        hb.addWidget(self.hover_view)
        hb.addWidget(self.hover_label)
        click_box = QGroupBox(self.tr("The dot you clicked"))
        cb = QVBoxLayout(click_box)
        pair = QHBoxLayout()
        for title, view in (
            (self.tr("original"), self.original_view),
            (self.tr("reconstruction"), self.reconstruction_view),
        ):
            col = QVBoxLayout()
            col.addWidget(QLabel(title))
            col.addWidget(view)
            pair.addLayout(col)
        cb.addLayout(pair)
        cb.addWidget(self.clicked_label)
        draw_box = QGroupBox(self.tr("Your drawing (★ on the map)"))
        db = QVBoxLayout(draw_box)
        db.addWidget(self.drawing_view)
        side = QVBoxLayout()
        side.addWidget(hover_box)
        side.addWidget(click_box)
        side.addWidget(draw_box)
        side.addStretch(1)
        side_widget = QWidget()
        side_widget.setLayout(side)
        side_widget.setFixedWidth(280)
        body = QHBoxLayout()
        body.addWidget(self.plot, 1)
        body.addWidget(side_widget)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.info_label)
        layout.addLayout(body, 1)

    # -- models ----------------------------------------------------------------------------------
    def _fill_models(self) -> None:
        entries = sorted(
            (e for e in self.library.entries() if e.is_autoencoder),
            key=lambda e: display_order(e, first_families=_variational_families()),
        )  # a variational code is the clearest map
        previous = self.model_combo.currentData() or self.settings.value("latent/model", "")
        self.model_combo.blockSignals(True)
        self.model_combo.clear()
        for entry in entries:
            self.model_combo.addItem(entry.name, str(entry.path))
        index = self.model_combo.findData(str(previous)) if previous else -1
        self.model_combo.setCurrentIndex(max(index, 0))
        self.model_combo.blockSignals(False)
        if not entries:
            self.info_label.setText(self.tr("No autoencoder yet: train one on the Train page."))
            return
        self._on_model_chosen()

    def select_model(self, path: str | Path) -> bool:
        index = self.model_combo.findData(str(Path(path).resolve()))
        if index >= 0:
            self.model_combo.setCurrentIndex(index)
        return index >= 0

    def _on_model_chosen(self) -> None:
        entry = self.library.entry_for(self.model_combo.currentData() or "")
        if entry is None or (self.entry is not None and entry.path == self.entry.path and self.map is not None):
            return
        self.settings.setValue("latent/model", str(entry.path))
        self.entry, self.model, self.map = entry, None, None
        self.scatter.clear()
        self.legend.clear()
        self.trail = []
        checkpoint = self.library.cached(entry.path)
        if checkpoint is None:
            self.info_label.setText(self.tr("Loading {name}…").format(name=entry.name))
            self.library.load_in_background([entry.path])
        else:
            self._start_map(checkpoint.model)

    def _on_model_loaded(self, path) -> None:
        if self.entry is not None and Path(path) == self.entry.path and self.model is None:
            checkpoint = self.library.cached(path)
            if checkpoint is not None:
                self._start_map(checkpoint.model)

    def _start_map(self, model: torch.nn.Module) -> None:
        assert self.entry is not None
        self.model = model
        if self.entry.path in self._maps:
            self._show_map(self._maps[self.entry.path])
            return
        self.info_label.setText(self.tr("Encoding the held-out images with {name}…").format(name=self.entry.name))
        record = self.entry.meta.get("dataset") or {}
        source_kind = str(record.get("source_kind") or "auto")
        self._map_task.start(map_for, self.entry.path, self.entry.dataset, source_kind, model, record)  # newest wins

    def _on_map_done(self, outcome: tuple) -> None:
        path, result = outcome
        self._maps[Path(path)] = result
        if self.entry is not None and Path(path) == self.entry.path:
            self._show_map(result)

    def _on_map_failed(self, reason: str) -> None:
        self.info_label.setText(self.tr("⚠ Could not map this model: {reason}").format(reason=reason))

    def wait_for_map(self, timeout_ms: int = 30000) -> bool:
        """Serve the event loop until the map is shown (tests, screenshots)."""
        from PySide6.QtCore import QCoreApplication, QDeadlineTimer

        deadline = QDeadlineTimer(timeout_ms)
        while self.map is None and not deadline.hasExpired():
            self.library.wait_for_loads(100)
            self._map_task.wait_idle(100)
            QCoreApplication.processEvents()
        return self.map is not None

    # -- the map ------------------------------------------------------------------------------------
    def _show_map(self, result: LatentMap) -> None:
        self.map = result
        brushes = [pg.mkBrush(*PALETTE[i % len(PALETTE)], 170) for i in range(max(len(result.class_names), 1))]
        self.scatter.setData(
            x=result.coords[:, 0],
            y=result.coords[:, 1],
            brush=[brushes[int(c) % len(brushes)] for c in result.labels],
            data=np.arange(len(result.coords)),
        )
        self.legend.clear()
        for i, name in enumerate(result.class_names):
            name = engine_i18n._(name)
            label = name if name == str(i) else f"{i} {name}"
            self.legend.addItem(pg.ScatterPlotItem(size=9, pen=None, brush=brushes[i]), label)
        d = result.mean.size
        if d <= 2:
            self.plot.setLabel("bottom", "code[0]")
            self.plot.setLabel("left", "code[1]")
            how = self.tr("the 2-d code itself")
        else:
            e0, e1 = (100 * result.explained).tolist()
            self.plot.setLabel(
                "bottom", self.tr("principal component 1 ({share} % of the variance)").format(share=round(e0))
            )
            self.plot.setLabel(
                "left", self.tr("principal component 2 ({share} % of the variance)").format(share=round(e1))
            )
            how = self.tr("its {d}-d codes projected by PCA on their 2 main axes ({share} % of the variance)").format(
                d=d, share=round(e0 + e1)
            )
        assert self.entry is not None
        self.info_label.setText(
            self.tr("{what}, placed by {name}: {how}.").format(what=result.description, name=self.entry.name, how=how)
        )
        self.plot.autoRange()
        if self.context.last_drawing is not None:
            self._place_drawing(self.context.last_drawing, reset_trail=True)
        self.map_ready.emit()

    def _on_mouse_moved(self, scene_pos) -> None:
        if self.map is None or not self.plot.sceneBoundingRect().contains(scene_pos):
            return
        point = self.plot.getPlotItem().vb.mapSceneToView(scene_pos)
        self._hover = (point.x(), point.y())
        if not self._hover_timer.isActive():
            self._hover_timer.start()

    def decode_at(self, x: float, y: float) -> np.ndarray | None:
        """The image the decoder makes of the map point (x, y)."""
        if self.map is None or self.model is None:
            return None
        code = torch.from_numpy(self.map.to_code(np.array([[x, y]], np.float32)))
        with torch.inference_mode():
            return self.model.decode(code)[0].numpy()

    def hover(self, x: float, y: float) -> None:
        self._hover = (x, y)
        self._decode_hover()

    def _decode_hover(self) -> None:
        if self._hover is None:
            return
        x, y = self._hover
        image = self.decode_at(x, y)
        if image is None:
            return
        self.hover_view.set_image(image)
        locale = QLocale()
        self.hover_label.setText(
            self.tr("at ({x}, {y})").format(x=locale.toString(float(x), "f", 2), y=locale.toString(float(y), "f", 2))
        )
        self.hover_marker.setData([x], [y])

    def _on_mouse_clicked(self, event) -> None:
        if self.map is None:
            return
        point = self.plot.getPlotItem().vb.mapSceneToView(event.scenePos())
        hits = self.scatter.pointsAt(point)
        if len(hits):
            self.show_point(int(hits[0].data()))

    def show_point(self, index: int) -> None:
        """Show one dot's original image and the model's reconstruction of it."""
        if self.map is None or self.model is None:
            return
        image = self.map.images[index]
        with torch.inference_mode():
            recon = self.model.reconstruct(torch.from_numpy(image).float().div(255.0).unsqueeze(0))[0].numpy()
        self.original_view.set_image(image)
        self.reconstruction_view.set_image(recon)
        label = int(self.map.labels[index])
        name = self.map.class_names[label] if label < len(self.map.class_names) else str(label)
        x, y = self.map.coords[index]
        locale = QLocale()
        self.clicked_label.setText(
            self.tr("Image #{index}: class {label} ({name}) at ({x}, {y})").format(
                index=index,
                label=label,
                name=engine_i18n._(name),
                x=locale.toString(float(x), "f", 2),
                y=locale.toString(float(y), "f", 2),
            )
        )

    # -- the Draw page's input as a moving point --------------------------------------------------
    def _on_drawing(self, image: np.ndarray) -> None:
        if not self.isVisible():
            self._pending_drawing = image  # placed when the page is shown: drawing stays fast
            return
        self._place_drawing(image)

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        if self._pending_drawing is not None:
            image, self._pending_drawing = self._pending_drawing, None
            self._place_drawing(image)

    def _place_drawing(self, image: np.ndarray, reset_trail: bool = False) -> None:
        self.drawing_view.set_image(image if image is not None and image.any() else None)
        if reset_trail:
            self.trail = []
        if self.map is None or self.model is None or image is None or not image.any():
            self.drawing_marker.clear()
            self.trail_curve.clear()
            return
        code = inference.encode(self.model, np.asarray(image)[None])
        x, y = self.map.to_map(code)[0]
        self.drawing_marker.setData([float(x)], [float(y)])
        self.trail = (self.trail + [(float(x), float(y))])[-40:]
        trail = np.array(self.trail, np.float32)
        self.trail_curve.setData(trail[:, 0], trail[:, 1])

    def drawing_position(self) -> tuple[float, float] | None:
        return self.trail[-1] if self.trail else None

    def shutdown(self) -> bool:
        """Cancel the map being computed and join its thread (the window is closing)."""
        return self._map_task.shutdown()


def _variational_families() -> tuple[str, ...]:
    """Families whose codes are a latent space one can sample (the VAE): listed first on the map."""
    return tuple(f.key for f in families() if f.reconstructs and f.generates)
