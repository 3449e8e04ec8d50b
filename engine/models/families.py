"""One record per model family, from which everything else derives (napari's habit of registering once).

A :class:`~engine.models.family.Family` says what a family is (key, title,
description), how it is built and trained (model and trainer classes, the
lecture's defaults), which settings shape it (:class:`~engine.models.family.Option`:
read by the CLI's argparse and by the Train page's form), what it can do
(reconstruct, generate) and where it sits in the lecture's order. This module
is the registry they are read from; the lecture's seven records
(:mod:`engine.models.lecture_families`) are registered on import. Adding a
family is one :func:`register_family` call plus its model and trainer classes;
the CLI's ``models`` and ``train``, the Train page, the Models page and the
trainer factory pick it up.

Titles, descriptions, labels and help texts are marked with ``N_()``;
translate them with ``_()`` where they are shown.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from .family import (  # noqa: F401  (the records' types, imported from here by callers)
    RECONSTRUCTIONS,
    SAMPLES,
    Family,
    Option,
    TrainingDefaults,
    choice_option,
    coding_size_option,
    float_option,
)
from .lecture_families import LECTURE_FAMILIES

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

for _family in LECTURE_FAMILIES:
    register_family(_family)
del _family
