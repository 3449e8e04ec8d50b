"""Checkpoints: one ``.safetensors`` file — tensors, plus JSON metadata in its header.

Never pickle: a file that looks like a pickle or a ``torch.save`` zip is refused
before anything is parsed. Writes are atomic (temp file, fsync, ``os.replace``),
so a crash never leaves half a checkpoint under the final name. Loading builds
a *new* model and validates family, keys and shapes first; a failed load
leaves whatever the caller had untouched.
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import platform
import struct
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import safetensors
import torch
from safetensors.torch import load as st_load
from safetensors.torch import save as st_save

from . import __version__
from .fsutil import atomic_write_bytes
from .models import ModelConfig, build_model

FORMAT = "latent-studio-checkpoint"
FORMAT_VERSION = 1
META_KEY = "latent_studio"
MAX_HEADER = 64 * 1024 * 1024
SUFFIX = ".safetensors"


class CheckpointError(Exception):
    """A checkpoint could not be saved or loaded; the message says why in plain words."""


@dataclass
class Checkpoint:
    model: torch.nn.Module
    meta: dict  # format, name, family, model_config, train_config, dataset, history, metrics, versions, …
    path: Path | None = None

    @property
    def model_config(self) -> ModelConfig:
        return self.model.config


def library_versions() -> dict[str, str]:
    return {"latent_studio": __version__, "torch": torch.__version__, "numpy": np.__version__,
            "safetensors": safetensors.__version__, "python": platform.python_version()}  # fmt: skip


def save_checkpoint(path: str | Path, model: torch.nn.Module, *, name: str | None = None,
                    train_config: dict | None = None, dataset: dict | None = None,
                    history: dict | None = None, metrics: dict | None = None,
                    extra: dict | None = None, half: bool = False) -> Path:  # fmt: skip
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
    try:
        data = st_save(tensors, metadata={META_KEY: json.dumps(meta)})
        atomic_write_bytes(path, data)
    except OSError as exc:
        raise CheckpointError(f"could not write {path}: {exc.strerror or exc}") from exc
    return path


def _sniff(path: Path, head: bytes, size: int) -> None:
    """Recognise the file from its first bytes, before anything is parsed.

    A safetensors file starts with an 8-byte header length followed by ``{``.
    """
    if len(head) >= 9 and head[8:9] == b"{":
        (header_len,) = struct.unpack("<Q", head[:8])
        if header_len > MAX_HEADER or 8 + header_len > size:
            raise CheckpointError(f"{path.name} is truncated or not a safetensors checkpoint "
                                  f"(header of {header_len} bytes in a {size}-byte file)")  # fmt: skip
        return
    if head[:1] == b"\x80" or head[:4] == b"PK\x03\x04":
        raise CheckpointError(f"{path.name} looks like a pickle / torch.save file; Latent Studio never "
                              "unpickles files (they can run code). Use a .safetensors checkpoint.")  # fmt: skip
    if size < 9:
        raise CheckpointError(f"{path.name} is too short to be a checkpoint ({size} bytes): truncated?")
    raise CheckpointError(f"{path.name} is truncated or not a safetensors checkpoint")


def _read(path: str | Path, header_only: bool) -> tuple[dict, dict | None]:
    path = Path(path)
    try:
        size = path.stat().st_size
        with open(path, "rb") as handle:
            head = handle.read(9)
            _sniff(path, head, size)
            (header_len,) = struct.unpack("<Q", head[:8])
            header_bytes = head[8:] + handle.read(header_len - 1)
            data = None if header_only else head[:8] + header_bytes + handle.read()
    except FileNotFoundError as exc:
        raise CheckpointError(f"no checkpoint at {path}") from exc
    except IsADirectoryError as exc:
        raise CheckpointError(f"{path} is a folder, not a checkpoint file") from exc
    except OSError as exc:
        raise CheckpointError(f"could not read {path}: {exc.strerror or exc}") from exc
    try:
        header = json.loads(header_bytes)
        meta = json.loads(header["__metadata__"][META_KEY])
    except (ValueError, KeyError, TypeError) as exc:
        raise CheckpointError(f"{path.name} is a safetensors file but not a Latent Studio checkpoint "
                              "(its metadata is missing or damaged)") from exc  # fmt: skip
    if not isinstance(meta, dict) or meta.get("format") != FORMAT:
        raise CheckpointError(f"{path.name} is not a Latent Studio checkpoint")
    if int(meta.get("format_version", 0)) > FORMAT_VERSION:
        raise CheckpointError(f"{path.name} was written by a newer Latent Studio "
                              f"(format {meta.get('format_version')}); please update the app")  # fmt: skip
    tensors = None
    if data is not None:
        try:
            tensors = st_load(data)
        except Exception as exc:  # safetensors raises its own error types
            raise CheckpointError(f"{path.name} is damaged: {exc}") from exc
    return meta, tensors


def read_meta(path: str | Path) -> dict:
    """The JSON record only (cheap: the tensors are not read)."""
    return _read(path, header_only=True)[0]


def load_checkpoint(path: str | Path, device: str | torch.device = "cpu") -> Checkpoint:
    """Rebuild the model from its config and load the weights, after validating them."""
    path = Path(path)
    meta, tensors = _read(path, header_only=False)
    assert tensors is not None
    model = _build_validated(path, meta, tensors)
    model.to(device)
    model.eval()
    return Checkpoint(model=model, meta=meta, path=path)


def _build_validated(path: Path, meta: dict, tensors: dict[str, torch.Tensor]) -> torch.nn.Module:
    """A new model from ``meta``'s config, holding ``tensors`` — or a CheckpointError naming what is wrong."""
    try:
        config = ModelConfig.from_dict(meta["model_config"])
    except (KeyError, TypeError, ValueError) as exc:
        raise CheckpointError(f"{path.name}: its model description is invalid ({exc})") from exc
    if meta.get("family") != config.family:
        raise CheckpointError(f"{path.name}: family {meta.get('family')!r} does not match its config "
                              f"({config.family!r})")  # fmt: skip
    model = build_model(config)
    expected = model.state_dict()
    missing = sorted(set(expected) - set(tensors))
    unexpected = sorted(set(tensors) - set(expected))
    if missing or unexpected:
        parts = []
        if missing:
            parts.append(f"missing {', '.join(missing[:5])}{' …' if len(missing) > 5 else ''}")
        if unexpected:
            parts.append(f"unexpected {', '.join(unexpected[:5])}{' …' if len(unexpected) > 5 else ''}")
        raise CheckpointError(f"{path.name} does not fit a {config.family} model: {'; '.join(parts)}")
    for key, tensor in tensors.items():
        if tuple(tensor.shape) != tuple(expected[key].shape):
            raise CheckpointError(f"{path.name}: {key} has shape {tuple(tensor.shape)}, a {config.family} "
                                  f"model needs {tuple(expected[key].shape)}")  # fmt: skip
        if tensor.is_floating_point() and not torch.isfinite(tensor).all():
            raise CheckpointError(f"{path.name}: {key} holds NaN or infinite values")
    model.load_state_dict(tensors)
    return model


def _halved(tensors: dict[str, torch.Tensor]) -> dict[str, torch.Tensor]:
    return {k: v.half() if v.is_floating_point() else v for k, v in tensors.items()}


def update_meta(path: str | Path, **changes) -> dict:
    """Rewrite a checkpoint's JSON record (e.g. its display name) atomically; the tensors stay as they are."""
    path = Path(path)
    meta, tensors = _read(path, header_only=False)
    _build_validated(path, meta, tensors)  # never rewrite a file that would not load
    meta.update(changes)
    atomic_write_bytes(path, st_save(tensors, metadata={META_KEY: json.dumps(meta)}))
    return meta


def compact_checkpoint(path: str | Path) -> int:
    """Store a checkpoint's floating-point weights as float16, in place; returns the new size in bytes."""
    path = Path(path)
    meta, tensors = _read(path, header_only=False)
    _build_validated(path, meta, tensors)
    meta["weights_dtype"] = "float16"
    atomic_write_bytes(path, st_save(_halved(tensors), metadata={META_KEY: json.dumps(meta)}))
    return path.stat().st_size
