"""Checkpoints: one ``.safetensors`` file — tensors, plus JSON metadata in its header.

Never pickle: a file that looks like a pickle or a ``torch.save`` zip is refused
before anything is parsed. Writes are atomic (temp file, fsync, ``os.replace``),
so a crash never leaves half a checkpoint under the final name. Loading builds
a *new* model and validates family, keys and shapes first; a failed load
leaves whatever the caller had untouched.

This module saves models and rebuilds them; reading and writing the file
itself, without trusting it, is :mod:`engine.checkpoint_file`'s.
"""

from __future__ import annotations

import datetime as _dt
import platform
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import safetensors
import torch

from . import __version__
from .checkpoint_file import (  # noqa: F401  (MAX_HEADER, META_KEY: imported from here by callers)
    MAX_HEADER,
    META_KEY,
    CheckpointError,
    read_file,
    write_file,
)
from .checkpoint_record import FORMAT, FORMAT_VERSION, CheckpointRecord
from .fsutil import atomic_write_bytes  # noqa: F401  (desktop.model_library writes its exports through it)
from .i18n import _
from .models import ModelConfig, build_model
from .sampling import Modes, attach

SUFFIX = ".safetensors"
# Tensors that are not model weights: a run's history (engine.history) and what continuing it needs
# (optimizer and RNG states, engine.train.resume), the centres its sampling may pull codes toward
# (engine.sampling). Loading checks the weights without them.
EXTRA_PREFIXES = ("history.", "resume.", "sampling.")


@dataclass
class Checkpoint:
    model: torch.nn.Module
    meta: dict  # format, name, family, model_config, train_config, dataset, history, metrics, versions, …
    path: Path | None = None
    record: CheckpointRecord | None = None  # ``meta``, checked and typed
    extra_tensors: dict = field(default_factory=dict)  # history.*, resume.*, sampling.* tensors (EXTRA_PREFIXES)

    @property
    def model_config(self) -> ModelConfig:
        return self.model.config


def library_versions() -> dict[str, str]:
    return {
        "latent_studio": __version__,
        "torch": torch.__version__,
        "numpy": np.__version__,
        "safetensors": safetensors.__version__,
        "python": platform.python_version(),
    }


def save_checkpoint(
    path: str | Path,
    model: torch.nn.Module,
    *,
    name: str | None = None,
    train_config: dict | None = None,
    dataset: dict | None = None,
    history: dict | None = None,
    metrics: dict | None = None,
    extra: dict | None = None,
    half: bool = False,
    extra_tensors: dict[str, torch.Tensor] | None = None,
) -> Path:
    """Save ``model`` (from any device) with its config and the run's record.

    ``half`` stores floating-point weights as float16 (half the size, for the
    shipped models); they load back into float32 models.
    """
    path = Path(path)
    config: ModelConfig = model.config
    meta = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "name": name or path.name.removesuffix(SUFFIX),
        "family": config.family,
        "model_config": config.to_dict(),
        "train_config": train_config or {},
        "dataset": dataset or {},
        "history": history or {},
        "metrics": metrics or {},
        "created": _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"),
        "versions": library_versions(),
    }
    meta.update(extra or {})
    tensors = {k: v.detach().to("cpu").contiguous() for k, v in model.state_dict().items()}
    if half:
        tensors = _halved(tensors)
        meta["weights_dtype"] = "float16"
    for key, value in (extra_tensors or {}).items():  # history / resume state / sampling centres, stored as they are
        if key.startswith(EXTRA_PREFIXES):
            tensors[key] = value.detach().to("cpu").contiguous()
    write_file(path, tensors, meta)
    return path


def read_meta(path: str | Path) -> dict:
    """The JSON record only, checked field by field (cheap: the tensors are not read, but their declared
    sizes are checked against the file's, so a cut file is refused here too)."""
    return read_file(path, header_only=True)[0].to_dict()


