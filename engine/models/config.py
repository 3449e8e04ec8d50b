"""Model configurations: one dataclass; each family's defaults (the lecture's) live in its record in
:mod:`engine.models.families`.

A checkpoint stores this config as JSON and the model is rebuilt from it
(nanoGPT's habit), so every field must be a plain JSON value.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields

from ..i18n import _

MAX_CATEGORICAL_CODES = 64
CODE_SOURCES = ("learned", "labels")  # where a DCGAN's class codes get their meaning (engine.models.gan)


@dataclass
class ModelConfig:
    family: str = "stacked"  # a registered family's key (engine.models.families)
    coding_size: int = 30  # code / noise dimension (stacked 30, sparse 300, vae 10, gan 30, dcgan 100)
    noise: str = "gaussian"  # denoising: "gaussian" or "dropout"
    noise_std: float = 0.2  # denoising: σ of the Gaussian noise on the input
    dropout_rate: float = 0.5  # denoising: rate of the Dropout on the input
    sparsity: str = "kl"  # sparse: "kl" (KL to a target activation) or "l1" (activity penalty)
    sparsity_target: float = 0.1  # sparse/kl: target mean activation of a coding unit
    sparsity_weight: float = 0.05  # sparse: weight of the penalty (kl 0.05, l1 1e-3)
    categorical_codes: int = 0  # dcgan: InfoGAN's one-hot class codes after z (0: none, the lecture's)
    code_source: str = "learned"  # dcgan with codes: "learned" (InfoGAN, no labels) or "labels" (AC-GAN)

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> ModelConfig:
        known = {f.name for f in fields(cls)}
        unknown = set(data) - known
        if unknown:
            raise ValueError(_("unknown model setting(s): {items}").format(items=", ".join(sorted(unknown))))
        config = cls(**data)
        config.validate()
        return config

    def relevant(self) -> dict:
        """The settings that shape this family's model (a stacked AE has no noise, …), for display."""
        from .families import get_family

        values = self.to_dict()
        keep = {
            o.name
            for o in get_family(self.family).options
            if (o.relevant_when is None or values.get(o.relevant_when[0]) == o.relevant_when[1])
            and (o.relevant_unless is None or values.get(o.relevant_unless[0]) != o.relevant_unless[1])
        }
        return {k: v for k, v in values.items() if k in keep}

    def validate(self) -> None:
        from .families import get_family

        family = get_family(self.family)  # raises ValueError naming the registered families
        if int(self.categorical_codes) and "categorical_codes" not in {o.name for o in family.options}:
            raise ValueError(_("only a DCGAN takes class codes"))
        if self.code_source not in CODE_SOURCES:
            raise ValueError(
                _("class codes come from 'learned' or 'labels', not {source!r}").format(source=self.code_source)
            )
        if self.code_source == "labels" and not int(self.categorical_codes):
            raise ValueError(_("class codes from the labels need a number of class codes (10 for ten classes)"))
        if not 1 <= int(self.coding_size) <= 4096:
            raise ValueError(
                _("coding size must be between 1 and 4096, not {coding_size}").format(coding_size=self.coding_size)
            )
        if not 0 <= int(self.categorical_codes) <= MAX_CATEGORICAL_CODES:
            raise ValueError(
                _("class codes must be between 0 and {maximum}, not {codes}").format(
                    maximum=MAX_CATEGORICAL_CODES, codes=self.categorical_codes
                )
            )
        if self.noise not in ("gaussian", "dropout"):
            raise ValueError(_("noise must be 'gaussian' or 'dropout', not {noise!r}").format(noise=self.noise))
        if self.sparsity not in ("kl", "l1"):
            raise ValueError(_("sparsity must be 'kl' or 'l1', not {sparsity!r}").format(sparsity=self.sparsity))
        if not 0.0 <= self.dropout_rate < 1.0:
            raise ValueError(
                _("dropout rate must be in [0, 1), not {dropout_rate}").format(dropout_rate=self.dropout_rate)
            )
        if not 0.0 < self.sparsity_target < 1.0:
            raise ValueError(
                _("sparsity target must be in (0, 1), not {sparsity_target}").format(
                    sparsity_target=self.sparsity_target
                )
            )


def default_model_config(family: str, **overrides) -> ModelConfig:
    """The lecture's (Géron's) model for a family, with optional overrides."""
    from .families import get_family

    config = ModelConfig(**get_family(family).model_config_values(overrides))
    config.validate()
    return config
