"""Checkpoints round-trip, and every bad file is refused with a reason — never unpickled."""

import json
import pickle
import struct

import pytest
import torch
from safetensors.torch import save_file

from engine.checkpoint import CheckpointError, load_checkpoint, read_meta, save_checkpoint, update_meta
from engine.models import FAMILIES, build_model, default_model_config


@pytest.mark.parametrize("family", FAMILIES)
def test_round_trip_keeps_weights_config_and_record(tmp_path, family):
    config = default_model_config(family, coding_size=2) if family == "vae" else default_model_config(family)
    model = build_model(config)
    path = save_checkpoint(
        tmp_path / f"{family}.safetensors",
        model,
        train_config={"lr": 1.5},
        dataset={"name": "mnist"},
        history={"val_loss": [0.3, 0.2]},
        metrics={"loss": 0.2},
    )
    loaded = load_checkpoint(path)
    assert loaded.model.config == config
    for (k, a), (k2, b) in zip(model.state_dict().items(), loaded.model.state_dict().items()):
        assert k == k2 and torch.equal(a, b)
    assert loaded.meta["history"]["val_loss"] == [0.3, 0.2]
    assert loaded.meta["versions"]["torch"] == torch.__version__
    assert read_meta(path)["dataset"] == {"name": "mnist"}
    assert not loaded.model.training


def test_save_is_atomic_and_leaves_no_temp_files(tmp_path):
    model = build_model(default_model_config("stacked"))
    folder = tmp_path / "models"
    path = folder / "m.safetensors"
    save_checkpoint(path, model)
    save_checkpoint(path, model)  # overwriting goes through a temp file too
    assert [p.name for p in folder.iterdir()] == ["m.safetensors"]


def test_pickle_files_are_refused_without_being_unpickled(tmp_path):
    marker = tmp_path / "pwned"

    class Evil:
        def __reduce__(self):
            return (open, (str(marker), "w"))

    pickled = tmp_path / "evil.safetensors"
    pickled.write_bytes(pickle.dumps(Evil()))
    torch_file = tmp_path / "model.pt"
    torch.save(build_model(default_model_config("stacked")).state_dict(), torch_file)
    for path in (pickled, torch_file):
        with pytest.raises(CheckpointError, match="never unpickles"):
            load_checkpoint(path)
    assert not marker.exists()


def test_truncated_file_is_refused(tmp_path):
    path = save_checkpoint(tmp_path / "m.safetensors", build_model(default_model_config("stacked")))
    data = path.read_bytes()
    for cut in (4, 100, len(data) // 2, len(data) - 10):
        broken = tmp_path / f"cut{cut}.safetensors"
        broken.write_bytes(data[:cut])
        with pytest.raises(CheckpointError):
            load_checkpoint(broken)


def _write_with_meta(path, tensors, meta):
    save_file(tensors, str(path), metadata={"latent_studio": json.dumps(meta)})


def test_wrong_shapes_are_named(tmp_path):
    good = save_checkpoint(tmp_path / "m.safetensors", build_model(default_model_config("stacked")))
    meta = read_meta(good)
    tensors = {k: v for k, v in build_model(default_model_config("stacked")).state_dict().items()}
    tensors["encoder.0.weight"] = torch.zeros(100, 783)
    _write_with_meta(tmp_path / "bad.safetensors", tensors, meta)
    with pytest.raises(CheckpointError, match=r"encoder\.0\.weight has shape \(100, 783\)"):
        load_checkpoint(tmp_path / "bad.safetensors")


def test_missing_keys_and_wrong_family_are_named(tmp_path):
    meta = read_meta(save_checkpoint(tmp_path / "m.safetensors", build_model(default_model_config("stacked"))))
    tensors = build_model(default_model_config("stacked")).state_dict()
    del tensors["decoder.2.bias"]
    _write_with_meta(tmp_path / "missing.safetensors", tensors, meta)
    with pytest.raises(CheckpointError, match=r"missing decoder\.2\.bias"):
        load_checkpoint(tmp_path / "missing.safetensors")
    gan_tensors = build_model(default_model_config("gan")).state_dict()
    _write_with_meta(tmp_path / "mixed.safetensors", gan_tensors, meta)
    with pytest.raises(CheckpointError, match="does not fit a stacked model"):
        load_checkpoint(tmp_path / "mixed.safetensors")


def test_foreign_safetensors_and_garbage_are_refused(tmp_path):
    save_file({"w": torch.zeros(2)}, str(tmp_path / "foreign.safetensors"))
    with pytest.raises(CheckpointError, match="not a Latent Studio checkpoint"):
        load_checkpoint(tmp_path / "foreign.safetensors")
    (tmp_path / "huge-header.safetensors").write_bytes(struct.pack("<Q", 2**40) + b"{}")
    with pytest.raises(CheckpointError, match="truncated"):
        load_checkpoint(tmp_path / "huge-header.safetensors")
    with pytest.raises(CheckpointError, match="no checkpoint"):
        load_checkpoint(tmp_path / "absent.safetensors")


def test_nan_weights_are_refused(tmp_path):
    model = build_model(default_model_config("stacked"))
    with torch.no_grad():
        model.decoder[2].bias[0] = float("nan")
    path = save_checkpoint(tmp_path / "nan.safetensors", model)
    with pytest.raises(CheckpointError, match="NaN"):
        load_checkpoint(path)


def test_rename_rewrites_only_the_record(tmp_path):
    model = build_model(default_model_config("stacked"))
    path = save_checkpoint(tmp_path / "m.safetensors", model, name="first")
    update_meta(path, name="my best model")
    loaded = load_checkpoint(path)
    assert loaded.meta["name"] == "my best model"
    assert torch.equal(loaded.model.decoder[2].weight, model.decoder[2].weight)


def test_compacted_checkpoint_is_half_the_size_and_loads_as_float32(tmp_path):
    from engine.checkpoint import compact_checkpoint

    model = build_model(default_model_config("stacked"))
    path = save_checkpoint(tmp_path / "m.safetensors", model, name="shipped")
    before = path.stat().st_size
    after = compact_checkpoint(path)
    assert after < 0.55 * before
    loaded = load_checkpoint(path)
    weight = loaded.model.decoder[2].weight
    assert weight.dtype == torch.float32
    assert torch.allclose(weight, model.decoder[2].weight, atol=1e-3)
    update_meta(path, name="renamed")  # a rename keeps the compact weights
    assert path.stat().st_size < 0.55 * before and read_meta(path)["weights_dtype"] == "float16"
