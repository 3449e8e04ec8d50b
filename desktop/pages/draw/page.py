"""The Draw page: draw (or load) a digit and watch every autoencoder rebuild it, live.

What a student meets first. The drawing goes through the MNIST recipe (shown
step by step), then through every autoencoder on screen at once — one
dataset's, or both datasets' side by side; each reconstruction shows its
error. A noise panel corrupts the input (Gaussian σ, dropout, blanked pixels)
and compares the denoising autoencoder with a plain one on it. All of that is
one :mod:`engine.inference` call per stroke
(:func:`~engine.inference.reconstruct_all`); the widgets only paint its result.

Bursts of mouse events are coalesced: a stroke marks the page dirty and the
work runs once per trip through the event loop, in :meth:`DrawPage.process_now`,
which tests and the benchmark call directly.

Start-up: the page is what the window shows first, so what it needs only later
waits. The small latent map (pyqtgraph, and a map computed from held-out images)
is built once the page's models are loaded, the page usable without it.
"""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np
import torch
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop.model_library import ModelEntry
from desktop.pages import PageDefaults
from desktop.pages.draw.banner import Banner
from desktop.pages.draw.noise_models import NoiseModels
from desktop.pages.draw.opening import ImageOpener
from desktop.widgets.code_bars import CodeBars
from desktop.widgets.drawing_canvas import CANVAS_SIZE
from desktop.widgets.drawing_tools import DrawingTools
from desktop.widgets.model_input_panel import ModelInputPanel
from desktop.widgets.noise_panel import NoisePanel
from desktop.widgets.reconstruction_tiles import ReconstructionTiles, Slot
from engine import inference

LIVE_MAP_AFTER_MS = 2500  # the latent map is built by then even if a model never finishes loading


