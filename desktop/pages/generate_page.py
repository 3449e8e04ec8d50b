"""The Generate page: sample the GAN, the DCGAN and the VAE; interpolate; move latent sliders.

Every sample is decoded from a code ``z`` drawn from N(0, I) with a seed, so
the same seed always gives the same grid. Clicking two samples picks A and B;
the strip between them walks the straight line (or the great circle, which
keeps ``|z|`` typical of the prior) from ``z_A`` to ``z_B``. The sliders move
the first coordinates of ``z_A`` (every coordinate of a VAE's 10-d code) and
decode live. A DCGAN with class codes (InfoGAN's learned codes, or a conditional
DCGAN's classes) gets a one-hot code after z: all its codes, or the one picked in
the class box. The codes, the decoding
and the interpolation are :mod:`engine.inference`'s; the page keeps the picks
and paints.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import torch
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.model_library import ModelEntry, display_order
from desktop.pages import PageDefaults
from desktop.pages.generate.class_code import ClassCodeBox
from desktop.pages.generate.interpolation import InterpolationBox
from desktop.pages.generate.latent_sliders import MAX_SLIDERS, SLIDER_RANGE, SLIDER_STEPS, LatentSliders  # noqa: F401
from desktop.pages.generate.saving import GridSaving
from desktop.pages.generate.truncation import TruncationBox
from desktop.widgets.history_exports import MIN_GRID_WIDTH
from desktop.widgets.judge_panel import JudgePanel
from desktop.widgets.pixel_view import to_uint8
from desktop.widgets.sample_grid import SampleGrid
from engine import inference, sampling
from engine.imageio import make_grid

GRID_SIZES = (16, 36, 64)


class GeneratePage(GridSaving, QWidget, PageDefaults):
    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.library = context.library
        self.settings = context.settings
        self.model: torch.nn.Module | None = None
        self.entry: ModelEntry | None = None
        self.z: np.ndarray | None = None  # codes of the grid (N, d), truncated as the box says
        self.about_model = ""  # the info line's first part: what the generator is
        self._truncation_note = ""  # its last part while a model's modes are searched for (or could not be)
        self.samples = np.zeros((0, 28, 28), np.float32)
        self.picks: list[int] = []  # the last two picked tiles: A then B
        self.strip = np.zeros((0, 28, 28), np.float32)
        self._build()
        self.library.changed.connect(self._fill_models)
        self.library.model_loaded.connect(self._on_model_loaded)
        self.library.model_failed.connect(self._on_model_failed)
        self._fill_models()

    # -- layout ------------------------------------------------------------------------------
    def _build(self) -> None:
        self.model_combo = QComboBox()
        self.model_combo.setMinimumWidth(220)
        self.model_combo.setToolTip(self.tr("The generator to sample: a GAN, the DCGAN or a VAE's decoder."))
        self.model_combo.currentIndexChanged.connect(self._on_model_chosen)
        self.seed_spin = QSpinBox()
        self.seed_spin.setRange(0, 2**31 - 1)
        self.seed_spin.setValue(int(self.settings.value("generate/seed", 42)))
        self.seed_spin.setToolTip(self.tr("The random seed of the codes: the same seed always gives the same grid."))
        self.seed_spin.valueChanged.connect(self.regenerate)
        self.count_combo = QComboBox()
        for n in GRID_SIZES:
            self.count_combo.addItem(self.tr("%n sample(s)", "", n), n)
        self.count_combo.setCurrentIndex(GRID_SIZES.index(36))
        self.count_combo.currentIndexChanged.connect(self.regenerate)
        self.resample_button = QPushButton(self.tr("Resample"))
        self.resample_button.setToolTip(self.tr("New random codes: the next seed (R)."))
        self.resample_button.clicked.connect(self.resample)
        self.save_grid_button = QPushButton(self.tr("Save grid as PNG…"))
        self.save_grid_button.setToolTip(self.tr("Save the sample grid as a PNG image."))
        self.save_grid_button.clicked.connect(lambda: self._save_dialog("grid"))
        self.truncation_box = TruncationBox()
        self.truncation_box.changed.connect(self.regenerate)
        self.truncation_box.status.connect(self._show_truncation_status)
        self.class_code_box = ClassCodeBox()  # shown for a DCGAN with class codes only
        self.class_code_box.changed.connect(self._on_class_code_changed)
        self.scale_spin = QSpinBox()  # 0: the smallest zoom that makes the PNG at least 1024 px wide
        self.scale_spin.setRange(0, 32)
        self.scale_spin.setSpecialValueText(self.tr("auto (≥ {width} px wide)").format(width=MIN_GRID_WIDTH))
        self.scale_spin.setPrefix("×")
        self.scale_spin.setValue(int(self.settings.value("generate/export_scale", 0)))
        self.scale_spin.setToolTip(
            self.tr(
                "How much the saved PNGs are enlarged: every pixel becomes a square "
                "block (nearest neighbour), so they stay crisp on a slide."
            )
        )
        self.scale_spin.valueChanged.connect(lambda value: self.settings.setValue("generate/export_scale", value))
        # two rows, each short enough in French too: the page fits a 1280×720 laptop with the wide side bar
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Generator:")))
        top.addWidget(self.model_combo, 1)
        top.addWidget(QLabel(self.tr("PNG size:")))
        top.addWidget(self.scale_spin)
        second = QHBoxLayout()
        second.addWidget(QLabel(self.tr("Seed:")))
        second.addWidget(self.seed_spin)
        second.addWidget(self.count_combo)
        second.addWidget(self.resample_button)
        second.addStretch(1)
        second.addWidget(self.save_grid_button)  # under the PNG size (beside it, the row was too wide in French)

        self.grid = SampleGrid(columns=6)
        self.grid.setToolTip(
            self.tr("Click a sample to pick it: the last two picks are A and B, the ends of the interpolation.")
        )
        self.grid.picked.connect(self.pick)
        self.info_label = QLabel()
        self.info_label.setWordWrap(True)
        self.info_label.setTextFormat(Qt.TextFormat.PlainText)  # it quotes the model's name
        left = QVBoxLayout()
        left.setContentsMargins(0, 0, 0, 0)
        third = QHBoxLayout()  # a row of its own: beside the seed it made the page too wide for a laptop
        third.addWidget(self.truncation_box)
        third.addSpacing(12)
        third.addWidget(self.class_code_box)
        third.addStretch(1)
        left.addLayout(top)
        left.addLayout(second)
        left.addLayout(third)
        self.judge_panel = JudgePanel()  # what the judge sees: the grid's class histogram, the generator's figures
        self.judge_panel.setMaximumWidth(300)
        grid_row = QHBoxLayout()
        grid_row.addWidget(self.grid, 3)
        grid_row.addWidget(self.judge_panel, 2)
        left.addLayout(grid_row, 3)
        left.addWidget(self.info_label)

        self.interpolation = InterpolationBox()
        self.interpolation.changed.connect(self.update_strip)
        self.interpolation.save_requested.connect(lambda: self._save_dialog("strip"))
        interp = self.interpolation  # its parts, by the names the tests and the lecture guide use
        self.a_view, self.b_view, self.strip_view = interp.a_view, interp.b_view, interp.strip_view
        self.steps_spin, self.linear_radio, self.spherical_radio = (
            interp.steps_spin,
            interp.linear_radio,
            interp.spherical_radio,
        )
        self.save_strip_button = interp.save_strip_button
        left.addWidget(interp, 1)

        self.slider_box = LatentSliders()
        self.slider_box.reset_requested.connect(self._reset_sliders)
        self.slider_box.code_changed.connect(lambda z: self.slider_preview.set_image(self.decode(z[None])[0]))
        self.slider_preview = self.slider_box.preview

        slider_scroll = QScrollArea()  # ten sliders scroll on a short screen rather than push the window
        slider_scroll.setWidgetResizable(True)
        slider_scroll.setFrameShape(QFrame.Shape.NoFrame)
        slider_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        slider_scroll.setWidget(self.slider_box)
        left_widget = QWidget()
        left_widget.setLayout(left)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(left_widget)
        splitter.addWidget(slider_scroll)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        slider_scroll.setMinimumWidth(300)
        layout = QHBoxLayout(self)
        layout.addWidget(splitter)
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
            self.judge_panel.clear()
            self.info_label.setText(self.tr("No generator yet: train a GAN, a DCGAN or a VAE on the Train page."))
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
        self.judge_panel.clear()  # the previous generator's figures go; this one's come after loading
        checkpoint = self.library.cached(entry.path)
        if checkpoint is None:
            self.info_label.setText(self.tr("Loading {name}…").format(name=entry.name))
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
            self.info_label.setText(self.tr("⚠ Could not load this generator: {reason}").format(reason=reason))

    def _use(self, model: torch.nn.Module) -> None:
        self.model = model
        entry = self.entry
        assert entry is not None
        # before the sliders: their base code carries the class code picked and this model's truncation (the
        # previous generator's toward its modes cannot draw a model without any)
        self.class_code_box.set_model(model, entry.dataset)
        self.truncation_box.blockSignals(True)  # one drawing of the grid, below
        self.truncation_box.set_model(model, sampling.Truncation.from_dict(entry.meta.get("sampling")))
        self.truncation_box.blockSignals(False)
        self._build_sliders()
        self.regenerate()
        if entry.is_autoencoder:
            text = self.tr(
                "{name}: a VAE's decoder fed with z ~ N(0, I), %n number(s) per code. Click a sample to "
                "pick it (A, then B).",
                "",
                self.coding_size,
            )
        elif self.class_codes and sampling.codes_are_classes(self.model):
            text = self.tr(
                "{name}: the generator fed with noise, %n number(s), and the class to draw (one of {codes}). "
                "Click a sample to pick it (A, then B).",
                "",
                self.coding_size,
            ).replace("{codes}", QLocale().toString(self.class_codes))
        elif self.class_codes:
            text = self.tr(
                "{name}: the generator fed with noise, %n number(s), and one of {codes} class codes. Click a "
                "sample to pick it (A, then B).",
                "",
                self.coding_size,
            ).replace("{codes}", QLocale().toString(self.class_codes))
        else:
            text = self.tr(
                "{name}: the generator fed with noise, %n number(s) per code. Click a sample to pick it (A, then B).",
                "",
                self.coding_size,
            )
        self.about_model = text.format(name=entry.name)
        self._show_truncation_status(self._truncation_note)

    def _show_truncation_status(self, message: str) -> None:
        """The model's line, then how its codes are drawn (or the search for its modes, or why it failed)."""
        self._truncation_note = message
        if self.model is None:
            return
        truncation = self.truncation_box.truncation()
        if not message and truncation.mode == "modes":
            message = self.tr(
                "Each code is pulled toward its nearest mode, keeping {psi} of its distance: cleaner "
                "samples, less variety. Choose “No truncation” to see the lecture's sampling."
            ).format(psi=QLocale().toString(truncation.psi, "f", 2))
        elif not message and truncation.mode == "mean":
            message = self.tr(
                "Each code is pulled toward the centre of the cloud, keeping {psi} of its distance: "
                "watch the in-between shapes."
            ).format(psi=QLocale().toString(truncation.psi, "f", 2))
        self.info_label.setText(f"{self.about_model} {message}".strip())

    def shutdown(self) -> bool:
        """Cancel the judge's readings and the search for modes, and join their threads (the window is closing)."""
        return all([self.judge_panel.shutdown(), self.truncation_box.shutdown(), self.class_code_box.shutdown()])

    @property
    def coding_size(self) -> int:
        """Numbers in the noise z (the sliders move its first ones)."""
        return int(getattr(self.model, "coding_size", 0) or 0)

    @property
    def class_codes(self) -> int:
        """The generator's class codes (InfoGAN's, or a conditional DCGAN's classes), 0 for none."""
        return sampling.class_codes(self.model)

    def _on_class_code_changed(self) -> None:
        self.picks = []  # the picked tiles are redrawn with another code: they are not the same samples
        self.regenerate()
        self._reset_sliders()

    # -- sampling ------------------------------------------------------------------------------
    def resample(self) -> None:
        self.seed_spin.setValue((self.seed_spin.value() + 1) % (2**31 - 1))

    def regenerate(self) -> None:
        if self.model is None:
            return
        self.settings.setValue("generate/seed", self.seed_spin.value())
        n = int(self.count_combo.currentData())
        self.grid.columns = int(round(n**0.5))
        truncation = self.truncation_box.truncation()
        samples = inference.sample(self.model, n, self.seed_spin.value(), truncation, self.class_code_box.code_class())
        self.z, self.samples = samples.codes, samples.images
        self.grid.set_images(self.samples)
        if self.entry is not None:
            self.judge_panel.show_grid(
                self.entry.path,
                self.model,
                self.samples,
                self.entry.dataset,
                self.entry.meta.get("dataset") or {},
                truncation,
            )
            self._show_truncation_status(self._truncation_note)
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
        self.interpolation.show_ends(*(self.samples[marks[k]] if k in marks else None for k in "AB"))
        self.update_strip()

    def update_strip(self) -> None:
        if self.z is None or len(self.picks) < 2:
            self.strip = np.zeros((0, 28, 28), np.float32)
            self.strip_view.set_image(None)
            return
        assert self.model is not None
        interp = self.interpolation
        self.strip = inference.interpolate(
            self.model, self.z[self.picks[0]], self.z[self.picks[1]], interp.steps, interp.mode
        )
        self.strip_view.set_image(make_grid(to_uint8(self.strip), cols=len(self.strip), pad=1))

    # -- sliders ---------------------------------------------------------------------------------
    @property
    def sliders(self) -> list:
        return self.slider_box.sliders

    def _build_sliders(self) -> None:
        if self.model is None or self.entry is None:
            self.slider_box.clear()
            return
        count = min(self.coding_size, MAX_SLIDERS)
        if self.entry.is_autoencoder:  # a VAE: its codes are the latent space
            about = self.tr("Latent sliders: the VAE's %n code dimension(s), decoded live", "", count)
        else:
            about = self.tr(
                "Latent sliders: the first {count} of the {size} noise numbers of sample A, decoded live"
            ).format(count=count, size=self.coding_size)
        self.slider_box.rebuild(count, about)
        self._reset_sliders()

    def _reset_sliders(self) -> None:
        if self.model is None:
            return
        if self.picks and self.z is not None:
            base = self.z[self.picks[0]].copy()
        elif self.entry is not None and self.entry.is_autoencoder:
            base = np.zeros(self.coding_size, np.float32)  # the centre of the prior
        else:
            codes = inference.draw_codes(self.model, 1, self.seed_spin.value(), self.class_code_box.code_class())
            base = sampling.truncate(codes, self.truncation_box.truncation(), self.model)[0]
        self.slider_box.set_base(base)

    def slider_code(self) -> np.ndarray | None:
        return self.slider_box.code()

    def set_slider(self, index: int, value: float) -> None:
        self.slider_box.set_value(index, value)
