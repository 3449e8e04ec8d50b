"""Continuing a saved run exactly where it stopped.

A checkpoint written by :func:`engine.runs.save_run` keeps, besides the
weights, what the run needs to go on as if it had never stopped: each
optimiser's state (both of a GAN's), the epoch and step counters, the RNG
states (the trainer's shuffling generator and torch's global one, which draws
the GAN's noise, the VAE's samples and the denoiser's corruption) and the
history. They are safetensors tensors named ``resume.*`` plus a small JSON
``resume`` entry in the record — never pickle.

On the CPU, 2 epochs then 2 continued epochs give bit-identical weights to 4
epochs in one go (``tests/engine/test_resume.py``). A checkpoint without that
state (the shipped float16 models, older files) can still be continued: the
optimiser starts afresh, and the run says so in ``RunStarted.notes``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import torch

from ..i18n import _
from .config import TrainConfig, default_train_config

PREFIX = "resume."
RECORD_KEY = "resume"
VERSION = 1


class ResumeError(ValueError):
    """A continued run that cannot be honoured; the message says why."""


# -- saving ---------------------------------------------------------------------------------------
def trainer_state(trainer) -> tuple[dict[str, torch.Tensor], dict]:
    """(``resume.*`` tensors, small JSON) that let ``trainer``'s run continue exactly."""
    tensors: dict[str, torch.Tensor] = {}
    optimizers = {}
    for name, optimizer in trainer.optimizers().items():
        count = 0
        for index, slots in optimizer.state_dict()["state"].items():
            for key, value in slots.items():
                if isinstance(value, torch.Tensor):
                    tensors[f"{PREFIX}opt.{name}.{index}.{key}"] = value.detach().to("cpu").clone()
                    count += 1
                elif isinstance(value, (int, float)) and not isinstance(value, bool):  # older torch's "step"
                    tensors[f"{PREFIX}opt.{name}.{index}.{key}"] = torch.tensor(float(value), dtype=torch.float64)
                    count += 1
        optimizers[name] = {"tensors": count}
    tensors[PREFIX + "rng.shuffle"] = trainer.cpu_rng.get_state()
    tensors[PREFIX + "rng.torch"] = torch.get_rng_state()
    if trainer.device.type == "cuda":
        tensors[PREFIX + "rng.cuda"] = torch.cuda.get_rng_state(trainer.device)
    steps = trainer.steps_per_epoch
    info = {
        "version": VERSION,
        "epochs_completed": trainer.epochs_completed,
        "global_step": trainer.global_step,
        "at_epoch_end": trainer.global_step == trainer.epochs_completed * steps,
        "optimizers": optimizers,
        "device": trainer.device.type,
    }
    return tensors, info


# -- looking before continuing ----------------------------------------------------------------------
@dataclass(frozen=True)
class ResumePlan:
    """What continuing a checkpoint would do, read from its record alone (cheap; for a dialog)."""

    family: str
    dataset: str  # the dataset it must continue on ("" when the record does not say)
    requested_source: str  # what the run asked for: auto, embedded, full, folder
    epochs_completed: int
    planned_epochs: int  # what the run was started for
    batch_size: int
    optimizer_state: bool  # False: the optimizer will start afresh
    has_history: bool
    notes: list[str] = field(default_factory=list)  # sentences to show before continuing


def _stored_config(meta: dict) -> TrainConfig:
    stored = meta.get("train_config") or {}
    config = default_train_config(meta["family"])
    try:
        return TrainConfig.from_dict({**config.to_dict(), **stored})
    except (TypeError, ValueError):
        return config


def _completed(meta: dict) -> int:
    state = meta.get(RECORD_KEY) if isinstance(meta.get(RECORD_KEY), dict) else {}
    value = state.get("epochs_completed", meta.get("epochs_completed", 0))
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else 0


def fresh_optimizer_note(name: str) -> str:
    return _(
        "{file} holds no optimizer state (a shipped or older checkpoint): the weights continue from where "
        "they are, but the optimizer starts afresh, so the first steps may move them more than the "
        "original run would have."
    ).format(file=name)