class DrawPage(QWidget, PageDefaults):
    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.library = context.library
        self.settings = context.settings
        self.result: inference.Prepared | None = None  # the recipe's steps for the current drawing
        self.outputs: inference.Reconstructions[Path] | None = None  # every model's answer to it
        self.model_input = np.zeros((28, 28), np.float32)
        self.noisy_input = np.zeros((28, 28), np.float32)
        self.blanks = np.zeros((28, 28), bool)
        self.noise_seed = 0  # "New noise" moves to the next seed
        self.last_latency_ms = 0.0
        self._live_map = None  # desktop.widgets.live_map.LiveMap, once built
        self._live_map_due = False
        self._dirty = False
        self._last_change = 0.0  # time.monotonic() of the last change to the drawing or its settings
        self._update_timer = QTimer(self)
        self._update_timer.setSingleShot(True)
        self._update_timer.setInterval(0)
        self._update_timer.timeout.connect(self.process_now)
        self._code_timer = QTimer(self)  # the code chart redraws at most ~12 times a second
        self._code_timer.setSingleShot(True)
        self._code_timer.setInterval(80)
        self._code_timer.timeout.connect(self._show_code)
        self._map_timer = QTimer(self)  # builds the latent map once the page is usable
        self._map_timer.setSingleShot(True)
        self._map_timer.timeout.connect(self._build_live_map_now)
        self._build()
        self.opener = ImageOpener(self, self.canvas, self.settings, context.show_status, self.show_message)
        self.tiles.rebuild()
        self._map_timer.start(LIVE_MAP_AFTER_MS)

    # -- building the page ---------------------------------------------------------------------
    def _build(self) -> None:
        self.tools = DrawingTools(self.settings)
        self.canvas = self.tools.canvas
        self.canvas.changed.connect(self.schedule_update)
        self.canvas.cleared.connect(self.reset_blanks)  # a new drawing: the old one's holes go too
        self.canvas.cleared.connect(self._reset_trail)
        self.canvas.file_dropped.connect(self.load_image_file)
        self.tools.open_requested.connect(self.open_image)
        self.pen_button, self.eraser_button = self.tools.pen_button, self.tools.eraser_button
        self.brush_slider, self.brush_label = self.tools.brush_slider, self.tools.brush_label
        self.undo_button, self.clear_button = self.tools.undo_button, self.tools.clear_button
        self.open_button = self.tools.open_button

        # what the model sees
        self.model_input_panel = ModelInputPanel()
        self.model_input_panel.raw_toggled.connect(self.schedule_update)
        self.raw_view = self.model_input_panel.raw_view
        self.processed_view = self.model_input_panel.processed_view
        self.raw_toggle = self.model_input_panel.raw_toggle
        self.steps_label = self.model_input_panel.steps_label

        left = QVBoxLayout()
        left.addWidget(self.tools, 3)
        left.addWidget(self.model_input_panel, 2)

        # reconstructions of every autoencoder
        self.tiles = ReconstructionTiles(self.library, self.settings)
        self.tiles.slots_changed.connect(self._on_slots_changed)
        self.tiles.model_loaded.connect(self.schedule_update)
        self.tiles.load_failed.connect(
            lambda reason: self.show_message(self.tr("A model could not be loaded: {reason}").format(reason=reason))
        )
        self.tiles.selection_changed.connect(lambda _path: self._show_code())
        self.tiles.selection_changed.connect(lambda _path: self._show_live_map())
        self.tiles.slots_changed.connect(self._show_live_map)
        self.tiles.model_loaded.connect(self._show_live_map)
        self.slots = self.tiles.slots  # the same dict, changed in place: the live path reads it directly
        self.dataset_combo = self.tiles.dataset_combo
        self.load_label, self.empty_label = self.tiles.load_label, self.tiles.empty_label

        self.code_bars = CodeBars()
        self.code_box = QGroupBox(self.tr("Latent code"))
        # its title changes with the drawing: its width must not follow it (the page would jump)
        self.code_box.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.code_box.setMinimumWidth(240)
        self.code_layout = QHBoxLayout(self.code_box)  # the code's numbers beside where they put the drawing
        self.code_layout.addWidget(self.code_bars, 3)
        self.map_placeholder = QLabel(self.tr("The latent map appears here in a moment."))
        self.map_placeholder.setWordWrap(True)
        self.map_placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.map_placeholder.setMinimumWidth(170)
        self.code_layout.addWidget(self.map_placeholder, 2)

        # noise and the denoiser
        panel = self.noise_panel = NoisePanel()
        panel.settings_changed.connect(self.schedule_update)
        panel.new_noise_requested.connect(self.new_noise)
        panel.reset_blanks_requested.connect(self.reset_blanks)
        panel.blank_painted.connect(self._on_blank_painted)
        panel.denoiser_changed.connect(self.schedule_update)
        self.sigma_slider, self.dropout_slider = panel.sigma_slider, panel.dropout_slider
        self.sigma_label, self.dropout_label = panel.sigma_label, panel.dropout_label
        self.new_noise_button, self.reset_blanks_button = panel.new_noise_button, panel.reset_blanks_button
        self.denoiser_combo = panel.denoiser_combo
        self.noisy_view, self.denoised_view, self.plain_view = panel.noisy_view, panel.denoised_view, panel.plain_view
        self.noisy_caption, self.denoised_caption = panel.noisy_caption, panel.denoised_caption
        self.plain_caption = panel.plain_caption
        self.noise_models = NoiseModels(self.denoiser_combo, self.slots, self.library)

        self.message = Banner(self)  # floats over the top of the tiles: showing it moves nothing

        right_widget = QWidget()
        right = QVBoxLayout(right_widget)
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(self.tiles)
        lower = QHBoxLayout()
        lower.addWidget(self.code_box, 1)
        lower.addWidget(self.noise_panel, 1)
        right.addLayout(lower, 1)  # spare height goes to the code's chart and map (and under the noise images)
        scroll = self.scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # a scroll bar that appears with the first stroke's taller content would shift everything sideways
        scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(right_widget)

        left_widget = QWidget()
        left_widget.setLayout(left)
        left_widget.setMaximumWidth(360)
        layout = QHBoxLayout(self)
        layout.addWidget(left_widget, 0)
        layout.addWidget(scroll, 1)

        for keys, slot in (
            (QKeySequence.StandardKey.Undo, self.canvas.undo),
            ("Delete", self.canvas.clear),
            ("Ctrl+I", self.open_image),
            ("P", self.pen_button.click),
            ("E", self.eraser_button.click),
            ("[", lambda: self.tools.bump_brush(-1)),
            ("]", lambda: self.tools.bump_brush(1)),
            ("N", self.new_noise),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    # -- the latent map, built after start-up --------------------------------------------------------
    @property
    def live_map(self):
        """The chosen model's small latent map (the ★ follows the stroke), built on first use."""
        if self._live_map is None:
            from desktop.widgets.live_map import LiveMap  # pyqtgraph: not needed for the first paint

            self._live_map = LiveMap()
            self._live_map.setMinimumWidth(170)
            self.code_layout.replaceWidget(self.map_placeholder, self._live_map)
            self.map_placeholder.deleteLater()
            self._show_live_map()
        return self._live_map

    def _build_live_map_soon(self) -> None:
        """Once every model on screen is loaded (the page is usable), the map may take its turn."""
        if self._live_map is None and not 0 <= self._map_timer.remainingTime() <= 100:
            if all(s.model is not None or not self.library.is_loading(s.entry.path) for s in self.slots.values()):
                self._map_timer.start(100)

    def drawn_recently(self, seconds: float = 1.5) -> bool:
        """The student is drawing (the window builds its other pages, a moment's work, between drawings)."""
        return time.monotonic() - self._last_change < seconds

    def _build_live_map_now(self) -> None:
        if self._live_map is not None:
            return
        if QApplication.mouseButtons() != Qt.MouseButton.NoButton:  # mid-stroke: not now
            self._map_timer.start(300)
            return
        if self.isVisible():
            self.live_map  # noqa: B018 (the property builds it)
        else:
            self._live_map_due = True  # when the page is first shown

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if self._live_map is None and self._live_map_due:
            self._map_timer.start(100)

    def _reset_trail(self) -> None:
        if self._live_map is not None:
            self._live_map.reset_trail()

    # -- models ------------------------------------------------------------------------------
    def autoencoder_entries(self) -> list[ModelEntry]:
        return self.tiles.autoencoder_entries()

    @property
    def selected(self) -> Path | None:
        return self.tiles.selected

    def _on_slots_changed(self) -> None:
        self.noise_models.refill()
        self.schedule_update()

    def select_model(self, path: Path) -> bool:
        """Highlight ``path``'s tile (the Models page's Load); False when it is not an autoencoder."""
        return self.tiles.select(path)  # → selection_changed → the code chart

    def plain_slot(self) -> Slot | None:
        return self.noise_models.plain()

    def denoiser_slot(self) -> Slot | None:
        return self.noise_models.denoiser()

    def select_denoiser(self, noise: str) -> bool:
        """Pick the denoiser trained with ``noise`` ("gaussian" or "dropout")."""
        return self.noise_models.select(noise)

    # -- noise -------------------------------------------------------------------------------
    def new_noise(self) -> None:
        self.noise_seed += 1
        self.schedule_update()

    def reset_blanks(self) -> None:
        self.blanks[:] = False
        self.schedule_update()

    def set_noise(self, sigma: float = 0.0, dropout: float = 0.0) -> None:
        self.sigma_slider.setValue(round(sigma * 100))
        self.dropout_slider.setValue(round(dropout * 100))

    @property
    def sigma(self) -> float:
        return self.noise_panel.sigma

    @property
    def dropout(self) -> float:
        return self.noise_panel.dropout

    def _on_blank_painted(self, row: int, col: int, held: bool) -> None:
        if row < 0:
            return
        self.blanks[max(row - 1, 0) : row + 2, max(col - 1, 0) : col + 2] = True
        self.schedule_update()

    # -- images and messages ---------------------------------------------------------------------
    def open_image(self) -> None:
        self.opener.ask()

    def load_image_file(self, path: str, wait: bool = False) -> bool:
        """Open an image file (dialog, drop) on a task thread, with a busy cursor; the canvas changes when it
        is ready, a bad file leaves it as it was and says why. ``wait`` (tests) serves the event loop until
        then and returns whether the image was used; otherwise True: the opening has started."""
        return self.opener.open(path, wait)

    def show_image(self, image: np.ndarray, undoable: bool = True) -> None:
        """Put a grey image (any size, uint8 or float in [0, 1]) on the canvas: fitted, aspect kept."""
        self.canvas.set_array(inference.fit_to_canvas(image, CANVAS_SIZE), undoable=undoable)

    def show_message(self, text: str, info: bool = False) -> None:
        self.message.show_over(self.scroll, text, info)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self.message.place()

    def shutdown(self) -> bool:
        """Stop opening an image and computing a map, and join their threads (the window is closing)."""
        ok = self.opener.shutdown()
        if self._live_map is not None:
            ok = self._live_map.shutdown() and ok
        return ok

    # -- the live update ---------------------------------------------------------------------
    def schedule_update(self) -> None:
        self._last_change = time.monotonic()
        if not self._dirty:
            self._dirty = True
            self._update_timer.start()

    def process_now(self) -> None:
        """Preprocess the drawing and run every loaded autoencoder on it (and on its noisy copy).

        This is a few tiny matrix products: one CPU thread does them fastest (waking a
        thread pool costs more than the work, and far more while a training run keeps
        the cores busy), so torch runs single-threaded here and is restored afterwards.
        """
        threads = torch.get_num_threads()
        if threads != 1:
            torch.set_num_threads(1)
        try:
            with torch.inference_mode():
                self._process()
        finally:
            if threads != 1:
                torch.set_num_threads(threads)
        if self._live_map is None:
            self._build_live_map_soon()

    def _process(self) -> None:
        start = time.perf_counter()
        self._dirty = False
        self._update_timer.stop()
        self.result = inference.prepare(self.canvas.array())
        x = self.result.raw if self.model_input_panel.feeds_raw() else self.result.input
        empty = not x.any()
        denoiser, plain = self.denoiser_slot(), self.plain_slot()
        models = {} if empty else {path: s.model for path, s in self.slots.items() if s.model is not None}
        noise = inference.NoiseSpec(self.sigma, self.dropout, self.blanks, self.noise_seed)
        compared = {s.entry.path for s in (denoiser, plain) if s is not None}
        self.outputs = inference.reconstruct_all(models, x, noise, noisy_for=compared)
        self.model_input, self.noisy_input = self.outputs.input, self.outputs.noisy_input
        self.last_latency_ms = (time.perf_counter() - start) * 1000.0
        self._show(empty, denoiser, plain)
        self.context.drawing_changed.emit(x.copy())

    def _show(self, empty: bool, denoiser: Slot | None, plain: Slot | None) -> None:
        assert self.result is not None and self.outputs is not None
        self.model_input_panel.show_result(self.result, empty)
        self.tiles.show_outputs(self.outputs)
        if self._live_map is not None:
            found = None if empty or self.selected is None else self.outputs.get(self.selected)
            self._live_map.place(found.code if found is not None else None, self.selected)
        if not self._code_timer.isActive():
            self._code_timer.start()
        self.noise_panel.show_results(
            None if empty else self.outputs,
            denoiser.entry.path if denoiser is not None else None,
            plain.entry.path if plain is not None else None,
        )

    def _show_live_map(self) -> None:
        if self._live_map is None:
            return
        slot = self.slots.get(self.selected) if self.selected else None
        if slot is None or slot.model is None:
            self._live_map.show_model(None)
        else:
            self._live_map.show_model(
                slot.entry.path, slot.entry.dataset, slot.entry.meta.get("dataset") or {}, slot.model
            )
            found = self.outputs.get(slot.entry.path) if self.outputs is not None else None
            if found is not None and self.model_input.any():  # the drawing so far, placed on this model's map
                self._live_map.place(found.code, slot.entry.path)

    def _show_code(self) -> None:
        slot = self.slots.get(self.selected) if self.selected else None
        if slot is None or slot.code is None:
            self.code_bars.clear()
            self.code_box.setTitle(self.tr("Latent code (draw, then click a reconstruction)"))
            return
        self.code_box.setTitle(
            self.tr("Latent code of {name}: %n number(s)", "", slot.code.size).format(name=slot.entry.name)
        )
        self.code_bars.set_code(slot.code)

    # -- what tests and the benchmark read ----------------------------------------------------------
    def reconstructions(self) -> dict[str, np.ndarray]:
        return {s.entry.name: s.output for s in self.slots.values() if s.output is not None}

    def noise_scores(self) -> dict[str, float | None]:
        """PSNR (dB) against the clean input of the noisy input, the denoiser's and the plain AE's outputs."""
        outputs = self.outputs
        if outputs is None:
            return {"noisy": None, "denoised": None, "plain": None}

        def score(slot: Slot | None) -> float | None:
            found = outputs.get(slot.entry.path) if slot is not None else None
            return found.noisy_psnr if found is not None else None

        return {
            "noisy": outputs.noisy_input_psnr,
            "denoised": score(self.denoiser_slot()),
            "plain": score(self.plain_slot()),
        }

    def loaded_count(self) -> int:
        return sum(1 for s in self.slots.values() if s.model is not None)

    def sizeHint(self):  # noqa: N802
        size = super().sizeHint()
        size.setWidth(max(size.width(), 1100))
        return size
