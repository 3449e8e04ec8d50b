"""The best-epoch keeper behind ``assets/make_dcgans.py train``.

:class:`BestEpochKeeper` listens to the engine trainer's events: after each epoch
it scores the generator with the judge (a :class:`engine.quality.QualityProbe`),
rewrites the staged checkpoint (safetensors + its run record) whenever judge-FID
improves, keeps a JSON record of every epoch beside it, and stops the run before
an epoch that would end past the deadline. :class:`GeneratorAverage` is the
exponential moving average of the generator's weights that it scores too.

Imported by the script from its own folder; the script puts the repository root
on ``sys.path`` first, so ``engine`` resolves to this checkout.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import time
from pathlib import Path

import torch

from engine.checkpoint import save_checkpoint
from engine.fsutil import atomic_write_bytes
from engine.quality import QualityProbe
from engine.runs import run_record
from engine.train import events


def write_json(path: Path, data) -> None:
    atomic_write_bytes(path, (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode())


class GeneratorAverage:
    """An exponential moving average of the generator's weights, updated after every step.

    Averaging a GAN generator's weights over recent steps smooths the oscillation of the
    adversarial game and usually draws cleaner images (Yazıcı et al., 2019). BatchNorm's
    running statistics are recomputed for the averaged weights before it is used.
    """

    def __init__(self, model: torch.nn.Module, decay: float) -> None:
        self.model, self.decay = copy.deepcopy(model), decay
        self.model.requires_grad_(False)

    @torch.no_grad()
    def update(self, live: torch.nn.Module) -> None:
        for averaged, current in zip(self.model.generator.parameters(), live.generator.parameters()):
            averaged.lerp_(current, 1.0 - self.decay)

    @torch.no_grad()
    def ready(self, live: torch.nn.Module, batches: int = 20, batch: int = 100) -> torch.nn.Module:
        """The averaged generator with live D and BatchNorm statistics recomputed for its weights."""
        self.model.discriminator.load_state_dict(live.discriminator.state_dict())
        norms = [m for m in self.model.generator.modules() if isinstance(m, torch.nn.BatchNorm2d)]
        if norms:
            momenta = [m.momentum for m in norms]
            for m in norms:
                m.reset_running_stats()
                m.momentum = None  # a plain average over the batches below
            self.model.generator.train()
            gen = torch.Generator().manual_seed(99)
            for _ in range(batches):
                self.model.generator(self.model.noise(batch, gen))
            for m, momentum in zip(norms, momenta):
                m.momentum = momentum
        self.model.eval()
        return self.model


class BestEpochKeeper(events.EventHandler):
    """Scores each epoch with the judge; rewrites the staged checkpoint whenever judge-FID improves.

    With ``ema_decay`` the averaged generator is scored too, and the better of the two is the
    epoch's candidate.
    """

    def __init__(
        self,
        trainer,
        probe: QualityProbe,
        target: Path,
        record_path: Path,
        data_config,
        train_config,
        deadline: float | None,
        name: str,
        ema_decay: float = 0.0,
    ) -> None:
        self.trainer, self.probe, self.target, self.record_path = trainer, probe, target, record_path
        self.data_config, self.train_config, self.deadline, self.name = data_config, train_config, deadline, name
        self.average = GeneratorAverage(trainer.model, ema_decay) if ema_decay > 0 else None
        self.ema_decay = ema_decay
        self.best_fid, self.best_epoch, self.best_weights = float("inf"), 0, ""
        self.epochs: list[dict] = []
        self.started = time.time()
        self.last_epoch_end = self.started
        self.ended = None
        self.extra_record: dict = {}
        # an epoch counts only when the judge is confident on at least this share of its samples
        # (make_dcgans.py --min-confident): the lowest judge-FID among the epochs that draw clear classes
        self.min_confident = 0.0

    def on_step_metrics(self, event: events.StepMetrics) -> None:
        if self.average is not None and event.phase == "both":
            self.average.update(self.trainer.model)

    def on_epoch_summary(self, event: events.EpochSummary) -> None:
        probe_start = time.perf_counter()
        candidates = [("trained", self.trainer.model, self.probe(self.trainer.model))]
        probe_ms = (time.perf_counter() - probe_start) * 1000
        if self.average is not None:
            averaged = self.average.ready(self.trainer.model)
            candidates.append(("averaged", averaged, self.probe(averaged)))
        row = {
            "epoch": event.epoch,
            "elapsed_s": round(event.elapsed_s, 1),
            "samples_per_s": round(event.samples_per_s, 1),
            **{k: round(v, 4) for k, v in event.train.items()},
            "probe_ms": round(probe_ms),
        }
        for label, _model, quality in candidates:
            prefix = "" if label == "trained" else "ema_"
            row.update(
                {
                    f"{prefix}judge_fid": round(quality.judge_fid, 3),
                    f"{prefix}entropy": round(quality.entropy, 4),
                    f"{prefix}confident_share": round(quality.confident_share, 4),
                }
            )
        eligible = [c for c in candidates if c[2].confident_share >= self.min_confident]
        label, model, quality = min(eligible or candidates, key=lambda c: c[2].judge_fid)
        row["judge_fid_best_of_epoch"] = round(quality.judge_fid, 3)
        self.epochs.append(row)
        if eligible and quality.judge_fid < self.best_fid:
            self.best_fid, self.best_epoch, self.best_weights = quality.judge_fid, event.epoch, label
            self._save(event, quality, model, label)
        print(json.dumps({**row, "best_epoch": self.best_epoch, "best_weights": self.best_weights}), flush=True)
        self._write_record()
        now = time.time()
        epoch_seconds, self.last_epoch_end = now - self.last_epoch_end, now
        if self.deadline is not None and now + epoch_seconds + 30 > self.deadline:
            print(f"stopping: another epoch ({epoch_seconds:.0f} s) would end past the deadline", flush=True)
            self.trainer.control.stop()

    def on_run_ended(self, event: events.RunEnded) -> None:
        self.ended = event
        self._write_record()

    def _save(self, event, quality, model, label: str) -> None:
        trainer = self.trainer
        ended = events.RunEnded(
            reason=events.FINISHED,
            message=f"Best epoch so far by judge-FID: {event.epoch}.",
            epochs_completed=event.epoch,
            global_step=trainer.global_step,
            history=dict(getattr(trainer, "history", {})),
            final={"elapsed_s": event.elapsed_s, "samples_per_s": event.samples_per_s},
        )
        record = run_record(
            trainer,
            ended,
            self.data_config,
            self.train_config,
            extra={
                "best_epoch": event.epoch,
                "best_by": "judge-FID (1,000 samples, fixed seed)",
                "generator_weights": self._weights_note(label),
                "judge_quality": quality.to_dict(),
                **({"adam_beta1": self.extra_record["adam_beta1"]} if self.extra_record.get("adam_beta1") else {}),
            },
        )
        save_checkpoint(self.target, model, name=self.name, half=True, **record)

    def _weights_note(self, label: str) -> str:
        if label == "trained":
            return "as trained"
        return f"exponential moving average of the generator's weights over steps (decay {self.ema_decay:g})"

    def _write_record(self) -> None:
        write_json(
            self.record_path,
            {
                "file": self.target.name,
                "best_epoch": self.best_epoch,
                "best_judge_fid": round(self.best_fid, 3),
                "best_weights": self._weights_note(self.best_weights) if self.best_weights else "",
                "epochs_run": len(self.epochs),
                "wall_seconds": round(time.time() - self.started, 1),
                "ended": None if self.ended is None else {"reason": self.ended.reason, "message": self.ended.message},
                "train_config": self.train_config.to_dict(),
                "source": self.data_config.source,
                "epochs": self.epochs,
                **self.extra_record,
            },
        )


def parse_deadline(text: str | None) -> float | None:
    """ "HH:MM" (UTC, today or tomorrow) → a Unix time."""
    if not text:
        return None
    now = dt.datetime.now(dt.timezone.utc)
    hour, minute = (int(x) for x in text.split(":"))
    when = now.replace(hour=hour, minute=minute, second=0, microsecond=0)
    if when < now:
        when += dt.timedelta(days=1)
    return when.timestamp()
