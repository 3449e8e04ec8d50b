"""The Train page's run controls: Start, Pause/Resume, Stop, and a GAN's "Train D only" / "Train G only".

A mixin of :class:`~desktop.pages.train_page.TrainPage` (it uses the page's
runner, settings panel and log): the actions with their shortcuts, the row of
buttons, the commands they run and which of them are enabled. The commands
only ask the run (:class:`~desktop.training_worker.TrainingRunner`); what the
run then does comes back as events (:mod:`desktop.pages.train.run_events`).

Its words keep the page's translation context ("TrainPage"), where they were
translated before the page was split.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QSizePolicy, QToolBar, QToolButton, QWidget

from engine.models import find_family


def is_adversarial(family: str) -> bool:
    """Trained in two phases (D, then G): D's and G's curves, single-phase steps, the GAN health line."""
    record = find_family(family)
    return record is not None and record.adversarial


class RunControls:
    """Mixed into the Train page; see the module's docstring."""

    _paused = False  # a pause was asked for (the button says "Resume")
    _held = False  # the run confirmed it is paused: single GAN phases may be stepped
    _stopping = False
    _family = ""

    def _build_run_controls(self) -> QToolBar:
        """The actions, and the row of their buttons (the page adds its history buttons at the right end)."""
        self.start_action = self._action(
            QCoreApplication.translate("TrainPage", "Start"),
            "Ctrl+Return",
            QCoreApplication.translate("TrainPage", "Start training with these settings (Ctrl+Enter)."),
            self.start_run,
        )
        self.pause_action = self._action(
            QCoreApplication.translate("TrainPage", "Pause"),
            "Space",
            QCoreApplication.translate(
                "TrainPage", "Pause the run after the current step; press again to resume (Space)."
            ),
            self.toggle_pause,
        )
        self.stop_action = self._action(
            QCoreApplication.translate("TrainPage", "Stop"),
            "Esc",
            QCoreApplication.translate(
                "TrainPage", "Stop the run after the current step and save the model trained so far (Esc)."
            ),
            self.stop_run,
        )
        self.step_d_action = self._action(
            QCoreApplication.translate("TrainPage", "Train D only"),
            "Ctrl+D",
            QCoreApplication.translate(
                "TrainPage",
                "One step of phase 1 — only the discriminator learns to tell real from fake; a running GAN "
                "pauses first (Ctrl+D).",
            ),
            lambda: self.step_phase("d"),
        )
        self.step_g_action = self._action(
            QCoreApplication.translate("TrainPage", "Train G only"),
            "Ctrl+G",
            QCoreApplication.translate(
                "TrainPage",
                "One step of phase 2 — only the generator learns to fool the frozen discriminator; a running "
                "GAN pauses first (Ctrl+G).",
            ),
            lambda: self.step_phase("g"),
        )
        # A tool bar: when the window is narrow, the buttons that do not fit (Compare, Export first) go in
        # its » menu instead of widening the window; every action keeps its shortcut.
        controls = QToolBar()
        controls.setObjectName("run_controls")
        controls.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        controls.setStyleSheet("QToolBar { border: none; spacing: 6px; }")
        for action in (self.start_action, self.pause_action, self.stop_action):
            self._button(controls, action)
        pause = controls.widgetForAction(self.pause_action)  # as wide as its wider word: the row never jumps
        widths = []
        for text in (QCoreApplication.translate("TrainPage", "Resume"), self.pause_action.text()):
            pause.setText(text)
            widths.append(pause.sizeHint().width())
        pause.setMinimumWidth(max(widths))
        controls.addSeparator()
        self.phase_buttons = [self._button(controls, self.step_d_action), self._button(controls, self.step_g_action)]
        spacer = QWidget()  # the page adds its history buttons after it, at the row's right end
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        controls.addWidget(spacer)
        return controls

    def _action(self, text: str, shortcut: str, tip: str, slot) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(shortcut))
        action.setToolTip(tip)
        action.setStatusTip(tip)
        action.triggered.connect(slot)
        self.addAction(action)  # active while the page is shown
        return action

    def _button(self, bar: QToolBar, action: QAction) -> QToolButton:
        if action.text().endswith("…"):
            action.setIconText(action.text())  # a tool bar's button drops the "…" that says a dialog opens
        bar.addAction(action)  # hidden with the action (a GAN's single phases for the other families)
        button = bar.widgetForAction(action)
        button.setAutoRaise(False)  # a button, not a flat tool bar entry
        return button

    # -- commands ----------------------------------------------------------------------
    def is_running(self) -> bool:
        return self.runner.is_running()

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
        self._log(QCoreApplication.translate("TrainPage", "Stopping after the current step…"))
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

    def _update_controls(self) -> None:
        running = self.runner.is_running()
        self.start_action.setEnabled(not running)
        self.pause_action.setEnabled(running and not self._stopping)
        self.pause_action.setText(
            QCoreApplication.translate("TrainPage", "Resume")
            if self._paused
            else QCoreApplication.translate("TrainPage", "Pause")
        )
        self.stop_action.setEnabled(running and not self._stopping)
        gan = is_adversarial(self._family if running else self.settings_panel.family)
        for action in (self.step_d_action, self.step_g_action):
            action.setEnabled(running and gan and not self._stopping)  # while training, a press pauses first
            action.setVisible(gan)
        self.settings_panel.set_running(running)
