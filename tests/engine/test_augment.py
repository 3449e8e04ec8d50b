"""On-the-fly augmentation: seeded, on the batch's device, images kept in [0, 1] and roughly as inked, and
a run without it exactly what it was (no draw from any generator the run already uses)."""

from __future__ import annotations

import dataclasses

import pytest
import torch
import torch.nn.functional as F

from engine.checkpoint import load_checkpoint, read_meta
from engine.cli import main
from engine.data import load_dataset
from engine.models import default_model_config
from engine.train import TrainConfig, create_trainer, default_train_config, events
from engine.train.augment import Augmentation, BatchAugmenter, augment_batch, extreme_3x3
from engine.train.resume import resume_trainer

QUICK = {"max_steps_per_epoch": 4, "threads": 1, "seed": 5, "device": "cpu", "snapshots_per_epoch": 1}


@pytest.fixture(scope="module")
def mnist():
    return load_dataset("mnist", "embedded")


@pytest.fixture(scope="module")
def digits(mnist):
    return mnist.train.images[:64].float() / 255.0  # (64, 28, 28) in [0, 1]


def test_same_seed_and_step_give_the_same_batch_and_others_do_not(digits):
    first = BatchAugmenter(7)(digits, 3)
    assert torch.equal(first, BatchAugmenter(7)(digits, 3))
    assert not torch.allclose(first, BatchAugmenter(7)(digits, 4))  # each step its own draws
    assert not torch.allclose(first, BatchAugmenter(8)(digits, 3))
    assert not torch.allclose(first, BatchAugmenter(7, salt=1)(digits, 3))  # another rank of the same run


@pytest.mark.parametrize("shape", [(64, 28, 28), (64, 1, 28, 28)])
def test_shape_dtype_and_range_are_kept(digits, shape):
    x = digits.reshape(shape).clone()
    out = BatchAugmenter(1)(x, 0)
    assert out.shape == x.shape and out.dtype == x.dtype
    assert out.min() >= 0.0 and out.max() <= 1.0
    assert torch.equal(x, digits.reshape(shape))  # the input is left as it was


def test_every_image_changes_but_keeps_roughly_its_ink(digits):
    out = BatchAugmenter(2)(digits, 0)
    changed = (out - digits).abs().amax(dim=(1, 2))
    assert (changed > 0.2).all()  # moved, turned, resized or re-inked: visibly different
    ratio = out.sum() / digits.sum()
    assert 0.8 < ratio < 1.35  # strokes thicker or thinner, never wiped out nor flooded
    per_image = out.sum(dim=(1, 2)) / digits.sum(dim=(1, 2))
    # the thinnest a thin digit gets is a faint pencil line (a fifth of its ink), never blank
    assert per_image.min() > 0.15 and per_image.max() < 2.2
    assert (_ink_centre(out) - _ink_centre(digits)).abs().max() < 5.0  # the digit stays near the middle


def test_ink_fades_and_softens_as_on_a_photographed_page_but_never_vanishes(digits):
    only_ink = Augmentation(
        max_shift=0, max_rotation=0, min_scale=1, max_scale=1, max_thicken=0, max_thin=0, min_ink=0.7
    )
    only_ink = dataclasses.replace(only_ink, max_blur=0.6)
    out = augment_batch(digits, torch.Generator().manual_seed(3), only_ink)
    darkest = out.amax(dim=(1, 2))
    assert darkest.min() < 0.85 and darkest.min() > 0.6  # some images get a fainter pen, none a blank one
    grey = ((out > 0.1) & (out < 0.9)).float().mean()
    assert grey > ((digits > 0.1) & (digits < 0.9)).float().mean() * 1.2  # softer edges: more grey pixels
    assert (_ink_centre(out) - _ink_centre(digits)).abs().max() < 0.5  # nothing moves


def _ink_centre(images: torch.Tensor) -> torch.Tensor:
    grid = torch.arange(28.0)
    rows, cols = (images.sum(2) * grid).sum(1), (images.sum(1) * grid).sum(1)
    return torch.stack([rows, cols], 1) / images.sum((1, 2))[:, None]


def test_no_change_asked_gives_the_images_back(digits):
    none = Augmentation(max_shift=0, max_rotation=0, min_scale=1, max_scale=1, max_thicken=0, max_thin=0)
    out = augment_batch(digits, torch.Generator().manual_seed(0), none)
    assert torch.allclose(out, digits, atol=1e-5)  # the affine maps every pixel onto itself


def test_the_draws_follow_the_batch_device_and_leave_global_rngs_alone(digits):
    state = torch.get_rng_state()
    augmenter = BatchAugmenter(3)
    out = augmenter(digits, 10)
    assert out.device == digits.device
    assert torch.equal(torch.get_rng_state(), state)  # torch's global generator: untouched
    if torch.cuda.is_available():
        on_gpu = augmenter(digits.cuda(), 10)
        assert on_gpu.device.type == "cuda" and on_gpu.shape == digits.shape
        assert augmenter.generator(on_gpu.device, 0).device.type == "cuda"


def _trainer(mnist, family="stacked", **overrides):
    config = default_train_config(family, **{"epochs": 1, **QUICK, **overrides})
    return create_trainer(default_model_config(family), config, mnist)


