"""Truncated sampling (engine.sampling): what the Generate page's "Truncation" box and ``sample --truncation`` do."""

from __future__ import annotations

import json

import numpy as np
import pytest
import torch

from engine import inference, sampling
from engine.checkpoint import load_checkpoint, save_checkpoint
from engine.cli import main
from engine.data import load_dataset
from engine.judge import load_judge
from engine.models import build_model, default_model_config
from engine.quality import checkpoint_quality, generator_quality, real_reference
from engine.sampling import Truncation


@pytest.fixture(scope="module")
def dcgan():
    torch.manual_seed(0)
    return build_model(default_model_config("dcgan")).eval()


def test_plain_sampling_is_the_lecture_s_and_truncation_toward_the_mean_shrinks_every_code(dcgan):
    plain = inference.sample(dcgan, 8, seed=3)
    assert np.array_equal(plain.codes, inference.draw_codes(100, 8, 3))
    assert np.array_equal(inference.sample(dcgan, 8, 3, Truncation("mean", 1.0)).codes, plain.codes)
    half = inference.sample(dcgan, 8, 3, Truncation("mean", 0.5))
    np.testing.assert_allclose(half.codes, 0.5 * plain.codes, rtol=1e-6)
    assert not np.allclose(half.images, plain.images)


def test_toward_the_modes_each_code_moves_to_the_mode_whose_picture_is_nearest_to_its_own(dcgan):
    z = torch.randn(12, 100, generator=torch.Generator().manual_seed(1))
    with pytest.raises(ValueError, match="no modes"):
        sampling.truncate(z, Truncation("modes", 0.5), dcgan)
    modes = sampling.find_modes(dcgan, clusters=4, codes=400)
    assert modes.centres.shape == (4, 100) and modes.images.shape == (4, 28 * 28)
    sampling.attach(dcgan, modes)
    try:
        pulled = sampling.truncate(z, Truncation("modes", 0.5), dcgan)
        with torch.no_grad():
            pictures = dcgan.generate(z).reshape(12, -1)
        nearest = torch.cdist(pictures, modes.images).argmin(1)
        centres = modes.centres[nearest]
        torch.testing.assert_close(pulled - centres, 0.5 * (z - centres))
        assert len(set(nearest.tolist())) > 1  # not every code to one mode
    finally:
        sampling.attach(dcgan, None)


def test_a_vae_without_a_discriminator_finds_its_modes_on_its_pictures():
    torch.manual_seed(0)
    vae = build_model(default_model_config("vae")).eval()
    modes = sampling.find_modes(vae, clusters=3, codes=300)
    assert modes.centres.shape == (3, vae.coding_size) and modes.images.shape == (3, 28 * 28)
    sampling.attach(vae, modes)
    assert inference.sample(vae, 5, 0, Truncation("modes", 0.5)).images.shape == (5, 28, 28)


def test_finding_modes_can_be_cancelled_and_reports_progress(dcgan):
    seen = []
    assert (
        sampling.find_modes(
            dcgan, clusters=3, codes=300, batch=100, cancelled=lambda: len(seen) >= 1, progress=seen.append
        )
        is None
    )
    assert seen and 0 < seen[0] < 1


def test_modes_travel_in_the_checkpoint_and_a_file_with_half_of_them_has_none(dcgan, tmp_path):
    modes = sampling.find_modes(dcgan, clusters=3, codes=300)
    path = save_checkpoint(tmp_path / "g.safetensors", dcgan, half=True, extra_tensors=modes.tensors())
    loaded = sampling.modes_of(load_checkpoint(path).model)
    assert loaded is not None
    torch.testing.assert_close(loaded.centres, modes.centres)
    only_centres = {sampling.CENTRES_KEY: modes.centres}
    path = save_checkpoint(tmp_path / "h.safetensors", dcgan, extra_tensors=only_centres)
    assert sampling.modes_of(load_checkpoint(path).model) is None


@pytest.mark.parametrize("mode, psi", [("sideways", 0.5), ("modes", 0.0), ("mean", 1.5)])
def test_impossible_truncations_are_refused_in_words(mode, psi):
    with pytest.raises(ValueError, match="truncation|ψ"):
        Truncation(mode, psi)
    assert Truncation.from_dict({"mode": mode, "psi": psi}).plain  # a damaged record: the lecture's sampling


def test_a_dcgan_draws_clearer_clothes_toward_its_stored_modes_and_less_varied_ones_toward_the_mean(
    dcgan_with_modes,
):
    checkpoint = load_checkpoint(dcgan_with_modes)
    recommended = Truncation.from_dict(checkpoint.meta.get("sampling"))
    assert recommended == Truncation("modes", 0.7)
    assert sampling.modes_of(checkpoint.model) is not None  # read back from the file
    judge = load_judge("fashion-mnist")
    data = load_dataset("fashion-mnist", "embedded", allow_download=False)
    reference = real_reference(judge, data)

    def quality(truncation):
        return generator_quality(checkpoint.model, judge, reference, n=2000, truncation=truncation)

    plain, modes, mean = quality(sampling.PLAIN), quality(recommended), quality(Truncation("mean", recommended.psi))
    assert modes.confident_share > plain.confident_share + 0.02
    # every code pulled toward one centre: samples less like the real variety than the plain ones
    assert mean.judge_fid > plain.judge_fid + 3
    figures = checkpoint_quality(checkpoint.model, "dcgan", data, n=300, judge=judge, truncation=recommended)
    assert figures["truncated_samples"]["truncation"] == recommended.to_dict()
    assert figures["samples"]["samples"] == figures["truncated_samples"]["samples"] == 300


def test_cli_sample_follows_the_checkpoint_unless_told_and_refuses_a_bad_psi(dcgan_with_modes, tmp_path, capsys):
    path = str(dcgan_with_modes)
    assert main(["sample", path, "--n", "4", "--out-dir", str(tmp_path / "a")]) == 0
    recommended = load_checkpoint(path).meta["sampling"]
    printed = json.loads(capsys.readouterr().out.strip().splitlines()[-1])["truncation"]
    assert printed == {"mode": "modes", "psi": recommended["psi"]}
    assert main(["sample", path, "--n", "4", "--truncation", "none", "--out-dir", str(tmp_path / "b")]) == 0
    assert json.loads(capsys.readouterr().out.strip().splitlines()[-1])["truncation"]["mode"] == "none"
    assert main(["sample", path, "--n", "4", "--psi", "2", "--out-dir", str(tmp_path / "c")]) != 0
    err = capsys.readouterr().err
    assert "ψ" in err and len(err.strip().splitlines()) == 1
