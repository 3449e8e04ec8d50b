"""The family registry: one record per family, from which the CLI, the configs and the trainer factory derive."""

import json

import pytest
import torch
from torch import nn

from engine.cli import build_parser, main
from engine.data import load_dataset
from engine.models import (
    AUTOENCODER_FAMILIES,
    DESCRIPTIONS,
    FAMILIES,
    GENERATOR_FAMILIES,
    Family,
    ModelConfig,
    TrainingDefaults,
    build_model,
    default_model_config,
    families,
    get_family,
    register_family,
    unregister_family,
)
from engine.models.autoencoders import IMAGE_PIXELS, Autoencoder
from engine.models.families import coding_size_option
from engine.models.layers import keras_init
from engine.train import AutoencoderTrainer, create_trainer, default_train_config

# The lecture's (Géron's) settings: (optimizer, lr, batch, epochs, coding size)
LECTURE = {
    "stacked": ("sgd", 1.5, 32, 10, 30),
    "conv": ("sgd", 1.0, 32, 5, 576),
    "denoising": ("sgd", 1.0, 32, 10, 30),
    "sparse": ("sgd", 1.0, 32, 10, 300),
    "vae": ("rmsprop", 1e-3, 128, 25, 10),
    "gan": ("rmsprop", 1e-3, 32, 50, 30),
    "dcgan": ("rmsprop", 1e-3, 32, 50, 100),
}


class ToyAE(Autoencoder):
    """784 → code → 784, one layer each way."""

    def __init__(self, config: ModelConfig) -> None:
        super().__init__(config)
        self.encoder = nn.Linear(IMAGE_PIXELS, config.coding_size)
        self.decoder = nn.Linear(config.coding_size, IMAGE_PIXELS)
        keras_init(self)


class ToyTrainer(AutoencoderTrainer):
    pass


TOY = Family(
    "toy",
    "Toy autoencoder",
    "Toy AE",
    "A one-layer autoencoder that exists only in this test.",
    ToyAE,
    ToyTrainer,
    TrainingDefaults(3, 16, 0.25, "adam"),
    order=35,
    options=(coding_size_option(7),),
)


@pytest.fixture
def toy():
    register_family(TOY)
    yield TOY
    unregister_family(TOY.key)


@pytest.mark.parametrize("family", list(LECTURE))
def test_every_family_defaults_to_the_lectures_settings(family):
    optimizer, lr, batch, epochs, coding = LECTURE[family]
    train = default_train_config(family)
    assert (train.optimizer, train.lr, train.batch_size, train.epochs) == (optimizer, lr, batch, epochs)
    assert default_model_config(family).coding_size == coding


def test_the_lectures_families_in_the_lectures_order_with_their_capabilities():
    assert tuple(FAMILIES) == tuple(LECTURE)
    assert tuple(AUTOENCODER_FAMILIES) == ("stacked", "conv", "denoising", "sparse", "vae")
    assert tuple(GENERATOR_FAMILIES) == ("vae", "gan", "dcgan")
    assert get_family("vae").capabilities == "both" and get_family("vae").snapshot_kinds == (
        "reconstructions",
        "samples",
    )
    assert get_family("gan").capabilities == "generates" and get_family("gan").snapshot_kinds == ("samples",)
    assert get_family("conv").capabilities == "reconstructs" and not get_family("conv").options
    assert default_model_config("sparse", sparsity="l1").sparsity_weight == pytest.approx(1e-3)
    assert default_model_config("sparse", sparsity="l1", sparsity_weight=0.2).sparsity_weight == 0.2
    assert default_model_config("denoising", noise="dropout").relevant() == {
        "coding_size": 30,
        "noise": "dropout",
        "dropout_rate": 0.5,
    }


def test_an_unknown_family_is_refused_by_name():
    with pytest.raises(ValueError, match="unknown model family 'toy'.*stacked"):
        ModelConfig(family="toy").validate()
    with pytest.raises(ValueError, match="unknown model family"):
        default_train_config("toy")
    with pytest.raises(ValueError, match="already registered"):
        register_family(get_family("vae"))


def test_a_registered_family_appears_everywhere(toy, capsys):
    # the derived views and the configs
    assert "toy" in FAMILIES and "toy" in AUTOENCODER_FAMILIES and "toy" not in GENERATOR_FAMILIES
    assert tuple(FAMILIES).index("toy") == 3  # its place in the lecture's order: after denoising
    assert DESCRIPTIONS["toy"] == toy.description
    config = ModelConfig.from_dict({"family": "toy", "coding_size": 5})
    assert isinstance(build_model(config), ToyAE)
    assert default_model_config("toy").coding_size == 7
    assert default_train_config("toy").optimizer == "adam"

    # the CLI: `models`, the `train` parser's choices and its options
    assert main(["models"]) == 0
    out = capsys.readouterr().out
    assert "\ntoy: 11,767 parameters — A one-layer autoencoder" in out
    assert main(["models", "--json"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["family"] for r in rows] == list(FAMILIES)
    args = build_parser().parse_args(["train", "toy", "--dataset", "mnist", "--coding-size", "4", "--out", "t"])
    assert args.family == "toy" and args.coding_size == 4
    help_text = build_parser()._subparsers._group_actions[0].choices["train"].format_help()
    assert "toy 7" in help_text  # the coding size's default per family

    # the trainer factory
    dataset = load_dataset("mnist", "embedded")
    trainer = create_trainer(default_model_config("toy"), default_train_config("toy", max_steps_per_epoch=2), dataset)
    assert type(trainer) is ToyTrainer and [kind for kind, *_ in trainer.snapshots()] == ["reconstructions"]


def test_the_cli_trains_a_registered_family(toy, tmp_path, capsys):
    out = tmp_path / "toy.safetensors"
    code = main(
        [
            "train",
            "toy",
            "--dataset",
            "mnist",
            "--source",
            "embedded",
            "--epochs",
            "1",
            "--max-steps",
            "3",
            "--threads",
            "1",
            "--coding-size",
            "3",
            "--out",
            str(out),
        ]
    )
    assert code == 0 and out.exists()
    assert "training toy on mnist" in capsys.readouterr().err


def test_unregistering_removes_it_again(toy):
    unregister_family("toy")
    assert "toy" not in FAMILIES and "toy" not in [f.key for f in families()]
    with pytest.raises(SystemExit):
        build_parser().parse_args(["train", "toy", "--dataset", "mnist", "--out", "t"])
    register_family(toy)  # the fixture unregisters it


def test_describe_layers_follows_the_capabilities():
    """A generator is described through generate → discriminate, an autoencoder through encode → decode."""
    from engine.models import describe_layers

    gan_rows = describe_layers(build_model(default_model_config("gan")))
    assert gan_rows[0]["output"] == "100" and gan_rows[-1]["output"] == "1"
    ae_rows = describe_layers(build_model(default_model_config("stacked")))
    assert ae_rows[-1]["output"] == "784"
    assert torch.is_grad_enabled()