def test_without_augment_the_batch_is_the_plain_images_and_no_generator_draws(mnist):
    trainer = _trainer(mnist)
    assert trainer.augmenter is None
    indices = torch.arange(8)
    shuffle, global_state = trainer.cpu_rng.get_state(), torch.get_rng_state()
    batch = trainer.batch(indices)
    assert torch.equal(batch, trainer.train_set.images[indices].float() / 255.0)
    assert torch.equal(trainer.cpu_rng.get_state(), shuffle) and torch.equal(torch.get_rng_state(), global_state)


def test_augment_changes_the_batches_only(mnist):
    """On or off, a run shuffles and initialises alike: augmentation draws from no generator the run uses."""
    plain, augmented = _trainer(mnist), _trainer(mnist, augment=True)
    same_start = zip(plain.model.state_dict().values(), augmented.model.state_dict().values(), strict=True)
    assert all(torch.equal(a, b) for a, b in same_start)
    indices = torch.arange(8)
    global_state = torch.get_rng_state()
    assert not torch.equal(plain.batch(indices), augmented.batch(indices))
    assert torch.equal(torch.get_rng_state(), global_state)
    assert torch.equal(plain.epoch_order(1), augmented.epoch_order(1))


@pytest.mark.parametrize("family", ["denoising", "gan"])
def test_an_augmented_cpu_run_is_reproducible_and_differs_from_a_plain_one(mnist, family):
    def weights(**overrides):
        trainer = _trainer(mnist, family, **overrides)
        stream = list(trainer.run())
        assert stream[-1].reason == events.FINISHED, stream[-1].message
        return torch.cat([p.detach().flatten() for p in trainer.model.parameters()])

    once, twice, plain = weights(augment=True), weights(augment=True), weights()
    assert torch.equal(once, twice)
    assert not torch.equal(once, plain)


def test_old_records_without_the_key_load_with_augment_off():
    stored = default_train_config("stacked").to_dict()
    del stored["augment"]
    assert TrainConfig.from_dict(stored).augment is False


def test_cli_augment_is_recorded_in_the_checkpoint_and_kept_when_continued(tmp_path, mnist):
    out = tmp_path / "aug.safetensors"
    argv = ["train", "stacked", "--dataset", "mnist", "--source", "embedded", "--epochs", "1"]
    assert main([*argv, "--max-steps", "3", "--threads", "1", "--augment", "--out", str(out)]) == 0
    assert read_meta(out)["train_config"]["augment"] is True
    checkpoint = load_checkpoint(out)
    assert checkpoint.model.config.family == "stacked"
    continued = resume_trainer(checkpoint, mnist, 1, device="cpu", threads=1)
    assert continued.config.augment and continued.augmenter is not None
    off = tmp_path / "plain.safetensors"
    assert main([*argv, "--max-steps", "3", "--threads", "1", "--out", str(off)]) == 0
    assert read_meta(off)["train_config"]["augment"] is False


def test_an_augmented_run_continued_from_its_checkpoint_equals_one_run(tmp_path, mnist):
    """Each batch's draws follow from the seed and the step alone: 1 + 1 epochs give the weights of 2."""
    from engine.data import DataConfig
    from engine.runs import save_run

    def finished(trainer):
        stream = list(trainer.run())
        assert stream[-1].reason == events.FINISHED, stream[-1].message
        return stream[-1]

    whole = _trainer(mnist, "denoising", augment=True, epochs=2)
    finished(whole)
    first = _trainer(mnist, "denoising", augment=True)
    path = save_run(tmp_path / "one.safetensors", first, finished(first), DataConfig("mnist", "embedded"), first.config)
    continued = resume_trainer(path, mnist, 1, device="cpu", threads=1)
    finished(continued)
    a, b = whole.model.state_dict(), continued.model.state_dict()
    assert all(torch.equal(a[k], b[k]) for k in a)


def test_stroke_width_uses_exactly_a_3x3_dilation_and_erosion(digits):
    x = digits.unsqueeze(1)
    assert torch.equal(extreme_3x3(x, torch.maximum), F.max_pool2d(x, 3, stride=1, padding=1))
    assert torch.equal(extreme_3x3(x, torch.minimum), -F.max_pool2d(-x, 3, stride=1, padding=1))


def test_a_gan_with_augment_changes_what_d_sees_not_the_digits_g_learns(mnist):
    """D judges real and generated images through the same random changes (differentiable augmentation);
    the real batches themselves stay plain, and G's gradient flows through the changes."""
    config = default_train_config("dcgan", epochs=1, augment=True, batch_size=16, **QUICK)
    trainer = create_trainer(default_model_config("dcgan"), config, mnist)
    indices = torch.arange(16)
    real = trainer.batch(indices)
    assert torch.equal(real, trainer.train_set.images.index_select(0, indices).float() / 255.0)

    seen = []
    logits = trainer.model.discriminator_logits
    trainer.model.discriminator_logits = lambda x: seen.append(x.detach().clone()) or logits(x)
    generator_before = [p.detach().clone() for p in trainer.model.generator.parameters()]
    trainer.train_step(real)
    shown_real = trainer.model.from_model_space(seen[0][16:]).reshape(16, 28, 28)
    assert (shown_real - real).abs().amax(dim=(1, 2)).min() > 0.1  # every real image D saw was changed
    assert seen[0][16:].min() >= -1.0 and seen[0][16:].max() <= 1.0  # still in the model's pixel range
    moved = [not torch.equal(a, b) for a, b in zip(generator_before, trainer.model.generator.parameters())]
    assert all(moved)  # G learned through the augmentation
