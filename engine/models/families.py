"""One record per model family, from which everything else derives (napari's habit of registering once).

A :class:`Family` says what a family is (key, title, description), how it is
built and trained (model and trainer classes, the lecture's defaults), which
settings shape it (:class:`Option`: read by the CLI's argparse and by the
Train page's form), what it can do (reconstruct, generate) and where it sits
in the lecture's order. Adding a family is one :func:`register_family` call
plus its model and trainer classes; the CLI's ``models`` and ``train``, the
Train page, the Models page and the trainer factory pick it up.

Titles, descriptions, labels and help texts are marked with ``N_()``;
translate them with ``_()`` where they are shown.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..i18n import N_
from .autoencoders import ConvAE, SparseAE, StackedAE
from .gan import DCGAN, GAN
from .vae import VAE

RECONSTRUCTIONS = "reconstructions"  # snapshot kinds, as engine.train.events.Snapshot names them
SAMPLES = "samples"


@dataclass(frozen=True)
class Option:
    """One setting that shapes a family's model: a :class:`~engine.models.config.ModelConfig` field."""

    name: str  # the ModelConfig field; the CLI's option is --name-with-dashes
    label: str  # N_(): the form's row label
    help: str  # N_(): the CLI's help and the form's tooltip
    type: type  # int, float or str
    default: Any  # this family's default (the lecture's)
    choices: tuple[tuple[str, str], ...] = ()  # (value, N_(title)) for a choice; empty for a number
    minimum: float | None = None  # range of a number (the form's spin box)
    maximum: float | None = None
    decimals: int = 0  # the form's precision for a float
    step: float = 1  # the form's single step
    relevant_when: tuple[str, str] | None = None  # (option, value): only then does this one matter
    defaults_by: tuple[str, tuple[tuple[str, Any], ...]] | None = None  # (option, ((its value, my default), …))

    @property
    def values(self) -> tuple[str, ...]:
        return tuple(value for value, _title in self.choices)

    def default_given(self, others: Mapping[str, Any]) -> Any:
        """This option's default once the option it follows (if any) has the value in ``others``."""
        if self.defaults_by is not None:
            leader, table = self.defaults_by
            return dict(table).get(others.get(leader), self.default)
        return self.default

    def range_text(self) -> str:
        if self.choices:
            return " / ".join(self.values)
        if self.minimum is None or self.maximum is None:
            return ""
        return f"{self.minimum:g}–{self.maximum:g}"


@dataclass(frozen=True)
class TrainingDefaults:
    """The lecture's training settings for a family."""

    epochs: int
    batch_size: int
    lr: float
    optimizer: str  # "sgd", "rmsprop" or "adam"


@dataclass(frozen=True)
class Family:
    key: str  # "stacked", "vae", … — stored in every checkpoint
    title: str  # N_(): "Stacked autoencoder"
    short_title: str  # N_(): "Stacked AE", for model names and tight places
    description: str  # N_(): what it does, in two sentences
    model: type  # built from a ModelConfig
    trainer: type | str  # a Trainer subclass, or "module:Class" (engine.train imports this module)
    training: TrainingDefaults
    order: int  # place in the lecture's order
    options: tuple[Option, ...] = ()
    model_defaults: Mapping[str, Any] = field(default_factory=dict)  # fixed settings that are not options
    reconstructs: bool = True  # encodes and decodes an image
    generates: bool = False  # makes new images from codings z ~ N(0, I)
    adversarial: bool = False  # trained in two phases (D, then G): single phases, D's scores
    denoises: bool = False  # trained on corrupted inputs: the Draw page's noise panel shows it cleaning them
    # measured by tests/bench/bench_compile.py: {"cpu"|"cuda": (eager samples/s at batch 32, compiled ÷ eager)};
    # empty: engine.train.compiled falls back to the dense figures
    compile_figures: Mapping[str, tuple[float, float]] = field(default_factory=dict)

    @property
    def capabilities(self) -> str:
        """ "reconstructs", "generates" or "both"."""
        if self.reconstructs and self.generates:
            return "both"
        return "generates" if self.generates else "reconstructs"

    @property
    def snapshot_kinds(self) -> tuple[str, ...]:
        """What its trainer renders during a run, first shown first."""
        return ((RECONSTRUCTIONS,) if self.reconstructs else ()) + ((SAMPLES,) if self.generates else ())

    @property
    def trainer_class(self) -> type:
        if isinstance(self.trainer, str):
            module, _, name = self.trainer.partition(":")
            return getattr(importlib.import_module(module), name)
        return self.trainer

    def option(self, name: str) -> Option | None:
        return next((o for o in self.options if o.name == name), None)

    def model_config_values(self, overrides: Mapping[str, Any] | None = None) -> dict:
        """The lecture's settings for this family, with ``overrides`` and the defaults that follow them."""
        overrides = dict(overrides or {})
        values: dict[str, Any] = {"family": self.key, **self.model_defaults}
        values.update({o.name: o.default for o in self.options})
        values.update(overrides)
        for o in self.options:
            if o.defaults_by is not None and o.name not in overrides:
                values[o.name] = o.default_given(values)
        return values


