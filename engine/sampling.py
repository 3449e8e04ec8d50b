"""How a generator's codes are drawn: plain z ~ N(0, I) (the lecture's), or truncated.

Truncation trades variety for fidelity: each code is pulled toward a centre,
``z' = c + ψ (z − c)`` with ``0 < ψ ≤ 1`` (ψ = 1 changes nothing).

- ``"mean"``: toward the centre of the prior, c = 0 (the "truncation trick" of
  Brock et al. 2019 and Karras et al. 2019). For a generator of ten separate
  classes the centre of the cloud is an in-between shape, so this draws *more*
  ambiguous digits — worth seeing, once.
- ``"modes"``: toward the nearest of K centres, one per cluster of the images
  the generator draws (multi-modal truncation, Mokady et al. 2022). The images
  of 20,000 codes are clustered (k-means, scikit-learn) on the discriminator's
  features — on their pixels for a model without one, a VAE; a cluster's centre
  is the mean of its codes, its face the mean of its images. A new code goes to
  the centre whose face is nearest to its own image, so codes between two
  classes move into one of them. (The nearest centre in z would be cheaper but
  z-space neighbours are not image neighbours: it gains about half as much.)

A DCGAN with class codes (InfoGAN) keeps each code's one-hot class part: only z is
pulled, so a code draws the same kind of image, cleaner.

The network itself is untouched: truncation only changes which codes it is fed.
A checkpoint may carry its modes (``sampling.mode_centres`` and
``sampling.mode_images``) and the truncation its maker recommends
(``meta["sampling"]``); see :class:`Modes`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import torch

from .i18n import _

MODES = ("none", "mean", "modes")
CENTRES_KEY = "sampling.mode_centres"  # the checkpoint tensors: codes (K, coding_size) …
IMAGES_KEY = "sampling.mode_images"  # … and images (K, 784) in [0, 1]
DEFAULT_CLUSTERS = 100
DEFAULT_FIT_CODES = 20_000
FIT_SEED = 7
KMEANS_ROUND, KMEANS_ROUNDS = 10, 30  # Lloyd iterations per round, rounds at most


@dataclass(frozen=True)
class Truncation:
    mode: str = "none"  # one of MODES
    psi: float = 1.0  # the share of each code's distance to its centre that is kept

    def __post_init__(self) -> None:
        if self.mode not in MODES:
            raise ValueError(
                _("truncation must be one of {items}, not {mode!r}").format(items=", ".join(MODES), mode=self.mode)
            )
        if not 0.0 < float(self.psi) <= 1.0:
            raise ValueError(_("ψ must be in (0, 1], not {psi}").format(psi=self.psi))

    @property
    def plain(self) -> bool:
        """True when codes are drawn as the lecture draws them."""
        return self.mode == "none" or float(self.psi) == 1.0

    def to_dict(self) -> dict:
        return {"mode": self.mode, "psi": round(float(self.psi), 4)}

    @classmethod
    def from_dict(cls, data: dict | None) -> Truncation:
        """A recorded truncation (``meta["sampling"]``); plain sampling for anything unreadable."""
        try:
            return cls(str(data["mode"]), float(data["psi"]))  # type: ignore[index]
        except (KeyError, TypeError, ValueError):
            return cls()


PLAIN = Truncation()


@dataclass(frozen=True, eq=False)
class Modes:
    """A generator's modes: each cluster's mean code and mean image."""

    centres: torch.Tensor  # (K, coding_size)
    images: torch.Tensor  # (K, 784), in [0, 1]

    def tensors(self) -> dict[str, torch.Tensor]:
        """For :func:`engine.checkpoint.save_checkpoint`'s ``extra_tensors``."""
        return {CENTRES_KEY: self.centres, IMAGES_KEY: self.images}

    @classmethod
    def from_tensors(cls, tensors: dict[str, torch.Tensor]) -> Modes | None:
        """The modes stored in a checkpoint, or None when it has none (or only half of them)."""
        centres, images = tensors.get(CENTRES_KEY), tensors.get(IMAGES_KEY)
        if centres is None or images is None or len(centres) != len(images) or len(centres) == 0:
            return None
        return cls(centres.float(), images.float().reshape(len(images), -1))

    @torch.no_grad()
    def nearest(self, model: torch.nn.Module, z: torch.Tensor) -> torch.Tensor:
        """For each code, the centre of the mode whose mean image is nearest to the code's image."""
        device = next(model.parameters()).device
        images = model.generate(z.to(device)).float().reshape(len(z), -1).cpu()
        distances = torch.cdist(images, self.images)
        classes = class_codes(model)
        if classes:  # a code goes to a mode of its own class code (the modes drawn with it), if it has any
            other = z[:, -classes:].argmax(1)[:, None] != self.centres[:, -classes:].argmax(1)[None, :]
            other &= ~other.all(1, keepdim=True)
            distances = distances.masked_fill(other, float("inf"))
        return self.centres[distances.argmin(1)]


def class_codes(model: torch.nn.Module | None) -> int:
    """The one-hot class codes after z in ``model``'s codes (a DCGAN with InfoGAN's codes); 0 for any other."""
    return int(getattr(model, "categorical_codes", 0) or 0)


