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
from engine.data import DataConfig, dataset_title
from engine.fsutil import claim_unique_path
from engine.train.config import TrainConfig
from engine.train.events import RunEnded


def run_stem(family: str, dataset: str, when: _dt.datetime | None = None) -> str:
    """The file's name: ``<family>-<dataset>-<YYYYmmdd-HHMMSS>`` (sorts by date, safe on every file system)."""
    when = when or _dt.datetime.now()
    return f"{family}-{dataset}-{when:%Y%m%d-%H%M%S}"


def run_name(family: str, dataset: str, when: _dt.datetime | None = None) -> str:
    """The name people read: "Stacked AE · Fashion-MNIST · 2026-11-27 14:05" (family · dataset · date).

    Stored in the file, so never translated (like the shipped models' names)."""
    from engine.models import find_family

    when = when or _dt.datetime.now()
    found = find_family(family)
    return f"{found.short_title if found else family} · {dataset_title(dataset)} · {when:%Y-%m-%d %H:%M}"


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
            # a folder of pictures: where, and how it was converted (the Latent page maps it again from there)
            **(
                {"location": data_config.location, "recipe": data_config.recipe}
                if data_config.source_kind == "images"
                else {}
            ),
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
        when = _dt.datetime.now()
        family, dataset = trainer.model.config.family, data_config.dataset
        stem = name or run_stem(family, dataset, when)
        name = name or run_name(family, dataset, when)
        target = claim_unique_path(target, stem, SUFFIX)
    else:
        target.parent.mkdir(parents=True, exist_ok=True)
    record = run_record(trainer, ended, data_config, train_config, extra)
    tensors, continued = _continuation(trainer)
    record["extra"].update(continued)
    try:
        return save_checkpoint(target, trainer.model, name=name or target.stem, extra_tensors=tensors, **record)
    except BaseException:
        if claimed:
            target.unlink(missing_ok=True)
        raise


def _continuation(trainer) -> tuple[dict, dict]:
    """The run's history and what continuing it needs (engine.history, engine.train.resume): tensors + JSON."""
    from engine.history import RECORD_KEY as HISTORY_KEY
    from engine.train.resume import RECORD_KEY as RESUME_KEY
    from engine.train.resume import trainer_state

    tensors, info = trainer_state(trainer)
    history = getattr(trainer, "run_history", None)
    if history is None:
        return tensors, {RESUME_KEY: info}
    history_tensors, history_info = history.to_tensors()
    tensors.update(history_tensors)
    return tensors, {RESUME_KEY: info, HISTORY_KEY: history_info}
