"""The Train page's run view: the grid, the latent map and the lecture's views, and the time machine.

The panel keeps the run's :class:`~engine.history.RunHistory` — fed with the
live run's events, or loaded from a saved checkpoint (review mode) — and one
:class:`~desktop.widgets.history_scrubber.HistoryScrubber` over its snapshots.
Moving the slider moves everything together: the grid, the latent map, the
sparse autoencoder's unit bars, the VAE terms' marker, the marker on the
page's curves and the readout. While a run is live the slider follows the
newest snapshot, unless the user moved it away, and the map and the coding
units are drawn only when seen: a hidden tab (or page) is brought up to date
when it is shown, so a run's snapshots cost the GUI thread — and the training
that shares Python's lock with it — only what a person can see.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import QComboBox, QGroupBox, QHBoxLayout, QLabel, QSplitter, QTabWidget, QVBoxLayout, QWidget

from desktop.widgets.history_map import HistoryMap, history_bounds
from desktop.widgets.history_scrubber import HistoryScrubber
from desktop.widgets.image_grid import ImageGrid
from desktop.widgets.unit_activity import UnitActivityView, VaeTermsPlot
from engine.history import RunHistory, near_zero_share
from engine.models import find_family

READOUT_NAMES = {  # the readout's words for the history's metric keys (translated where shown)
    "loss": QT_TRANSLATE_NOOP("HistoryPanel", "training loss"),
    "val_loss": QT_TRANSLATE_NOOP("HistoryPanel", "validation loss"),
    "val_rounded_accuracy": QT_TRANSLATE_NOOP("HistoryPanel", "rounded accuracy"),
    "reconstruction": QT_TRANSLATE_NOOP("HistoryPanel", "reconstruction"),
    "kl": "KL",
    "loss_d": "Loss_D",
    "loss_g": "Loss_G",
    "loss_q": "Loss_Q",
    "d_real": "D(x)",
    "d_fake": "D(G(z))",
}


def readout_metrics(metrics: dict[str, float]) -> str:
    locale = QLocale()
    parts = []
    for key, name in READOUT_NAMES.items():
        value = metrics.get(key)
        if value is not None and np.isfinite(value):
            parts.append(f"{QCoreApplication.translate('HistoryPanel', name)} {locale.toString(float(value), 'f', 4)}")
    return ", ".join(parts)


def fill_plot(plot, history: RunHistory) -> None:
    """Feed a LossPlot with a stored history's curves (review mode), as the live run fed it."""
    names = [n for n in history.series_names("step") if n in ("loss", "loss_d", "loss_g", "loss_q", "d_real", "d_fake")]
    if names:
        series = [history.series(n, "step") for n in names]
        steps = series[0].global_steps
        values = np.column_stack([s.values for s in series])
        for i, step in enumerate(steps.tolist()):
            row = {n: float(v) for n, v in zip(names, values[i]) if np.isfinite(v)}
            if row:
                plot.add_step(step, row)
    if "val_loss" in history.series_names("epoch"):
        val = history.series("val_loss", "epoch")
        for step, value in zip(val.global_steps.tolist(), val.values.tolist()):
            if np.isfinite(value):
                plot.add_epoch(step, {"loss": value})
    plot.refresh(force=True)


