"""Which two models the Draw page's noise panel compares on the noisy input.

The denoiser is the user's choice among the denoising autoencoders on screen;
the plain autoencoder it is compared with is one trained without noise, of the
denoiser's own architecture (the stacked AE for the lecture's denoisers) and,
when there is one, on the denoiser's dataset.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QComboBox

from desktop.widgets.reconstruction_tiles import Slot
from engine.models.families import get_family


def is_plain_autoencoder(family_key: str, architecture: type | None) -> bool:
    """A family that only reconstructs, is not trained on noise, and (when given) has that architecture."""
    family = get_family(family_key)
    plain = family.reconstructs and not family.generates and not family.denoises
    return plain and (architecture is None or family.model is architecture)


class NoiseModels:
    """The denoiser combo's choices and the plain autoencoder that goes with the chosen one."""

    def __init__(self, combo: QComboBox, slots: dict[Path, Slot], library) -> None:
        self.combo = combo
        self.slots = slots  # the tiles' own dict, changed in place
        self.library = library

    def refill(self) -> None:
        """List the denoising autoencoders on screen, keeping the choice when it is still there."""
        previous = self.combo.currentData()
        self.combo.blockSignals(True)
        self.combo.clear()
        for slot in self.slots.values():
            if get_family(slot.entry.family).denoises:
                self.combo.addItem(slot.entry.name, slot.entry.path)
        index = self.combo.findData(previous)
        self.combo.setCurrentIndex(max(index, 0))
        self.combo.blockSignals(False)

    def denoiser(self) -> Slot | None:
        path = self.combo.currentData()
        return self.slots.get(path) if path is not None else None

    def plain(self) -> Slot | None:
        """The plain autoencoder of the denoiser's architecture, of its dataset when there is one."""
        denoiser = self.denoiser()
        architecture = get_family(denoiser.entry.family).model if denoiser is not None else None
        candidates = [
            s for s in self.slots.values() if s.model is not None and is_plain_autoencoder(s.entry.family, architecture)
        ]
        dataset = denoiser.entry.dataset if denoiser is not None else None
        same = [s for s in candidates if s.entry.dataset == dataset]
        return (same or candidates or [None])[0]

    def select(self, noise: str) -> bool:
        """Pick the denoiser trained with ``noise`` ("gaussian" or "dropout"), the first one listed."""
        for i in range(self.combo.count()):
            entry = self.library.entry_for(self.combo.itemData(i))
            if entry is not None and (entry.meta.get("model_config") or {}).get("noise") == noise:
                self.combo.setCurrentIndex(i)
                return True
        return False
