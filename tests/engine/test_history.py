"""A run's history: every snapshot kept from epoch 0, one projection for the map, stored in the checkpoint,
exported as CSV and GIF, and a damaged history set aside while the weights still load."""

from __future__ import annotations

import csv

import numpy as np
import pytest
import torch
from safetensors.torch import load_file, save_file

from engine.checkpoint import load_checkpoint, save_checkpoint, update_meta
from engine.cli import main
from engine.data import DataConfig, load_dataset
from engine.history import MAP_POINTS, history_from_checkpoint, load_history, near_zero_share
from engine.history_export import HistoryExportError, export_csv, export_gif, frame_count
from engine.models import default_model_config
from engine.runs import save_run
from engine.train import create_trainer, default_train_config, events

QUICK = {"epochs": 2, "max_steps_per_epoch": 4, "threads": 1, "seed": 1, "device": "cpu"}


@pytest.fixture(scope="module")
def mnist():
    return load_dataset("mnist", "embedded")


def _run(mnist, family, **overrides):
    trainer = create_trainer(
        default_model_config(family), default_train_config(family, **{**QUICK, **overrides}), mnist
    )
    stream = list(trainer.run())
    assert stream[-1].reason == events.FINISHED, stream[-1].message
    return trainer, stream


def _saved_run(mnist, folder, family):
    """A short run of ``family``, saved as the app and the CLI save it: (trainer, events, checkpoint path)."""
    trainer, stream = _run(mnist, family)
    path = save_run(
        folder / f"{family}.safetensors", trainer, stream[-1], DataConfig("mnist", "embedded"), trainer.config
    )
    return trainer, stream, path


@pytest.fixture(scope="module")
def stacked_run(mnist, tmp_path_factory):
    return _saved_run(mnist, tmp_path_factory.mktemp("runs"), "stacked")


@pytest.fixture(scope="module")
def gan_run(mnist, tmp_path_factory):
    return _saved_run(mnist, tmp_path_factory.mktemp("runs"), "gan")


def test_every_epoch_is_kept_from_epoch_zero(stacked_run):
    trainer, stream, _path = stacked_run
    history = trainer.run_history
    assert stream[-1].run_history is history
    assert [s.epoch for s in history.snapshots if s.epoch_end] == [0, 1, 2]
    assert len(history) == len([e for e in stream if isinstance(e, events.Snapshot)])  # mid-epoch ones too
    first, last = history.snapshots[0], history.snapshots[-1]
    assert first.global_step == 0 and last.global_step == 8
    assert first.grid.dtype == np.uint8 and first.grid.shape == (16, 28, 28)
    assert not np.array_equal(first.grid, last.grid)  # the reconstructions changed as it trained
    assert first.originals.shape == (16, 28, 28)
    assert "val_loss" not in first.metrics and "val_loss" in last.metrics and "loss" in last.metrics
    assert last.map_xy.dtype == np.float16 and last.map_xy.shape == (min(MAP_POINTS, 400), 2)
    assert history.map_labels.shape == (len(last.map_xy),)
    assert not np.array_equal(first.map_xy, last.map_xy)  # the points moved
    # The map costs an encoder pass: drawn at epoch ends; a mid-epoch snapshot shows the last one drawn.
    middle = [i for i, s in enumerate(history.snapshots) if not s.epoch_end]
    assert middle and all(history.snapshots[i].map_xy is None for i in middle)
    assert history.latest_map(middle[0]) is first.map_xy


def test_the_map_keeps_one_projection_for_the_whole_run(mnist):
    trainer = create_trainer(default_model_config("stacked"), default_train_config("stacked", **QUICK), mnist)
    stream = trainer.run()
    for event in stream:
        if isinstance(event, events.Snapshot):
            break
    basis = trainer.run_history.map_components.copy()
    list(stream)
    history = trainer.run_history
    assert np.array_equal(history.map_components, basis)  # fitted on epoch 0, never refitted
    codes, _labels = trainer.latent_probe()
    again = history.project(codes.detach().numpy())
    assert np.allclose(again.astype(np.float32), history.snapshots[-1].map_xy.astype(np.float32), atol=1e-2)
    x0, x1, y0, y1 = history.map_bounds()
    every = np.concatenate([s.map_xy for s in history.snapshots if s.map_xy is not None]).astype(np.float32)
    assert x0 == every[:, 0].min() and y1 == every[:, 1].max()


