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

import math
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSlider,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.model_library import ModelEntry, display_order
from desktop.widgets.code_bars import CodeBars
from desktop.widgets.drawing_canvas import DrawingCanvas
from desktop.widgets.pixel_view import PixelView
from engine.imageio import OPEN_FILTER, ImageError, read_image
from engine.preprocess import Preprocessed, preprocess

DATASET_LABELS = {"mnist": "MNIST", "fashion-mnist": "Fashion-MNIST"}
EPS = 1e-6


# -- error measures (numpy, no Qt) ----------------------------------------------------------
def bce(target: np.ndarray, output: np.ndarray) -> float:
    """Mean binary cross-entropy per pixel: what the lecture's autoencoders minimise."""
    out = np.clip(output, EPS, 1 - EPS)
    return float(-np.mean(target * np.log(out) + (1 - target) * np.log(1 - out)))


def mse(target: np.ndarray, output: np.ndarray) -> float:
    return float(np.mean((np.asarray(target, np.float32) - np.asarray(output, np.float32)) ** 2))


def psnr(target: np.ndarray, output: np.ndarray) -> float:
    """Peak signal-to-noise ratio in dB (peak 1): higher is closer. 20 dB ≈ 10 % RMS error."""
    error = mse(target, output)
    return 99.0 if error <= 1e-10 else float(10.0 * math.log10(1.0 / error))


def corrupt(
    image: np.ndarray,
    sigma: float,
    dropout: float,
    blanks: np.ndarray | None,
    gaussian_field: np.ndarray,
    uniform_field: np.ndarray,
) -> np.ndarray:
    """The noisy input: Gaussian noise of σ, a fraction ``dropout`` of pixels set to 0, blanked
    pixels set to 0. The random fields are fixed until the user asks for new noise, so the
    noise does not flicker while they draw."""
    noisy = image + sigma * gaussian_field if sigma > 0 else image.copy()
    if dropout > 0:
        noisy = np.where(uniform_field < dropout, 0.0, noisy)
    if blanks is not None:
        noisy = np.where(blanks, 0.0, noisy)
    return np.clip(noisy, 0.0, 1.0).astype(np.float32)


@dataclass
class Slot:
    """One autoencoder on the page: its library entry, its model once loaded, its tile."""

    entry: ModelEntry
    model: torch.nn.Module | None
    view: PixelView
    title: QLabel
    caption: QLabel
    frame: QFrame
    output: np.ndarray | None = None  # last reconstruction of the clean input
    noisy_output: np.ndarray | None = None  # last reconstruction of the noisy input
    code: np.ndarray | None = None


