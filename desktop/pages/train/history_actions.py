"""The Train page's time-machine commands: review a saved run, continue one, compare runs, export.

A mixin of :class:`~desktop.pages.train_page.TrainPage` (it uses the page's
runner, plot, history panel, banner and log), kept apart so the page holds
the live run and this module what is done with runs once they exist.
Opening a run reads its checkpoint on a task thread (:mod:`desktop.tasks`);
the rest is quick enough for the GUI thread.
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtGui import QAction

from desktop.pages.train.history_panel import fill_plot
from desktop.tasks import TaskRunner
from desktop.widgets.compare_dialog import CompareDialog, RunPicker
from desktop.widgets.history_exports import HistoryExportMenu
from engine.models import find_family


def read_run(state, path: Path):
    """(record, LoadedHistory) of the checkpoint at ``path`` (on a task thread); CheckpointError if unreadable."""
    from engine.checkpoint import load_checkpoint
    from engine.history import history_from_checkpoint

    checkpoint = load_checkpoint(path)
    return checkpoint.meta, history_from_checkpoint(checkpoint)


def data_config_for(meta: dict):
    """The data a continued run trains on: the checkpoint's dataset, from the source it asked for."""
    from engine.data import DataConfig

    data = meta.get("dataset") or {}
    requested = data.get("requested_source") or "auto"
    return DataConfig(
        str(data.get("name") or "mnist"), requested if requested in ("auto", "embedded", "full") else "auto"
    )


def plot_metric_names(family: str) -> tuple[str, ...]:
    record = find_family(family)
    return ("loss_d", "loss_g") if record is not None and record.adversarial else ("loss",)


