"""Checkpoints: one ``.safetensors`` file — tensors, plus JSON metadata in its header.

Never pickle: a file that looks like a pickle or a ``torch.save`` zip is refused
before anything is parsed. Writes are atomic (temp file, fsync, ``os.replace``),
so a crash never leaves half a checkpoint under the final name. Loading builds
a *new* model and validates family, keys and shapes first; a failed load
leaves whatever the caller had untouched.
"""

from __future__ import annotations

import datetime as _dt
import errno
import json
import math
import os
import platform
import stat
import struct
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

import numpy as np
import safetensors
import torch
from safetensors.torch import load as st_load
from safetensors.torch import save as st_save

from . import __version__
from .checkpoint_record import FORMAT, FORMAT_VERSION, CheckpointRecord, NewerFormatError, RecordError, parse_json
from .fsutil import atomic_write_bytes
from .i18n import _
from .models import ModelConfig, build_model

META_KEY = "latent_studio"
MAX_HEADER = 16 * 1024 * 1024  # a real record, a long history included, is well under this
SUFFIX = ".safetensors"
# Tensors that are not model weights: a run's history (engine.history) and what continuing it needs
# (optimizer and RNG states, engine.train.resume). Loading checks the weights without them.
EXTRA_PREFIXES = ("history.", "resume.")
DTYPE_BYTES = {
    "BOOL": 1,
    "U8": 1,
    "I8": 1,
    "F8_E4M3": 1,
    "F8_E5M2": 1,
    "I16": 2,
    "U16": 2,
    "F16": 2,
    "BF16": 2,
    "I32": 4,
    "U32": 4,
    "F32": 4,
    "I64": 8,
    "U64": 8,
    "F64": 8,
}


class CheckpointError(Exception):
    """A checkpoint could not be saved or loaded; the message says why in plain words."""


@dataclass
class Checkpoint:
    model: torch.nn.Module
    meta: dict  # format, name, family, model_config, train_config, dataset, history, metrics, versions, …
    path: Path | None = None
    record: CheckpointRecord | None = None  # ``meta``, checked and typed
    extra_tensors: dict = field(default_factory=dict)  # the ``history.*`` and ``resume.*`` tensors (EXTRA_PREFIXES)

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
    for key, value in (extra_tensors or {}).items():  # history / resume state, stored as they are
        if key.startswith(EXTRA_PREFIXES):
            tensors[key] = value.detach().to("cpu").contiguous()
    _write(path, tensors, meta)
    return path


def _sniff(path: Path, head: bytes, size: int) -> int:
    """Recognise the file from its first bytes, before anything is parsed; return the header's length.

    A safetensors file starts with an 8-byte header length followed by ``{``.
    """
    if len(head) >= 9 and head[8:9] == b"{":
        (header_len,) = struct.unpack("<Q", head[:8])
        if header_len < 2:  # "{}" at the least
            raise CheckpointError(_("{file} is not a safetensors checkpoint").format(file=path.name))
        if 8 + header_len > size:
            raise CheckpointError(
                _(
                    "{file} is truncated or not a safetensors checkpoint (header of {n} bytes in a {size}-byte file)"
                ).format(file=path.name, n=header_len, size=size)
            )
        if header_len > MAX_HEADER:
            raise CheckpointError(
                _("{file}: its header is {mb:.0f} MB; a checkpoint's record needs at most {limit:.0f} MB").format(
                    file=path.name, mb=header_len / 2**20, limit=MAX_HEADER / 2**20
                )
            )
        return header_len
    if head[:1] == b"\x80" or head[:4] == b"PK\x03\x04":
        raise CheckpointError(
            _(
                "{file} looks like a pickle / torch.save file; Latent Studio never unpickles "
                "files (they can run code). Use a .safetensors checkpoint."
            ).format(file=path.name)
        )
    if size < 9:
        raise CheckpointError(
            _("{file} is too short to be a checkpoint ({size} bytes): truncated?").format(file=path.name, size=size)
        )
    raise CheckpointError(_("{file} is truncated or not a safetensors checkpoint").format(file=path.name))


