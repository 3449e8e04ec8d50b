"""A conditional DCGAN (class codes from the labels, AC-GAN): code k is the dataset's class k. Validation,
what training learns from the labels, and the CLI's --class."""

from __future__ import annotations

import json

import numpy as np
import pytest
import torch
from PIL import Image

from engine import inference, sampling
from engine.checkpoint import save_checkpoint
from engine.cli import main
from engine.data import load_dataset
from engine.models import build_model, default_model_config
from engine.train import create_trainer, default_train_config, events


def conditional(codes: int = 10):
    torch.manual_seed(0)
    return build_model(default_model_config("dcgan", categorical_codes=codes, code_source="labels")).eval()


def test_codes_come_from_the_labels_only_when_asked_and_only_with_codes():
    assert default_model_config("dcgan").code_source == "learned"  # the lecture's, and InfoGAN's codes
    assert not sampling.codes_are_classes(build_model(default_model_config("dcgan", categorical_codes=10)))
    assert sampling.codes_are_classes(conditional())
    with pytest.raises(ValueError, match="need a number of class codes"):
        default_model_config("dcgan", code_source="labels")
    with pytest.raises(ValueError, match="'learned' or 'labels'"):
        default_model_config("dcgan", categorical_codes=10, code_source="judge")


def q_accuracy(model, images: torch.Tensor, labels: torch.Tensor) -> float:
    model.eval()
    with torch.no_grad():
        x = model.to_model_space(images.float().div(255.0).reshape(-1, 1, 28, 28))
        return float((model.discriminator_logits_and_codes(x)[1].argmax(1) == labels).float().mean())


@pytest.mark.parametrize("source", ["labels", "learned"])
def test_training_from_the_labels_teaches_q_the_real_classes(source):
    mnist = load_dataset("mnist", "embedded")
    config = default_train_config("dcgan", epochs=1, max_steps_per_epoch=40, threads=1, seed=0)
    model_config = default_model_config("dcgan", categorical_codes=10, code_source=source)
    trainer = create_trainer(model_config, config, mnist)
    stream = list(trainer.run())
    assert stream[-1].reason == events.FINISHED, stream[-1].message
    accuracy = q_accuracy(trainer.model, trainer.val_set.images[:500], trainer.val_set.labels[:500])
    if source == "labels":
        assert accuracy > 0.5  # ten classes: chance is 0.1
    else:
        assert accuracy < 0.3  # InfoGAN's codes mean what G made of them, not the labels


def test_labels_beyond_the_codes_are_refused_with_a_clear_message():
    mnist = load_dataset("mnist", "embedded")
    config = default_train_config("dcgan", epochs=1, max_steps_per_epoch=1, threads=1)
    with pytest.raises(ValueError, match="between 1 and 4"):
        create_trainer(default_model_config("dcgan", categorical_codes=4, code_source="labels"), config, mnist)


def test_the_cli_draws_a_class_by_its_name(tmp_path, capsys):
    model = conditional()
    path = save_checkpoint(tmp_path / "cgan.safetensors", model, dataset={"name": "fashion-mnist"})
    out = tmp_path / "out"
    assert main(["sample", str(path), "--n", "3", "--class", "sneaker", "--out-dir", str(out)]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["class"] == "sneaker" and result["class_code"] == 8  # Sneaker is Fashion-MNIST's class 7
    expected = inference.sample(model, 3, 0, code_class=7).images
    written = np.stack([np.asarray(Image.open(out / f"sample-{i:04d}.png")) for i in range(3)])
    np.testing.assert_allclose(written / 255.0, expected, atol=1 / 255 + 1e-6)
    assert main(["sample", str(path), "--class", "Robe", "--out-dir", str(out)]) == 2
    err = capsys.readouterr().err
    assert "no class 'Robe'" in err and "Ankle boot" in err  # the classes it knows
    assert main(["sample", str(path), "--class", "Bag", "--class-code", "2", "--out-dir", str(out)]) == 2
    assert "not both" in capsys.readouterr().err
    learned = build_model(default_model_config("dcgan", categorical_codes=10))
    other = save_checkpoint(tmp_path / "info.safetensors", learned, dataset={"name": "fashion-mnist"})
    assert main(["sample", str(other), "--class", "Bag", "--out-dir", str(out)]) == 2
    assert "--class needs a conditional DCGAN" in capsys.readouterr().err
