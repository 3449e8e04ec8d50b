"""A checkpoint's file: the ``.safetensors`` container, read without trusting it and written atomically.

Checkpoints come from classmates, e-mail and USB sticks. Before anything is
parsed, the first bytes are recognised (a pickle or a ``torch.save`` zip is
refused: unpickling can run code); then the header's tensor table is checked
against the file's size (a cut file, gaps, overlaps, trailing data) and the
JSON record inside it field by field (:mod:`engine.checkpoint_record`). Only
then are the tensors read. Writing checks the record as a reader will and goes
through :func:`engine.fsutil.atomic_write_bytes`, so a crash never leaves half
a checkpoint under the final name. Rebuilding a model from the file is
:mod:`engine.checkpoint`'s.
"""

from __future__ import annotations

import errno
import json
import math
import os
import stat
import struct
from pathlib import Path
from typing import BinaryIO

import torch
from safetensors.torch import load as st_load
from safetensors.torch import save as st_save

from .checkpoint_record import CheckpointRecord, NewerFormatError, RecordError, parse_json
from .fsutil import atomic_write_bytes
from .i18n import _

META_KEY = "latent_studio"
MAX_HEADER = 16 * 1024 * 1024  # a real record, a long history included, is well under this
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


def read_file(path: str | Path, header_only: bool) -> tuple[CheckpointRecord, dict | None]:
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


def write_file(path: Path, tensors: dict[str, torch.Tensor], meta: dict) -> None:
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