def inspect_resume(path: str | Path) -> ResumePlan:
    """The plan for continuing the checkpoint at ``path``; a CheckpointError when it cannot be read."""
    from ..checkpoint import read_meta
    from ..history import RECORD_KEY as HISTORY_KEY

    path = Path(path)
    meta = read_meta(path)
    config = _stored_config(meta)
    has_state = isinstance(meta.get(RECORD_KEY), dict)
    notes = [] if has_state else [fresh_optimizer_note(path.name)]
    dataset = meta.get("dataset") or {}
    return ResumePlan(
        family=meta["family"],
        dataset=str(dataset.get("name") or ""),
        requested_source=str(dataset.get("requested_source") or "auto"),
        epochs_completed=_completed(meta),
        planned_epochs=config.epochs,
        batch_size=config.batch_size,
        optimizer_state=has_state,
        has_history=HISTORY_KEY in meta,
        notes=notes,
    )


# -- continuing -------------------------------------------------------------------------------------
def resume_trainer(
    source,
    dataset,
    more_epochs: int,
    control=None,
    *,
    device: str = "auto",
    threads: int = 0,
    max_steps_per_epoch: int | None = None,
    family: str | None = None,
    batch_size: int | None = None,
    optimizer: str | None = None,
    lr: float | None = None,
    augment: bool | None = None,
):
    """A trainer that continues the checkpoint ``source`` (a path or a loaded Checkpoint) for ``more_epochs``.

    ``family``, ``batch_size`` and ``optimizer``, when given, must be the checkpoint's: a continued run keeps
    them so that it goes on as the original would have (a ResumeError says why otherwise). ``lr`` may change;
    ``augment`` (None: the run's own setting) may switch the batches' augmentation on or off.
    """
    from ..checkpoint import Checkpoint, load_checkpoint
    from . import create_trainer

    checkpoint = source if isinstance(source, Checkpoint) else load_checkpoint(source)
    meta = checkpoint.meta
    name = checkpoint.path.name if checkpoint.path is not None else _("the checkpoint")
    stored = _stored_config(meta)
    if family is not None and family != meta["family"]:
        raise ResumeError(
            _("{file} holds a {family} model; it cannot be continued as a {asked}").format(
                file=name, family=meta["family"], asked=family
            )
        )
    recorded = (meta.get("dataset") or {}).get("name")
    if recorded and dataset.name != recorded:
        raise ResumeError(
            _("{file} was trained on {recorded}; it can only be continued on {recorded}, not {asked}").format(
                file=name, recorded=recorded, asked=dataset.name
            )
        )
    if batch_size is not None and batch_size != stored.batch_size:
        raise ResumeError(
            _(
                "{file} was trained with batch size {stored}; a continued run keeps it so that it goes "
                "on as the original would have (asked for {asked})"
            ).format(file=name, stored=stored.batch_size, asked=batch_size)
        )
    if optimizer is not None and optimizer != stored.optimizer:
        raise ResumeError(
            _("{file} was trained with {stored}; its optimizer state cannot be used by {asked}").format(
                file=name, stored=stored.optimizer, asked=optimizer
            )
        )
    if not isinstance(more_epochs, int) or more_epochs < 1:
        raise ResumeError(_("the number of more epochs must be at least 1, not {n}").format(n=more_epochs))
    completed = _completed(meta)
    config = TrainConfig.from_dict(
        {
            **stored.to_dict(),
            "epochs": completed + more_epochs,
            "device": device,
            "threads": threads,
            "lr": stored.lr if lr is None else lr,
            "augment": stored.augment if augment is None else augment,
            "max_steps_per_epoch": stored.max_steps_per_epoch if max_steps_per_epoch is None else max_steps_per_epoch,
        }
    )
    trainer = create_trainer(checkpoint.model.config, config, dataset, control, model=checkpoint.model)
    _restore(trainer, checkpoint, name, completed)
    return trainer


