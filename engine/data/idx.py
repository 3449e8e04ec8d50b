"""Reading and writing the IDX files MNIST and Fashion-MNIST ship as.

An IDX file is a 4-byte magic number (two zero bytes, a type byte, the number
of dimensions), one big-endian uint32 per dimension, then the raw values.
Files come from users, mirrors and packages, so every field is checked and a
corrupt header never drives an allocation: the declared size is compared with
the bytes really there before the data is read, and a .gz is decompressed
through a bounded reader.
"""

from __future__ import annotations

import gzip
import struct
import zlib
from pathlib import Path

import numpy as np

from engine.fsutil import atomic_write_bytes
from engine.i18n import _

IMAGE_MAGIC = 0x00000803  # unsigned bytes, 3 dimensions
LABEL_MAGIC = 0x00000801  # unsigned bytes, 1 dimension
UBYTE = 0x08
SIDE = 28
NUM_CLASSES = 10
MAX_FILE_BYTES = 100_000_000  # the largest file (60,000 images) is 47 MB
_CHUNK = 1 << 20


class DatasetError(Exception):
    """A dataset that cannot be used; the message names the file or dataset."""


class DownloadCancelled(DatasetError):
    """The user stopped a download; nothing partial was kept."""


def _header_shape(header: bytes, path: Path, kind: str) -> tuple[int, ...]:
    """Validate the magic number and return the declared dimensions."""
    ndim_expected = 3 if kind == "images" else 1
    magic_expected = IMAGE_MAGIC if kind == "images" else LABEL_MAGIC
    if len(header) < 4:
        raise DatasetError(
            _("{file}: file too short to be an IDX file ({n} bytes)").format(file=path.name, n=len(header))
        )
    magic = struct.unpack(">I", header[:4])[0]
    if header[0] != 0 or header[1] != 0:
        raise DatasetError(
            _("{file}: not an IDX file (magic number 0x{magic:08X}, expected 0x{magic_expected:08X})").format(
                file=path.name, magic=magic, magic_expected=magic_expected
            )
        )
    if header[2] != UBYTE:
        raise DatasetError(
            _("{file}: stores data type 0x{header:02X}, expected unsigned bytes (0x08)").format(
                file=path.name, header=header[2]
            )
        )
    if header[3] != ndim_expected:
        article = _("an image") if kind == "images" else _("a label")
        raise DatasetError(
            _(
                "{file}: has {header} dimension(s), expected {ndim_expected} for {article} file (magic "
                "0x{magic:08X}, expected 0x{magic_expected:08X})"
            ).format(
                file=path.name,
                header=header[3],
                ndim_expected=ndim_expected,
                article=article,
                magic=magic,
                magic_expected=magic_expected,
            )
        )
    need = 4 + 4 * ndim_expected
    if len(header) < need:
        raise DatasetError(
            _("{file}: truncated header ({n} of {need} bytes)").format(file=path.name, n=len(header), need=need)
        )
    dims = struct.unpack(f">{ndim_expected}I", header[4:need])
    if kind == "images" and dims[1:] != (SIDE, SIDE):
        raise DatasetError(
            _("{file}: images are {dims}×{dims2}, expected {SIDE}×{SIDE}").format(
                file=path.name, dims=dims[1], dims2=dims[2], SIDE=SIDE
            )
        )
    return dims


def _expected_size(dims: tuple[int, ...]) -> int:
    return 4 + 4 * len(dims) + int(np.prod(dims, dtype=np.int64))


def _check_declared(path: Path, dims: tuple[int, ...], kind: str) -> int:
    expected = _expected_size(dims)
    if expected > MAX_FILE_BYTES:
        raise DatasetError(
            _(
                "{file}: header declares {dims:,} {kind} ({expected:,} bytes), more than the "
                "{MAX_FILE_BYTES:,}-byte limit; the file is corrupt"
            ).format(file=path.name, dims=dims[0], kind=kind, expected=expected, MAX_FILE_BYTES=MAX_FILE_BYTES)
        )
    return expected


def _size_error(path: Path, dims: tuple[int, ...], kind: str, expected: int, actual: int) -> DatasetError:
    what = _("truncated") if actual < expected else _("has trailing bytes")
    return DatasetError(
        _(
            "{file}: {what}: header declares {dims:,} {kind} ({expected:,} bytes) but the data is {actual:,} bytes"
        ).format(file=path.name, what=what, dims=dims[0], kind=kind, expected=expected, actual=actual)
    )


