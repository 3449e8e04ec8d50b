"""Each family has the lecture's layers: same shapes and Keras' parameter counts."""

import pytest
import torch

from engine.models import (
    AUTOENCODER_FAMILIES,
    FAMILIES,
    GENERATOR_FAMILIES,
    build_model,
    count_parameters,
    default_model_config,
    describe_layers,
    keras_parameter_count,
)

# model.summary() of the lecture's / Géron's Keras models
KERAS_PARAMS = {
    "stacked": 163_814,
    "denoising": 163_814,
    "conv": 46_529,
    "sparse": 218_084,
    "vae": 269_504,
    "gan": 136_634 + 132_951,
    "dcgan": 840_705 + 212_865,
}


@pytest.mark.parametrize("family", FAMILIES)
def test_parameter_counts_equal_keras(family):
    model = build_model(default_model_config(family))
    assert keras_parameter_count(model) == KERAS_PARAMS[family]
    assert sum(row["params"] for row in describe_layers(model)) == count_parameters(model)


def test_gan_halves_match_keras_summaries():
    gan = build_model(default_model_config("gan"))
    assert count_parameters(gan.generator) == 136_634
    assert count_parameters(gan.discriminator) == 132_951


@pytest.mark.parametrize("family", AUTOENCODER_FAMILIES)
def test_autoencoder_shapes(family):
    model = build_model(default_model_config(family)).eval()
    x = torch.rand(5, 28, 28)
    code = model.encode(x)
    assert code.shape == (5, model.coding_size)
    with torch.no_grad():
        recon = model.reconstruct(x)
    assert recon.shape == (5, 28, 28)
    assert float(recon.min()) >= 0.0 and float(recon.max()) <= 1.0
    assert model.decode(code).shape == (5, 28, 28)


@pytest.mark.parametrize("family", GENERATOR_FAMILIES)
def test_generators_sample_reproducibly(family):
    model = build_model(default_model_config(family)).eval()
    a = model.sample(6, torch.Generator().manual_seed(3))
    b = model.sample(6, torch.Generator().manual_seed(3))
    c = model.sample(6, torch.Generator().manual_seed(4))
    assert a.shape == (6, 28, 28)
    assert torch.equal(a, b) and not torch.equal(a, c)
    assert float(a.min()) >= 0.0 and float(a.max()) <= 1.0


def test_conv_autoencoder_code_is_3x3x64():
    model = build_model(default_model_config("conv"))
    assert model.encoder(torch.rand(2, 1, 28, 28)).shape == (2, 64, 3, 3)


def test_vae_two_dimensional_codings():
    model = build_model(default_model_config("vae", coding_size=2)).eval()
    assert model.encode(torch.rand(3, 28, 28)).shape == (3, 2)


def test_denoising_variants_corrupt_only_in_training():
    for noise in ("gaussian", "dropout"):
        model = build_model(default_model_config("denoising", noise=noise))
        x = torch.rand(4, 28, 28)
        model.train()
        assert not torch.equal(model.encode(x), model.encode(x))  # noisy: two passes differ
        model.eval()
        assert torch.equal(model.encode(x), model.encode(x))


def test_sparse_penalties_push_activations_down():
    for sparsity in ("kl", "l1"):
        model = build_model(default_model_config("sparse", sparsity=sparsity))
        code = torch.full((8, 300), 0.9)
        sparse_code = torch.full((8, 300), 0.1)
        assert model.sparsity_penalty(code) > model.sparsity_penalty(sparse_code)


def test_unknown_family_is_a_clear_error():
    with pytest.raises(ValueError, match="unknown model family"):
        default_model_config("transformer")


def test_relevant_settings_name_only_what_shapes_the_family():
    assert default_model_config("stacked").relevant() == {"coding_size": 30}
    assert default_model_config("conv").relevant() == {}
    assert default_model_config("denoising", noise="dropout").relevant() == {
        "coding_size": 30,
        "noise": "dropout",
        "dropout_rate": 0.5,
    }
    assert set(default_model_config("sparse").relevant()) == {
        "coding_size",
        "sparsity",
        "sparsity_target",
        "sparsity_weight",
    }
