"""The Train page: pick a model and its data, press Start, watch it learn.

The page only reacts to the run's events (Orange3's habit): the engine runs on
a QThread through :class:`~desktop.training_worker.TrainingRunner`, whose
batched events (at most 20 batches a second) reach the page's
:class:`~engine.train.events.EventHandler` hooks, which update arrays and
labels; a ~15 Hz timer (``REDRAW_MS``) redraws what changed. Nothing heavy
happens on the GUI thread during a run.
"""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.pages import PageDefaults
from desktop.pages.train.settings_panel import SettingsPanel
from desktop.training_worker import TrainingRequest, TrainingRunner
from desktop.widgets.gan_health_view import GanHealthView
from desktop.widgets.image_grid import ImageGrid
from desktop.widgets.loss_plot import LossPlot
from desktop.widgets.run_progress import RunProgress, format_duration
from engine.models import find_family
from engine.train.events import EventHandler, dispatch

REDRAW_MS = 66  # ~15 Hz: smooth to the eye, and the GUI thread leaves the GIL to training
BANNER_STYLES = {
    "info": "background:#e8f1fb; color:#123; border:1px solid #9bbce0;",
    "warning": "background:#fff4d6; color:#4a3500; border:1px solid #e0b84a;",
    "error": "background:#fde4e4; color:#5a0000; border:1px solid #e08a8a;",
}


def is_adversarial(family: str) -> bool:
    """Trained in two phases (D, then G): D's and G's curves, single-phase steps, the GAN health line."""
    record = find_family(family)
    return record is not None and record.adversarial


def shows_both(family: str) -> bool:
    """Renders reconstructions and samples (the VAE): the grid offers a choice."""
    record = find_family(family)
    return record is not None and len(record.snapshot_kinds) > 1


ENDED_TITLES = {
    "finished": "Finished",
    "stopped": "Stopped",
    "diverged": "Diverged",
    "out_of_memory": "Out of memory",
    "error": "Failed",
}


