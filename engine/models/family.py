"""What a model family's record holds: :class:`Family`, its :class:`Option` settings and training defaults.

The records themselves are in :mod:`engine.models.lecture_families`; the
registry that the CLI, the Train page, the Models page and the trainer factory
read is :mod:`engine.models.families`. The small factories at the end build the
options that several families share, so that a setting reads the same
wherever it appears.

Titles, descriptions, labels and help texts are marked with ``N_()``;
translate them with ``_()`` where they are shown.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ..i18n import N_

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
    relevant_unless: tuple[str, Any] | None = None  # (option, value): this one does not matter then
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


# -- options several families share ---------------------------------------------------------------
def coding_size_option(default: int, help: str = N_("Numbers in the code (the bottleneck).")) -> Option:
    return Option("coding_size", N_("Coding size"), help, int, default, minimum=1, maximum=4096)


def choice_option(name: str, label: str, help: str, choices: tuple[tuple[str, str], ...]) -> Option:
    """A setting picked from ``choices`` ((value, N_(title)), …); the first is the lecture's default."""
    return Option(name, label, help, str, choices[0][0], choices=choices)


def float_option(
    name: str, label: str, help: str, default: float, span: tuple[float, float], decimals: int, step: float, **more
) -> Option:
    """A number with a range ``span`` (the form's spin box), its precision and single step; ``more``:
    ``relevant_when`` or ``defaults_by``."""
    low, high = span
    return Option(name, label, help, float, default, minimum=low, maximum=high, decimals=decimals, step=step, **more)