def test_the_vae_keeps_reconstruction_and_kl_apart(mnist):
    trainer, stream = _run(mnist, "vae", batch_size=32)
    assert stream[0].metric_names == ("loss", "reconstruction", "kl")
    history = trainer.run_history
    loss, recon, kl = (history.series(n).values for n in ("loss", "reconstruction", "kl"))
    assert np.allclose(loss, recon + kl, atol=1e-5) and (kl > 0).all()
    assert history.kinds == ("reconstructions", "samples")
    assert history.series("kl", per="epoch").values.shape == (2,)


def test_the_sparse_autoencoder_tracks_each_unit_against_its_target(mnist):
    trainer, _stream = _run(mnist, "sparse")
    history = trainer.run_history
    activation = history.snapshots[-1].unit_activation
    assert history.unit_target == pytest.approx(0.1)
    assert activation.shape == (300,) and activation.dtype == np.float16
    assert ((activation >= 0) & (activation <= 1)).all()
    assert 0.0 <= near_zero_share(activation) <= 1.0
    assert near_zero_share(np.array([0.0, 0.01, 0.5, 0.2])) == 0.5


def test_a_gan_history_is_small(gan_run):
    trainer, _stream, _path = gan_run
    history = trainer.run_history
    assert history.snapshots[0].map_xy is None and history.kinds == ("samples",)
    tensors, info = history.to_tensors()
    sizes = {k: t.numel() * t.element_size() for k, t in tensors.items()}
    assert sum(sizes.values()) == history.nbytes and len(str(info)) < 1000  # the record gets only a little JSON
    grid_bytes = 16 * 28 * 28
    # Each snapshot costs its uint8 grid and a few numbers: 50 epochs × 5 snapshots stay a few MB.
    per_snapshot = sum(v for k, v in sizes.items() if k.startswith(("history.grid.", "history.snap."))) / len(history)
    assert grid_bytes <= per_snapshot < grid_bytes * 1.01
    assert 50 * 5 * per_snapshot < 3.5 * 2**20
    # Each logged step: its step and epoch numbers and five float32 values (the four numbers and the speed).
    per_step = sum(v for k, v in sizes.items() if k.startswith("history.step.")) / len(history.series("loss_d").values)
    assert per_step == 8 + 4 + 5 * 4


def test_the_history_survives_the_checkpoint(stacked_run):
    trainer, _stream, path = stacked_run
    loaded = load_history(path)
    assert loaded.history is not None and loaded.reason == ""
    a, b = trainer.run_history, loaded.history
    assert len(a) == len(b)
    for x, y in zip(a.snapshots, b.snapshots):
        assert (x.epoch, x.global_step, x.epoch_end) == (y.epoch, y.global_step, y.epoch_end)
        assert np.array_equal(x.grid, y.grid) and np.array_equal(x.map_xy, y.map_xy)
        assert x.metrics == pytest.approx(y.metrics)
    assert np.array_equal(a.series("loss").values, b.series("loss").values)
    assert np.array_equal(a.series("val_loss").values, b.series("val_loss").values)
    assert np.array_equal(a.map_components, b.map_components)
    update_meta(path, name="renamed on the Models page")  # a rename keeps the history
    assert len(load_history(path).history) == len(a)


def test_csv_has_a_row_per_logged_step_and_per_epoch(stacked_run, tmp_path):
    trainer, stream, _path = stacked_run
    out = export_csv(trainer.run_history, tmp_path / "curves.csv")
    rows = list(csv.reader(out.open(encoding="utf-8")))
    header, body = rows[0], rows[1:]
    assert header[:3] == ["row", "epoch", "global_step"]
    assert "loss [nats per pixel]" in header and "val_rounded_accuracy [fraction]" in header
    steps = [e for e in stream if isinstance(e, events.StepMetrics)]
    assert [r[0] for r in body].count("step") == len(steps) == 8
    assert [r[0] for r in body].count("epoch") == 2
    assert body[4][0] == "epoch" and body[4][1] == "1"  # each epoch's row right after its last step
    val = body[4][header.index("val_loss [nats per pixel]")]
    assert float(val) == pytest.approx(stream[-1].history["val_loss"][0], rel=1e-6)