def _open_regular(path: Path) -> tuple[BinaryIO, int]:
    """Open a regular file for reading, never blocking: a FIFO, socket or device named ``*.safetensors`` is refused."""
    info = os.stat(path)
    if stat.S_ISDIR(info.st_mode):
        raise IsADirectoryError(errno.EISDIR, "is a folder", str(path))
    if not stat.S_ISREG(info.st_mode):
        raise CheckpointError(
            _("{file} is not a regular file (a pipe, socket or device); only checkpoint files are read").format(
                file=path.name
            )
        )
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    info = os.fstat(fd)  # the name may have been swapped for a pipe since the stat above
    if not stat.S_ISREG(info.st_mode):
        os.close(fd)
        raise CheckpointError(_("{file} is not a regular file").format(file=path.name))
    return os.fdopen(fd, "rb"), info.st_size


def _record_error(path: Path, exc: RecordError) -> CheckpointError:
    if isinstance(exc, NewerFormatError):
        return CheckpointError(
            _("{file} was written by a newer Latent Studio (format {reason}); please update the app").format(
                file=path.name, reason=exc.reason
            )
        )
    if exc.field == "format":
        return CheckpointError(_("{file} is not a Latent Studio checkpoint").format(file=path.name))
    return CheckpointError(
        _("{file}: bad record field '{field}': {reason}").format(
            file=path.name, field=_one_line(exc.field), reason=_one_line(exc.reason)
        )
    )


def _one_line(text: object, limit: int = 200) -> str:
    """Text quoted from a file, made safe for a one-line message: control characters escaped, length capped."""
    text = "".join(c if c.isprintable() else repr(c)[1:-1] for c in str(text))
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _parse_header(path: Path, header_bytes: bytes, data_len: int) -> CheckpointRecord:
    """Check the safetensors header (tensor table against the file's size) and the record inside it."""
    try:
        header = parse_json(header_bytes, "header", max_depth=4)
        if not isinstance(header, dict) or not isinstance(header.get("__metadata__"), dict):
            raise RecordError("__metadata__", _("missing"))
        text = header["__metadata__"].get(META_KEY)
        if not isinstance(text, str):
            raise RecordError(META_KEY, _("missing"))
    except RecordError as exc:
        raise CheckpointError(
            _(
                "{file} is a safetensors file but not a Latent Studio checkpoint (its metadata "
                "is missing or damaged: {reason})"
            ).format(file=path.name, reason=exc)
        ) from None
    _check_layout(path, header, data_len)
    try:
        return CheckpointRecord.from_dict(parse_json(text, "record"))
    except RecordError as exc:
        raise _record_error(path, exc) from None


def _check_layout(path: Path, header: dict, data_len: int) -> None:
    """Every tensor's dtype, shape and byte range valid, the ranges tiling the data exactly: no gap, no
    overlap, nothing missing (a cut file), nothing after them (trailing data)."""
    spans = []
    for key, info in header.items():
        if key == "__metadata__":
            continue
        ok = isinstance(info, dict) and info.get("dtype") in DTYPE_BYTES and isinstance(info.get("shape"), list)
        offsets = info.get("data_offsets") if ok else None
        ok = ok and len(info["shape"]) <= 8 and all(_is_count(n) for n in info["shape"])
        ok = ok and isinstance(offsets, list) and len(offsets) == 2 and all(_is_count(n) for n in offsets)
        if not ok or offsets[1] - offsets[0] != DTYPE_BYTES[info["dtype"]] * math.prod(info["shape"]):
            raise CheckpointError(
                _("{file}: the description of tensor {key} is damaged").format(file=path.name, key=key[:80])
            )
        spans.append((offsets[0], offsets[1]))
    spans.sort()
    end = 0
    for begin, stop in spans:
        if begin != end:
            raise CheckpointError(_("{file} is damaged: its tensors overlap or leave gaps").format(file=path.name))
        end = stop
    if end > data_len:
        raise CheckpointError(
            _("{file} is truncated: its header declares {need:,} bytes of weights, the file holds {have:,}").format(
                file=path.name, need=end, have=data_len
            )
        )
    if end < data_len:
        raise CheckpointError(
            _("{file} has {n:,} bytes of unexpected data after its weights; refused").format(
                file=path.name, n=data_len - end
            )
        )


