"""The lecture's seven families, one :class:`~engine.models.family.Family` record each.

Their order, defaults and options are the lecture's (Géron's): the CLI, the
Train page's form, the trainer factory and the Models page read them through
:mod:`engine.models.families`, which registers them.
"""

from __future__ import annotations

from dataclasses import replace

from ..i18n import N_
from .autoencoders import ConvAE, SparseAE, StackedAE
from .config import MAX_CATEGORICAL_CODES
from .family import Family, Option, TrainingDefaults, choice_option, coding_size_option, float_option
from .gan import DCGAN, GAN
from .vae import VAE

_AE_TRAINER = "engine.train.autoencoder_trainer:AutoencoderTrainer"
_GAN_TRAINER = "engine.train.gan_trainer:GANTrainer"
_GAN_CODING = N_("Numbers in the generator's random input (the noise z).")
_CLASS_CODES = Option(
    "categorical_codes",
    N_("Class codes"),
    N_(
        "0: the lecture's DCGAN. K > 0: the generator also gets one of K class codes, and a head on the "
        "discriminator learns to tell which code drew each image (InfoGAN, Chen et al. 2016). Each code comes "
        "to draw one kind of image, usually one class, without any labels; 10 for the ten digits or clothes."
    ),
    int,
    0,
    minimum=0,
    maximum=MAX_CATEGORICAL_CODES,
)
_CODE_SOURCE = replace(
    choice_option(
        "code_source",
        N_("Codes from"),
        N_(
            "With class codes: 'learned', each code finds its own kind of image without labels (InfoGAN); "
            "'labels', code k is the dataset's class k, learned from the labelled images (a conditional GAN "
            "with an auxiliary classifier, AC-GAN, Odena et al. 2017), so you choose which class to draw."
        ),
        (("learned", N_("Learned (no labels)")), ("labels", N_("The dataset's classes"))),
    ),
    relevant_unless=("categorical_codes", 0),  # the lecture's DCGAN has no codes to take from anywhere
)

_DENOISING_OPTIONS = (
    coding_size_option(30),
    choice_option(
        "noise",
        N_("Noise"),
        N_("How the denoising autoencoder corrupts its input while training."),
        (("gaussian", N_("Gaussian noise")), ("dropout", N_("Dropout"))),
    ),
    float_option(
        "noise_std",
        N_("Noise σ"),
        N_("σ of the Gaussian noise added to each pixel (lecture: 0.2)."),
        0.2,
        (0.0, 5.0),
        decimals=3,
        step=0.05,
        relevant_when=("noise", "gaussian"),
    ),
    float_option(
        "dropout_rate",
        N_("Dropout rate"),
        N_("Share of input pixels zeroed (lecture: 0.5)."),
        0.5,
        (0.0, 0.95),
        decimals=2,
        step=0.05,
        relevant_when=("noise", "dropout"),
    ),
)
_SPARSE_OPTIONS = (
    coding_size_option(300),
    choice_option(
        "sparsity",
        N_("Sparsity penalty"),
        N_("How the sparse autoencoder keeps its coding units quiet."),
        (("kl", N_("KL divergence to a target")), ("l1", N_("L1 activity penalty"))),
    ),
    float_option(
        "sparsity_target",
        N_("Target activation"),
        N_("Mean activation each coding unit should have (KL)."),
        0.1,
        (0.001, 0.999),
        decimals=3,
        step=0.01,
        relevant_when=("sparsity", "kl"),
    ),
    float_option(
        "sparsity_weight",
        N_("Penalty weight"),
        N_("How much the sparsity penalty counts in the loss (lecture: 0.05 for KL, 0.001 for L1)."),
        0.05,
        (0.0, 100.0),
        decimals=5,
        step=0.01,
        defaults_by=("sparsity", (("kl", 0.05), ("l1", 1e-3))),
    ),
)

LECTURE_FAMILIES = (
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
            "convolutional discriminator (Géron's DCGAN). With class codes, it also learns InfoGAN's codes "
            "(each code draws one kind of image) or, from the labels, to draw the class asked (a conditional GAN)."
        ),
        DCGAN,
        _GAN_TRAINER,
        TrainingDefaults(50, 32, 1e-3, "rmsprop"),
        order=70,
        compile_figures={"cpu": (131, 1.10), "cuda": (5_000, 3.0)},  # CUDA: the target until measured
        options=(coding_size_option(100, _GAN_CODING), _CLASS_CODES, _CODE_SOURCE),
        reconstructs=False,
        generates=True,
        adversarial=True,
    ),
)
