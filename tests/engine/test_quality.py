"""The judge and the quality figures built on it (engine.judge, engine.quality)."""

from __future__ import annotations

import json

import numpy as np
import pytest
import torch
from torch import nn

from engine import cli
from engine.data import load_dataset
from engine.judge import JudgeError, judge_path, load_judge
from engine.paths import SHIPPED_MODELS_DIR
from engine.quality import (
    Gaussian,
    QualityProbe,
    class_collapse,
    class_histogram,
    frechet_distance,
    generator_quality,
    normalised_entropy,
    real_reference,
    reconstruction_quality,
)


@pytest.fixture(scope="module")
def mnist():
    return load_dataset("mnist", "embedded", allow_download=False)


class RealImages(nn.Module):
    """A 'generator' that draws held-out real images, or always the same one."""

    def __init__(self, images_u8: torch.Tensor, single: bool = False) -> None:
        super().__init__()
        self.weight = nn.Parameter(torch.zeros(1))
        self.images, self.single = images_u8.float() / 255.0, single

    def sample(self, n, generator=None):
        if self.single:
            return self.images[:1].repeat(n, 1, 1)
        return self.images[torch.randint(len(self.images), (n,), generator=generator)]

    def reconstruct(self, x):
        return x


def test_frechet_distance_of_identical_features_is_zero_and_a_shift_costs_its_square():
    features = np.random.default_rng(0).normal(size=(500, 8))
    assert frechet_distance(features, features) == pytest.approx(0.0, abs=1e-6)
    shifted = features + np.array([3.0] + [0.0] * 7)
    assert frechet_distance(features, shifted) == pytest.approx(9.0, rel=1e-6)
    assert frechet_distance(Gaussian.fit(features), features) == pytest.approx(0.0, abs=1e-6)


def test_entropy_is_one_for_uniform_classes_and_zero_for_a_single_class():
    assert normalised_entropy(np.full(10, 0.1)) == pytest.approx(1.0)
    assert normalised_entropy(np.eye(10)[3]) == pytest.approx(0.0)
    probs = np.eye(10)[[1, 1, 1, 2]]
    assert class_histogram(probs).tolist() == pytest.approx([0, 0.75, 0.25] + [0] * 7)


def test_mode_collapse_is_named_with_the_class_and_its_share():
    histogram = [0.66 / 9] * 10
    histogram[1] = 0.34
    assert class_collapse(histogram, [str(i) for i in range(10)]) == "partial mode collapse: 34 % of samples are 1s"
    fashion = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Boot"]
    assert "Sneaker" in class_collapse(np.eye(10)[7], fashion)
    assert class_collapse(np.full(10, 0.1), fashion) is None


@pytest.mark.parametrize("dataset", ["mnist", "fashion-mnist"])
def test_the_shipped_judge_loads_and_reads_real_test_images(dataset):
    judge = load_judge(dataset)
    assert judge_path(dataset).stat().st_size < 600_000
    assert judge.meta["test_accuracy"] > (0.95 if dataset == "mnist" else 0.88)
    data = load_dataset(dataset, "embedded", allow_download=False)
    images, labels = data.test.images[:300], data.test.labels[:300]
    probs, features = judge.read(images.float() / 255.0)
    assert features.shape == (300, 64)
    assert float((probs.argmax(1) == labels).float().mean()) > (0.93 if dataset == "mnist" else 0.85)


def test_a_judge_file_that_is_a_pickle_is_refused(tmp_path):
    bad = tmp_path / "judge.safetensors"
    bad.write_bytes(b"\x80\x04\x95" + b"\0" * 64)
    with pytest.raises(JudgeError, match="pickle"):
        load_judge("mnist", bad)
    assert not (SHIPPED_MODELS_DIR / "judge-mnist.safetensors").exists()  # never listed as a model


def test_real_images_score_like_the_baseline_and_a_collapsed_generator_does_not(mnist):
    judge = load_judge("mnist")
    reference = real_reference(judge, mnist)
    real = generator_quality(RealImages(mnist.test.images), judge, reference, n=600)
    assert real.entropy > 0.97
    assert real.judge_fid < 2.5 * reference.baseline_fid(600) + 1.0
    assert real.confident_share == pytest.approx(reference.confident_share, abs=0.08)
    stuck = generator_quality(RealImages(mnist.test.images, single=True), judge, reference, n=600)
    assert stuck.entropy == pytest.approx(0.0)
    assert stuck.judge_fid > 10 * real.judge_fid
    assert class_collapse(stuck.histogram, mnist.class_names) is not None


def test_the_probe_is_repeatable(mnist):
    probe = QualityProbe(load_judge("mnist"), mnist, n=200)
    model = RealImages(mnist.test.images)
    assert probe(model).judge_fid == probe(model).judge_fid


def test_reconstruction_accuracy_of_a_perfect_autoencoder_equals_the_originals(mnist):
    _, val = mnist.split()
    quality = reconstruction_quality(RealImages(val.images), load_judge("mnist"), val.images, val.labels)
    assert quality.accuracy_originals > 0.93
    assert quality.accuracy_reconstructions == quality.accuracy_originals and quality.kept == 1.0


def test_evaluate_reports_the_judges_figures(capsys):
    code = cli.main(["evaluate", str(SHIPPED_MODELS_DIR / "mnist-gan.safetensors"), "--source", "embedded"])
    assert code == 0
    out = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    samples = out["quality"]["samples"]
    assert len(samples["histogram"]) == 10 and sum(samples["histogram"]) == pytest.approx(1.0, abs=1e-3)
    assert samples["judge_fid"] > 0 and samples["real_baseline_fid"] >= 0
    assert 0 <= samples["entropy"] <= 1 and 0 <= samples["confident_share"] <= 1


def test_the_gan_health_names_a_class_collapse_that_pixel_diversity_misses():
    from engine.quality import class_health
    from engine.train.gan_health import PROBLEM, WATCH

    digits = [str(i) for i in range(10)]
    assert class_health(np.full(10, 0.1), digits) is None
    third = np.full(10, 0.66 / 9)
    third[1] = 0.34
    health = class_health(third, digits)
    assert health.level == PROBLEM and health.headline == "Partial mode collapse: 34 % of samples are 1s"
    fifth = np.full(10, 0.78 / 9)
    fifth[4] = 0.22
    assert class_health(fifth, digits).level == WATCH
