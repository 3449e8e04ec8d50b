"""A finished run's checkpoint and its record, written the same way by the CLI and the app.

:func:`save_run` is the one place that decides what a run's record holds (the
model's config, the training config, where the data came from, the history,
the final metrics, why it ended); both ``latent-studio-cli train`` and the
Train page's worker call it, so a model trained either way reads the same on
the Models and Latent pages.
"""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

from engine.checkpoint import SUFFIX, save_checkpoint
from engine.data import DataConfig
from engine.fsutil import claim_unique_path
from engine.train.config import TrainConfig
from engine.train.events import RunEnded


def run_name(family: str, dataset: str, when: _dt.datetime | None = None) -> str:
    """``<family>-<dataset>-<YYYYmmdd-HHMMSS>``: sorts by date, says what it is."""
    when = when or _dt.datetime.now()
    return f"{family}-{dataset}-{when:%Y%m%d-%H%M%S}"


def run_record(
    trainer, ended: RunEnded, data_config: DataConfig, train_config: TrainConfig, extra: dict | None = None
) -> dict:
    """The keyword arguments of :func:`~engine.checkpoint.save_checkpoint` that describe the run."""
    source = trainer.data_source
    return {
        "train_config": train_config.to_dict(),
        "dataset": {
            "name": data_config.dataset,
            "source": source.describe(),
            "source_kind": source.kind,  # where the images came from: embedded, local, download, imported
            "requested_source": data_config.source_kind,  # what was asked for: auto, embedded, full, folder
            "train_size": len(trainer.train_set),
            "val_size": len(trainer.val_set),
        },
        "history": ended.history,
        "metrics": {k: v for k, v in ended.final.items() if k != "traceback"},
        "extra": {"stopped_because": ended.reason, "epochs_completed": ended.epochs_completed, **(extra or {})},
    }


def save_run(
    path_or_folder: str | Path,
    trainer,
    ended: RunEnded,
    data_config: DataConfig,
    train_config: TrainConfig,
    *,
    name: str | None = None,
    extra: dict | None = None,
) -> Path:
    """Write the run's checkpoint and record; return its path.

    ``path_or_folder`` is either the checkpoint file to write (``….safetensors``)
    or a folder, in which a new file named after the run (:func:`run_name`) is
    claimed — never overwriting another. Raises CheckpointError (the claimed
    name is released) when the file cannot be written.
    """
    target = Path(path_or_folder)
    claimed = not target.name.endswith(SUFFIX)
    if claimed:
        stem = name or run_name(trainer.model.config.family, data_config.dataset)
        target = claim_unique_path(target, stem, SUFFIX)
    else:
        target.parent.mkdir(parents=True, exist_ok=True)
    record = run_record(trainer, ended, data_config, train_config, extra)
    try:
        return save_checkpoint(target, trainer.model, name=name or target.stem, **record)
    except BaseException:
        if claimed:
            target.unlink(missing_ok=True)
        raise
