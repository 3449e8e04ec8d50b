"""The Train page: pick a model and its data, press Start, watch it learn.

The page only reacts to the run's events (Orange3's habit): the engine runs on
a QThread through :class:`~desktop.training_worker.TrainingRunner`, whose
batched events (at most 10 batches a second) reach the page's
:class:`~engine.train.events.EventHandler` hooks
(:mod:`desktop.pages.train.run_events`), which update arrays and labels; the
page then redraws once per batch, and each view draws only what changed, no
more often than it allows (the curves 10 times a second, the bar 5). A hidden
page draws nothing and catches up when shown. Nothing heavy happens on the GUI
thread during a run: it shares Python's lock (the GIL) with the training.

The page is assembled from mixins: :mod:`~desktop.pages.train.run_controls`
(Start, Pause, Stop, single GAN phases), :mod:`~desktop.pages.train.run_events`
(the live views) and :mod:`~desktop.pages.train.history_actions` (saved runs).
"""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QLocale, Qt, QTimer
from PySide6.QtWidgets import QLabel, QSplitter, QToolButton, QVBoxLayout, QWidget

from desktop.pages import PageDefaults
from desktop.pages.train.history_actions import RunHistoryActions
from desktop.pages.train.history_panel import HistoryPanel
from desktop.pages.train.phase_readout import PhaseReadout
from desktop.pages.train.run_controls import RunControls, is_adversarial
from desktop.pages.train.run_events import ENDED_TITLES, METRIC_NAMES, RunEvents, metrics_text
from desktop.pages.train.run_log import RunLog
from desktop.pages.train.settings_panel import SettingsPanel, SettingsScrollArea
from desktop.training_worker import TrainingRequest, TrainingRunner
from desktop.widgets.gan_health_view import GanHealthView
from desktop.widgets.judge_curve import JudgeCurve
from desktop.widgets.loss_plot import LossPlot
from desktop.widgets.run_progress import RunProgress

__all__ = ["ENDED_TITLES", "METRIC_NAMES", "TrainPage", "is_adversarial", "metrics_text"]

REDRAW_MS = 100  # a view that put its redraw off (its time budget) gets it this long after, if no event came
BANNER_STYLES = {
    "info": "background:#e8f1fb; color:#123; border:1px solid #9bbce0;",
    "warning": "background:#fff4d6; color:#4a3500; border:1px solid #e0b84a;",
    "error": "background:#fde4e4; color:#5a0000; border:1px solid #e08a8a;",
}


