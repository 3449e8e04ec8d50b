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
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
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
from desktop.tasks import TaskRunner
from desktop.widgets.code_bars import CodeBars
from desktop.widgets.drawing_canvas import CANVAS_SIZE
from desktop.widgets.drawing_tools import DrawingTools
from desktop.widgets.live_map import LiveMap
from desktop.widgets.model_input_panel import ModelInputPanel
from desktop.widgets.noise_panel import NoisePanel
from desktop.widgets.reconstruction_tiles import ReconstructionTiles, Slot
from engine import i18n as engine_i18n
from engine import inference
from engine.imageio import OPEN_FILTER, ImageError, read_image
from engine.models.families import get_family


@dataclass(frozen=True)
class OpenedImage:
    """An image file decoded and put through the recipe on a task thread, ready for the canvas."""

    name: str
    width: int = 0
    height: int = 0
    canvas: np.ndarray | None = None  # fitted to the canvas (uint8); None when it cannot be used
    inverted: bool = False  # dark ink on a light background
    error: str = ""  # why the file could not be read


def decode_image_file(state, path: str) -> OpenedImage:
    """Read (downscaled while decoding), preprocess and fit an image file: seconds for a 40-megapixel photo,
    so it runs on a task thread (:class:`~desktop.tasks.TaskRunner`), never on the GUI thread."""
    name = Path(path).name
    try:
        grey = read_image(path)
    except ImageError as exc:
        return OpenedImage(name, error=str(exc))
    height, width = grey.shape[:2]
    result = inference.prepare(grey)
    if result.empty or state.is_cancelled():
        return OpenedImage(name, width, height)
    return OpenedImage(name, width, height, inference.fit_to_canvas(result.grey, CANVAS_SIZE), result.inverted)


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
        self._image_loader = TaskRunner("image-opening", parent=self)  # the newest file wins
        self._image_loader.result.connect(self._on_image_opened)
        self._image_loader.error.connect(
            lambda reason: self.show_message(self.tr("Could not use this image: {reason}.").format(reason=reason))
        )
        self._image_loader.idle.connect(self._end_busy)
        self._busy = False
        self._image_used = False
        self._build()
        self.tiles.rebuild()

    # -- building the page ---------------------------------------------------------------------
    def _build(self) -> None:
        self.tools = DrawingTools(self.settings)
        self.canvas = self.tools.canvas
        self.canvas.changed.connect(self.schedule_update)
        self.canvas.cleared.connect(self.reset_blanks)  # a new drawing: the old one's holes go too
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
        self.slots = self.tiles.slots  # the same dict, changed in place: the live path reads it directly
        self.dataset_combo = self.tiles.dataset_combo
        self.load_label, self.empty_label = self.tiles.load_label, self.tiles.empty_label

        self.code_bars = CodeBars()
        self.code_box = QGroupBox(self.tr("Latent code"))
        # its title changes with the drawing: its width must not follow it (the page would jump)
        self.code_box.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.code_box.setMinimumWidth(240)
        code_layout = QHBoxLayout(self.code_box)  # the code's numbers beside where they put the drawing
        code_layout.addWidget(self.code_bars, 3)
        self.live_map = LiveMap()  # the chosen model's latent map: the ★ follows the stroke
        self.live_map.setMinimumWidth(170)
        code_layout.addWidget(self.live_map, 2)
        self.tiles.selection_changed.connect(lambda _path: self._show_live_map())
        self.tiles.slots_changed.connect(self._show_live_map)
        self.tiles.model_loaded.connect(self._show_live_map)
        self.canvas.cleared.connect(self.live_map.reset_trail)

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

        self.message = Banner(self)  # floats over the top of the tiles: showing it moves nothing
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)  # it quotes file names
        self.message.setToolTip(self.tr("Click to dismiss."))
        self.message.setTextFormat(Qt.TextFormat.PlainText)  # it quotes file names
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
        right.addWidget(self.tiles)
        lower = QHBoxLayout()
        lower.addWidget(self.code_box, 1)
        lower.addWidget(self.noise_panel, 1)
        right.addLayout(lower)
        right.addStretch(1)
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
            if get_family(entry.family).denoises:
                self.denoiser_combo.addItem(entry.name, entry.path)
        index = self.denoiser_combo.findData(previous)
        self.denoiser_combo.setCurrentIndex(max(index, 0))
        self.denoiser_combo.blockSignals(False)

    def select_model(self, path: Path) -> bool:
        """Highlight ``path``'s tile (the Models page's Load); False when it is not an autoencoder."""
        return self.tiles.select(path)  # → selection_changed → the code chart

    def plain_slot(self) -> Slot | None:
        dataset = self.denoiser_dataset()
        # the plain autoencoder of the denoiser's own architecture (the stacked AE for the lecture's denoiser)
        denoiser = self.denoiser_slot()
        architecture = get_family(denoiser.entry.family).model if denoiser is not None else None
        candidates = [
            s
            for s in self.slots.values()
            if s.model is not None and _is_plain_autoencoder(s.entry.family, architecture)
        ]
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
        filters = engine_i18n._(OPEN_FILTER) + ";;" + self.tr("All files (*)")
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open an image"), folder, filters)
        if path:
            self.settings.setValue("draw/image_folder", str(Path(path).parent))
            self.load_image_file(path)

    def load_image_file(self, path: str, wait: bool = False) -> bool:
        """Open an image file (dialog, drop) on a task thread, with a busy cursor; the canvas changes when it
        is ready, a bad file leaves it as it was and says why. ``wait`` (tests) serves the event loop until
        then and returns whether the image was used; otherwise True: the opening has started."""
        self._image_used = False
        if not self._busy:
            QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
            self._busy = True
        self.context.show_status(self.tr("Opening {name}…").format(name=Path(path).name), 0)
        self._image_loader.start(decode_image_file, str(path))
        if wait:
            self._image_loader.wait_idle(60_000)
            return self._image_used
        return True

    def _end_busy(self) -> None:
        if self._busy:
            QApplication.restoreOverrideCursor()
            self._busy = False

    def _on_image_opened(self, opened: OpenedImage) -> None:
        if opened.error:
            self.show_message(self.tr("Could not use this image: {reason}.").format(reason=opened.error))
            self.context.show_status(self.tr("Could not open {name}.").format(name=opened.name), 6000)
            return
        if opened.canvas is None:
            self.show_message(
                self.tr("{name} looks blank: no ink stands out from its background.").format(name=opened.name)
            )
            self.context.show_status(self.tr("Could not open {name}.").format(name=opened.name), 6000)
            return
        self.canvas.set_array(opened.canvas, undoable=True)
        self._image_used = True
        if opened.inverted:
            how = self.tr("dark ink on a light background, so it was inverted")
        else:
            how = self.tr("light ink on dark")
        self.show_message(
            self.tr(
                "Loaded {name} ({width}×{height} pixels): {how}. You can keep drawing on it; Undo brings back "
                "your drawing."
            ).format(name=opened.name, width=opened.width, height=opened.height, how=how),
            info=True,
        )
        self.context.show_status(self.tr("Opened {name}.").format(name=opened.name), 4000)

    def shutdown(self) -> bool:
        """Stop opening an image and join its thread (the window is closing)."""
        ok = self._image_loader.shutdown()
        ok = self.live_map.shutdown() and ok
        self._end_busy()
        return ok

    def show_image(self, image: np.ndarray, undoable: bool = True) -> None:
        """Put a grey image (any size, uint8 or float in [0, 1]) on the canvas: fitted, aspect kept."""
        self.canvas.set_array(inference.fit_to_canvas(image, CANVAS_SIZE), undoable=undoable)

    def show_message(self, text: str, info: bool = False) -> None:
        self.message.setText(("ℹ " if info else "⚠ ") + text)
        self.message.show()
        self._place_message()
        self._message_timer.start(12000)

    def _place_message(self) -> None:
        """Lay the banner over the top of the right-hand column (it is not in any layout)."""
        area = self.scroll.geometry()
        width = max(area.width() - 24, 100)
        self.message.setGeometry(area.x() + 8, area.y() + 4, width, self.message.heightForWidth(width))
        self.message.raise_()

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        if self.message.isVisible():
            self._place_message()

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
        found = None if empty or self.selected is None else self.outputs.get(self.selected)
        self.live_map.place(found.code if found is not None else None, self.selected)
        if not self._code_timer.isActive():
            self._code_timer.start()
        self.noise_panel.show_results(
            None if empty else self.outputs,
            denoiser.entry.path if denoiser is not None else None,
            plain.entry.path if plain is not None else None,
        )

    def _show_live_map(self) -> None:
        slot = self.slots.get(self.selected) if self.selected else None
        if slot is None or slot.model is None:
            self.live_map.show_model(None)
        else:
            self.live_map.show_model(
                slot.entry.path, slot.entry.dataset, slot.entry.meta.get("dataset") or {}, slot.model
            )
            found = self.outputs.get(slot.entry.path) if self.outputs is not None else None
            if found is not None and self.model_input.any():  # the drawing so far, placed on this model's map
                self.live_map.place(found.code, slot.entry.path)

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


class Banner(QLabel):
    """A message over the page (a bad file, an image loaded); a click dismisses it."""

    def mousePressEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        self.hide()


def _is_plain_autoencoder(family_key: str, architecture: type | None) -> bool:
    """A family that only reconstructs, is not trained on noise, and (when given) has that architecture."""
    family = get_family(family_key)
    plain = family.reconstructs and not family.generates and not family.denoises
    return plain and (architecture is None or family.model is architecture)
