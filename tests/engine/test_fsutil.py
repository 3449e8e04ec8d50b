"""The one atomic write: a full disk, a locked target, a killed save or a long name never loses a file."""

import errno
import os
import time

import pytest

from engine import fsutil
from engine.checkpoint import CheckpointError, load_checkpoint, save_checkpoint
from engine.fsutil import FileNameTooLong, atomic_write_bytes, remove_stale_temp_files
from engine.models import build_model, default_model_config


@pytest.fixture
def full_disk(monkeypatch):
    """Every write to a file opened through os.fdopen fails with ENOSPC, as on a full disk."""
    real_fdopen = os.fdopen

    class FullFile:
        def __init__(self, handle):
            self.handle = handle

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.handle.close()

        def write(self, data):
            self.handle.write(data[: len(data) // 2])  # part of it lands, then the disk is full
            raise OSError(errno.ENOSPC, "No space left on device")

        def __getattr__(self, name):
            return getattr(self.handle, name)

    monkeypatch.setattr(os, "fdopen", lambda fd, *a, **k: FullFile(real_fdopen(fd, *a, **k)))


def test_a_full_disk_leaves_the_old_file_intact_and_no_temp_file(tmp_path, full_disk):
    path = tmp_path / "notes.csv"
    path.write_bytes(b"the old content\n")
    with pytest.raises(OSError, match="No space left"):
        atomic_write_bytes(path, b"new content " * 1000)
    assert path.read_bytes() == b"the old content\n"
    assert os.listdir(tmp_path) == ["notes.csv"]


def test_saving_a_checkpoint_over_an_old_one_on_a_full_disk(tmp_path, monkeypatch):
    model = build_model(default_model_config("stacked"))
    path = save_checkpoint(tmp_path / "mine.safetensors", model, name="mine")
    before = path.read_bytes()
    real_fsync = os.fsync
    monkeypatch.setattr(os, "fsync", lambda fd: (_ for _ in ()).throw(OSError(errno.ENOSPC, "No space left")))
    with pytest.raises(CheckpointError, match="could not write .*No space left"):
        save_checkpoint(path, build_model(default_model_config("stacked")), name="other")
    monkeypatch.setattr(os, "fsync", real_fsync)
    assert path.read_bytes() == before and load_checkpoint(path).meta["name"] == "mine"
    assert os.listdir(tmp_path) == ["mine.safetensors"]


def test_a_briefly_locked_target_is_retried(tmp_path, monkeypatch):
    path = tmp_path / "grid.png"
    path.write_bytes(b"old")
    real_replace = os.replace
    refusals = []

    def locked_twice(src, dst):
        if len(refusals) < 2:
            refusals.append(dst)
            raise PermissionError(errno.EACCES, "The process cannot access the file")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", locked_twice)
    monkeypatch.setattr(fsutil.time, "sleep", lambda s: None)
    atomic_write_bytes(path, b"new")
    assert path.read_bytes() == b"new" and len(refusals) == 2 and os.listdir(tmp_path) == ["grid.png"]


def test_a_target_locked_for_good_fails_and_keeps_the_old_file(tmp_path, monkeypatch):
    path = tmp_path / "grid.png"
    path.write_bytes(b"old")
    monkeypatch.setattr(os, "replace", lambda s, d: (_ for _ in ()).throw(PermissionError(errno.EACCES, "locked")))
    monkeypatch.setattr(fsutil.time, "sleep", lambda s: None)
    with pytest.raises(PermissionError):
        atomic_write_bytes(path, b"new")
    assert path.read_bytes() == b"old" and os.listdir(tmp_path) == ["grid.png"]


def test_stale_temp_files_of_killed_saves_are_removed_at_the_next_save(tmp_path):
    old = time.time() - 3600
    stale = [".ls-0badf00d.tmp", ".m.safetensors.k3j_x9q2.tmp", ".train-images-idx3-ubyte.ab12cd34.part"]
    kept = [".ls-12345678.tmp", "notes.tmp", ".notes.tmp", "m.safetensors"]  # fresh, or not ours
    for name in stale + kept:
        (tmp_path / name).write_bytes(b"x")
        if name != ".ls-12345678.tmp":
            os.utime(tmp_path / name, (old, old))
    atomic_write_bytes(tmp_path / "new.png", b"png")
    assert sorted(os.listdir(tmp_path)) == sorted([*kept, "new.png"])
    assert remove_stale_temp_files(tmp_path, older_than_s=0) == 1  # the fresh one, when asked


def test_a_250_byte_name_saves_and_a_300_byte_name_says_why(tmp_path):
    long_name = "é" * 121 + "x" * 4 + ".png"  # 121 two-byte letters, 4 + 4 one-byte ones
    assert len(os.fsencode(long_name)) == 250
    atomic_write_bytes(tmp_path / long_name, b"data")
    assert (tmp_path / long_name).read_bytes() == b"data"
    too_long = "x" * 296 + ".png"
    with pytest.raises(FileNameTooLong, match="too long .*300 bytes"):
        atomic_write_bytes(tmp_path / too_long, b"data")
    assert os.listdir(tmp_path) == [long_name]


def test_a_read_only_folder_is_an_oserror_and_leaves_nothing(tmp_path, monkeypatch):
    real_open = os.open

    def read_only(path, flags, *args, **kwargs):
        if flags & os.O_CREAT:
            raise OSError(errno.EROFS, "Read-only file system")
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", read_only)
    with pytest.raises(OSError, match="Read-only"):
        atomic_write_bytes(tmp_path / "x.png", b"data")
    assert os.listdir(tmp_path) == []