def _read_bounded(stream, limit: int) -> bytearray:
    """Read at most ``limit`` bytes in chunks (never one allocation of ``limit``)."""
    out = bytearray()
    while len(out) < limit:
        chunk = stream.read(min(_CHUNK, limit - len(out)))
        if not chunk:
            break
        out += chunk
    return out


def is_gzip(path: Path) -> bool:
    return path.name.endswith(".gz")


def read_idx_bytes(path: str | Path, kind: str) -> tuple[tuple[int, ...], bytearray]:
    """Return (dims, whole decompressed file) after checking header and size.

    ``kind`` is "images" or "labels". Raises DatasetError naming the file.
    """
    path = Path(path)
    try:
        if is_gzip(path):
            with gzip.open(path, "rb") as stream:
                header = _read_bounded(stream, 4 + 4 * (3 if kind == "images" else 1))
                dims = _header_shape(bytes(header), path, kind)
                expected = _check_declared(path, dims, kind)
                # One byte more than declared tells trailing data from an exact fit.
                data = header + _read_bounded(stream, expected + 1 - len(header))
        else:
            actual = path.stat().st_size
            with open(path, "rb") as stream:
                header = bytearray(stream.read(4 + 4 * (3 if kind == "images" else 1)))
                dims = _header_shape(bytes(header), path, kind)
                expected = _check_declared(path, dims, kind)
                if actual != expected:
                    raise _size_error(path, dims, kind, expected, actual)
                data = header + _read_bounded(stream, expected + 1 - len(header))
    except FileNotFoundError:
        raise DatasetError(_("{file}: file not found in {parent}").format(file=path.name, parent=path.parent)) from None
    except (gzip.BadGzipFile, EOFError, zlib.error) as exc:
        raise DatasetError(
            _("{file}: damaged gzip data ({value})").format(file=path.name, value=exc or _("unexpected end of file"))
        ) from None
    except OSError as exc:
        raise DatasetError(
            _("{file}: cannot be read ({reason})").format(file=path.name, reason=exc.strerror or exc)
        ) from None
    if len(data) != expected:
        raise _size_error(path, dims, kind, expected, len(data))
    return dims, data


def images_from_bytes(data: bytearray, dims: tuple[int, ...]) -> np.ndarray:
    """(N, 28, 28) uint8 view on the file's payload (no copy)."""
    return np.frombuffer(data, dtype=np.uint8, offset=16).reshape(dims)


def labels_from_bytes(data: bytearray, dims: tuple[int, ...], path: Path) -> np.ndarray:
    labels = np.frombuffer(data, dtype=np.uint8, offset=8)
    if labels.size and int(labels.max()) >= NUM_CLASSES:
        bad = int(np.argmax(labels >= NUM_CLASSES))
        raise DatasetError(
            _("{name}: label {labels} at index {bad} is outside 0..{value}").format(
                name=Path(path).name, labels=int(labels[bad]), bad=bad, value=NUM_CLASSES - 1
            )
        )
    return labels


def read_images(path: str | Path) -> np.ndarray:
    dims, data = read_idx_bytes(path, "images")
    return images_from_bytes(data, dims)


def read_labels(path: str | Path) -> np.ndarray:
    dims, data = read_idx_bytes(path, "labels")
    return labels_from_bytes(data, dims, Path(path))


def read_pair(images_path: str | Path, labels_path: str | Path) -> tuple[np.ndarray, np.ndarray]:
    """Images and labels of one split, checked to have the same count."""
    images = read_images(images_path)
    labels = read_labels(labels_path)
    if len(images) != len(labels):
        raise DatasetError(
            _("{name} has {n:,} images but {name2} has {n2:,} labels").format(
                name=Path(images_path).name, n=len(images), name2=Path(labels_path).name, n2=len(labels)
            )
        )
    return images, labels


def encode_idx(array: np.ndarray) -> bytes:
    """IDX bytes for a uint8 array of labels (N,) or images (N, 28, 28)."""
    array = np.ascontiguousarray(array, dtype=np.uint8)
    header = bytes([0, 0, UBYTE, array.ndim]) + struct.pack(f">{array.ndim}I", *array.shape)
    return header + array.tobytes()


def write_idx_gz(path: str | Path, array: np.ndarray) -> None:
    """Write a gzipped IDX file byte-reproducibly (mtime 0, no file name), atomically."""
    atomic_write_bytes(path, gzip.compress(encode_idx(array), compresslevel=9, mtime=0))