# -- the registry ------------------------------------------------------------------------------
_REGISTRY: dict[str, Family] = {}


def register_family(family: Family) -> Family:
    if family.key in _REGISTRY:
        raise ValueError(f"model family {family.key!r} is already registered")
    _REGISTRY[family.key] = family
    return family


def unregister_family(key: str) -> None:
    _REGISTRY.pop(key, None)


def families() -> tuple[Family, ...]:
    """Every registered family, in the lecture's order."""
    return tuple(sorted(_REGISTRY.values(), key=lambda f: f.order))


def family_keys() -> tuple[str, ...]:
    return tuple(f.key for f in families())


def find_family(key: str) -> Family | None:
    return _REGISTRY.get(key)


def get_family(key: str) -> Family:
    family = _REGISTRY.get(key)
    if family is None:
        from ..i18n import _

        raise ValueError(
            _("unknown model family {key!r}; choose one of {families}").format(
                key=key, families=", ".join(family_keys())
            )
        )
    return family


def family_rank(key: str) -> int:
    """Position in the lecture's order; unknown families come last."""
    keys = family_keys()
    return keys.index(key) if key in keys else len(keys)


def all_options() -> tuple[Option, ...]:
    """Every registered family's options, one per name (the first family's wins), in the lecture's order."""
    seen: dict[str, Option] = {}
    for family in families():
        for o in family.options:
            seen.setdefault(o.name, o)
    return tuple(seen.values())


class FamilyKeys:
    """A live, tuple-like view of the registered keys (for names callers already import)."""

    def __init__(self, keep=lambda family: True) -> None:
        self._keep = keep

    def _keys(self) -> tuple[str, ...]:
        return tuple(f.key for f in families() if self._keep(f))

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys())

    def __contains__(self, key: object) -> bool:
        return key in self._keys()

    def __len__(self) -> int:
        return len(self._keys())

    def __getitem__(self, index):
        return self._keys()[index]

    def __eq__(self, other: object) -> bool:
        return tuple(self) == tuple(other) if isinstance(other, (tuple, list, FamilyKeys)) else NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return repr(self._keys())


class Descriptions(Mapping):
    """family key → its description, translated when read."""

    def __getitem__(self, key: str) -> str:
        from ..i18n import _

        family = find_family(key)
        if family is None:
            raise KeyError(key)
        return _(family.description)

    def __iter__(self) -> Iterator[str]:
        return iter(family_keys())

    def __len__(self) -> int:
        return len(_REGISTRY)


FAMILIES = FamilyKeys()
AUTOENCODER_FAMILIES = FamilyKeys(lambda f: f.reconstructs)
GENERATOR_FAMILIES = FamilyKeys(lambda f: f.generates)
DESCRIPTIONS = Descriptions()

# -- the lecture's families ----------------------------------------------------------------------
_AE_TRAINER = "engine.train.autoencoder_trainer:AutoencoderTrainer"
_GAN_TRAINER = "engine.train.gan_trainer:GANTrainer"


def coding_size_option(default: int, help: str = N_("Numbers in the code (the bottleneck).")) -> Option:
    return Option("coding_size", N_("Coding size"), help, int, default, minimum=1, maximum=4096)


_DENOISING_OPTIONS = (
    coding_size_option(30),
    Option(
        "noise",
        N_("Noise"),
        N_("How the denoising autoencoder corrupts its input while training."),
        str,
        "gaussian",
        choices=(("gaussian", N_("Gaussian noise")), ("dropout", N_("Dropout"))),
    ),
    Option(
        "noise_std",
        N_("Noise σ"),
        N_("σ of the Gaussian noise added to each pixel (lecture: 0.2)."),
        float,
        0.2,
        minimum=0.0,
        maximum=5.0,
        decimals=3,
        step=0.05,
        relevant_when=("noise", "gaussian"),
    ),
    Option(
        "dropout_rate",
        N_("Dropout rate"),
        N_("Share of input pixels zeroed (lecture: 0.5)."),
        float,
        0.5,
        minimum=0.0,
        maximum=0.95,
        decimals=2,
        step=0.05,
        relevant_when=("noise", "dropout"),
    ),
)
_SPARSE_OPTIONS = (
    coding_size_option(300),
    Option(
        "sparsity",
        N_("Sparsity penalty"),
        N_("How the sparse autoencoder keeps its coding units quiet."),
        str,
        "kl",
        choices=(("kl", N_("KL divergence to a target")), ("l1", N_("L1 activity penalty"))),
    ),
    Option(
        "sparsity_target",
        N_("Target activation"),
        N_("Mean activation each coding unit should have (KL)."),
        float,
        0.1,
        minimum=0.001,
        maximum=0.999,
        decimals=3,
        step=0.01,
        relevant_when=("sparsity", "kl"),
    ),
    Option(
        "sparsity_weight",
        N_("Penalty weight"),
        N_("How much the sparsity penalty counts in the loss (lecture: 0.05 for KL, 0.001 for L1)."),
        float,
        0.05,
        minimum=0.0,
        maximum=100.0,
        decimals=5,
        step=0.01,
        defaults_by=("sparsity", (("kl", 0.05), ("l1", 1e-3))),
    ),
)
_GAN_CODING = N_("Numbers in the generator's random input (the noise z).")

