"""The Draw page: draw (or load) a digit and watch every autoencoder rebuild it, live.

What a student meets first. The drawing goes through the MNIST recipe
(:mod:`engine.preprocess`, shown step by step), then through every loaded
autoencoder at once; each reconstruction shows its error. A noise panel
corrupts the input (Gaussian σ, dropout, blanked pixels) and compares the
denoising autoencoder with a plain one on it.

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
from PySide6.QtWidgets import (
    QButtonGroup,
    QFileDialog,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSlider,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.model_library import ModelEntry
from desktop.widgets.code_bars import CodeBars
from desktop.widgets.drawing_canvas import DrawingCanvas
from desktop.widgets.model_input_panel import ModelInputPanel
from desktop.widgets.noise_panel import NoisePanel
from desktop.widgets.reconstruction_tiles import ReconstructionTiles, Slot  # noqa: F401 (re-exported)
from engine.image_metrics import bce, corrupt, mse, psnr  # noqa: F401 (bce, mse: re-exported)
from engine.imageio import OPEN_FILTER, ImageError, read_image
from engine.preprocess import Preprocessed, preprocess


class DrawPage(QWidget):
    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.library = context.library
        self.settings = context.settings
        self.result: Preprocessed | None = None
        self.model_input = np.zeros((28, 28), np.float32)
        self.noisy_input = np.zeros((28, 28), np.float32)
        self.blanks = np.zeros((28, 28), bool)
        self.last_latency_ms = 0.0
        self._rng = np.random.default_rng(0)
        self._new_noise_fields()
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
        self.canvas = DrawingCanvas()
        self.canvas.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.canvas.changed.connect(self.schedule_update)
        self.canvas.file_dropped.connect(self.load_image_file)

        self.pen_button = self._tool_button("Pen", "Draw (P). The right mouse button always erases.", True)
        self.eraser_button = self._tool_button("Eraser", "Erase with the left button (E).", True)
        self.pen_button.setChecked(True)
        tools = QButtonGroup(self)
        tools.setExclusive(True)
        tools.addButton(self.pen_button)
        tools.addButton(self.eraser_button)
        self.eraser_button.toggled.connect(lambda on: setattr(self.canvas, "erasing", on))
        self.brush_slider = QSlider(Qt.Orientation.Horizontal)
        self.brush_slider.setRange(4, 48)
        self.brush_slider.setValue(int(self.settings.value("draw/brush", 20)))
        self.brush_slider.setToolTip(
            "Brush size in canvas pixels ([ and ] change it). The canvas is 280×280: ten times a model's 28×28 input."
        )
        self.brush_label = QLabel()
        self.brush_slider.valueChanged.connect(self._on_brush)
        self._on_brush(self.brush_slider.value())
        self.undo_button = QPushButton("Undo")
        self.undo_button.setToolTip("Undo the last stroke (Ctrl+Z).")
        self.undo_button.clicked.connect(self.canvas.undo)
        self.clear_button = QPushButton("Clear")
        self.clear_button.setToolTip("Clear the canvas (Delete). Undo brings it back.")
        self.clear_button.clicked.connect(self.canvas.clear)
        self.open_button = QPushButton("Open image…")
        self.open_button.setToolTip(
            "Load a PNG, JPEG, BMP, … (Ctrl+I), or drop an image file on the canvas. "
            "Photos of dark ink on paper are inverted automatically."
        )
        self.open_button.clicked.connect(self.open_image)

        tool_row = QHBoxLayout()
        tool_row.addWidget(self.pen_button)
        tool_row.addWidget(self.eraser_button)
        tool_row.addWidget(self.brush_label)
        tool_row.addWidget(self.brush_slider, 1)
        action_row = QHBoxLayout()
        for button in (self.undo_button, self.clear_button, self.open_button):
            action_row.addWidget(button)

        # what the model sees
        self.model_input_panel = ModelInputPanel()
        self.model_input_panel.raw_toggled.connect(self.schedule_update)
        self.raw_view = self.model_input_panel.raw_view
        self.processed_view = self.model_input_panel.processed_view
        self.raw_toggle = self.model_input_panel.raw_toggle
        self.steps_label = self.model_input_panel.steps_label

        left = QVBoxLayout()
        left.addWidget(self.canvas, 3)
        left.addLayout(tool_row)
        left.addLayout(action_row)
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
            ("[", lambda: self._bump_brush(-4)),
            ("]", lambda: self._bump_brush(4)),
            ("N", self.new_noise),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    def _tool_button(self, text: str, tip: str, checkable: bool) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.setCheckable(checkable)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        return button

    def _on_brush(self, value: int) -> None:
        self.canvas.brush_size = float(value)
        self.brush_label.setText(f"Brush {value}")
        self.settings.setValue("draw/brush", value)

    def _bump_brush(self, delta: int) -> None:
        self.brush_slider.setValue(self.brush_slider.value() + delta)

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
    def _new_noise_fields(self) -> None:
        self.gaussian_field = self._rng.standard_normal((28, 28)).astype(np.float32)
        self.uniform_field = self._rng.random((28, 28)).astype(np.float32)

    def new_noise(self) -> None:
        self._new_noise_fields()
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
        result = preprocess(grey)
        if result.empty:
            self.show_message(f"{Path(path).name} looks blank: no ink stands out from its background.")
            return False
        self.canvas.set_array(result.grey)
        how = "dark ink on a light background, so it was inverted" if result.inverted else "light ink on dark"
        self.show_message(
            f"Loaded {Path(path).name} ({grey.shape[1]}×{grey.shape[0]} pixels): {how}. "
            "You can keep drawing on it; Undo brings back your drawing.",
            info=True,
        )
        return True

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
        self.result = preprocess(self.canvas.array())
        x = self.result.raw if self.model_input_panel.feeds_raw() else self.result.input
        self.model_input = x
        empty = not x.any()
        self.noisy_input = corrupt(x, self.sigma, self.dropout, self.blanks, self.gaussian_field, self.uniform_field)
        denoiser, plain = self.denoiser_slot(), self.plain_slot()
        clean_t = torch.from_numpy(x).reshape(1, 28, 28)
        both_t = torch.from_numpy(np.stack([x, self.noisy_input]))
        for slot in self.slots.values():
            if slot.model is None:
                continue
            if empty:
                slot.output = slot.noisy_output = slot.code = None
                continue
            batch = both_t if slot is denoiser or slot is plain else clean_t
            code = slot.model.encode(batch)
            images = slot.model.decode(code).numpy()
            slot.code = code[0].numpy()
            slot.output = images[0]
            slot.noisy_output = images[1] if len(images) > 1 else None
        self.last_latency_ms = (time.perf_counter() - start) * 1000.0
        self._show(empty, denoiser, plain)
        self.context.drawing_changed.emit(x.copy())

    def _show(self, empty: bool, denoiser: Slot | None, plain: Slot | None) -> None:
        assert self.result is not None
        self.model_input_panel.show_result(self.result, empty)
        feeding = self.model_input
        self.tiles.show_outputs(feeding)
        if not self._code_timer.isActive():
            self._code_timer.start()
        self.noise_panel.show_images(
            feeding,
            None if empty else self.noisy_input,
            denoiser.noisy_output if denoiser is not None else None,
            plain.noisy_output if plain is not None else None,
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
        x = self.model_input
        denoiser, plain = self.denoiser_slot(), self.plain_slot()

        def score(image):
            return None if image is None else psnr(x, image)

        return {
            "noisy": score(self.noisy_input),
            "denoised": score(denoiser and denoiser.noisy_output),
            "plain": score(plain and plain.noisy_output),
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

    def shutdown(self) -> bool:
        self.library.shutdown()
        return True

    def sizeHint(self):  # noqa: N802
        size = super().sizeHint()
        size.setWidth(max(size.width(), 1100))
        return size