def _is_count(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 2**50


def _read(path: str | Path, header_only: bool) -> tuple[CheckpointRecord, dict | None]:
    """The checked record, and (unless ``header_only``) the tensors: only the bytes the header declares are read."""
    path = Path(path)
    try:
        handle, size = _open_regular(path)
        with handle:
            head = handle.read(9)
            header_len = _sniff(path, head, size)
            header_bytes = head[8:] + handle.read(header_len - 1)
            if len(header_bytes) != header_len:
                raise CheckpointError(_("{file} is truncated").format(file=path.name))
            record = _parse_header(path, header_bytes, size - 8 - header_len)
            data = None
            if not header_only:
                handle.seek(0)
                data = handle.read(size)  # exactly the header and the tensors: the layout check saw to it
                if len(data) != size:
                    raise CheckpointError(_("{file} changed while it was read").format(file=path.name))
    except FileNotFoundError as exc:
        raise CheckpointError(_("no checkpoint at {path}").format(path=path)) from exc
    except IsADirectoryError as exc:
        raise CheckpointError(_("{path} is a folder, not a checkpoint file").format(path=path)) from exc
    except OSError as exc:
        raise CheckpointError(
            _("could not read {path}: {reason}").format(path=path, reason=exc.strerror or exc)
        ) from exc
    tensors = None
    if data is not None:
        try:
            tensors = st_load(data)
        except Exception as exc:  # safetensors raises its own error types
            raise CheckpointError(_("{file} is damaged: {reason}").format(file=path.name, reason=exc)) from exc
    return record, tensors


def read_meta(path: str | Path) -> dict:
    """The JSON record only, checked field by field (cheap: the tensors are not read, but their declared
    sizes are checked against the file's, so a cut file is refused here too)."""
    return _read(path, header_only=True)[0].to_dict()


def read_record(path: str | Path) -> CheckpointRecord:
    """Like :func:`read_meta`, as a typed :class:`~engine.checkpoint_record.CheckpointRecord`."""
    return _read(path, header_only=True)[0]


def load_checkpoint(path: str | Path, device: str | torch.device = "cpu") -> Checkpoint:
    """Rebuild the model from its config and load the weights, after validating them."""
    path = Path(path)
    record, tensors = _read(path, header_only=False)
    assert tensors is not None
    model = _build_validated(path, record, tensors)
    model.to(device)
    model.eval()
    extra = {k: v for k, v in tensors.items() if k.startswith(EXTRA_PREFIXES)}
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
    record, tensors = _read(path, header_only=False)
    _build_validated(path, record, tensors)  # never rewrite a file that would not load
    meta = record.to_dict()
    meta.update(changes)
    _write(path, tensors, meta)
    return meta


def compact_checkpoint(path: str | Path, drop_run_history: bool = False) -> int:
    """Store a checkpoint's floating-point weights as float16, in place; returns the new size in bytes.

    ``drop_run_history`` also drops the run's snapshots (``history.*``, megabytes for a long run; the
    per-epoch curves in the record stay), as the shipped models do to stay small."""
    path = Path(path)
    record, tensors = _read(path, header_only=False)
    _build_validated(path, record, tensors)
    meta = record.to_dict()
    meta["weights_dtype"] = "float16"
    meta.pop("resume", None)  # float16 weights cannot continue exactly: the optimizer state goes too
    dropped = ("resume.", "history.") if drop_run_history else ("resume.",)
    if drop_run_history:
        meta.pop("run_history", None)
    _write(path, _halved({k: v for k, v in tensors.items() if not k.startswith(dropped)}), meta)
    return path.stat().st_size


def _write(path: Path, tensors: dict[str, torch.Tensor], meta: dict) -> None:
    """Check the record as a reader will, then write the file atomically; a CheckpointError on any failure."""
    try:
        text = json.dumps(meta, allow_nan=True)
        CheckpointRecord.from_dict(parse_json(text, "record"))
    except RecordError as exc:
        raise _record_error(path, exc) from None
    except (TypeError, ValueError) as exc:  # not JSON-serialisable
        raise CheckpointError(
            _("{file}: the record cannot be stored ({reason})").format(file=path.name, reason=exc)
        ) from None
    data = st_save(tensors, metadata={META_KEY: text})
    if struct.unpack("<Q", data[:8])[0] > MAX_HEADER:  # a reader would refuse it
        raise CheckpointError(_("{file}: the record is too large to store").format(file=path.name))
    try:
        atomic_write_bytes(path, data)
    except OSError as exc:
        raise CheckpointError(
            _("could not write {path}: {reason}").format(path=path, reason=exc.strerror or exc)
        ) from exc
