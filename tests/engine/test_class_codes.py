"""A DCGAN with class codes (InfoGAN's categorical code): drawing, training, truncation, checkpoints, the CLI."""

from __future__ import annotations

import json

import numpy as np
import pytest
import torch
from PIL import Image

from engine import inference, sampling
from engine.checkpoint import load_checkpoint, save_checkpoint
from engine.cli import main
from engine.data import load_dataset
from engine.judge import load_judge
from engine.models import build_model, default_model_config
from engine.paths import asset_path
from engine.quality import code_readings
from engine.sampling import Truncation
from engine.train import create_trainer, default_train_config, events


@pytest.fixture(scope="module")
def infogan():
    torch.manual_seed(0)
    return build_model(default_model_config("dcgan", categorical_codes=4)).eval()


def test_codes_are_z_then_a_one_hot_class_code_uniform_or_chosen(infogan):
    assert infogan.code_size == 104 and sampling.code_size(infogan) == 104
    codes = inference.draw_codes(infogan, 400, seed=1)
    assert codes.shape == (400, 104)
    one_hot = codes[:, 100:]
    assert np.array_equal(one_hot.sum(1), np.ones(400)) and set(np.unique(one_hot)) == {0.0, 1.0}
    assert np.bincount(one_hot.argmax(1), minlength=4).min() > 60  # every code drawn, about evenly
    assert (inference.draw_codes(infogan, 9, seed=1, code_class=2)[:, 100:].argmax(1) == 2).all()
    with pytest.raises(ValueError):
        inference.draw_codes(infogan, 2, seed=1, code_class=4)
    with pytest.raises(ValueError, match="no class codes"):
        inference.draw_codes(build_model(default_model_config("dcgan")), 2, seed=1, code_class=0)
    samples = inference.sample(infogan, 6, seed=5, code_class=3)
    assert samples.images.shape == (6, 28, 28) and (samples.codes[:, 100:].argmax(1) == 3).all()


def test_only_a_dcgan_takes_class_codes_and_within_bounds():
    with pytest.raises(ValueError, match="only a DCGAN"):
        default_model_config("gan", categorical_codes=10)
    with pytest.raises(ValueError, match="class codes must be between"):
        default_model_config("dcgan", categorical_codes=-1)
    plain = build_model(default_model_config("dcgan"))
    assert plain.code_size == 100 and not hasattr(plain, "q_head")  # the lecture's, unchanged


def test_truncation_moves_z_and_keeps_the_class_code(infogan):
    plain = inference.sample(infogan, 8, seed=3)
    half = inference.sample(infogan, 8, 3, Truncation("mean", 0.5))
    np.testing.assert_allclose(half.codes[:, :100], 0.5 * plain.codes[:, :100], rtol=1e-6)
    assert np.array_equal(half.codes[:, 100:], plain.codes[:, 100:])
    modes = sampling.find_modes(infogan, clusters=8, codes=400)
    assert modes.centres.shape == (8, 104)
    sampling.attach(infogan, modes)
    try:
        pulled = sampling.truncate(torch.from_numpy(plain.codes), Truncation("modes", 0.5), infogan)
        assert torch.equal(pulled[:, 100:], torch.from_numpy(plain.codes[:, 100:]))
        assert not torch.allclose(pulled[:, :100], torch.from_numpy(plain.codes[:, :100]))
    finally:
        sampling.attach(infogan, None)


def test_training_teaches_q_to_tell_the_codes_apart():
    mnist = load_dataset("mnist", "embedded")
    config = default_train_config("dcgan", epochs=1, max_steps_per_epoch=50, threads=1, seed=0)
    trainer = create_trainer(default_model_config("dcgan", categorical_codes=4), config, mnist)
    assert trainer.metric_names[-1] == "loss_q"
    fixed = trainer.fixed_noise[:, 100:].argmax(1).tolist()  # the live grid goes through the codes in turn
    assert fixed == [i % 4 for i in range(len(fixed))]
    stream = list(trainer.run())
    assert stream[-1].reason == events.FINISHED, stream[-1].message
    losses = [e.metrics["loss_q"] for e in stream if isinstance(e, events.StepMetrics)]
    assert losses[0] > 1.0  # about ln 4 = 1.39 at first: Q guesses
    assert sum(losses[-5:]) / 5 < 0.5 * losses[0]  # G and Q learnt to make the code recoverable
    assert "loss_q" in stream[-1].history


def test_a_checkpoint_keeps_the_codes_and_q(infogan, tmp_path):
    path = save_checkpoint(tmp_path / "info.safetensors", infogan, half=True)
    loaded = load_checkpoint(path).model.eval()
    assert loaded.categorical_codes == 4 and loaded.code_size == 104
    for key in ("generator.0.weight", "q_head.2.weight"):
        torch.testing.assert_close(loaded.state_dict()[key], infogan.state_dict()[key], atol=2e-3, rtol=1e-2)
    codes = inference.draw_codes(loaded, 4, seed=0, code_class=1)
    np.testing.assert_allclose(inference.decode(loaded, codes), inference.decode(infogan, codes), atol=0.02)


def test_the_cli_samples_one_class_code_numbered_from_1(infogan, tmp_path, capsys):
    path = save_checkpoint(tmp_path / "info.safetensors", infogan)
    out = tmp_path / "out"
    assert main(["sample", str(path), "--n", "4", "--class-code", "2", "--out-dir", str(out)]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["class_code"] == 2 and (out / "grid.png").exists()
    expected = inference.sample(infogan, 4, 0, code_class=1).images  # code 2 is the engine's class 1
    written = np.stack([np.asarray(Image.open(out / f"sample-{i:04d}.png")) for i in range(4)])
    np.testing.assert_allclose(written / 255.0, expected, atol=1 / 255 + 1e-6)
    assert main(["sample", str(path), "--n", "4", "--class-code", "5", "--out-dir", str(out)]) == 2
    assert "between 1 and 4, not 5" in capsys.readouterr().err
    plain = save_checkpoint(tmp_path / "plain.safetensors", build_model(default_model_config("dcgan")))
    assert main(["sample", str(plain), "--class-code", "1", "--out-dir", str(out)]) == 2
    assert "no class codes" in capsys.readouterr().err


def test_the_shipped_mnist_dcgan_draws_each_digit_asked_as_the_judge_reads_it():
    checkpoint = load_checkpoint(asset_path("models", "mnist-dcgan.safetensors"))
    assert sampling.codes_are_classes(checkpoint.model)  # conditional: code k is digit k
    readings = code_readings(checkpoint.model, load_judge("mnist"))
    assert [r.code for r in readings] == [r.top_class for r in readings] == list(range(10))
    assert all(r.own_share >= 0.8 for r in readings)
    assert code_readings(build_model(default_model_config("dcgan")), load_judge("mnist")) == []
