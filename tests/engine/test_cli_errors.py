"""The CLI on hostile checkpoints, read-only or full folders and long names: one `error:` line, exit 2,
nothing half-written — never a traceback."""

import errno
import json
import os

import numpy as np
import pytest
from PIL import Image
from safetensors.torch import save as st_save

from engine.checkpoint import read_meta, save_checkpoint
from engine.cli import main
from engine.models import build_model, default_model_config


def one_error_line(capsys) -> str:
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("error: "), err
    assert "Traceback" not in err[0]
    return err[0]


def files_in(folder):
    return sorted(p.name for p in folder.rglob("*")) if folder.exists() else []


@pytest.fixture(scope="module")
def checkpoints(tmp_path_factory):
    folder = tmp_path_factory.mktemp("ckpt")
    return {
        "stacked": save_checkpoint(
            folder / "stacked.safetensors", build_model(default_model_config("stacked")), dataset={"name": "mnist"}
        ),
        "vae": save_checkpoint(
            folder / "vae.safetensors",
            build_model(default_model_config("vae", coding_size=2)),
            dataset={"name": "mnist"},
        ),
    }


@pytest.fixture
def image(tmp_path):
    path = tmp_path / "digit.png"
    array = np.full((28, 28), 255, np.uint8)
    array[5:23, 12:16] = 0
    Image.fromarray(array).save(path)
    return path


@pytest.fixture
def read_only(refuse_creates_below):
    """Make folders read-only: every create below them refused with EROFS, as a read-only file system does
    (by permissions alone, root would write anyway)."""

    def make(folder):
        folder.mkdir(parents=True, exist_ok=True)
        return refuse_creates_below(folder.resolve())

    return make


@pytest.fixture
def full_disk(monkeypatch):
    """Every write through os.fdopen fails with ENOSPC after part of the data landed."""
    real_fdopen = os.fdopen

    class FullFile:
        def __init__(self, handle):
            self.handle = handle

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.handle.close()

        def write(self, data):
            self.handle.write(data[: len(data) // 2])
            raise OSError(errno.ENOSPC, "No space left on device")

        def __getattr__(self, name):
            return getattr(self.handle, name)

    monkeypatch.setattr(os, "fdopen", lambda fd, *a, **k: FullFile(real_fdopen(fd, *a, **k)))


# -- hostile checkpoint records ----------------------------------------------------------------------
def _poison(tmp_path, source, field, value):
    data = source.read_bytes()
    record = read_meta(source)
    record[field] = value
    from safetensors.torch import load

    path = tmp_path / f"evil-{field}.safetensors"
    path.write_bytes(st_save(load(data), metadata={"latent_studio": json.dumps(record)}))
    return path


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("format_version", "x"),
        ("dataset", "mnist"),
        ("epochs_completed", float("inf")),
        ("family", ["vae"]),
        ("model_config", [1]),
    ],
)
@pytest.mark.parametrize("command", ["evaluate", "sample", "reconstruct"])
def test_a_hostile_record_is_one_error_line(tmp_path, capsys, checkpoints, image, command, field, value):
    source = checkpoints["vae" if command == "sample" else "stacked"]
    path = _poison(tmp_path, source, field, value)
    out = ["--out-dir", str(tmp_path / "out")]
    argv = {
        "evaluate": ["evaluate", str(path), "--source", "embedded"],
        "sample": ["sample", str(path), *out],
        "reconstruct": ["reconstruct", str(path), str(image), *out],
    }[command]
    assert main(argv) == 2
    line = one_error_line(capsys)
    assert path.name in line and field in line
    assert files_in(tmp_path / "out") == []


def test_a_pipe_named_like_a_checkpoint_is_one_error_line(tmp_path, capsys):
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes here")
    fifo = tmp_path / "pipe.safetensors"
    os.mkfifo(fifo)
    assert main(["sample", str(fifo), "--out-dir", str(tmp_path / "out")]) == 2
    assert "not a regular file" in one_error_line(capsys)


# -- read-only and full output folders ---------------------------------------------------------------
def test_train_into_a_missing_folder_of_a_read_only_file_system(tmp_path, capsys, read_only):
    root = read_only(tmp_path / "ro")
    out = root / "runs" / "new" / "model.safetensors"
    code = main(
        [
            "train",
            "stacked",
            "--dataset",
            "mnist",
            "--source",
            "embedded",
            "--epochs",
            "1",
            "--max-steps",
            "2",
            "--out",
            str(out),
        ]
    )
    assert code == 2
    line = one_error_line(capsys)  # before any data is loaded or any step is trained
    assert "--out" in line and "Read-only file system" in line
    assert files_in(root) == []


def test_train_with_a_name_too_long_fails_before_training(tmp_path, capsys):
    out = tmp_path / ("m" * 300 + ".safetensors")
    assert main(["train", "stacked", "--dataset", "mnist", "--source", "embedded", "--out", str(out)]) == 2
    assert "name is too long" in one_error_line(capsys)
    assert files_in(tmp_path) == []


@pytest.mark.parametrize("command", ["sample", "reconstruct"])
def test_a_read_only_out_dir(tmp_path, capsys, checkpoints, image, read_only, command):
    root = read_only(tmp_path / "ro")
    out = root / "images"
    argv = (
        ["sample", str(checkpoints["vae"]), "--n", "3"]
        if command == "sample"
        else ["reconstruct", str(checkpoints["stacked"]), str(image)]
    )
    assert main([*argv, "--out-dir", str(out)]) == 2
    line = one_error_line(capsys)
    assert "--out-dir" in line and "Read-only file system" in line
    assert files_in(root) == []


@pytest.mark.parametrize("command", ["sample", "reconstruct"])
def test_a_full_out_dir_leaves_no_partial_file(tmp_path, capsys, checkpoints, image, full_disk, command):
    out = tmp_path / "images"
    out.mkdir()
    (out / "grid.png").write_bytes(b"an older grid")
    argv = (
        ["sample", str(checkpoints["vae"]), "--n", "3"]
        if command == "sample"
        else ["reconstruct", str(checkpoints["stacked"]), str(image)]
    )
    code = main([*argv, "--out-dir", str(out)])
    assert code == 2
    assert "No space left on device" in one_error_line(capsys)
    assert files_in(out) == ["grid.png"] and (out / "grid.png").read_bytes() == b"an older grid"


def test_a_long_image_name_in_reconstruct_is_refused_before_anything_is_written(tmp_path, capsys, checkpoints):
    name = "d" * 246 + ".png"  # a legal 250-byte name; its "<stem>.recon.png" would be 256 bytes
    array = np.full((28, 28), 255, np.uint8)
    Image.fromarray(array).save(tmp_path / name)
    short = tmp_path / "short.png"
    Image.fromarray(array).save(short)
    out = tmp_path / "out"
    assert (
        main(["reconstruct", str(checkpoints["stacked"]), str(short), str(tmp_path / name), "--out-dir", str(out)]) == 2
    )
    line = one_error_line(capsys)
    assert "--out-dir" in line and "name is too long" in line
    assert files_in(out) == []


def test_an_unforeseen_os_error_is_one_line(monkeypatch, capsys, checkpoints, tmp_path):
    import engine.cli as cli

    def broken(args):
        raise PermissionError(errno.EACCES, "Permission denied", "/somewhere/file")

    monkeypatch.setattr(cli, "cmd_sample", broken)
    assert main(["sample", str(checkpoints["vae"]), "--out-dir", str(tmp_path)]) == 2
    assert one_error_line(capsys) == "error: Permission denied (/somewhere/file)"