def test_gif_has_one_frame_per_epoch(gan_run, tmp_path):
    trainer, _stream, _path = gan_run
    history = trainer.run_history
    gif = export_gif(history, tmp_path / "run.gif", scale=3, fps=5)
    assert frame_count(gif) == 3  # epochs 0, 1, 2
    every = export_gif(history, tmp_path / "all.gif", epoch_ends_only=False)
    assert frame_count(every) == len(history)
    from PIL import Image

    with Image.open(gif) as image:
        assert image.size[0] == (2 + 4 * 30) * 3  # a 4×4 grid, upscaled three times


def test_exporting_to_a_folder_that_cannot_be_written_says_so(gan_run, tmp_path):
    trainer, _stream, _path = gan_run
    blocker = tmp_path / "a-file"
    blocker.write_text("keep me")
    with pytest.raises(HistoryExportError, match="could not write"):
        export_csv(trainer.run_history, blocker / "curves.csv")
    with pytest.raises(HistoryExportError, match="could not write"):
        export_gif(trainer.run_history, blocker / "run.gif")
    assert blocker.read_text() == "keep me"


def test_a_checkpoint_without_history_says_why(tmp_path):
    model = create_trainer(
        default_model_config("stacked"), default_train_config("stacked", **QUICK), load_dataset("mnist", "embedded")
    ).model
    path = save_checkpoint(tmp_path / "old.safetensors", model, half=True)
    loaded = load_history(path)
    assert loaded.history is None and not loaded.damaged
    assert "no training history" in loaded.reason


@pytest.mark.parametrize("damage", ["truncated", "json"])
def test_a_damaged_history_is_ignored_and_the_weights_still_load(gan_run, tmp_path, damage):
    _trainer, _stream, path = gan_run
    bad = tmp_path / "bad.safetensors"
    from safetensors import safe_open

    from engine.checkpoint import META_KEY

    tensors = load_file(path)
    with safe_open(path, "pt") as handle:
        metadata = handle.metadata()
    if damage == "truncated":
        tensors["history.grid.samples"] = tensors["history.grid.samples"][:-2].clone()
    else:
        import json

        record = json.loads(metadata[META_KEY])
        record["run_history"] = {"version": "one"}
        metadata = {META_KEY: json.dumps(record)}
    save_file(tensors, bad, metadata=metadata)
    checkpoint = load_checkpoint(bad)
    assert isinstance(checkpoint.model, torch.nn.Module)
    loaded = history_from_checkpoint(checkpoint)
    assert loaded.history is None and loaded.damaged
    assert "damaged" in loaded.reason and "weights load" in loaded.reason


def test_cli_history_writes_csv_and_gif(gan_run, tmp_path, capsys):
    _trainer, _stream, path = gan_run
    assert main(["history", str(path)]) == 0
    assert "snapshots from epoch 0 to 2" in capsys.readouterr().out
    csv_path, gif_path = tmp_path / "h.csv", tmp_path / "h.gif"
    assert main(["history", str(path), "--csv", str(csv_path), "--gif", str(gif_path)]) == 0
    assert "gif_frames" in capsys.readouterr().out
    assert frame_count(gif_path) == 3 and csv_path.read_text().startswith("row,epoch,global_step,")


def test_cli_history_of_an_old_checkpoint_says_why(tmp_path, capsys):
    model = create_trainer(
        default_model_config("gan"), default_train_config("gan", **QUICK), load_dataset("mnist", "embedded")
    ).model
    path = save_checkpoint(tmp_path / "old.safetensors", model)
    assert main(["history", str(path)]) == 0
    assert "holds no training history" in capsys.readouterr().out
    assert main(["history", str(path), "--gif", str(tmp_path / "x.gif")]) == 2
    assert "no training history" in capsys.readouterr().err
    assert not (tmp_path / "x.gif").exists()