class HistoryPanel(QWidget):
    """Grid · map / lecture views / extra tabs · scrubber; see the module's docstring."""

    def __init__(self, plot=None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plot = plot  # the page's LossPlot: its marker follows the slider
        self.history: RunHistory | None = None
        self.family = ""
        self.class_names: list[str] = []
        self._live = False
        self._shown = -1
        self._shown_snapshot = None
        self._seen: tuple[int, int] = (0, 0)
        self._terms_count = -1
        self._bounds_count = -1  # how many snapshots the map's fixed axes were worked out from
        self._behind = False  # live: the map or units were hidden when the shown snapshot changed
        self._refreshing = False  # in refresh(): the slider follows a new snapshot (not the user's doing)
        self.grid = ImageGrid(columns=8)
        self.grid.set_placeholder(self.tr("Reconstructions or samples appear here once training starts."))
        self.grid.setToolTip(
            self.tr(
                "A fixed batch, re-drawn several times per epoch: validation images (top row) "
                "and their reconstructions (bottom row), or the samples of a fixed noise batch. "
                "Scrub the slider below to see it at any earlier snapshot."
            )
        )
        self.grid_caption = QLabel("")
        self.grid_caption.setWordWrap(True)
        self.grid_kind = QComboBox()
        self.grid_kind.addItem(self.tr("Reconstructions"), "reconstructions")
        self.grid_kind.addItem(self.tr("Samples"), "samples")
        self.grid_kind.setToolTip(self.tr("The VAE both reconstructs and generates: choose which to watch."))
        self.grid_kind.currentIndexChanged.connect(lambda _i: self.show_index(self.scrubber.index(), force=True))
        self.grid_kind.hide()
        grid_box = QGroupBox(self.tr("What the model makes"))
        grid_layout = QVBoxLayout(grid_box)
        caption_row = QHBoxLayout()
        caption_row.addWidget(self.grid_caption, 1)
        caption_row.addWidget(self.grid_kind)
        grid_layout.addLayout(caption_row)
        grid_layout.addWidget(self.grid, 1)

        self.map = HistoryMap()
        self.units = UnitActivityView()
        self.terms = VaeTermsPlot()
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.currentChanged.connect(lambda _i: self._catch_up())
        self.map_tab = self.tabs.addTab(self.map, self.tr("Latent map"))
        self.tabs.setTabToolTip(self.map_tab, self.map.toolTip())
        self.units_tab = self.tabs.addTab(self.units, self.tr("Coding units"))
        self.tabs.setTabToolTip(self.units_tab, self.units.toolTip())
        self.terms_tab = self.tabs.addTab(self.terms, self.tr("VAE loss terms"))
        self.tabs.setTabToolTip(self.terms_tab, self.terms.toolTip())
        self.split = QSplitter(Qt.Orientation.Horizontal)
        self.split.addWidget(grid_box)
        self.split.addWidget(self.tabs)
        self.split.setSizes([430, 330])

        self.scrubber = HistoryScrubber()
        self.scrubber.position_changed.connect(self.show_index)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.split, 1)
        layout.addWidget(self.scrubber)
        self._set_family_tabs("")

    def add_tab(self, widget: QWidget, title: str, tip: str = "") -> None:
        """Another view beside the map (the page's log)."""
        index = self.tabs.insertTab(0, widget, title)
        self.tabs.setTabToolTip(index, tip)
        self.map_tab, self.units_tab, self.terms_tab = (
            self.tabs.indexOf(w) for w in (self.map, self.units, self.terms)
        )
        self.tabs.setCurrentIndex(index)

    # -- starting a live run, opening a saved one -------------------------------------------------
    def begin_live(self, family: str, dataset: str, history: RunHistory | None = None) -> None:
        """A run starts (``history``: the one it continues, or None for a new run)."""
        self._live = True
        self._start(family, dataset, history or RunHistory(family, dataset))
        self.grid.clear(self.tr("Loading the data…"))
        if history is None or not len(history):
            self.scrubber.set_empty(self.tr("The slider fills as the run records its snapshots."))
        else:
            self.scrubber.set_count(len(history), follow_latest=True)

    def end_live(self) -> None:
        self._live = False
        self.refresh()
        self._catch_up()

    def show_history(self, history: RunHistory | None, family: str, dataset: str, reason: str = "") -> None:
        """Review mode: a saved run's history (or none, and ``reason`` saying why)."""
        self._live = False
        self._start(family, dataset, history)
        if history is None or not len(history):
            self.grid.clear(reason or self.tr("This run recorded no snapshots."))
            self.scrubber.set_empty(reason or self.tr("This run recorded no snapshots."))
            self.map.show_message("")
            return
        self.scrubber.set_count(len(history), follow_latest=False)
        self.scrubber.set_index(len(history) - 1)
        self._update_terms(force=True)

    def _start(self, family: str, dataset: str, history: RunHistory | None) -> None:
        from engine.data import DatasetError, class_names

        self.history = history
        self.family = family
        self._shown, self._shown_snapshot, self._seen = -1, None, (0, 0)
        self._terms_count = self._bounds_count = -1
        self._behind = False
        try:
            self.class_names = list(class_names(dataset))
        except (KeyError, ValueError, DatasetError):  # a folder of pictures: its own classes, not in the catalog
            self.class_names = []
        self._set_family_tabs(family)
        self.map.set_points(None)
        if history is not None and history.map_labels is not None:
            self.map.set_classes(history.map_labels, self.class_names)
            self.map.set_bounds(history_bounds([s.map_xy for s in history.snapshots]))
            self._bounds_count = len(history)
        self.units.clear()
        self.terms.clear()
        self.grid_caption.setText("")
        self.grid_kind.setVisible(family_has_both(family))
        if self.plot is not None:
            self.plot.set_marker(None)

    def _set_family_tabs(self, family: str) -> None:
        record = find_family(family)
        has_map = record is not None and record.reconstructs
        self.tabs.setTabVisible(self.map_tab, has_map or record is None)
        self.tabs.setTabVisible(self.units_tab, family == "sparse")
        self.tabs.setTabVisible(self.terms_tab, family == "vae")
        if record is not None and not has_map:
            self.map.show_message(self.tr("A GAN has no encoder, so there is no latent map to show."))
        else:
            self.map.show_message("")

    # -- live ----------------------------------------------------------------------------------
    def record(self, event) -> None:
        """Take in one of the live run's events (the page calls this for every event; drawn at :meth:`refresh`)."""
        if self.history is not None:
            self.history.record(event)

    def refresh(self) -> None:
        """Bring the slider up to date with the history (the page's redraw timer calls this)."""
        history = self.history
        if history is None or not len(history):
            return
        seen = (len(history), id(history.snapshots[-1]))
        if seen != self._seen:
            self._seen = seen
            self._refreshing = True
            try:
                self.scrubber.set_count(len(history))  # following: shows the newest (position_changed)
            finally:
                self._refreshing = False
        self._update_terms()

    def _hidden_while_live(self, view: QWidget) -> bool:
        return self._live and not view.isVisible()

    def _catch_up(self) -> None:
        """Draw in the map and units what came while they were hidden (a tab or the page was shown)."""
        if self._behind and self._shown_snapshot is not None:
            self._show_views(self._shown_snapshot)
        self._update_terms()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        self._catch_up()

    def _show_views(self, snapshot) -> None:
        """The latent map and the sparse AE's coding units at ``snapshot`` (only when seen, while live)."""
        history = self.history
        self._behind = False
        if history.map_labels is not None:
            if self._hidden_while_live(self.map):
                self._behind = True
            else:
                self.map.set_classes(history.map_labels, self.class_names)
                if self._bounds_count != len(history):  # the axes hold every snapshot's points
                    self._bounds_count = len(history)
                    self.map.set_bounds(history_bounds([s.map_xy for s in history.snapshots]))
                self.map.set_points(snapshot.map_xy)
        if snapshot.unit_activation is not None:
            if self._hidden_while_live(self.units):
                self._behind = True
            else:
                activation = np.asarray(snapshot.unit_activation, np.float32)
                self.units.set_activity(activation, history.unit_target, near_zero_share(activation))

    # -- showing one snapshot --------------------------------------------------------------------------
    def show_index(self, index: int, force: bool = False) -> None:
        history = self.history
        if history is None or not 0 <= index < len(history):
            return
        snapshot = history.snapshots[index]
        if index == self._shown and snapshot is self._shown_snapshot and not force:
            return
        self._shown, self._shown_snapshot = index, snapshot
        self._show_grid(snapshot)
        self._show_views(snapshot)
        if self.plot is not None:
            # A live run's new snapshot: the marker moves with the curves' next redraw (one paint for both).
            self.plot.set_marker(snapshot.global_step, defer=self._live and self._refreshing)
        self.terms.set_marker(snapshot.global_step)
        self.scrubber.set_readout(self.readout_text(index))

    def _show_grid(self, snapshot) -> None:
        kind = self.grid_kind.currentData() if self.grid_kind.isVisible() else None
        if kind not in snapshot.grids:
            kind = next(iter(snapshot.grids))
        images = snapshot.grids[kind]
        originals = snapshot.originals if kind == "reconstructions" else None
        if originals is not None and originals.shape != images.shape:
            originals = None
        self.grid.set_images(images, originals)
        if snapshot.epoch == 0:
            when = self.tr("before training")
        elif snapshot.epoch_end:
            when = self.tr("end of epoch {epoch}").format(epoch=snapshot.epoch)
        else:
            when = self.tr("during epoch {epoch}").format(epoch=snapshot.epoch)
        if originals is not None:
            self.grid_caption.setText(
                self.tr("Top rows: validation images · below each: its reconstruction ({when})").format(when=when)
            )
        else:
            self.grid_caption.setText(self.tr("Samples of a fixed noise batch ({when})").format(when=when))

    def readout_text(self, index: int) -> str:
        history = self.history
        snapshot = history.snapshots[index]
        locale = QLocale()
        if snapshot.epoch == 0:
            head = self.tr("Before training")
        else:
            head = self.tr("Epoch {epoch}").format(epoch=snapshot.epoch)
        text = self.tr("{head} · step {step} · snapshot {n} of {count}").format(
            head=head,
            step=locale.toString(snapshot.global_step),
            n=locale.toString(index + 1),
            count=locale.toString(len(history)),
        )
        values = readout_metrics(snapshot.metrics)
        return f"{text} — {values}" if values else text

    def _update_terms(self, force: bool = False) -> None:
        """The VAE's reconstruction and KL curves, from the history (per step when logged so)."""
        history = self.history
        if self.family != "vae" or history is None or (self._hidden_while_live(self.terms) and not force):
            return  # a hidden tab is brought up to date when shown (_catch_up)
        names = history.series_names("step")
        per = "step" if "reconstruction" in names and "kl" in names else "epoch"
        if per == "epoch" and not {"reconstruction", "kl"} <= set(history.series_names("epoch")):
            return
        recon, kl = history.series("reconstruction", per), history.series("kl", per)
        if len(recon.values) == self._terms_count and not force:
            return
        self._terms_count = len(recon.values)
        self.terms.set_terms(recon.global_steps, recon.values, kl.values)

    # -- for tests and exports ---------------------------------------------------------------------
    def shown_snapshot(self):
        return None if self.history is None or self._shown < 0 else self.history.snapshots[self._shown]


def family_has_both(family: str) -> bool:
    record = find_family(family)
    return record is not None and len(record.snapshot_kinds) > 1
