"""The IDX reader: good files parse, every kind of damage is a readable DatasetError."""

from __future__ import annotations

import gzip
import struct
import tracemalloc

import numpy as np
import pytest

from engine.data import DatasetError
from engine.data.idx import encode_idx, read_images, read_labels, read_pair, write_idx_gz


def make_images(n: int = 5, side: int = 28) -> np.ndarray:
    return (np.arange(n * side * side) % 256).astype(np.uint8).reshape(n, side, side)


def write(path, data: bytes, gz: bool):
    if gz:
        path = path.with_name(path.name + ".gz")
        path.write_bytes(gzip.compress(data, mtime=0))
    else:
        path.write_bytes(data)
    return path


@pytest.mark.parametrize("gz", [False, True])
def test_good_files_parse(tmp_path, gz):
    images = make_images()
    labels = np.array([0, 1, 2, 9, 5], dtype=np.uint8)
    pi = write(tmp_path / "train-images-idx3-ubyte", encode_idx(images), gz)
    pl = write(tmp_path / "train-labels-idx1-ubyte", encode_idx(labels), gz)
    got_images, got_labels = read_pair(pi, pl)
    assert got_images.dtype == np.uint8 and got_images.shape == (5, 28, 28)
    np.testing.assert_array_equal(got_images, images)
    np.testing.assert_array_equal(got_labels, labels)


def test_write_idx_gz_is_reproducible(tmp_path):
    write_idx_gz(tmp_path / "a.gz", make_images())
    write_idx_gz(tmp_path / "b.gz", make_images())
    assert (tmp_path / "a.gz").read_bytes() == (tmp_path / "b.gz").read_bytes()
    np.testing.assert_array_equal(read_images(tmp_path / "a.gz"), make_images())


def header(type_byte=0x08, ndim=3, dims=(5, 28, 28), zeros=b"\0\0") -> bytes:
    return zeros + bytes([type_byte, ndim]) + struct.pack(f">{len(dims)}I", *dims)


BAD_IMAGE_FILES = {
    "bad magic": (header(zeros=b"PK") + bytes(5 * 784), "not an IDX file"),
    "wrong type": (header(type_byte=0x0D) + bytes(5 * 784), "data type 0x0D"),
    "labels as images": (encode_idx(np.zeros(5, np.uint8)), r"has 1 dimension\(s\), expected 3 for an image file"),
    "wrong dims": (header(dims=(5, 32, 32)) + bytes(5 * 1024), "32×32, expected 28×28"),
    "truncated": (encode_idx(make_images())[:-100], "truncated"),
    "trailing bytes": (encode_idx(make_images()) + b"extra", "trailing bytes"),
    "short header": (b"\0\0\x08", "too short"),
    "huge count, tiny file": (header(dims=(100_000, 28, 28)) + bytes(784), "truncated"),
    "absurd count": (header(dims=(0xFFFFFFFF, 28, 28)) + bytes(784), "limit"),
}


@pytest.mark.parametrize("gz", [False, True])
@pytest.mark.parametrize("case", list(BAD_IMAGE_FILES))
def test_damaged_image_files_are_rejected(tmp_path, case, gz):
    data, message = BAD_IMAGE_FILES[case]
    path = write(tmp_path / "train-images-idx3-ubyte", data, gz)
    with pytest.raises(DatasetError, match=message) as info:
        read_images(path)
    assert path.name in str(info.value)


def test_huge_declared_count_allocates_little(tmp_path):
    path = write(tmp_path / "x-idx3-ubyte", header(dims=(120_000, 28, 28)) + bytes(784), gz=True)
    tracemalloc.start()
    try:
        with pytest.raises(DatasetError):
            read_images(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 8_000_000


def test_labels_out_of_range(tmp_path):
    path = write(tmp_path / "t10k-labels-idx1-ubyte", encode_idx(np.array([1, 2, 12], np.uint8)), False)
    with pytest.raises(DatasetError, match="label 12 at index 2"):
        read_labels(path)


def test_count_mismatch_names_both_files(tmp_path):
    pi = write(tmp_path / "train-images-idx3-ubyte", encode_idx(make_images(5)), True)
    pl = write(tmp_path / "train-labels-idx1-ubyte", encode_idx(np.zeros(4, np.uint8)), True)
    with pytest.raises(DatasetError, match="5 images but train-labels-idx1-ubyte.gz has 4 labels"):
        read_pair(pi, pl)


def test_damaged_gzip_and_missing_file(tmp_path):
    good = gzip.compress(encode_idx(make_images()), mtime=0)
    path = tmp_path / "train-images-idx3-ubyte.gz"
    path.write_bytes(good[: len(good) // 2])
    with pytest.raises(DatasetError, match="train-images-idx3-ubyte.gz: damaged gzip"):
        read_images(path)
    path.write_bytes(b"this is not gzip at all")
    with pytest.raises(DatasetError, match="damaged gzip"):
        read_images(path)
    with pytest.raises(DatasetError, match="not found"):
        read_images(tmp_path / "nothing-idx3-ubyte")


def test_write_idx_gz_on_a_full_disk_keeps_the_old_file(tmp_path, monkeypatch):
    import errno
    import os

    path = tmp_path / "train-labels-idx1-ubyte.gz"
    write_idx_gz(path, np.arange(10, dtype=np.uint8))
    before = path.read_bytes()
    monkeypatch.setattr(os, "fsync", lambda fd: (_ for _ in ()).throw(OSError(errno.ENOSPC, "No space left")))
    with pytest.raises(OSError, match="No space left"):
        write_idx_gz(path, np.zeros(10, dtype=np.uint8))
    assert path.read_bytes() == before and os.listdir(tmp_path) == [path.name]