class RunHistoryActions:
    """Mixed into the Train page; see the module's docstring."""

    reviewed_path: Path | None = None

    def _build_history_controls(self) -> list[QAction]:
        """The Compare with… and Export actions of the page's control row (its tool bar makes their buttons,
        and lists them in its » menu when the window is too narrow for them)."""
        self._run_reader = TaskRunner("run-history", parent=self)
        self._run_reader.result.connect(self._on_run_read)
        self._run_reader.error.connect(self._on_run_unreadable)
        self.compare_action = QAction(self.tr("Compare with…"), self)
        self.compare_action.setToolTip(
            self.tr("Overlay this run's validation curves with other runs' and see their final metrics side by side.")
        )
        self.compare_action.triggered.connect(lambda: self.compare_with())
        self.export_menu = HistoryExportMenu(
            self,
            self.context.settings,
            history=self._exportable_history,
            curves_item=self.plot.export_item,
            mosaic=self.grid.mosaic,
            base_name=self._run_base_name,
        )
        self.export_menu.done.connect(lambda text: self._say(text, False))
        self.export_menu.failed.connect(lambda text: self._say(text, True))
        self.export_action = QAction(self.tr("Export"), self)
        self.export_action.setToolTip(
            self.tr(
                "Export the run: its history as CSV, its snapshots as an animated GIF, "
                "the curves as PNG or SVG, the grid shown as PNG."
            )
        )
        self.export_action.setMenu(self.export_menu)
        return [self.compare_action, self.export_action]

    def _say(self, text: str, error: bool) -> None:
        self._log(text)
        self.context.show_status(text, 8000)
        if error:
            self._show_banner(text, "error")

    def _exportable_history(self):
        history = self.history_panel.history
        return history if history is not None and len(history) else None

    def _run_base_name(self) -> str:
        path = self.reviewed_path or (Path(self.last_checkpoint) if self.last_checkpoint else None)
        return path.name.removesuffix(".safetensors") if path else f"{self._family or 'run'}-history"

    # -- review mode ----------------------------------------------------------------------------
    def open_run(self, path: str | Path) -> bool:
        """Show a saved run's history (review mode): its curves, its grids and maps, the slider over them."""
        if self.runner.is_running():
            self._show_banner(self.tr("A run is in progress: stop it before opening another one."), "warning")
            return False
        self.reviewed_path = Path(path)
        self.history_panel.scrubber.set_empty(self.tr("Opening {name}…").format(name=self.reviewed_path.name))
        self._run_reader.start(read_run, self.reviewed_path)
        return True

    def wait_for_run(self, timeout_ms: int = 20_000) -> bool:
        """Serve the event loop until an opened run is shown (tests, screenshots)."""
        return self._run_reader.wait_idle(timeout_ms)

    def _on_run_unreadable(self, reason: str) -> None:
        name = self.reviewed_path.name if self.reviewed_path else "?"
        self.reviewed_path = None
        self.history_panel.scrubber.set_empty(self.tr("Nothing to show."))
        self._show_banner(
            self.tr("Could not open {name}: {reason}").format(name=html.escape(name), reason=html.escape(reason)),
            "error",
        )

    def _on_run_read(self, outcome) -> None:
        meta, loaded = outcome
        family = str(meta.get("family", ""))
        dataset = str((meta.get("dataset") or {}).get("name", ""))
        name = str(meta.get("name") or self.reviewed_path.stem)
        self._family = family
        self.last_run_end = None
        self.plot.configure(plot_metric_names(family))
        history = loaded.history
        if history is not None:
            fill_plot(self.plot, history)
            self.plot.set_resumes([r.global_step for r in history.resumes])
        else:
            self._plot_epoch_record(meta)
        self.history_panel.show_history(history, family, dataset, loaded.reason)
        self.health.reset()
        self.progress.reset(self.tr("Reviewing a saved run"))
        if history is not None:
            self._show_banner(
                self.tr("<b>Reviewing {name}</b>: {summary}. Drag the slider, use ←/→, or press Play.").format(
                    name=html.escape(name), summary=history.summary()
                ),
                "info",
            )
        else:
            self._show_banner(
                self.tr("<b>Reviewing {name}</b>: {reason}").format(
                    name=html.escape(name), reason=html.escape(loaded.reason)
                ),
                "warning" if loaded.damaged else "info",
            )
        self._log(self.tr("Opened {name} for review.").format(name=name))
        self._update_controls()

    def _plot_epoch_record(self, meta: dict) -> None:
        """An old checkpoint has only per-epoch values: draw its validation loss at each epoch's end."""
        series = (meta.get("history") or {}).get("val_loss") or []
        train = meta.get("train_config") or {}
        size = int((meta.get("dataset") or {}).get("train_size") or 0)
        batch = max(int(train.get("batch_size") or 1), 1)
        steps = -(-size // batch) if size else 1
        if train.get("max_steps_per_epoch"):
            steps = min(steps, int(train["max_steps_per_epoch"]))
        for epoch, value in enumerate(series, start=1):
            if isinstance(value, (int, float)):
                self.plot.add_epoch(epoch * steps, {"loss": float(value)})
        self.plot.refresh(force=True)

    # -- continuing -------------------------------------------------------------------------------
    def continue_run(self, path: str | Path, more_epochs: int, max_steps_per_epoch: int | None = None) -> bool:
        """Start a run that continues the checkpoint at ``path`` for ``more_epochs`` more epochs
        (``max_steps_per_epoch``: a cap for quick runs; None keeps the checkpoint's)."""
        from desktop.training_worker import TrainingRequest
        from engine.checkpoint import CheckpointError, read_meta
        from engine.history import load_history
        from engine.models import ModelConfig
        from engine.train import TrainConfig
        from engine.train.resume import inspect_resume

        if self.runner.is_running():
            self._show_banner(self.tr("A run is in progress: stop it before continuing another one."), "warning")
            return False
        path = Path(path)
        try:
            plan = inspect_resume(path)
            meta = read_meta(path)
            model_config = ModelConfig.from_dict(meta["model_config"])
            stored = {**(meta.get("train_config") or {}), "epochs": int(more_epochs)}
            if max_steps_per_epoch is not None:
                stored["max_steps_per_epoch"] = int(max_steps_per_epoch)
            try:
                chosen = self.settings_panel.train_config()
                stored.update(device=chosen.device, threads=chosen.threads)
            except ValueError:
                stored.update(device="auto", threads=0)
            train_config = TrainConfig.from_dict(stored)
            data = data_config_for(meta)
            base = load_history(path).history
        except (CheckpointError, KeyError, TypeError, ValueError) as exc:
            self._show_banner(
                self.tr("Cannot continue {name}: {reason}").format(
                    name=html.escape(path.name), reason=html.escape(str(exc))
                ),
                "error",
            )
            return False
        request = TrainingRequest(model_config=model_config, train_config=train_config, data=data, resume_from=path)
        self.reviewed_path = None
        self._begin_run(request, base_history=base)
        self._log(
            self.tr(
                "Continuing {name} ({family}, {dataset}) for %n more epoch(s), after {done}.", "", int(more_epochs)
            ).format(name=path.name, family=plan.family, dataset=plan.dataset, done=plan.epochs_completed)
        )
        for note in plan.notes:
            self._log(note)
        if not plan.optimizer_state:
            self._show_banner(
                self.tr("<b>The optimizer starts afresh.</b> {note}").format(note=" ".join(plan.notes)), "warning"
            )
        return True

    def _resumed_run_started(self, event) -> None:
        """A continued run's RunStarted: its old curves carry on, its notes are said."""
        if event.first_epoch <= 1:
            return
        history = self.history_panel.history
        if history is not None and len(history):
            fill_plot(self.plot, history)
            self.plot.set_resumes([r.global_step for r in history.resumes])
        for note in event.notes:
            self._log(note)

    # -- comparing -------------------------------------------------------------------------------
    def compare_with(self, paths: list | None = None):
        """Pick runs (the current one ticked) and show them compared; returns the dialog (or None)."""
        library = self.context.library
        current = self.reviewed_path or (Path(self.last_checkpoint) if self.last_checkpoint else None)
        if paths is None:
            picker = RunPicker(library.entries(), {current.resolve()} if current else set(), self)
            if not picker.exec():
                return None
            entries = picker.chosen()
        else:
            entries = [e for e in (library.entry_for(p) for p in paths) if e is not None]
        if len(entries) < 2:
            self._say(self.tr("Pick at least two runs to compare."), False)
            return None
        self.compare_dialog = CompareDialog([(e.name, e.meta) for e in entries], self)
        self.compare_dialog.show()
        return self.compare_dialog

    def _shutdown_history(self) -> None:
        self._run_reader.shutdown()