for _family in (
    Family(
        "stacked",
        N_("Stacked autoencoder"),
        N_("Stacked AE"),
        N_(
            "Stacked (deep) autoencoder: squeezes each 784-pixel image through a 30-number code and rebuilds it. "
            "The lecture's first model."
        ),
        StackedAE,
        _AE_TRAINER,
        TrainingDefaults(10, 32, 1.5, "sgd"),
        order=10,
        compile_figures={"cpu": (14_163, 0.51), "cuda": (30_000, 3.0)},  # CUDA: the target until measured
        options=(coding_size_option(30),),
    ),
    Family(
        "conv",
        N_("Convolutional autoencoder"),
        N_("Conv AE"),
        N_(
            "Convolutional autoencoder: convolutions and pooling shrink the image to a 3×3×64 code; transposed "
            "convolutions grow it back."
        ),
        ConvAE,
        _AE_TRAINER,
        TrainingDefaults(5, 32, 1.0, "sgd"),
        order=20,
        compile_figures={"cpu": (875, 1.50), "cuda": (15_000, 3.0)},  # CUDA: the target until measured
        model_defaults={"coding_size": 576},
    ),
    Family(
        "denoising",
        N_("Denoising autoencoder"),
        N_("Denoising AE"),
        N_(
            "Denoising autoencoder: the stacked autoencoder trained on corrupted inputs (Gaussian noise or "
            "dropout) to rebuild the clean image."
        ),
        StackedAE,
        _AE_TRAINER,
        TrainingDefaults(10, 32, 1.0, "sgd"),
        order=30,
        options=_DENOISING_OPTIONS,
        denoises=True,
    ),
    Family(
        "sparse",
        N_("Sparse autoencoder"),
        N_("Sparse AE"),
        N_(
            "Sparse autoencoder: a 300-unit coding layer pushed to keep most units near zero (KL divergence to "
            "a target activation, or an L1 penalty)."
        ),
        SparseAE,
        _AE_TRAINER,
        TrainingDefaults(10, 32, 1.0, "sgd"),
        order=40,
        options=_SPARSE_OPTIONS,
    ),
    Family(
        "vae",
        N_("Variational autoencoder (VAE)"),
        N_("Variational AE"),
        N_(
            "Variational autoencoder: encodes each image as a Gaussian (mean, log-variance) and decodes samples "
            "from it; its code space can be sampled to make new images."
        ),
        VAE,
        _AE_TRAINER,
        TrainingDefaults(25, 128, 1e-3, "rmsprop"),
        order=50,
        options=(coding_size_option(10),),
        generates=True,
    ),
    Family(
        "gan",
        N_("GAN (dense)"),
        N_("GAN"),
        N_(
            "Generative adversarial network: a generator turns 30 random numbers into an image, a discriminator "
            "tells real from fake; trained in two alternating phases."
        ),
        GAN,
        _GAN_TRAINER,
        TrainingDefaults(50, 32, 1e-3, "rmsprop"),
        order=60,
        options=(coding_size_option(30, _GAN_CODING),),
        reconstructs=False,
        generates=True,
        adversarial=True,
    ),
    Family(
        "dcgan",
        N_("DCGAN (convolutional GAN)"),
        N_("DCGAN"),
        N_(
            "Deep convolutional GAN: the same game played by a transposed-convolution generator and a "
            "convolutional discriminator (Géron's DCGAN)."
        ),
        DCGAN,
        _GAN_TRAINER,
        TrainingDefaults(50, 32, 1e-3, "rmsprop"),
        order=70,
        compile_figures={"cpu": (131, 1.10), "cuda": (5_000, 3.0)},  # CUDA: the target until measured
        options=(coding_size_option(100, _GAN_CODING),),
        reconstructs=False,
        generates=True,
        adversarial=True,
    ),
):
    register_family(_family)
del _family
