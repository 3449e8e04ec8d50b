"""The Train page's live views, fed by the run's events.

A mixin of :class:`~desktop.pages.train_page.TrainPage`: the
:class:`~engine.train.events.EventHandler` hooks that turn the run's events
(batched by :class:`~desktop.training_worker.TrainingRunner`, at most 10
batches a second) into numbers kept by the curves, the progress bar, the GAN
health line, the phase readout and the history panel, and into lines of the
log. The hooks only store; the page draws after each batch, at the rate each
view allows (``TrainPage._redraw``).

Its words keep the page's translation context ("TrainPage"), where they were
translated before the page was split.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale

from desktop.epoch_quality import EpochQuality
from desktop.pages.train.run_controls import is_adversarial
from desktop.widgets.run_progress import format_duration
from engine.train.events import EventHandler, dispatch

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
    "loss_q": "Loss_Q",
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


class RunEvents(EventHandler):
    """Mixed into the Train page; see the module's docstring."""

    global_step = 0
    last_run_end = None  # the RunEnded event of the last run

    def _on_events(self, batch: list) -> None:
        """One batch of the run's events (the runner's drain), then one redraw for all of them."""
        record = self.history_panel.record
        for event in batch:
            if isinstance(event, EpochQuality):  # the judge's view, measured by the training worker
                self.on_epoch_quality(event)
                continue
            record(event)  # the time machine keeps every snapshot
            dispatch(event, self)
        self._redraw()

    def on_epoch_quality(self, e: EpochQuality) -> None:
        self.judge_curve.add(e)
        self.health.add_classes(e.histogram, e.class_names, e.dataset)
        locale = QLocale()
        self._log(
            QCoreApplication.translate(
                "TrainPage",
                "Epoch {epoch}, the judge: judge-FID {fid} (real vs real {real}), class entropy {entropy} ({ms} ms).",
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
            self.grid.clear(QCoreApplication.translate("TrainPage", "Drawing the first snapshot…"))
        self._resumed_run_started(e)
        locale = QLocale()
        self._log(
            QCoreApplication.translate(
                "TrainPage",
                "Started on {device}: {train} training and {val} validation images, {steps} steps of {batch} "
                "per epoch.",
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
                self._log(
                    QCoreApplication.translate(
                        "TrainPage", "One step of the discriminator (phase 1): {values}."
                    ).format(values=values)
                )
            else:
                self._log(
                    QCoreApplication.translate("TrainPage", "One step of the generator (phase 2): {values}.").format(
                        values=values
                    )
                )

    def on_epoch_summary(self, e) -> None:
        self.plot.add_epoch(self.global_step, e.val)
        text = QCoreApplication.translate("TrainPage", "Epoch {epoch}: training {train}").format(
            epoch=e.epoch, train=metrics_text(e.train, 4)
        )
        if e.val:
            text = QCoreApplication.translate("TrainPage", "{text}; validation {val}").format(
                text=text, val=metrics_text(e.val, 4)
            )
        text = QCoreApplication.translate("TrainPage", "{text} ({speed} images/s, {elapsed} so far).").format(
            text=text, speed=QLocale().toString(round(e.samples_per_s)), elapsed=format_duration(e.elapsed_s)
        )
        if self.health.headline:
            text = QCoreApplication.translate("TrainPage", "{text} GAN health: {headline}.").format(
                text=text, headline=self.health.headline
            )
        self._log(text)

    def on_snapshot(self, e) -> None:  # the history panel keeps and shows it
        if e.kind == "samples" and is_adversarial(self._family):
            self.health.add_samples(e.images)

    def on_run_paused(self, e) -> None:
        self._paused = self._held = True
        step = QLocale().toString(e.global_step)
        text = QCoreApplication.translate("TrainPage", "Paused at step {step}.").format(step=step)
        if is_adversarial(self._family):
            text = QCoreApplication.translate(
                "TrainPage", "{text} Use “Train D only” / “Train G only” to walk through the two phases."
            ).format(text=text)
        self._log(text)
        self.progress.pause(QCoreApplication.translate("TrainPage", "Paused at step {step}").format(step=step))
        self._update_controls()

    def on_run_resumed(self, e) -> None:
        self._paused = self._held = False
        self._log(
            QCoreApplication.translate("TrainPage", "Resumed at step {step}.").format(
                step=QLocale().toString(e.global_step)
            )
        )
        self.progress.resume()
        self._update_controls()

    def on_run_ended(self, e) -> None:
        self.last_run_end = e
        self.global_step = e.global_step
        title = (
            QCoreApplication.translate("TrainPage", ENDED_TITLES[e.reason]) if e.reason in ENDED_TITLES else e.reason
        )
        locale = QLocale()
        step = locale.toString(e.global_step)
        self.progress.refresh(force=True)  # the last position, before the bar says how it ended
        self.progress.finish(
            self._ended_text(title, e.epochs_completed, step),
            average_speed=e.final.get("samples_per_s") if e.reason == "finished" else None,
        )
        self._log(QCoreApplication.translate("TrainPage", "{title}: {message}").format(title=title, message=e.message))
        if e.reason == "diverged":
            self._show_banner(
                QCoreApplication.translate(
                    "TrainPage",
                    "<b>Training diverged.</b> The loss became infinite or NaN at step {step}; the last good "
                    "weights were kept. Try a lower learning rate (this run used {lr}).",
                ).format(step=step, lr=locale.toString(float(self.settings_panel.lr.value()), "g", 6)),
                "warning",
            )
        elif e.reason in ("error", "out_of_memory"):
            self._show_banner(f"<b>{title}.</b> {e.message}", "error")
        elif e.reason == "finished":
            val = e.final.get("loss")
            text = QCoreApplication.translate("TrainPage", "<b>Finished.</b> {message}").format(message=e.message)
            if val is not None:
                text = QCoreApplication.translate("TrainPage", "{text} Final validation loss {loss}.").format(
                    text=text, loss=locale.toString(float(val), "f", 4)
                )
            self._show_banner(text, "info")