class TrainPage(QWidget, PageDefaults, RunControls, RunEvents, RunHistoryActions):
    """Settings on the left; the controls, the run's progress, curves and views on the right."""

    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.runner = TrainingRunner(self)
        self.runner.events.connect(self._on_events)
        self.runner.status.connect(self._log)
        self.runner.saved.connect(self._on_saved)
        self.runner.failed.connect(self._on_failed)
        self.runner.finished.connect(self._on_finished)
        self.last_checkpoint: str | None = None
        self.last_run_end = None  # the RunEnded event of the last run
        self.global_step = 0
        self._paused = False  # a pause was asked for (the button says "Resume")
        self._held = False  # the run confirmed it is paused: single GAN phases may be stepped
        self._stopping = False
        self._family = ""
        self._build()
        self._timer = QTimer(self)  # a put-off redraw, when no event comes to bring it
        self._timer.setSingleShot(True)
        self._timer.setInterval(REDRAW_MS)
        self._timer.timeout.connect(self._redraw)
        self._update_controls()

    # -- layout ----------------------------------------------------------------------
    def _build(self) -> None:
        self.settings_panel = SettingsPanel(self.context.settings)
        self.settings_panel.message.connect(self._log)
        self.settings_panel.family_changed.connect(lambda _f: self._update_controls())
        scroll = SettingsScrollArea(self.settings_panel)  # never narrower than the panel's layout needs

        controls = self._build_run_controls()  # Start, Pause, Stop, Train D/G only

        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.banner.hide()
        self.progress = RunProgress()
        self.health = GanHealthView()
        self.phase_readout = PhaseReadout()  # what the last "Train D/G only" step changed
        self.plot = LossPlot()
        self.plot.setToolTip(
            self.tr(
                "Training loss at every step (faint) and smoothed; validation loss after each epoch. "
                "For a GAN: both losses, and D's average score for real and fake images."
            )
        )
        self.plot.setMinimumHeight(220)

        self.history_panel = HistoryPanel(self.plot)  # the grid, the map, the lecture's views, the slider
        self.grid, self.grid_caption, self.grid_kind = (
            self.history_panel.grid,
            self.history_panel.grid_caption,
            self.history_panel.grid_kind,
        )
        self.compare_button, self.export_button = (  # Compare with…, Export (at the row's right end)
            self._button(controls, action) for action in self._build_history_controls()
        )
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)  # its menu on a click

        self.log = RunLog()  # follows new lines unless the reader scrolled up
        self.log.setToolTip(self.tr("What happened during the runs: start, epochs, pauses, stops, saves and problems."))
        self.log.setPlaceholderText(self.tr("The run's events will be listed here."))
        self.history_panel.add_tab(self.log, self.tr("Log"), self.log.toolTip())
        self.judge_curve = JudgeCurve()  # GANs: the judge-FID after each epoch
        self.history_panel.tabs.setTabToolTip(
            self.history_panel.tabs.addTab(self.judge_curve, self.tr("Judge")), self.judge_curve.toolTip()
        )
        right_split = QSplitter(Qt.Orientation.Vertical)
        right_split.addWidget(self.plot)
        right_split.addWidget(self.history_panel)
        right_split.setSizes([300, 400])
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(controls)
        right_layout.addWidget(self.banner)
        right_layout.addWidget(self.progress)
        right_layout.addWidget(self.health)
        right_layout.addWidget(self.phase_readout)
        right_layout.addWidget(right_split, 1)

        main = QSplitter(Qt.Orientation.Horizontal)
        main.addWidget(scroll)
        main.addWidget(right)
        main.setStretchFactor(1, 1)
        main.setSizes([400, 900])  # at 1280×720 with the wide side bar: every run button shown, in French too
        layout = QVBoxLayout(self)
        layout.addWidget(main)

    # -- commands ----------------------------------------------------------------------
    def start_run(self) -> bool:
        if self.runner.is_running():
            return False
        panel = self.settings_panel
        try:
            model_config, train_config = panel.model_config(), panel.train_config()
        except ValueError as exc:
            self._show_banner(self.tr("These settings cannot be used: {reason}").format(reason=exc), "error")
            return False
        data = panel.data_config()
        panel.save()
        self.reviewed_path = None
        self._begin_run(TrainingRequest(model_config=model_config, train_config=train_config, data=data))
        locale = QLocale()
        self._log(
            self.tr(
                "Starting {model} on {dataset} ({source}); {optimizer}, learning rate {lr}, batch {batch}, "
                "%n epoch(s).",
                "",
                train_config.epochs,
            ).format(
                model=panel.family_combo.currentText(),
                dataset=data.dataset if data.source_kind == "images" else panel.dataset_combo.currentText(),
                source=panel.source_combo.currentText(),
                optimizer=train_config.optimizer,
                lr=locale.toString(float(train_config.lr), "g", 6),
                batch=train_config.batch_size,
            )
        )
        if train_config.augment:
            self._log(self.tr("Augmented batches: each image shifted, turned, resized and re-inked at random."))
        return True

    def _begin_run(self, request: TrainingRequest, base_history=None) -> None:
        """Start ``request`` (a new run, or a continued one carrying on ``base_history``)."""
        self._family = request.model_config.family
        self._paused = self._held = self._stopping = False
        self.global_step = 0
        self.last_run_end = None
        self.banner.hide()
        self.plot.configure(("loss_d", "loss_g") if is_adversarial(self._family) else ("loss",))
        self.history_panel.begin_live(self._family, request.data.dataset, base_history)
        self.progress.reset(self.tr("Starting…"))
        self.runner.start(request)
        self.context.show_status(self.tr("Training started."), 3000)
        self._update_controls()

    def shown_model(self) -> Path | None:
        """The model this page last trained and saved."""
        return Path(self.last_checkpoint) if self.last_checkpoint else None

    def work_in_progress(self) -> str | None:
        return self.tr("A training run is in progress.") if self.runner.is_running() else None

    def shutdown(self, timeout_ms: int = 30_000) -> bool:
        """Stop any run, wait for it to be saved and its thread to end (the window is closing)."""
        self.settings_panel.save()
        if not self.runner.is_running():
            self._shutdown_history()
            return True
        self._shutdown_history()
        self._log(self.tr("Closing: stopping the run and saving it…"))
        self._stopping = True
        ok = self.runner.stop_and_wait(timeout_ms)
        self._redraw(final=True)
        return ok

    def _on_saved(self, path: str) -> None:
        self.last_checkpoint = path
        self._log(self.tr("Saved the model as {path}").format(path=path))
        self.context.show_status(self.tr("Model saved: {path}").format(path=path), 8000)
        self.context.checkpoint_saved.emit(path)

    def _on_failed(self, message: str) -> None:
        self._log(message)
        self._show_banner(message, "error")

    def _on_finished(self) -> None:
        self._paused = self._held = self._stopping = False
        self._redraw(final=True)
        self._timer.stop()
        self.history_panel.end_live()
        if self.last_run_end is None and self.progress.bar.format() == self.tr("Starting…"):
            self.progress.reset(self.tr("Not started"))
        self._update_controls()

    # -- drawing ---------------------------------------------------------------------------
    def _redraw(self, final: bool = False) -> None:
        """Draw what the run's last events changed (after each batch of them; ``final``: all of it, now).

        A hidden page draws nothing (its views keep their numbers and catch up in :meth:`showEvent`); a
        view that put its redraw off for its time budget gets it from the next batch, or from the timer."""
        if not final and not self.isVisible():
            self._timer.stop()
            return
        self.history_panel.refresh()  # first: a new snapshot's marker goes in the curves' paint
        self.plot.refresh(force=final)
        self.progress.refresh(force=final)
        if self.plot.pending and not final and self.runner.is_running():
            self._timer.start()  # e.g. a pause: no batch will come to draw the last points

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        self._redraw()  # what came while the page was hidden

    def _ended_text(self, title: str, epochs: int, steps: str) -> str:
        """The bar's last words (here for its plural forms: lupdate reads them from self.tr only)."""
        return self.tr("{title} after %n epoch(s), {steps} steps", "", epochs).format(title=title, steps=steps)

    def _show_banner(self, html: str, kind: str) -> None:
        self.banner.setText(html)
        self.banner.setStyleSheet(f"QLabel {{ {BANNER_STYLES[kind]} padding:6px; border-radius:4px; }}")
        self.banner.show()

    def banner_text(self) -> str:
        return "" if self.banner.isHidden() else self.banner.text()

    def _log(self, text: str) -> None:
        self.log.appendPlainText(f"{time.strftime('%H:%M:%S')}  {text}")

    def log_text(self) -> str:
        return self.log.toPlainText()
