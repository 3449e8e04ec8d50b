"""Model configurations: one dataclass, whose defaults are the lecture's.

A checkpoint stores this config as JSON and the model is rebuilt from it
(nanoGPT's habit), so every field must be a plain JSON value.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields

FAMILIES = ("stacked", "conv", "denoising", "sparse", "vae", "gan", "dcgan")
AUTOENCODER_FAMILIES = ("stacked", "conv", "denoising", "sparse", "vae")
GENERATOR_FAMILIES = ("gan", "dcgan", "vae")

DESCRIPTIONS = {
    "stacked": "Stacked (deep) autoencoder: squeezes each 784-pixel image through a 30-number code "
    "and rebuilds it. The lecture's first model.",
    "conv": "Convolutional autoencoder: convolutions and pooling shrink the image to a 3×3×64 code; "
    "transposed convolutions grow it back.",
    "denoising": "Denoising autoencoder: the stacked autoencoder trained on corrupted inputs "
    "(Gaussian noise or dropout) to rebuild the clean image.",
    "sparse": "Sparse autoencoder: a 300-unit coding layer pushed to keep most units near zero "
    "(KL divergence to a target activation, or an L1 penalty).",
    "vae": "Variational autoencoder: encodes each image as a Gaussian (mean, log-variance) and "
    "decodes samples from it; its code space can be sampled to make new images.",
    "gan": "Generative adversarial network: a generator turns 30 random numbers into an image, "
    "a discriminator tells real from fake; trained in two alternating phases.",
    "dcgan": "Deep convolutional GAN: the same game played by a transposed-convolution generator "
    "and a convolutional discriminator (Géron's DCGAN).",
}


@dataclass
class ModelConfig:
    family: str = "stacked"  # one of FAMILIES
    coding_size: int = 30  # code / noise dimension (stacked 30, sparse 300, vae 10, gan 30, dcgan 100)
    noise: str = "gaussian"  # denoising: "gaussian" or "dropout"
    noise_std: float = 0.2  # denoising: σ of the Gaussian noise on the input
    dropout_rate: float = 0.5  # denoising: rate of the Dropout on the input
    sparsity: str = "kl"  # sparse: "kl" (KL to a target activation) or "l1" (activity penalty)
    sparsity_target: float = 0.1  # sparse/kl: target mean activation of a coding unit
    sparsity_weight: float = 0.05  # sparse: weight of the penalty (kl 0.05, l1 1e-3)

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> ModelConfig:
        known = {f.name for f in fields(cls)}
        unknown = set(data) - known
        if unknown:
            raise ValueError(f"unknown model setting(s): {', '.join(sorted(unknown))}")
        config = cls(**data)
        config.validate()
        return config

    def relevant(self) -> dict:
        """The settings that shape this family's model (a stacked AE has no noise, …), for display."""
        keep = {"coding_size"} if self.family != "conv" else set()
        if self.family == "denoising":
            keep |= {"noise", "noise_std" if self.noise == "gaussian" else "dropout_rate"}
        if self.family == "sparse":
            keep |= {"sparsity", "sparsity_weight"} | ({"sparsity_target"} if self.sparsity == "kl" else set())
        return {k: v for k, v in self.to_dict().items() if k in keep}

    def validate(self) -> None:
        if self.family not in FAMILIES:
            raise ValueError(f"unknown model family {self.family!r}; choose one of {', '.join(FAMILIES)}")
        if not 1 <= int(self.coding_size) <= 4096:
            raise ValueError(f"coding size must be between 1 and 4096, not {self.coding_size}")
        if self.noise not in ("gaussian", "dropout"):
            raise ValueError(f"noise must be 'gaussian' or 'dropout', not {self.noise!r}")
        if self.sparsity not in ("kl", "l1"):
            raise ValueError(f"sparsity must be 'kl' or 'l1', not {self.sparsity!r}")
        if not 0.0 <= self.dropout_rate < 1.0:
            raise ValueError(f"dropout rate must be in [0, 1), not {self.dropout_rate}")
        if not 0.0 < self.sparsity_target < 1.0:
            raise ValueError(f"sparsity target must be in (0, 1), not {self.sparsity_target}")


def default_model_config(family: str, **overrides) -> ModelConfig:
    """The lecture's (Géron's) model for a family, with optional overrides."""
    coding = {"stacked": 30, "conv": 576, "denoising": 30, "sparse": 300, "vae": 10, "gan": 30, "dcgan": 100}
    if family not in coding:
        raise ValueError(f"unknown model family {family!r}; choose one of {', '.join(FAMILIES)}")
    values = {"family": family, "coding_size": coding[family]}
    if family == "sparse" and overrides.get("sparsity") == "l1" and "sparsity_weight" not in overrides:
        values["sparsity_weight"] = 1e-3
    values.update(overrides)
    config = ModelConfig(**values)
    config.validate()
    return config
