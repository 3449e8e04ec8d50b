"""A t-SNE latent map: codes wider than 2 numbers laid out so that neighbours stay neighbours.

A PCA of 10- or 30-number codes keeps the two directions of largest variance,
and the classes overlap in one cloud; t-SNE (openTSNE, Poličar et al.) places
each image near the images whose codes are near its own, and the classes come
apart. It is slower — seconds for a few thousand codes — so:

- it runs on at most :data:`TSNE_POINTS` held-out images (a seeded subset of
  the PCA map's), through :func:`tsne_map`, which reports progress and stops
  early through a small state object (``set_progress``, ``is_cancelled``: the
  desktop's ``TaskState``, or a stub in tests);
- the result is deterministic (seeded, one thread) and kept in the user's cache
  folder per model version, data, size and settings (:mod:`engine.latent_cache`),
  so a map once computed appears at once.

Decoding a point of the map goes through its nearest dots' codes
(:meth:`engine.latent_map.LatentMap.to_code`).
"""

from __future__ import annotations

import logging
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Protocol

import numpy as np

from . import latent_cache
from .i18n import _
from .latent_map import LatentMap

log = logging.getLogger(__name__)

TSNE_POINTS = 3000  # ~10 s on one laptop core; enough dots to see every class's cluster
_AFFINITY_SHARE = 0.1  # of the progress bar: the nearest neighbours and affinities, before the iterations
_REPORT_EVERY = 10  # iterations between progress reports (and cancel checks)


class TsneError(RuntimeError):
    """t-SNE cannot run here (its library is missing) or failed; the message says why, for the user."""


class Progress(Protocol):
    """What :func:`tsne_map` reports to and asks of its caller (any thread)."""

    def set_progress(self, fraction: float) -> None: ...

    def is_cancelled(self) -> bool: ...


class _Silent:
    def set_progress(self, fraction: float) -> None:
        pass

    def is_cancelled(self) -> bool:
        return False


@dataclass(frozen=True)
class TsneSettings:
    points: int = TSNE_POINTS  # at most this many images are mapped
    perplexity: float = 30.0  # the effective number of neighbours each point keeps close
    early_iterations: int = 250  # early exaggeration: clusters form
    iterations: int = 500  # then the layout settles
    seed: int = 0  # the subset of images and the optimisation's start


def subset_indices(count: int, points: int, seed: int = 0) -> np.ndarray:
    """Which of ``count`` images are mapped: all of them, or a seeded choice of ``points``, in order."""
    if count <= points:
        return np.arange(count)
    return np.sort(np.random.default_rng(seed).permutation(count)[:points])


def run_tsne(codes: np.ndarray, settings: TsneSettings, state: Progress | None = None) -> np.ndarray | None:
    """The t-SNE coordinates (N, 2) float32 of ``codes`` (N, D), or None when ``state`` cancelled it."""
    state = state or _Silent()
    try:
        from openTSNE import TSNE
    except ImportError as exc:
        raise TsneError(
            _("t-SNE needs the openTSNE package, which is not installed ({reason}): pip install openTSNE").format(
                reason=exc
            )
        ) from exc
    codes = np.ascontiguousarray(codes, dtype=np.float64)
    if len(codes) < 4:
        raise TsneError(_("t-SNE needs at least 4 images; there are {count}.").format(count=len(codes)))
    total = max(settings.early_iterations + settings.iterations, 1)
    done = [0]

    def report(_iteration: int, _error: float, _embedding) -> bool:
        done[0] += _REPORT_EVERY
        state.set_progress(_AFFINITY_SHARE + (1 - _AFFINITY_SHARE) * min(done[0] / total, 1.0))
        return state.is_cancelled()  # True stops the optimisation

    tsne = TSNE(
        perplexity=min(settings.perplexity, (len(codes) - 1) / 3),
        early_exaggeration_iter=settings.early_iterations,
        n_iter=settings.iterations,
        neighbors="exact",  # a few thousand points: exact, deterministic, and as fast as the approximations
        negative_gradient_method="bh",  # Barnes-Hut: faster than FFT below ~10,000 points
        n_jobs=1,  # deterministic, and the GUI keeps the other cores
        random_state=settings.seed,
        callbacks=report,
        callbacks_every_iters=_REPORT_EVERY,
        verbose=False,
    )
    state.set_progress(0.0)
    embedding = tsne.fit(codes)
    if state.is_cancelled():
        return None
    coords = np.asarray(embedding, dtype=np.float32)
    if coords.shape != (len(codes), 2) or not np.isfinite(coords).all():
        raise TsneError(_("t-SNE did not converge (its layout holds invalid numbers)."))
    state.set_progress(1.0)
    return coords


def tsne_map(
    base: LatentMap,
    checkpoint: str | Path,
    settings: TsneSettings = TsneSettings(),
    state: Progress | None = None,
) -> LatentMap | None:
    """The t-SNE map of a model's held-out codes: from the cache when it holds it, else computed (and
    cached). ``base`` is the model's PCA map (its images, labels and codes); ``checkpoint`` the model's
    file (its path, size and time name the cache entry). None when ``state`` cancelled it."""
    cached = cached_tsne_map(base, checkpoint, settings)
    if cached is not None:
        return cached
    if base.codes is None:
        raise TsneError(_("This map holds no codes to lay out."))
    keep = subset_indices(len(base.codes), settings.points, settings.seed)
    coords = run_tsne(base.codes[keep], settings, state)
    if coords is None:
        return None
    latent_cache.save(_cache_key(base, checkpoint, settings, len(keep)), coords)
    return _as_map(base, keep, coords)


def cached_tsne_map(
    base: LatentMap, checkpoint: str | Path, settings: TsneSettings = TsneSettings()
) -> LatentMap | None:
    """The t-SNE map from the cache alone (a small file: fine on the GUI thread), or None."""
    if base.codes is None:
        return None
    keep = subset_indices(len(base.codes), settings.points, settings.seed)
    coords = latent_cache.load(_cache_key(base, checkpoint, settings, len(keep)), len(keep))
    return None if coords is None else _as_map(base, keep, coords)


def _cache_key(base: LatentMap, checkpoint: str | Path, settings: TsneSettings, count: int) -> dict:
    return {
        "method": "tsne",
        "model": latent_cache.file_identity(checkpoint),
        "data": base.description,  # which images (their count, dataset and source)
        "count": count,
        "settings": asdict(settings),
    }


def _as_map(base: LatentMap, keep: np.ndarray, coords: np.ndarray) -> LatentMap:
    description = _("{count} of {description}").format(count=len(keep), description=base.description)
    if len(keep) == len(base.labels):
        description = base.description
    return base.subset(keep, coords, "tsne", description)