class TrainPage(QWidget, PageDefaults, EventHandler):
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
        self._snapshots: dict[str, tuple] = {}
        self._snapshot_dirty = False
        self._build()
        self._timer = QTimer(self)
        self._timer.setInterval(REDRAW_MS)
        self._timer.timeout.connect(self._redraw)
        self._update_controls()

    # -- layout ----------------------------------------------------------------------
    def _build(self) -> None:
        self.settings_panel = SettingsPanel(self.context.settings)
        self.settings_panel.message.connect(self._log)
        self.settings_panel.family_changed.connect(lambda _f: self._update_controls())
        scroll = QScrollArea()
        scroll.setWidget(self.settings_panel)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setMinimumWidth(400)

        self.start_action = self._action(
            "Start", "Ctrl+Return", "Start training with these settings (Ctrl+Enter).", self.start_run
        )
        self.pause_action = self._action(
            "Pause", "Space", "Pause the run after the current step; press again to resume (Space).", self.toggle_pause
        )
        self.stop_action = self._action(
            "Stop", "Esc", "Stop the run after the current step and save the model trained so far (Esc).", self.stop_run
        )
        self.step_d_action = self._action(
            "Train D only",
            "Ctrl+D",
            "While paused: one step of phase 1 — only the discriminator learns to tell real from fake (Ctrl+D).",
            lambda: self.step_phase("d"),
        )
        self.step_g_action = self._action(
            "Train G only",
            "Ctrl+G",
            "While paused: one step of phase 2 — only the generator learns to fool the frozen discriminator (Ctrl+G).",
            lambda: self.step_phase("g"),
        )
        controls = QHBoxLayout()
        for action in (self.start_action, self.pause_action, self.stop_action):
            controls.addWidget(self._button(action))
        controls.addSpacing(16)
        self.phase_buttons = [self._button(self.step_d_action), self._button(self.step_g_action)]
        for button in self.phase_buttons:
            controls.addWidget(button)
        controls.addStretch(1)

        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.banner.hide()
        self.progress = RunProgress()
        self.health = GanHealthView()
        self.plot = LossPlot()
        self.plot.setToolTip(
            "Training loss at every step (faint) and smoothed; validation loss after each epoch. "
            "For a GAN: both losses, and D's average score for real and fake images."
        )
        self.plot.setMinimumHeight(220)

        self.grid = ImageGrid(columns=8)
        self.grid.set_placeholder("Reconstructions or samples appear here once training starts.")
        self.grid.setToolTip(
            "A fixed batch, re-drawn several times per epoch: validation images (top row) and "
            "their reconstructions (bottom row), or the samples of a fixed noise batch."
        )
        self.grid_caption = QLabel("")
        self.grid_kind = QComboBox()
        self.grid_kind.addItem("Reconstructions", "reconstructions")
        self.grid_kind.addItem("Samples", "samples")
        self.grid_kind.setToolTip("The VAE both reconstructs and generates: choose which to watch.")
        self.grid_kind.currentIndexChanged.connect(self._on_grid_kind_changed)
        self.grid_kind.hide()
        grid_box = QGroupBox("What the model makes")
        grid_layout = QVBoxLayout(grid_box)
        caption_row = QHBoxLayout()
        caption_row.addWidget(self.grid_caption, 1)
        caption_row.addWidget(self.grid_kind)
        grid_layout.addLayout(caption_row)
        grid_layout.addWidget(self.grid, 1)

        self.log = QPlainTextEdit()
        self.log.setReadOnly(True)
        self.log.setMaximumBlockCount(2000)
        self.log.setToolTip("What happened during the runs: start, epochs, pauses, stops, saves and problems.")
        self.log.setPlaceholderText("The run's events will be listed here.")
        log_box = QGroupBox("Log")
        QVBoxLayout(log_box).addWidget(self.log)

        bottom = QSplitter(Qt.Orientation.Horizontal)
        bottom.addWidget(grid_box)
        bottom.addWidget(log_box)
        bottom.setSizes([520, 380])
        right_split = QSplitter(Qt.Orientation.Vertical)
        right_split.addWidget(self.plot)
        right_split.addWidget(bottom)
        right_split.setSizes([380, 320])
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(controls)
        right_layout.addWidget(self.banner)
        right_layout.addWidget(self.progress)
        right_layout.addWidget(self.health)
        right_layout.addWidget(right_split, 1)

        main = QSplitter(Qt.Orientation.Horizontal)
        main.addWidget(scroll)
        main.addWidget(right)
        main.setStretchFactor(1, 1)
        main.setSizes([470, 900])
        layout = QVBoxLayout(self)
        layout.addWidget(main)

    def _action(self, text: str, shortcut: str, tip: str, slot) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(shortcut))
        action.setToolTip(tip)
        action.setStatusTip(tip)
        action.triggered.connect(slot)
        self.addAction(action)  # active while the page is shown
        return action

    def _button(self, action: QAction) -> QToolButton:
        button = QToolButton()
        button.setDefaultAction(action)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        button.setMinimumWidth(90)
        return button

    # -- commands ----------------------------------------------------------------------
    def is_running(self) -> bool:
        return self.runner.is_running()

    def start_run(self) -> bool:
        if self.runner.is_running():
            return False
        panel = self.settings_panel
        try:
            model_config, train_config = panel.model_config(), panel.train_config()
        except ValueError as exc:
            self._show_banner(f"These settings cannot be used: {exc}", "error")
            return False
        data = panel.data_config()
        panel.save()
        self._family = model_config.family
        self._paused = self._held = self._stopping = False
        self.global_step = 0
        self.last_run_end = None
        self._snapshots.clear()
        self.banner.hide()
        self.plot.configure(("loss_d", "loss_g") if is_adversarial(self._family) else ("loss",))
        self.grid.clear("Loading the data…")
        self.grid_kind.setVisible(shows_both(self._family))
        self.progress.reset("Starting…")
        request = TrainingRequest(model_config=model_config, train_config=train_config, data=data)
        self.runner.start(request)
        self._log(
            f"Starting {panel.family_combo.currentText()} on {panel.dataset_combo.currentText()} "
            f"({panel.source_combo.currentText()}); {train_config.optimizer} lr {train_config.lr:g}, "
            f"batch {train_config.batch_size}, "
            f"{train_config.epochs} epoch(s)."
        )
        self.context.show_status("Training started.", 3000)
        self._timer.start()
        self._update_controls()
        return True

    def toggle_pause(self) -> None:
        if not self.runner.is_running() or self._stopping:
            return
        if self._paused:
            self.runner.resume()
            self._paused = self._held = False
        else:
            self.runner.pause()
            self._paused = True
        self._update_controls()

    def stop_run(self) -> None:
        if not self.runner.is_running() or self._stopping:
            return
        self._stopping = True
        self.runner.stop()
        self._log("Stopping after the current step…")
        self._update_controls()

    def step_phase(self, phase: str) -> None:
        """One GAN step of a single phase; only while paused."""
        if self.runner.is_running() and self._held and is_adversarial(self._family):
            self.runner.request_phase(phase)

    def shown_model(self) -> Path | None:
        """The model this page last trained and saved."""
        return Path(self.last_checkpoint) if self.last_checkpoint else None

    def work_in_progress(self) -> str | None:
        return self.tr("A training run is in progress.") if self.runner.is_running() else None

    def shutdown(self, timeout_ms: int = 30_000) -> bool:
        """Stop any run, wait for it to be saved and its thread to end (the window is closing)."""
        self.settings_panel.save()
        if not self.runner.is_running():
            return True
        self._log("Closing: stopping the run and saving it…")
        self._stopping = True
        ok = self.runner.stop_and_wait(timeout_ms)
        self._redraw(final=True)
        return ok

    # -- events from the run --------------------------------------------------------------
    def _on_events(self, batch: list) -> None:
        for event in batch:
            dispatch(event, self)

    def on_run_started(self, e) -> None:
        self.plot.configure(e.metric_names)
        self.health.reset()
        self.progress.begin(e.epochs, e.steps_per_epoch, e.batch_size)
        self.grid.clear("Drawing the first snapshot…")
        self._log(
            f"Started on {e.device}: {e.train_size:,} training and {e.val_size:,} validation images, "
            f"{e.steps_per_epoch:,} steps of {e.batch_size} per epoch."
        )

    def on_step_metrics(self, e) -> None:
        self.global_step = e.global_step
        self.plot.add_step(e.global_step, e.metrics)
        self.health.add_step(e.metrics)
        if e.phase == "both":
            self.progress.advance(e.epoch, e.step, e.samples_per_s)
        else:
            values = ", ".join(f"{k} {v:.3f}" for k, v in e.metrics.items())
            who = "discriminator (phase 1)" if e.phase == "d" else "generator (phase 2)"
            self._log(f"One step of the {who}: {values}.")

    def on_epoch_summary(self, e) -> None:
        self.plot.add_epoch(self.global_step, e.val)
        train = ", ".join(f"{k} {v:.4f}" for k, v in e.train.items())
        val = ", ".join(f"{k.replace('_', ' ')} {v:.4f}" for k, v in e.val.items())
        text = f"Epoch {e.epoch}: training {train}"
        if val:
            text += f"; validation {val}"
        health = f" GAN health: {self.health.headline}." if self.health.headline else ""
        self._log(f"{text} ({e.samples_per_s:,.0f} images/s, {format_duration(e.elapsed_s)} so far).{health}")

    def on_snapshot(self, e) -> None:
        self._snapshots[e.kind] = (e.images, e.originals, e.epoch)
        self._snapshot_dirty = True
        if e.kind == "samples" and is_adversarial(self._family):
            self.health.add_samples(e.images)

    def on_run_paused(self, e) -> None:
        self._paused = self._held = True
        extra = (
            " Use “Train D only” / “Train G only” to walk through the two phases."
            if (is_adversarial(self._family))
            else ""
        )
        self._log(f"Paused at step {e.global_step:,}.{extra}")
        self.progress.finish(f"Paused at step {e.global_step:,}")
        self._update_controls()

    def on_run_resumed(self, e) -> None:
        self._paused = self._held = False
        self._log(f"Resumed at step {e.global_step:,}.")
        self._update_controls()

    def on_run_ended(self, e) -> None:
        self.last_run_end = e
        self.global_step = e.global_step
        title = ENDED_TITLES.get(e.reason, e.reason)
        self.progress.refresh()
        self.progress.finish(f"{title} after {e.epochs_completed} epoch(s), {e.global_step:,} steps")
        self._log(f"{title}: {e.message}")
        if e.reason == "diverged":
            self._show_banner(
                f"<b>Training diverged.</b> The loss became infinite or NaN at step {e.global_step:,}; "
                f"the last good weights were kept. Try a lower learning rate "
                f"(this run used {self.settings_panel.lr.value():g}).",
                "warning",
            )
        elif e.reason in ("error", "out_of_memory"):
            self._show_banner(f"<b>{title}.</b> {e.message}", "error")
        elif e.reason == "finished":
            val = e.final.get("loss")
            extra = f" Final validation loss {val:.4f}." if val is not None else ""
            self._show_banner(f"<b>Finished.</b> {e.message}{extra}", "info")

    def _on_saved(self, path: str) -> None:
        self.last_checkpoint = path
        self._log(f"Saved the model as {path}")
        self.context.show_status(f"Model saved: {path}", 8000)
        self.context.checkpoint_saved.emit(path)

    def _on_failed(self, message: str) -> None:
        self._log(message)
        self._show_banner(message, "error")

    def _on_finished(self) -> None:
        self._paused = self._held = self._stopping = False
        self._redraw(final=True)
        self._timer.stop()
        if self.last_run_end is None and self.progress.bar.format() in ("Starting…",):
            self.progress.reset("Not started")
        self._update_controls()

    # -- drawing ---------------------------------------------------------------------------
    def _redraw(self, final: bool = False) -> None:
        self.plot.refresh(force=final)
        self.progress.refresh()
        if self._snapshot_dirty:
            self._snapshot_dirty = False
            self._show_snapshot()

    def _on_grid_kind_changed(self, *_args) -> None:
        self._show_snapshot()

    def _show_snapshot(self) -> None:
        if not self._snapshots:
            return
        kind = self.grid_kind.currentData() if shows_both(self._family) else next(iter(self._snapshots))
        if kind not in self._snapshots:
            kind = next(iter(self._snapshots))
        images, originals, epoch = self._snapshots[kind]
        self.grid.set_images(images, originals)
        when = "before training" if epoch == 0 else f"epoch {epoch}"
        if originals is not None:
            self.grid_caption.setText(f"Top rows: validation images · below each: its reconstruction ({when})")
        else:
            self.grid_caption.setText(f"Samples of a fixed noise batch ({when})")

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

    def _update_controls(self) -> None:
        running = self.runner.is_running()
        self.start_action.setEnabled(not running)
        self.pause_action.setEnabled(running and not self._stopping)
        self.pause_action.setText("Resume" if self._paused else "Pause")
        self.stop_action.setEnabled(running and not self._stopping)
        gan = is_adversarial(self._family if running else self.settings_panel.family)
        for action in (self.step_d_action, self.step_g_action):
            action.setEnabled(running and self._held and gan and not self._stopping)
            action.setVisible(gan)
        self.settings_panel.set_running(running)