def codes_are_classes(model: torch.nn.Module | None) -> bool:
    """Whether ``model``'s class code k is its dataset's class k (a conditional DCGAN, AC-GAN), not a code
    it gave a meaning of its own (InfoGAN)."""
    config = getattr(model, "config", None)
    return bool(class_codes(model)) and getattr(config, "code_source", "learned") == "labels"


def code_size(model: torch.nn.Module) -> int:
    """Numbers in the codes ``model``'s generator (or decoder) takes: z, then class codes if any."""
    return int(getattr(model, "code_size", None) or model.coding_size)


def draw_codes(
    model: torch.nn.Module, n: int, generator: torch.Generator | None = None, code_class: int | None = None
) -> torch.Tensor:
    """``n`` new codes (N, code_size) on the CPU, as ``model`` draws them: z ~ N(0, I), then (a DCGAN with
    class codes) a one-hot class code, uniform or ``code_class`` for all (ValueError for a model without)."""
    draw = getattr(model, "draw_codes", None)
    if draw is not None:
        return draw(int(n), generator, code_class)[0]
    if code_class is not None:
        raise ValueError(_("this model has no class codes"))
    return torch.randn(int(n), int(model.coding_size), generator=generator)


def modes_of(model: torch.nn.Module) -> Modes | None:
    """The modes found for ``model``, or None."""
    return getattr(model, "modes", None)


def attach(model: torch.nn.Module, modes: Modes | None) -> None:
    """Keep ``modes`` with ``model`` (not weights: the state dict stays the lecture's network)."""
    model.modes = modes


def truncate(codes: np.ndarray | torch.Tensor, truncation: Truncation, model: torch.nn.Module | None = None):
    """``codes`` (N, d) pulled toward their centres; the same type as given (numpy or torch). "modes"
    needs the generator ``model`` with its :class:`Modes`; ValueError when it has none."""
    if truncation.plain:
        return codes
    z = torch.as_tensor(codes, dtype=torch.float32).cpu()
    if truncation.mode == "mean":
        centre = torch.zeros_like(z)
    else:
        modes = modes_of(model) if model is not None else None
        if modes is None:
            raise ValueError(_("this model has no modes yet: find them first"))
        centre = modes.nearest(model, z)
    out = centre + float(truncation.psi) * (z - centre)
    classes = class_codes(model)
    if classes:  # the one-hot class code is kept: only z moves
        out[:, -classes:] = z[:, -classes:]
    return out.numpy() if isinstance(codes, np.ndarray) else out.to(codes.device, codes.dtype)


@torch.no_grad()
def _features_and_images(model: torch.nn.Module, z: torch.Tensor) -> tuple[np.ndarray, torch.Tensor]:
    """What the clustering compares (D's features before its last layer, or the pixels) and the images
    (N, 784) in [0, 1] on the CPU, from one pass through the generator."""
    if hasattr(model, "discriminator") and hasattr(model, "generate_raw"):
        raw = model.generate_raw(z)
        features = model.discriminator[:-1](raw)
        images = model.from_model_space(raw)
    else:
        features = images = model.generate(z)
    images = images.float().reshape(len(z), -1).cpu()
    return np.asarray(features.flatten(1).cpu().numpy(), np.float32), images


def find_modes(
    model: torch.nn.Module,
    clusters: int = DEFAULT_CLUSTERS,
    codes: int = DEFAULT_FIT_CODES,
    seed: int = FIT_SEED,
    progress: Callable[[float], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    batch: int = 1000,
) -> Modes | None:
    """``model``'s modes: K ≤ ``clusters`` clusters of the images of ``codes`` codes; None if cancelled."""
    from sklearn.cluster import KMeans  # imported here: only this needs it, and it takes a second

    was_training = model.training
    model.eval()
    device = next(model.parameters()).device
    z = draw_codes(model, int(codes), torch.Generator().manual_seed(seed))
    parts, images = [], []
    try:
        for start in range(0, len(z), batch):
            if cancelled is not None and cancelled():
                return None
            features, pictures = _features_and_images(model, z[start : start + batch].to(device))
            parts.append(features)
            images.append(pictures)
            if progress is not None:
                progress(0.4 * (start + batch) / len(z))
    finally:
        model.train(was_training)
    features = np.concatenate(parts)
    # k-means in rounds of a few Lloyd iterations, each going on from the last one's centres: progress to
    # report and a chance to stop between rounds (one call would hold the thread for most of a minute)
    k = min(int(clusters), len(features))
    kmeans = KMeans(k, n_init=1, max_iter=KMEANS_ROUND, random_state=seed).fit(features)
    for done in range(1, KMEANS_ROUNDS):
        if kmeans.n_iter_ < KMEANS_ROUND:  # converged within the round
            break
        if cancelled is not None and cancelled():
            return None
        if progress is not None:
            progress(0.4 + 0.6 * done / KMEANS_ROUNDS)
        kmeans = KMeans(k, init=kmeans.cluster_centers_, n_init=1, max_iter=KMEANS_ROUND).fit(features)
    labels = kmeans.labels_
    if progress is not None:
        progress(1.0)
    pictures = torch.cat(images)
    members = [torch.from_numpy(labels == k) for k in range(int(clusters)) if (labels == k).any()]
    return Modes(torch.stack([z[m].mean(0) for m in members]), torch.stack([pictures[m].mean(0) for m in members]))
