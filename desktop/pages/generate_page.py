"""The Generate page: sample the GAN, the DCGAN and the VAE; interpolate; move latent sliders.

Every sample is decoded from a code ``z`` drawn from N(0, I) with a seed, so
the same seed always gives the same grid. Clicking two samples picks A and B;
the strip between them walks the straight line (or the great circle, which
keeps ``|z|`` typical of the prior) from ``z_A`` to ``z_B``. The sliders move
the first coordinates of ``z_A`` (every coordinate of a VAE's 10-d code) and
decode live. The codes, the decoding and the interpolation are
:mod:`engine.inference`'s; the page keeps the picks and paints.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import torch
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QSlider,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.model_library import ModelEntry, display_order
from desktop.pages import PageDefaults
from desktop.widgets.pixel_view import PixelView, to_uint8
from desktop.widgets.sample_grid import SampleGrid
from engine import inference
from engine.imageio import ImageError, make_grid, write_png

GRID_SIZES = (16, 36, 64)
SLIDER_RANGE = 3.0  # sliders span ±3 standard deviations of the prior
SLIDER_STEPS = 300
MAX_SLIDERS = 10


class GeneratePage(QWidget, PageDefaults):
    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.library = context.library
        self.settings = context.settings
        self.model: torch.nn.Module | None = None
        self.entry: ModelEntry | None = None
        self.z: np.ndarray | None = None  # codes of the grid (N, d)
        self.samples = np.zeros((0, 28, 28), np.float32)
        self.picks: list[int] = []  # the last two picked tiles: A then B
        self.strip = np.zeros((0, 28, 28), np.float32)
        self.sliders: list[QSlider] = []
        self.slider_base: np.ndarray | None = None
        self._build()
        self.library.changed.connect(self._fill_models)
        self.library.model_loaded.connect(self._on_model_loaded)
        self.library.model_failed.connect(self._on_model_failed)
        self._fill_models()

    # -- layout ------------------------------------------------------------------------------
    def _build(self) -> None:
        self.model_combo = QComboBox()
        self.model_combo.setMinimumWidth(220)
        self.model_combo.setToolTip("The generator to sample: a GAN, the DCGAN or a VAE's decoder.")
        self.model_combo.currentIndexChanged.connect(self._on_model_chosen)
        self.seed_spin = QSpinBox()
        self.seed_spin.setRange(0, 2**31 - 1)
        self.seed_spin.setValue(int(self.settings.value("generate/seed", 42)))
        self.seed_spin.setToolTip("The random seed of the codes: the same seed always gives the same grid.")
        self.seed_spin.valueChanged.connect(self.regenerate)
        self.count_combo = QComboBox()
        for n in GRID_SIZES:
            self.count_combo.addItem(f"{n} samples", n)
        self.count_combo.setCurrentIndex(GRID_SIZES.index(36))
        self.count_combo.currentIndexChanged.connect(self.regenerate)
        self.resample_button = QPushButton("Resample")
        self.resample_button.setToolTip("New random codes: the next seed (R).")
        self.resample_button.clicked.connect(self.resample)
        self.save_grid_button = QPushButton("Save grid as PNG…")
        self.save_grid_button.setToolTip("Save the sample grid as a PNG image.")
        self.save_grid_button.clicked.connect(lambda: self._save_dialog("grid"))
        top = QHBoxLayout()
        top.addWidget(QLabel("Generator:"))
        top.addWidget(self.model_combo)
        top.addWidget(QLabel("Seed:"))
        top.addWidget(self.seed_spin)
        top.addWidget(self.count_combo)
        top.addWidget(self.resample_button)
        top.addStretch(1)
        top.addWidget(self.save_grid_button)

        self.grid = SampleGrid(columns=6)
        self.grid.setToolTip(
            "Click a sample to pick it: the last two picks are A and B, the ends of the interpolation."
        )
        self.grid.picked.connect(self.pick)
        self.info_label = QLabel()
        self.info_label.setWordWrap(True)
        left = QVBoxLayout()
        left.addLayout(top)
        left.addWidget(self.grid, 1)
        left.addWidget(self.info_label)

        # interpolation
        self.a_view, self.b_view = PixelView("Pick A", 72), PixelView("Pick B", 72)
        for view in (self.a_view, self.b_view):
            view.setMaximumSize(110, 110)
        self.steps_spin = QSpinBox()
        self.steps_spin.setRange(3, 16)
        self.steps_spin.setValue(9)
        self.steps_spin.setToolTip("Images in the strip, A and B included.")
        self.steps_spin.valueChanged.connect(self.update_strip)
        self.linear_radio = QRadioButton("Linear")
        self.linear_radio.setToolTip("A straight line from z_A to z_B.")
        self.spherical_radio = QRadioButton("Spherical")
        self.spherical_radio.setToolTip(
            "A great circle from z_A to z_B (slerp): the codes keep the length "
            "typical of N(0, I), so the middle images are not washed out."
        )
        self.linear_radio.setChecked(True)
        self.spherical_radio.toggled.connect(self.update_strip)
        self.strip_view = PixelView("Pick two samples (A and B) in the grid.", 48)
        self.strip_view.setMinimumHeight(36)
        self.strip_view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)  # its own aspect
        self.save_strip_button = QPushButton("Save strip as PNG…")
        self.save_strip_button.clicked.connect(lambda: self._save_dialog("strip"))
        interp = QGroupBox("Interpolation from A to B")
        grid = QGridLayout(interp)
        grid.addWidget(QLabel("A"), 0, 0, Qt.AlignmentFlag.AlignHCenter)
        grid.addWidget(QLabel("B"), 0, 1, Qt.AlignmentFlag.AlignHCenter)
        grid.addWidget(self.a_view, 1, 0)
        grid.addWidget(self.b_view, 1, 1)
        controls = QHBoxLayout()
        controls.addWidget(QLabel("Steps"))
        controls.addWidget(self.steps_spin)
        controls.addWidget(self.linear_radio)
        controls.addWidget(self.spherical_radio)
        controls.addStretch(1)
        grid.addLayout(controls, 2, 0, 1, 2)
        grid.addWidget(self.strip_view, 3, 0, 1, 2)
        grid.addWidget(self.save_strip_button, 4, 0, 1, 2)
        grid.setRowStretch(3, 1)

        # latent sliders
        self.slider_box = QGroupBox("Latent sliders")
        self.slider_preview = PixelView("Pick a sample", 96)
        self.slider_preview.setMaximumSize(150, 150)
        self.slider_grid = QGridLayout()
        self.reset_sliders_button = QPushButton("Back to A")
        self.reset_sliders_button.setToolTip("Put the sliders back on the picked sample's code.")
        self.reset_sliders_button.clicked.connect(self._reset_sliders)
        slider_layout = QHBoxLayout(self.slider_box)
        preview_col = QVBoxLayout()
        preview_col.addWidget(self.slider_preview)
        preview_col.addWidget(self.reset_sliders_button)
        preview_col.addStretch(1)
        slider_layout.addLayout(preview_col)
        slider_layout.addLayout(self.slider_grid, 1)

        right = QVBoxLayout()
        right.addWidget(interp)
        right.addWidget(self.slider_box, 1)
        right_widget = QWidget()
        right_widget.setLayout(right)
        right_widget.setMaximumWidth(520)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 1)
        layout.addWidget(right_widget)
        shortcut = QShortcut(QKeySequence("R"), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.resample)

    # -- models --------------------------------------------------------------------------------
    def generator_entries(self) -> list[ModelEntry]:
        return sorted((e for e in self.library.entries() if e.is_generator), key=display_order)

    def _fill_models(self) -> None:
        previous = self.model_combo.currentData() or self.settings.value("generate/model", "")
        self.model_combo.blockSignals(True)
        self.model_combo.clear()
        for entry in self.generator_entries():
            self.model_combo.addItem(entry.name, str(entry.path))
        index = self.model_combo.findData(str(previous)) if previous else -1
        self.model_combo.setCurrentIndex(max(index, 0))
        self.model_combo.blockSignals(False)
        if self.model_combo.count() == 0:
            self.grid.set_images(np.zeros((0, 28, 28), np.uint8))
            self.info_label.setText("No generator yet: train a GAN, a DCGAN or a VAE on the Train page.")
            return
        self._on_model_chosen()

    def select_model(self, path: str | Path) -> bool:
        index = self.model_combo.findData(str(Path(path).resolve()))
        if index < 0:
            return False
        self.model_combo.setCurrentIndex(index)
        return True

    def _on_model_chosen(self) -> None:
        data = self.model_combo.currentData()
        if not data:
            return
        entry = self.library.entry_for(data)
        if entry is None:
            return
        self.settings.setValue("generate/model", data)
        self.entry = entry
        self.model = None
        self.picks = []
        checkpoint = self.library.cached(entry.path)
        if checkpoint is None:
            self.info_label.setText(f"Loading {entry.name}…")
            self.library.load_in_background([entry.path])
            return
        self._use(checkpoint.model)

    def _on_model_loaded(self, path) -> None:
        if self.entry is not None and Path(path) == self.entry.path and self.model is None:
            checkpoint = self.library.cached(path)
            if checkpoint is not None:
                self._use(checkpoint.model)

    def _on_model_failed(self, path, reason: str) -> None:
        if self.entry is not None and Path(path) == self.entry.path:
            self.info_label.setText(f"⚠ Could not load this generator: {reason}")

    def _use(self, model: torch.nn.Module) -> None:
        self.model = model
        self._build_sliders()
        self.regenerate()
        entry = self.entry
        assert entry is not None
        what = "a VAE's decoder fed with z ~ N(0, I)" if entry.family == "vae" else "the generator fed with noise"
        self.info_label.setText(
            f"{entry.name}: {what}, {self.coding_size} numbers per code. Click a sample to pick it (A, then B)."
        )

    @property
    def coding_size(self) -> int:
        return int(getattr(self.model, "coding_size", 0) or 0)

    # -- sampling ------------------------------------------------------------------------------
    def resample(self) -> None:
        self.seed_spin.setValue((self.seed_spin.value() + 1) % (2**31 - 1))

    def regenerate(self) -> None:
        if self.model is None:
            return
        self.settings.setValue("generate/seed", self.seed_spin.value())
        n = int(self.count_combo.currentData())
        self.grid.columns = int(round(n**0.5))
        samples = inference.sample(self.model, n, self.seed_spin.value())
        self.z, self.samples = samples.codes, samples.images
        self.grid.set_images(self.samples)
        self.picks = [p for p in self.picks if p < n]
        self._show_picks()

    def decode(self, z: np.ndarray) -> np.ndarray:
        """Images (N, 28, 28) of codes (N, d) through the current generator."""
        assert self.model is not None
        return inference.decode(self.model, z)

    def pick(self, index: int) -> None:
        if not 0 <= index < len(self.samples):
            return
        if index in self.picks:
            self.picks.remove(index)
        self.picks = (self.picks + [index])[-2:]
        self._show_picks()
        self._reset_sliders()

    def _show_picks(self) -> None:
        marks = dict(zip("AB", self.picks))
        self.grid.set_marks(marks)
        self.a_view.set_image(self.samples[marks["A"]] if "A" in marks else None)
        self.b_view.set_image(self.samples[marks["B"]] if "B" in marks else None)
        self.update_strip()

    def update_strip(self) -> None:
        if self.z is None or len(self.picks) < 2:
            self.strip = np.zeros((0, 28, 28), np.float32)
            self.strip_view.set_image(None)
            return
        mode = "spherical" if self.spherical_radio.isChecked() else "linear"
        assert self.model is not None
        self.strip = inference.interpolate(
            self.model, self.z[self.picks[0]], self.z[self.picks[1]], self.steps_spin.value(), mode
        )
        self.strip_view.set_image(make_grid(to_uint8(self.strip), cols=len(self.strip), pad=1))

    # -- sliders ---------------------------------------------------------------------------------
    def _build_sliders(self) -> None:
        while self.slider_grid.count():
            item = self.slider_grid.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        self.sliders = []
        if self.model is None or self.entry is None:
            return
        count = min(self.coding_size, MAX_SLIDERS)
        if self.entry.family == "vae":
            self.slider_box.setTitle(f"Latent sliders: the VAE's {count} code dimensions, decoded live")
        else:
            self.slider_box.setTitle(
                f"Latent sliders: the first {count} of the {self.coding_size} noise numbers of sample A, decoded live"
            )
        for i in range(count):
            slider = QSlider(Qt.Orientation.Horizontal)
            slider.setRange(-SLIDER_STEPS, SLIDER_STEPS)
            slider.setToolTip(f"z[{i}], from −{SLIDER_RANGE:g} to +{SLIDER_RANGE:g}")
            slider.valueChanged.connect(self._on_slider)
            value = QLabel("0.00")
            value.setMinimumWidth(40)
            self.slider_grid.addWidget(QLabel(f"z{i}"), i, 0)
            self.slider_grid.addWidget(slider, i, 1)
            self.slider_grid.addWidget(value, i, 2)
            slider.setProperty("value_label", value)
            self.sliders.append(slider)
        self._reset_sliders()

    def _reset_sliders(self) -> None:
        if self.model is None:
            return
        if self.picks and self.z is not None:
            base = self.z[self.picks[0]].copy()
        elif self.entry is not None and self.entry.family == "vae":
            base = np.zeros(self.coding_size, np.float32)  # the centre of the prior
        else:
            base = inference.draw_codes(self.coding_size, 1, self.seed_spin.value())[0]
        self.slider_base = base
        for i, slider in enumerate(self.sliders):
            slider.blockSignals(True)
            slider.setValue(int(round(float(base[i]) / SLIDER_RANGE * SLIDER_STEPS)))
            slider.blockSignals(False)
        self._on_slider()

    def slider_code(self) -> np.ndarray | None:
        if self.slider_base is None:
            return None
        z = self.slider_base.copy()
        for i, slider in enumerate(self.sliders):
            z[i] = slider.value() / SLIDER_STEPS * SLIDER_RANGE
        return z

    def set_slider(self, index: int, value: float) -> None:
        self.sliders[index].setValue(int(round(value / SLIDER_RANGE * SLIDER_STEPS)))

    def _on_slider(self) -> None:
        z = self.slider_code()
        if z is None:
            return
        for slider in self.sliders:
            slider.property("value_label").setText(f"{slider.value() / SLIDER_STEPS * SLIDER_RANGE:+.2f}")
        self.slider_preview.set_image(self.decode(z[None])[0])

    # -- saving ------------------------------------------------------------------------------------
    def grid_png(self) -> np.ndarray:
        return make_grid(to_uint8(self.samples), cols=self.grid.columns, pad=2)

    def save_grid(self, path: str | Path) -> Path:
        if not len(self.samples):
            raise ImageError("there is no grid to save yet")
        return write_png(path, self.grid_png())

    def save_strip(self, path: str | Path) -> Path:
        if not len(self.strip):
            raise ImageError("pick two samples first: the strip goes from A to B")
        return write_png(path, make_grid(to_uint8(self.strip), cols=len(self.strip), pad=2))

    def _save_dialog(self, what: str) -> None:
        entry = self.entry
        stem = f"{entry.path.stem if entry else 'samples'}-{what}-seed{self.seed_spin.value()}.png"
        folder = Path(str(self.settings.value("generate/folder", str(Path.home()))))
        path, _ = QFileDialog.getSaveFileName(self, f"Save the {what} as PNG", str(folder / stem), "PNG (*.png)")
        if not path:
            return
        if not path.lower().endswith(".png"):
            path += ".png"
        self.settings.setValue("generate/folder", str(Path(path).parent))
        try:
            (self.save_grid if what == "grid" else self.save_strip)(path)
        except ImageError as exc:
            self.context.show_status(f"Could not save: {exc}", 8000)
            return
        self.context.show_status(f"Saved the {what} as {path}.", 6000)