class DrawPage(QWidget):
    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.library = context.library
        self.settings = context.settings
        self.slots: dict[Path, Slot] = {}
        self.selected: Path | None = None
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
        self.library.changed.connect(self._rebuild_slots)
        self.library.model_loaded.connect(self._on_model_loaded)
        self.library.model_failed.connect(self._on_model_failed)
        self._rebuild_slots()

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
        self.raw_view = PixelView("Nothing drawn yet", 96)
        self.raw_view.setToolTip("The whole canvas squashed to 28×28: what a model would get without the recipe.")
        self.processed_view = PixelView("Nothing drawn yet", 96)
        self.processed_view.setToolTip(
            "The MNIST recipe: inverted if dark-on-light, cropped to the ink, fitted "
            "in 20×20 keeping its aspect, centred by its centre of mass in 28×28."
        )
        self.raw_toggle = QCheckBox("Feed the models the raw input (no recipe)")
        self.raw_toggle.setToolTip(
            "Compare: draw a small digit in a corner and watch the reconstructions "
            "fall apart without the recipe. Models only know centred, 20×20 digits."
        )
        self.raw_toggle.toggled.connect(self.schedule_update)
        self.steps_label = QLabel()
        self.steps_label.setWordWrap(True)
        self.steps_label.setTextFormat(Qt.TextFormat.RichText)
        seen = QGroupBox("What the model sees (28×28)")
        seen_grid = QGridLayout(seen)
        seen_grid.addWidget(QLabel("Raw"), 0, 0, Qt.AlignmentFlag.AlignHCenter)
        seen_grid.addWidget(QLabel("Processed (MNIST recipe)"), 0, 1, Qt.AlignmentFlag.AlignHCenter)
        seen_grid.addWidget(self.raw_view, 1, 0)
        seen_grid.addWidget(self.processed_view, 1, 1)
        seen_grid.addWidget(self.steps_label, 2, 0, 1, 2)
        seen_grid.addWidget(self.raw_toggle, 3, 0, 1, 2)

        left = QVBoxLayout()
        left.addWidget(self.canvas, 3)
        left.addLayout(tool_row)
        left.addLayout(action_row)
        left.addWidget(seen, 2)

        # reconstructions of every autoencoder
        self.dataset_combo = QComboBox()
        self.dataset_combo.setToolTip(
            "Which models to show: those trained on digits (MNIST) or on clothes (Fashion-MNIST)."
        )
        self.dataset_combo.currentIndexChanged.connect(self._on_dataset_changed)
        self.load_label = QLabel()
        header = QHBoxLayout()
        header.addWidget(QLabel("Models trained on:"))
        header.addWidget(self.dataset_combo)
        header.addWidget(self.load_label, 1)
        self.tiles = QGridLayout()
        self.tiles.setSpacing(8)
        tiles_box = QGroupBox("Every autoencoder's reconstruction — click one to see its code")
        tiles_outer = QVBoxLayout(tiles_box)
        tiles_outer.addLayout(header)
        tiles_outer.addLayout(self.tiles)
        self.empty_label = QLabel()
        self.empty_label.setWordWrap(True)
        tiles_outer.addWidget(self.empty_label)

        self.code_bars = CodeBars()
        self.code_box = QGroupBox("Latent code")
        code_layout = QVBoxLayout(self.code_box)
        code_layout.addWidget(self.code_bars)

        # noise and the denoiser
        self.sigma_slider = QSlider(Qt.Orientation.Horizontal)
        self.sigma_slider.setRange(0, 100)
        self.sigma_slider.setToolTip(
            "Gaussian noise added to every pixel (σ, in grey levels 0–1). "
            "The Gaussian denoiser was trained with σ = 0.2."
        )
        self.dropout_slider = QSlider(Qt.Orientation.Horizontal)
        self.dropout_slider.setRange(0, 90)
        self.dropout_slider.setToolTip(
            "Fraction of pixels switched off at random. The dropout denoiser was trained with a rate of 0.5."
        )
        self.sigma_label, self.dropout_label = QLabel(), QLabel()
        for slider in (self.sigma_slider, self.dropout_slider):
            slider.valueChanged.connect(self._on_noise_settings)
        self.new_noise_button = QPushButton("New noise")
        self.new_noise_button.setToolTip("Draw new random noise (N).")
        self.new_noise_button.clicked.connect(self.new_noise)
        self.reset_blanks_button = QPushButton("Reset blanks")
        self.reset_blanks_button.setToolTip("Remove the pixels you blanked on the noisy input.")
        self.reset_blanks_button.clicked.connect(self.reset_blanks)
        self.denoiser_combo = QComboBox()
        self.denoiser_combo.setToolTip("The denoising autoencoder to compare with the plain (stacked) one.")
        self.denoiser_combo.currentIndexChanged.connect(self.schedule_update)
        self.noisy_view = PixelView("No input", 96)
        self.noisy_view.paintable = True
        self.noisy_view.setCursor(Qt.CursorShape.CrossCursor)
        self.noisy_view.setToolTip(
            "The corrupted input. Paint on it to blank pixels (an eraser that "
            "punches holes): the denoiser should fill them in."
        )
        self.noisy_view.painted.connect(self._on_blank_painted)
        self.denoised_view = PixelView("No denoising autoencoder", 96)
        self.plain_view = PixelView("No plain autoencoder", 96)
        self.noisy_caption, self.denoised_caption, self.plain_caption = QLabel(), QLabel(), QLabel()
        for label in (self.noisy_caption, self.denoised_caption, self.plain_caption):
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        noise_box = QGroupBox("Noise: does the denoising autoencoder clean it better?")
        noise_grid = QGridLayout(noise_box)
        noise_grid.addWidget(QLabel("Gaussian σ"), 0, 0)
        noise_grid.addWidget(self.sigma_slider, 0, 1)
        noise_grid.addWidget(self.sigma_label, 0, 2)
        noise_grid.addWidget(QLabel("Dropout"), 1, 0)
        noise_grid.addWidget(self.dropout_slider, 1, 1)
        noise_grid.addWidget(self.dropout_label, 1, 2)
        buttons = QHBoxLayout()
        buttons.addWidget(QLabel("Denoiser:"))
        buttons.addWidget(self.denoiser_combo, 1)
        buttons.addWidget(self.new_noise_button)
        buttons.addWidget(self.reset_blanks_button)
        noise_grid.addLayout(buttons, 2, 0, 1, 3)
        views = QGridLayout()
        for col, (title, view, caption) in enumerate(
            (
                ("Noisy input (paint to blank)", self.noisy_view, self.noisy_caption),
                ("Denoising AE", self.denoised_view, self.denoised_caption),
                ("Plain AE (stacked)", self.plain_view, self.plain_caption),
            )
        ):
            views.addWidget(QLabel(title), 0, col, Qt.AlignmentFlag.AlignHCenter)
            views.addWidget(view, 1, col)
            views.addWidget(caption, 2, col, Qt.AlignmentFlag.AlignHCenter)
        noise_grid.addLayout(views, 3, 0, 1, 3)
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
        right.addWidget(tiles_box)
        lower = QHBoxLayout()
        lower.addWidget(self.code_box, 1)
        lower.addWidget(noise_box, 1)
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
        entries = [e for e in self.library.entries() if e.is_autoencoder]
        return sorted(entries, key=display_order)

    def _rebuild_slots(self) -> None:
        entries = self.autoencoder_entries()
        datasets = sorted({e.dataset for e in entries}, key=lambda d: (d != "mnist", d))
        wanted = self.dataset_combo.currentData() or self.settings.value("draw/dataset", "mnist")
        self.dataset_combo.blockSignals(True)
        self.dataset_combo.clear()
        for name in datasets:
            self.dataset_combo.addItem(DATASET_LABELS.get(name, name), name)
        if len(datasets) > 1:
            self.dataset_combo.addItem("All datasets", "all")
        index = self.dataset_combo.findData(wanted)
        self.dataset_combo.setCurrentIndex(max(index, 0))
        self.dataset_combo.blockSignals(False)
        self._show_slots()

    def _on_dataset_changed(self) -> None:
        self.settings.setValue("draw/dataset", self.dataset_combo.currentData())
        self._show_slots()

    def _show_slots(self) -> None:
        dataset = self.dataset_combo.currentData()
        entries = [e for e in self.autoencoder_entries() if dataset in ("all", None) or e.dataset == dataset]
        for slot in self.slots.values():
            slot.frame.deleteLater()
        self.slots.clear()
        columns = 6
        for i, entry in enumerate(entries):
            self.slots[entry.path] = self._make_slot(entry)
            self.tiles.addWidget(self.slots[entry.path].frame, i // columns, i % columns)
        if self.selected not in self.slots:
            self.selected = next(iter(self.slots), None)
        for path, slot in self.slots.items():
            slot.view.set_selected(path == self.selected)
        self.empty_label.setText(
            "" if entries else "No autoencoder yet. Train one on the Train page, or import one on the Models page."
        )
        self.empty_label.setVisible(not entries)
        self._fill_denoiser_combo(entries)
        missing = [e.path for e in entries if self.library.cached(e.path) is None]
        for entry in entries:
            cached = self.library.cached(entry.path)
            if cached is not None:
                self.slots[entry.path].model = cached.model
        if missing:
            self.load_label.setText(f"Loading {len(missing)} model(s)…")
            self.library.load_in_background(missing)
        else:
            self.load_label.setText("")
        self.schedule_update()

    def _make_slot(self, entry: ModelEntry) -> Slot:
        frame = QFrame()
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(frame)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(2)
        short = entry.name.split(" · ")[0]
        title = QLabel(f"<b>{short.replace(' (', '<br>(')}</b>")
        title.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        title.setWordWrap(True)
        view = PixelView("Loading…", 84)
        view.setMaximumSize(120, 120)
        view.setMinimumSize(72, 72)
        caption = QLabel("—")
        caption.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)  # no relayout per stroke
        caption.setMinimumHeight(2 * caption.fontMetrics().height() + 2)
        caption.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        caption.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(title)
        layout.addWidget(view, 1)
        layout.addWidget(caption)
        from engine.models import DESCRIPTIONS

        tip = (
            f"{entry.name}\n{DESCRIPTIONS.get(entry.family, '')}\n\nBCE: mean binary cross-entropy per pixel "
            "(what it was trained to minimise; lower is better). PSNR: peak signal-to-noise ratio in dB "
            "(higher is closer to the input). Click to see its code."
        )
        for widget in (frame, view, title):
            widget.setToolTip(tip)
        slot = Slot(entry=entry, model=None, view=view, title=title, caption=caption, frame=frame)
        view.clicked.connect(lambda path=entry.path: self.select_model(path))
        return slot

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

    def _on_model_loaded(self, path: Path) -> None:
        slot = self.slots.get(Path(path))
        if slot is None:
            return
        checkpoint = self.library.cached(path)
        if checkpoint is not None:
            slot.model = checkpoint.model
        waiting = sum(1 for s in self.slots.values() if s.model is None)
        self.load_label.setText(f"Loading {waiting} model(s)…" if waiting else "")
        self.schedule_update()

    def _on_model_failed(self, path: Path, reason: str) -> None:
        slot = self.slots.get(Path(path))
        if slot is not None:
            slot.view.set_placeholder("Could not load")
            slot.caption.setText("<i>unavailable</i>")
            slot.frame.setToolTip(reason)
            self.show_message(f"A model could not be loaded: {reason}")

    def select_model(self, path: Path) -> None:
        self.selected = path
        for p, slot in self.slots.items():
            slot.view.set_selected(p == path)
        self._show_code()

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
        return self.sigma_slider.value() / 100.0

    @property
    def dropout(self) -> float:
        return self.dropout_slider.value() / 100.0

    def _on_noise_settings(self) -> None:
        self.sigma_label.setText(f"{self.sigma:.2f}")
        self.dropout_label.setText(f"{self.dropout:.2f}")
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
        x = self.result.raw if self.raw_toggle.isChecked() else self.result.input
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
        result = self.result
        assert result is not None
        self.raw_view.set_image(None if empty and result.empty else result.raw)
        self.processed_view.set_image(None if result.empty else result.input)
        if result.empty:
            self.steps_label.setText("<i>Draw a digit: its 28×28 version appears here.</i>")
        else:
            left, top, right, bottom = result.bbox
            dy, dx = result.shift
            self.steps_label.setText(
                f"{'Inverted (dark on light) · ' if result.inverted else ''}ink box {right - left}×{bottom - top} px "
                f"→ fitted to {result.fitted.shape[1]}×{result.fitted.shape[0]} → centre of mass moved by "
                f"({dx:+d}, {dy:+d}) px"
            )
        feeding = self.model_input
        for slot in self.slots.values():
            if slot.model is None:
                continue
            if slot.output is None:
                slot.view.set_image(None)
                slot.view.set_placeholder("Draw something")
                slot.caption.setText("—")
                continue
            slot.view.set_image(slot.output)
            slot.caption.setText(f"BCE {bce(feeding, slot.output):.3f}<br>PSNR {psnr(feeding, slot.output):.1f} dB")
        if not self._code_timer.isActive():
            self._code_timer.start()
        self.noisy_view.set_image(None if empty else self.noisy_input)
        self.noisy_caption.setText("—" if empty else f"PSNR {psnr(feeding, self.noisy_input):.1f} dB")
        for view, caption, slot in (
            (self.denoised_view, self.denoised_caption, denoiser),
            (self.plain_view, self.plain_caption, plain),
        ):
            if slot is None or slot.noisy_output is None:
                view.set_image(None)
                caption.setText("—")
                continue
            view.set_image(slot.noisy_output)
            caption.setText(f"PSNR {psnr(feeding, slot.noisy_output):.1f} dB")

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