def _restore(trainer, checkpoint, name: str, completed: int) -> None:
    from ..history import history_from_checkpoint

    meta, tensors = checkpoint.meta, checkpoint.extra_tensors
    state = meta.get(RECORD_KEY) if isinstance(meta.get(RECORD_KEY), dict) else None
    notes: list[str] = []
    restored = state is not None and _load_optimizers(trainer, tensors, state.get("optimizers"))
    if state is None:
        notes.append(fresh_optimizer_note(name))
    elif not restored:
        notes.append(
            _(
                "{file}: its optimizer state does not fit the model and was set aside; the optimizer starts afresh."
            ).format(file=name)
        )
    if state is not None and _load_rng(trainer, tensors):
        step = state.get("global_step")
        trainer.global_step = step if isinstance(step, int) and step >= 0 else 0
        trainer.resumed_mid_epoch = not state.get("at_epoch_end", True)
        if trainer.resumed_mid_epoch:
            notes.append(
                _("The run had stopped during epoch {epoch}; it continues from the start of that epoch.").format(
                    epoch=completed + 1
                )
            )
    else:
        trainer.global_step = completed * trainer.steps_per_epoch
    trainer.epochs_completed = completed
    trainer.optimizer_restored = restored
    for key, series in (meta.get("history") or {}).items():
        if isinstance(series, list) and all(isinstance(v, (int, float)) for v in series):
            trainer.history[key] = [float(v) for v in series]
    loaded = history_from_checkpoint(checkpoint)
    if loaded.history is not None:
        history = loaded.history
        if history.map_labels is not None and len(history.map_labels) != len(getattr(trainer, "map_indices", ())):
            history.reset_map()
            notes.append(_("The validation images differ from the original run's: the latent map starts anew."))
        trainer.run_history = history
    elif loaded.damaged:
        notes.append(loaded.reason)
    trainer.resume_notes = notes


def _load_optimizers(trainer, tensors: dict, described) -> bool:
    """Load each optimiser's saved state; False (nothing changed) when any of it is missing or does not fit."""
    states = {}
    if not isinstance(described, dict) or set(described) != set(trainer.optimizers()):
        return False
    for name, optimizer in trainer.optimizers().items():
        params = [p for group in optimizer.param_groups for p in group["params"]]
        head = f"{PREFIX}opt.{name}."
        slots: dict[int, dict[str, torch.Tensor]] = {}
        for key, value in tensors.items():
            if not key.startswith(head):
                continue
            index, _dot, slot = key[len(head) :].partition(".")
            if not index.isdigit() or int(index) >= len(params) or not slot:
                return False
            param = params[int(index)]
            if value.dim() > 0 and tuple(value.shape) != tuple(param.shape):
                return False
            if not value.is_floating_point() or not torch.isfinite(value).all():
                return False
            slots.setdefault(int(index), {})[slot] = value.to(param.device)
        if sum(len(v) for v in slots.values()) != (described[name] or {}).get("tensors"):
            return False  # some of it is missing
        states[name] = slots
    for name, optimizer in trainer.optimizers().items():
        fresh = optimizer.state_dict()
        optimizer.load_state_dict({"state": states[name], "param_groups": fresh["param_groups"]})
    return True


def _load_rng(trainer, tensors: dict) -> bool:
    """Restore the shuffling and global RNG states; False when they are missing or malformed."""
    shuffle, global_state = tensors.get(PREFIX + "rng.shuffle"), tensors.get(PREFIX + "rng.torch")
    ok = all(t is not None and t.dtype == torch.uint8 and t.dim() == 1 for t in (shuffle, global_state))
    if not ok or shuffle.numel() != trainer.cpu_rng.get_state().numel():
        return False
    if global_state.numel() != torch.get_rng_state().numel():
        return False
    trainer.cpu_rng.set_state(shuffle.clone())
    torch.set_rng_state(global_state.clone())
    cuda = tensors.get(PREFIX + "rng.cuda")
    if cuda is not None and trainer.device.type == "cuda" and cuda.dtype == torch.uint8:
        try:
            torch.cuda.set_rng_state(cuda.clone(), trainer.device)
        except RuntimeError:
            pass
    return True
