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

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.epoch_quality import EpochQuality
from desktop.pages import PageDefaults
from desktop.pages.train.history_actions import RunHistoryActions
from desktop.pages.train.history_panel import HistoryPanel
from desktop.pages.train.phase_readout import PhaseReadout
from desktop.pages.train.run_log import RunLog
from desktop.pages.train.settings_panel import SettingsPanel
from desktop.training_worker import TrainingRequest, TrainingRunner
from desktop.widgets.gan_health_view import GanHealthView
from desktop.widgets.judge_curve import JudgeCurve
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


ENDED_TITLES = {  # translated where shown
    "finished": QT_TRANSLATE_NOOP("TrainPage", "Finished"),
    "stopped": QT_TRANSLATE_NOOP("TrainPage", "Stopped"),
    "diverged": QT_TRANSLATE_NOOP("TrainPage", "Diverged"),
    "out_of_memory": QT_TRANSLATE_NOOP("TrainPage", "Out of memory"),
    "error": QT_TRANSLATE_NOOP("TrainPage", "Failed"),
}
METRIC_NAMES = {  # the log's words for the engine's metric keys (translated where shown)
    "loss": QT_TRANSLATE_NOOP("TrainPage", "loss"),
    "val_loss": QT_TRANSLATE_NOOP("TrainPage", "validation loss"),
    "bce": "BCE",
    "rounded_accuracy": QT_TRANSLATE_NOOP("TrainPage", "rounded accuracy"),
    "loss_d": "Loss_D",
    "loss_g": "Loss_G",
    "d_real": "D(x)",
    "d_fake": "D(G(z))",
}


def metrics_text(metrics: dict[str, float], decimals: int) -> str:
    """``loss 0.2870, rounded accuracy 0.9310`` in the user's language and number format."""
    locale = QLocale()
    return ", ".join(
        f"{QCoreApplication.translate('TrainPage', METRIC_NAMES.get(k, k))} {locale.toString(float(v), 'f', decimals)}"
        for k, v in metrics.items()
    )


