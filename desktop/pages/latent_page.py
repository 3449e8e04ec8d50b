"""The Latent space page: every held-out image placed by its code, coloured by class.

The maps are :mod:`engine.latent_map` (a 2-d model's plane, or a PCA of wider
codes) and :mod:`engine.latent_tsne` (t-SNE, cached per model), computed on task
threads (:mod:`desktop.tasks`: the newest request wins, the page never waits);
the parts of the page are in :mod:`desktop.pages.latent`. Moving the mouse maps
a point back to a code that the decoder turns into the image shown: exactly on a
2-d plane, the other components at their mean on a PCA map, and the blend of the
nearest dots' codes on a t-SNE map — the page says which. A 2-d plane can show
the decoded manifold behind its dots. The Draw page's input appears as a star
that moves as the student draws.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import torch
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from desktop.model_library import ModelEntry, display_order
from desktop.pages import PageDefaults
from desktop.pages.latent.manifold_layer import ManifoldLayer
from desktop.pages.latent.map_plot import LatentMapPlot
from desktop.pages.latent.projection_bar import ProjectionBar
from desktop.pages.latent.side_panel import SidePanel
from desktop.pages.latent.work import map_for, tsne_for
from desktop.tasks import TaskRunner
from engine import i18n as engine_i18n
from engine import inference
from engine.latent_map import LatentMap, compute_latent_map, held_out_images  # noqa: F401 (tests import them here)
from engine.latent_tsne import TsneSettings, cached_tsne_map
from engine.models.families import families


class LatentPage(QWidget, PageDefaults):
    map_ready = Signal()
    tsne_settings = TsneSettings()  # how t-SNE maps are made (tests make them smaller)

    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.library = context.library
        self.settings = context.settings
        self.entry: ModelEntry | None = None
        self.model: torch.nn.Module | None = None
        self.base: LatentMap | None = None  # the current model's plane or PCA map
        self.map: LatentMap | None = None  # the map shown (the base, or its t-SNE)
        self._method = "tsne" if self.settings.value("latent/method", "pca") == "tsne" else "pca"
        self._maps: dict[Path, LatentMap] = {}
        self._tsne_maps: dict[Path, LatentMap] = {}
        self._map_task = TaskRunner("latent-map", parent=self)
        self._map_task.result.connect(self._on_map_done)
        self._map_task.error.connect(self._on_map_failed)
        self._tsne_task = TaskRunner("latent-tsne", parent=self)
        self._tsne_task.progress.connect(self._on_tsne_progress)
        self._tsne_task.result.connect(self._on_tsne_done)
        self._tsne_task.error.connect(self._on_tsne_failed)
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
        self.bar = ProjectionBar()
        self.bar.set_method(self._method)
        self.bar.set_manifold_wanted(self.settings.value("latent/manifold", True, type=bool))
        self.bar.method_changed.connect(self._on_method_chosen)
        self.bar.manifold_toggled.connect(self._on_manifold_toggled)
        self.bar.cancel_requested.connect(self._cancel_tsne)
        self.info_label = QLabel()
        self.info_label.setWordWrap(True)
        self.info_label.setTextFormat(Qt.TextFormat.PlainText)  # it quotes the model's name
        self.notice_label = QLabel()  # what went wrong or was cancelled, until the next map
        self.notice_label.setWordWrap(True)
        self.notice_label.setTextFormat(Qt.TextFormat.PlainText)
        self.notice_label.setStyleSheet("color: #a33;")
        self.notice_label.hide()
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Model:")))
        top.addWidget(self.model_combo)
        top.addSpacing(12)
        top.addWidget(self.bar)
        top.addStretch(1)

        self.plot = LatentMapPlot()
        self.scatter, self.legend = self.plot.scatter, self.plot.legend
        self.drawing_marker, self.trail_curve = self.plot.drawing_marker, self.plot.trail_curve
        self.hover_marker = self.plot.hover_marker
        self.plot.scene().sigMouseMoved.connect(self._on_mouse_moved)
        self.plot.scene().sigMouseClicked.connect(self._on_mouse_clicked)
        self._hover_timer = QTimer(self)
        self._hover_timer.setSingleShot(True)
        self._hover_timer.setInterval(15)  # at most ~60 decodes a second
        self._hover_timer.timeout.connect(self._decode_hover)
        self.manifold = ManifoldLayer(self.plot, parent=self)

        self.side = SidePanel()
        side = self.side
        self.hover_view, self.hover_label, self.how_label = side.hover_view, side.hover_label, side.how_label
        self.original_view, self.reconstruction_view = side.original_view, side.reconstruction_view
        self.clicked_label, self.drawing_view = side.clicked_label, side.drawing_view
        body = QHBoxLayout()
        body.addWidget(self.plot, 1)
        body.addWidget(self.side)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.info_label)
        layout.addWidget(self.notice_label)
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
        self.entry, self.model, self.base, self.map = entry, None, None, None
        self._tsne_task.cancel()
        self.manifold.set_source(None, None)
        self.bar.show_progress(None)
        self._set_notice("")
        self.plot.clear_map()
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
            self._on_base_map(self._maps[self.entry.path])
            return
        self.info_label.setText(self.tr("Encoding the held-out images with {name}…").format(name=self.entry.name))
        record = self.entry.meta.get("dataset") or {}
        source_kind = str(record.get("source_kind") or "auto")
        self._map_task.start(map_for, self.entry.path, self.entry.dataset, source_kind, model, record)  # newest wins

    def _on_map_done(self, outcome: tuple) -> None:
        path, result = outcome
        self._maps[Path(path)] = result
        if self.entry is not None and Path(path) == self.entry.path:
            self._on_base_map(result)

    def _on_map_failed(self, reason: str) -> None:
        self.info_label.setText(self.tr("⚠ Could not map this model: {reason}").format(reason=reason))

    def wait_for_map(self, timeout_ms: int = 30000) -> bool:
        """Serve the event loop until the map is shown and no t-SNE is being computed (tests, screenshots)."""
        from PySide6.QtCore import QCoreApplication, QDeadlineTimer

        deadline = QDeadlineTimer(timeout_ms)
        while (self.map is None or self._tsne_task.is_busy()) and not deadline.hasExpired():
            self.library.wait_for_loads(100)
            self._map_task.wait_idle(100)
            self._tsne_task.wait_idle(100)
            QCoreApplication.processEvents()
        return self.map is not None and not self._tsne_task.is_busy()

    # -- PCA or t-SNE -----------------------------------------------------------------------------------
    def _on_base_map(self, base: LatentMap) -> None:
        self.base = base
        self.bar.set_coding_size(base.coding_size, self._method)
        if base.method != "plane" and self._method == "tsne":
            self._request_tsne()
        else:
            self._show_map(base)

    def _on_method_chosen(self, method: str) -> None:
        self._method = method
        self.settings.setValue("latent/method", method)
        self._set_notice("")
        if self.base is None or self.base.method == "plane":
            return
        if method == "tsne":
            self._request_tsne()
        else:
            self._tsne_task.cancel()
            self.bar.show_progress(None)
            self._show_map(self.base)

    def _request_tsne(self) -> None:
        assert self.entry is not None and self.base is not None
        path = self.entry.path
        latent = self._tsne_maps.get(path) or cached_tsne_map(self.base, path, self.tsne_settings)
        if latent is not None:  # computed before, in this session or an earlier one: at once
            self._tsne_maps[path] = latent
            self._show_map(latent)
            return
        if self.map is not self.base:
            self._show_map(self.base)
        self.info_label.setText(
            self.tr(
                "Laying out the codes of {name} by t-SNE (a few seconds, once for each model); the PCA map is "
                "shown meanwhile."
            ).format(name=self.entry.name)
        )
        self.bar.show_progress(0.0)
        self._tsne_task.start(tsne_for, path, self.base, self.tsne_settings)

    def _on_tsne_progress(self, fraction: float) -> None:
        self.bar.show_progress(fraction)

    def _on_tsne_done(self, outcome: tuple) -> None:
        path, latent = outcome
        self.bar.show_progress(None)
        if latent is None:
            return
        self._tsne_maps[Path(path)] = latent
        if self.entry is not None and Path(path) == self.entry.path and self._method == "tsne":
            self._show_map(latent)

    def _on_tsne_failed(self, reason: str) -> None:
        self._back_to_pca(
            self.tr("⚠ The t-SNE map could not be computed ({reason}); the PCA map is shown.").format(reason=reason)
        )

    def _cancel_tsne(self) -> None:
        self._tsne_task.cancel()
        self._back_to_pca(self.tr("t-SNE cancelled; the PCA map is shown. Choose t-SNE again to compute it."))

    def _back_to_pca(self, notice: str) -> None:
        self.bar.show_progress(None)
        self._method = "pca"
        self.settings.setValue("latent/method", "pca")
        self.bar.set_method("pca")
        if self.base is not None:
            self._show_map(self.base)
        self._set_notice(notice)

    def _set_notice(self, text: str) -> None:
        self.notice_label.setText(text)
        self.notice_label.setVisible(bool(text))

    # -- the map ------------------------------------------------------------------------------------
    def _show_map(self, result: LatentMap) -> None:
        self.map = result
        self.plot.show_map(result)
        d = result.coding_size
        if result.method == "plane":
            how = self.tr("the 2-d code itself")
        elif result.method == "tsne":
            how = self.tr("its {d}-d codes laid out by t-SNE").format(d=d)
        else:
            e0, e1 = (100 * result.explained).tolist()
            how = self.tr("its {d}-d codes projected by PCA on their 2 main axes ({share} % of the variance)").format(
                d=d, share=round(e0 + e1)
            )
        self.side.say_how_hovering_decodes(result.method)
        assert self.entry is not None
        self.info_label.setText(
            self.tr("{what}, placed by {name}: {how}.").format(what=result.description, name=self.entry.name, how=how)
        )
        self.trail = []
        if self.context.last_drawing is not None:
            self._place_drawing(self.context.last_drawing, reset_trail=True)
        else:
            self.drawing_marker.clear()
            self.trail_curve.clear()
        self._update_manifold()
        self.map_ready.emit()

    # -- the decoded manifold of a 2-d plane ------------------------------------------------------------
    def _on_manifold_toggled(self, checked: bool) -> None:
        self.settings.setValue("latent/manifold", bool(checked))
        self._update_manifold()

    def _update_manifold(self) -> None:
        plane = self.map is not None and self.map.method == "plane" and self.map.coding_size == 2
        if plane and self.bar.manifold_wanted() and self.entry is not None:
            self.manifold.set_source(self.entry.path, self.model)
        else:
            self.manifold.set_source(None, None)

    # -- hovering and clicking ---------------------------------------------------------------------------
    def _on_mouse_moved(self, scene_pos) -> None:
        if self.map is None or not self.plot.sceneBoundingRect().contains(scene_pos):
            return
        point = self.plot.view_box.mapSceneToView(scene_pos)
        self._hover = (point.x(), point.y())
        if not self._hover_timer.isActive():
            self._hover_timer.start()

    def decode_at(self, x: float, y: float) -> np.ndarray | None:
        """The image the decoder makes of the map point (x, y)."""
        if self.map is None or self.model is None:
            return None
        return inference.decode(self.model, self.map.to_code(np.array([[x, y]], np.float32)))[0]

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
        self.side.show_hovered(image, x, y)
        self.hover_marker.setData([x], [y])

    def _on_mouse_clicked(self, event) -> None:
        if self.map is None:
            return
        point = self.plot.view_box.mapSceneToView(event.scenePos())
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
        label = int(self.map.labels[index])
        name = self.map.class_names[label] if label < len(self.map.class_names) else str(label)
        self.side.show_clicked(image, recon, index, label, engine_i18n._(name), self.map.coords[index])

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
        """Cancel the maps being computed and join their threads (the window is closing)."""
        done = [self.manifold.shutdown(), self._map_task.shutdown(), self._tsne_task.shutdown()]
        return all(done)


def _variational_families() -> tuple[str, ...]:
    """Families whose codes are a latent space one can sample (the VAE): listed first on the map."""
    return tuple(f.key for f in families() if f.reconstructs and f.generates)
