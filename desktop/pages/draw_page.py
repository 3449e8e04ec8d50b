"""The Draw page: draw (or load) a digit and watch every autoencoder rebuild it, live.

What a student meets first. The drawing goes through the MNIST recipe (shown
step by step), then through every loaded autoencoder at once; each
reconstruction shows its error. A noise panel corrupts the input (Gaussian σ,
dropout, blanked pixels) and compares the denoising autoencoder with a plain
one on it. All of that is one :mod:`engine.inference` call per stroke
(:func:`~engine.inference.reconstruct_all`); the widgets only paint its result.

Bursts of mouse events are coalesced: a stroke marks the page dirty and the
work runs once per trip through the event loop, in :meth:`DrawPage.process_now`,
which tests and the benchmark call directly.
"""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np
import torch
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QFileDialog, QFrame, QGroupBox, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from desktop.model_library import ModelEntry
from desktop.pages import PageDefaults
from desktop.widgets.code_bars import CodeBars
from desktop.widgets.drawing_canvas import CANVAS_SIZE
from desktop.widgets.drawing_tools import DrawingTools
from desktop.widgets.model_input_panel import ModelInputPanel
from desktop.widgets.noise_panel import NoisePanel
from desktop.widgets.reconstruction_tiles import ReconstructionTiles, Slot
from engine import inference
from engine.imageio import OPEN_FILTER, ImageError, read_image


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
        self._dirty = False
        self._update_timer = QTimer(self)
        self._update_timer.setSingleShot(True)
        self._update_timer.setInterval(0)
        self._update_timer.timeout.connect(self.process_now)
        self._code_timer = QTimer(self)  # the code chart (pyqtgraph) redraws at most ~12 times a second
        self._code_timer.setSingleShot(True)
        self._code_timer.setInterval(80)
        self._code_timer.timeout.connect(self._show_code)
        self._build()
        self.tiles.rebuild()

    # -- building the page ---------------------------------------------------------------------
    def _build(self) -> None:
        self.tools = DrawingTools(self.settings)
        self.canvas = self.tools.canvas
        self.canvas.changed.connect(self.schedule_update)
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
        self.tiles.load_failed.connect(lambda reason: self.show_message(f"A model could not be loaded: {reason}"))
        self.tiles.selection_changed.connect(lambda _path: self._show_code())
        self.slots = self.tiles.slots  # the same dict, changed in place: the live path reads it directly
        self.dataset_combo = self.tiles.dataset_combo
        self.load_label, self.empty_label = self.tiles.load_label, self.tiles.empty_label

        self.code_bars = CodeBars()
        self.code_box = QGroupBox("Latent code")
        code_layout = QVBoxLayout(self.code_box)
        code_layout.addWidget(self.code_bars)

        # noise and the denoiser
        panel = self.noise_panel = NoisePanel()
        panel.settings_changed.connect(self._on_noise_settings)
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
        self._on_noise_settings()

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet(
            "QLabel { background: #fff3cd; color: #5c4400; border: 1px solid #e0c36a;"
            " border-radius: 4px; padding: 6px; }"
        )
        self.message.hide()
        self._message_timer = QTimer(self)
        self._message_timer.setSingleShot(True)
        self._message_timer.timeout.connect(self.message.hide)

        right_widget = QWidget()
        right = QVBoxLayout(right_widget)
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(self.message)
        right.addWidget(self.tiles)
        lower = QHBoxLayout()
        lower.addWidget(self.code_box, 1)
        lower.addWidget(self.noise_panel, 1)
        right.addLayout(lower)
        right.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
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

    # -- models ------------------------------------------------------------------------------
    def autoencoder_entries(self) -> list[ModelEntry]:
        return self.tiles.autoencoder_entries()

    @property
    def selected(self) -> Path | None:
        return self.tiles.selected

    def _on_slots_changed(self) -> None:
        self._fill_denoiser_combo([slot.entry for slot in self.slots.values()])
        self.schedule_update()

    def _fill_denoiser_combo(self, entries: list[ModelEntry]) -> None:
        previous = self.denoiser_combo.currentData()
        self.denoiser_combo.blockSignals(True)
        self.denoiser_combo.clear()
        for entry in entries:
            if entry.family == "denoising":
                self.denoiser_combo.addItem(entry.name, entry.path)
        index = self.denoiser_combo.findData(previous)
        self.denoiser_combo.setCurrentIndex(max(index, 0))
        self.denoiser_combo.blockSignals(False)

    def select_model(self, path: Path) -> None:
        self.tiles.select(path)  # → selection_changed → the code chart

    def plain_slot(self) -> Slot | None:
        dataset = self.denoiser_dataset()
        candidates = [s for s in self.slots.values() if s.entry.family == "stacked" and s.model is not None]
        same = [s for s in candidates if s.entry.dataset == dataset]
        return (same or candidates or [None])[0]

    def denoiser_slot(self) -> Slot | None:
        path = self.denoiser_combo.currentData()
        return self.slots.get(path) if path is not None else None

    def denoiser_dataset(self) -> str | None:
        slot = self.denoiser_slot()
        return slot.entry.dataset if slot else None

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

    def _on_noise_settings(self) -> None:
        """The noise panel's sliders moved (it has updated its labels): corrupt the input again."""
        self.schedule_update()

    def _on_blank_painted(self, row: int, col: int, held: bool) -> None:
        if row < 0:
            return
        self.blanks[max(row - 1, 0) : row + 2, max(col - 1, 0) : col + 2] = True
        self.schedule_update()

    # -- images ------------------------------------------------------------------------------
    def open_image(self) -> None:
        folder = str(self.settings.value("draw/image_folder", str(Path.home())))
        path, _ = QFileDialog.getOpenFileName(self, "Open an image", folder, OPEN_FILTER + ";;All files (*)")
        if path:
            self.settings.setValue("draw/image_folder", str(Path(path).parent))
            self.load_image_file(path)

    def load_image_file(self, path: str) -> bool:
        """Put an image file on the canvas; a bad one leaves the canvas as it was and says why."""
        try:
            grey = read_image(path)
        except ImageError as exc:
            self.show_message(f"Could not use this image: {exc}.")
            self.context.show_status(f"Could not open {Path(path).name}.", 6000)
            return False
        result = inference.prepare(grey)
        if result.empty:
            self.show_message(f"{Path(path).name} looks blank: no ink stands out from its background.")
            return False
        self.show_image(result.grey)
        how = "dark ink on a light background, so it was inverted" if result.inverted else "light ink on dark"
        self.show_message(
            f"Loaded {Path(path).name} ({grey.shape[1]}×{grey.shape[0]} pixels): {how}. "
            "You can keep drawing on it; Undo brings back your drawing.",
            info=True,
        )
        return True

    def show_image(self, image: np.ndarray, undoable: bool = True) -> None:
        """Put a grey image (any size, uint8 or float in [0, 1]) on the canvas: fitted, aspect kept."""
        self.canvas.set_array(inference.fit_to_canvas(image, CANVAS_SIZE), undoable=undoable)

    def show_message(self, text: str, info: bool = False) -> None:
        self.message.setText(("ℹ " if info else "⚠ ") + text)
        self.message.show()
        self._message_timer.start(12000)

    # -- the live update ---------------------------------------------------------------------
    def schedule_update(self) -> None:
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
        if not self._code_timer.isActive():
            self._code_timer.start()
        self.noise_panel.show_results(
            None if empty else self.outputs,
            denoiser.entry.path if denoiser is not None else None,
            plain.entry.path if plain is not None else None,
        )

    def _show_code(self) -> None:
        slot = self.slots.get(self.selected) if self.selected else None
        if slot is None or slot.code is None:
            self.code_bars.clear()
            self.code_box.setTitle("Latent code (draw something; click a reconstruction to pick a model)")
            return
        self.code_box.setTitle(f"Latent code of {slot.entry.name}: {slot.code.size} numbers")
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

    def select_denoiser(self, noise: str) -> bool:
        """Pick the denoiser trained with ``noise`` ("gaussian" or "dropout") on the current dataset."""
        for i in range(self.denoiser_combo.count()):
            entry = self.library.entry_for(self.denoiser_combo.itemData(i))
            if entry is not None and (entry.meta.get("model_config") or {}).get("noise") == noise:
                self.denoiser_combo.setCurrentIndex(i)
                return True
        return False

    def loaded_count(self) -> int:
        return sum(1 for s in self.slots.values() if s.model is not None)

    def sizeHint(self):  # noqa: N802
        size = super().sizeHint()
        size.setWidth(max(size.width(), 1100))
        return size