class TrainPage(QWidget, PageDefaults, EventHandler, RunHistoryActions):
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
            self.tr("Start"), "Ctrl+Return", self.tr("Start training with these settings (Ctrl+Enter)."), self.start_run
        )
        self.pause_action = self._action(
            self.tr("Pause"),
            "Space",
            self.tr("Pause the run after the current step; press again to resume (Space)."),
            self.toggle_pause,
        )
        self.stop_action = self._action(
            self.tr("Stop"),
            "Esc",
            self.tr("Stop the run after the current step and save the model trained so far (Esc)."),
            self.stop_run,
        )
        self.step_d_action = self._action(
            self.tr("Train D only"),
            "Ctrl+D",
            self.tr(
                "One step of phase 1 — only the discriminator learns to tell real from fake; a running GAN "
                "pauses first (Ctrl+D)."
            ),
            lambda: self.step_phase("d"),
        )
        self.step_g_action = self._action(
            self.tr("Train G only"),
            "Ctrl+G",
            self.tr(
                "One step of phase 2 — only the generator learns to fool the frozen discriminator; a running "
                "GAN pauses first (Ctrl+G)."
            ),
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
        for button in self._build_history_controls():  # Compare with…, Export (at the row's right end)
            controls.addWidget(button)

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
        right_layout.addLayout(controls)
        right_layout.addWidget(self.banner)
        right_layout.addWidget(self.progress)
        right_layout.addWidget(self.health)
        right_layout.addWidget(self.phase_readout)
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
        self._timer.start()
        self._update_controls()

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
        self._log(self.tr("Stopping after the current step…"))
        self._update_controls()

    def step_phase(self, phase: str) -> None:
        """One GAN step of a single phase; a run that is still training pauses first (its next step is this one)."""
        if not self.runner.is_running() or self._stopping or not is_adversarial(self._family):
            return
        if not self._paused:
            self.runner.pause()
            self._paused = True
            self._update_controls()
        self.runner.request_phase(phase)  # queued: the run takes it as soon as it has paused

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

    # -- events from the run --------------------------------------------------------------
    def _on_events(self, batch: list) -> None:
        for event in batch:
            if isinstance(event, EpochQuality):  # the judge's view, measured by the training worker
                self.on_epoch_quality(event)
                continue
            self.history_panel.record(event)  # the time machine keeps every snapshot
            dispatch(event, self)

    def on_epoch_quality(self, e: EpochQuality) -> None:
        self.judge_curve.add(e)
        self.health.add_classes(e.histogram, e.class_names, e.dataset)
        locale = QLocale()
        self._log(
            self.tr(
                "Epoch {epoch}, the judge: judge-FID {fid} (real vs real {real}), class entropy {entropy} ({ms} ms)."
            ).format(
                epoch=e.epoch,
                fid=locale.toString(e.judge_fid, "f", 1),
                real=locale.toString(e.real_baseline_fid, "f", 1),
                entropy=locale.toString(e.entropy, "f", 2),
                ms=locale.toString(round(e.ms)),
            )
        )

    def on_run_started(self, e) -> None:
        self.plot.configure(e.metric_names)
        self.health.reset()
        self.judge_curve.clear()
        self.phase_readout.reset()
        self.progress.begin(e.epochs, e.steps_per_epoch, e.batch_size)
        if e.first_epoch <= 1:
            self.grid.clear(self.tr("Drawing the first snapshot…"))
        self._resumed_run_started(e)
        locale = QLocale()
        self._log(
            self.tr(
                "Started on {device}: {train} training and {val} validation images, {steps} steps of {batch} per epoch."
            ).format(
                device=e.device,
                train=locale.toString(e.train_size),
                val=locale.toString(e.val_size),
                steps=locale.toString(e.steps_per_epoch),
                batch=e.batch_size,
            )
        )

    def on_step_metrics(self, e) -> None:
        self.global_step = e.global_step
        self.plot.add_step(e.global_step, e.metrics, e.phase)
        self.health.add_step(e.metrics, e.global_step)
        if e.phase == "both":
            self.progress.advance(e.epoch, e.step, e.samples_per_s)
        else:
            self.progress.add_phase_step()
            self.phase_readout.show_step(e.phase, e.metrics)
            step_only = {k: v for k, v in e.metrics.items() if not k.endswith(("_before", "_after"))}
            values = metrics_text(step_only, 3)  # the probe's before → after is in the readout line
            if e.phase == "d":
                self._log(self.tr("One step of the discriminator (phase 1): {values}.").format(values=values))
            else:
                self._log(self.tr("One step of the generator (phase 2): {values}.").format(values=values))

    def on_epoch_summary(self, e) -> None:
        self.plot.add_epoch(self.global_step, e.val)
        text = self.tr("Epoch {epoch}: training {train}").format(epoch=e.epoch, train=metrics_text(e.train, 4))
        if e.val:
            text = self.tr("{text}; validation {val}").format(text=text, val=metrics_text(e.val, 4))
        text = self.tr("{text} ({speed} images/s, {elapsed} so far).").format(
            text=text, speed=QLocale().toString(round(e.samples_per_s)), elapsed=format_duration(e.elapsed_s)
        )
        if self.health.headline:
            text = self.tr("{text} GAN health: {headline}.").format(text=text, headline=self.health.headline)
        self._log(text)

    def on_snapshot(self, e) -> None:  # the history panel keeps and shows it
        if e.kind == "samples" and is_adversarial(self._family):
            self.health.add_samples(e.images)

    def on_run_paused(self, e) -> None:
        self._paused = self._held = True
        step = QLocale().toString(e.global_step)
        text = self.tr("Paused at step {step}.").format(step=step)
        if is_adversarial(self._family):
            text = self.tr("{text} Use “Train D only” / “Train G only” to walk through the two phases.").format(
                text=text
            )
        self._log(text)
        self.progress.pause(self.tr("Paused at step {step}").format(step=step))
        self._update_controls()

    def on_run_resumed(self, e) -> None:
        self._paused = self._held = False
        self._log(self.tr("Resumed at step {step}.").format(step=QLocale().toString(e.global_step)))
        self.progress.resume()
        self._update_controls()

    def on_run_ended(self, e) -> None:
        self.last_run_end = e
        self.global_step = e.global_step
        title = self.tr(ENDED_TITLES[e.reason]) if e.reason in ENDED_TITLES else e.reason
        locale = QLocale()
        step = locale.toString(e.global_step)
        self.progress.refresh()
        self.progress.finish(
            self.tr("{title} after %n epoch(s), {steps} steps", "", e.epochs_completed).format(title=title, steps=step),
            average_speed=e.final.get("samples_per_s") if e.reason == "finished" else None,
        )
        self._log(self.tr("{title}: {message}").format(title=title, message=e.message))
        if e.reason == "diverged":
            self._show_banner(
                self.tr(
                    "<b>Training diverged.</b> The loss became infinite or NaN at step {step}; the last good "
                    "weights were kept. Try a lower learning rate (this run used {lr})."
                ).format(step=step, lr=locale.toString(float(self.settings_panel.lr.value()), "g", 6)),
                "warning",
            )
        elif e.reason in ("error", "out_of_memory"):
            self._show_banner(f"<b>{title}.</b> {e.message}", "error")
        elif e.reason == "finished":
            val = e.final.get("loss")
            text = self.tr("<b>Finished.</b> {message}").format(message=e.message)
            if val is not None:
                text = self.tr("{text} Final validation loss {loss}.").format(
                    text=text, loss=locale.toString(float(val), "f", 4)
                )
            self._show_banner(text, "info")

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
        self.plot.refresh(force=final)
        self.progress.refresh()
        self.history_panel.refresh()

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
        self.pause_action.setText(self.tr("Resume") if self._paused else self.tr("Pause"))
        self.stop_action.setEnabled(running and not self._stopping)
        gan = is_adversarial(self._family if running else self.settings_panel.family)
        for action in (self.step_d_action, self.step_g_action):
            action.setEnabled(running and gan and not self._stopping)  # while training, a press pauses first
            action.setVisible(gan)
        self.settings_panel.set_running(running)
