"""What the Latent space page computes on its task threads (:mod:`desktop.tasks`): plain functions of a
``state`` and plain values, that never touch a widget. Each hands back what it was asked about with the
result, so that the page can drop an answer to a question it no longer asks."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import torch

from engine.latent_map import LatentMap, compute_latent_map, decode_manifold, held_out_images
from engine.latent_tsne import TsneSettings, tsne_map

MANIFOLD_STEPS = 20  # 20 × 20 decoded images, as in the lecture's figures


def map_for(
    state, path: Path, dataset: str, source_kind: str, model: torch.nn.Module, record: dict | None = None
) -> tuple[Path, LatentMap | None]:
    """The latent map of one model (PCA, or its plane): its checkpoint's path and the map.
    ``record``: the checkpoint's dataset record (a folder of pictures is mapped from that folder)."""
    images, labels, names, where = held_out_images(dataset, source_kind, record=record)
    if state.is_cancelled():  # another model was chosen meanwhile: skip the encoding
        return path, None
    return path, compute_latent_map(model, images, labels, names, where)


def tsne_for(state, path: Path, base: LatentMap, settings: TsneSettings) -> tuple[Path, LatentMap | None]:
    """The t-SNE map of the model saved at ``path``, whose PCA map is ``base`` (cached, or computed)."""
    return path, tsne_map(base, path, settings, state)


def manifold_for(
    state, path: Path, model: torch.nn.Module, x_range: tuple[float, float], y_range: tuple[float, float]
) -> tuple[Path, np.ndarray, tuple[float, float], tuple[float, float]]:
    """The decoded manifold of a 2-d model over a region of its plane, and that region."""
    return path, decode_manifold(model, x_range, y_range, MANIFOLD_STEPS), x_range, y_range