def read_record(path: str | Path) -> CheckpointRecord:
    """Like :func:`read_meta`, as a typed :class:`~engine.checkpoint_record.CheckpointRecord`."""
    return read_file(path, header_only=True)[0]


def load_checkpoint(path: str | Path, device: str | torch.device = "cpu") -> Checkpoint:
    """Rebuild the model from its config and load the weights, after validating them."""
    path = Path(path)
    record, tensors = read_file(path, header_only=False)
    assert tensors is not None
    model = _build_validated(path, record, tensors)
    model.to(device)
    model.eval()
    extra = {k: v for k, v in tensors.items() if k.startswith(EXTRA_PREFIXES)}
    attach(model, Modes.from_tensors(extra))
    return Checkpoint(model=model, meta=record.to_dict(), path=path, record=record, extra_tensors=extra)


def _build_validated(path: Path, record: CheckpointRecord, tensors: dict[str, torch.Tensor]) -> torch.nn.Module:
    """A new model from the record's config, holding ``tensors`` — or a CheckpointError naming what is wrong."""
    config = record.model_config
    model = build_model(config)
    expected = model.state_dict()
    tensors = {k: v for k, v in tensors.items() if not k.startswith(EXTRA_PREFIXES)}
    missing = sorted(set(expected) - set(tensors))
    unexpected = sorted(set(tensors) - set(expected))
    if missing or unexpected:
        parts = []
        if missing:
            parts.append(f"missing {', '.join(missing[:5])}{' …' if len(missing) > 5 else ''}")
        if unexpected:
            parts.append(f"unexpected {', '.join(unexpected[:5])}{' …' if len(unexpected) > 5 else ''}")
        raise CheckpointError(
            _("{file} does not fit a {family} model: {items}").format(
                file=path.name, family=config.family, items="; ".join(parts)
            )
        )
    for key, tensor in tensors.items():
        if tuple(tensor.shape) != tuple(expected[key].shape):
            raise CheckpointError(
                _("{file}: {key} has shape {shape}, a {family} model needs {shape2}").format(
                    file=path.name,
                    key=key,
                    shape=tuple(tensor.shape),
                    family=config.family,
                    shape2=tuple(expected[key].shape),
                )
            )
        if tensor.is_floating_point() and not torch.isfinite(tensor).all():
            raise CheckpointError(_("{file}: {key} holds NaN or infinite values").format(file=path.name, key=key))
    model.load_state_dict(tensors)
    return model


def _halved(tensors: dict[str, torch.Tensor]) -> dict[str, torch.Tensor]:
    return {
        k: v.half() if v.is_floating_point() and not k.startswith(EXTRA_PREFIXES) else v for k, v in tensors.items()
    }


def update_meta(path: str | Path, **changes) -> dict:
    """Rewrite a checkpoint's JSON record (e.g. its display name) atomically; the tensors stay as they are."""
    path = Path(path)
    record, tensors = read_file(path, header_only=False)
    _build_validated(path, record, tensors)  # never rewrite a file that would not load
    meta = record.to_dict()
    meta.update(changes)
    write_file(path, tensors, meta)
    return meta


def compact_checkpoint(path: str | Path, drop_run_history: bool = False) -> int:
    """Store a checkpoint's floating-point weights as float16, in place; returns the new size in bytes.

    ``drop_run_history`` also drops the run's snapshots (``history.*``, megabytes for a long run; the
    per-epoch curves in the record stay), as the shipped models do to stay small."""
    path = Path(path)
    record, tensors = read_file(path, header_only=False)
    _build_validated(path, record, tensors)
    meta = record.to_dict()
    meta["weights_dtype"] = "float16"
    meta.pop("resume", None)  # float16 weights cannot continue exactly: the optimizer state goes too
    dropped = ("resume.", "history.") if drop_run_history else ("resume.",)
    if drop_run_history:
        meta.pop("run_history", None)
    write_file(path, _halved({k: v for k, v in tensors.items() if not k.startswith(dropped)}), meta)
    return path.stat().st_size
