"""The latent map: held-out images placed by their codes, on a plane.

Three kinds of map (``LatentMap.method``):

- ``"plane"``: 2-number codes are the plane itself; a point of the map *is* a
  code, decoded exactly (and :func:`decode_manifold` tiles the plane with the
  decoder's images, as the lecture's figures do);
- ``"pca"``: wider codes projected on their first two principal components (by
  SVD); the projection is linear, so a point maps back to the code
  ``mean + coords @ components`` — the other components at their mean;
- ``"tsne"`` (:mod:`engine.latent_tsne`): a non-linear map with no inverse; a
  point goes back to a code by blending its nearest dots' codes
  (:mod:`engine.latent_neighbours`).

Plain functions, no Qt: the Latent space page runs them on a worker thread, and
tests call them directly.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch

from . import latent_neighbours
from .i18n import _
from .inference import decode, encode

MAX_POINTS = 6000


@dataclass
class LatentMap:
    coords: np.ndarray  # float32 (N, 2): each image's place on the map
    labels: np.ndarray  # int (N,)
    images: np.ndarray  # uint8 (N, 28, 28)
    mean: np.ndarray  # float32 (D,): the codes' mean
    components: np.ndarray  # float32 (2, D): map axes in code space (identity for 2-d codes)
    explained: np.ndarray  # float32 (2,): fraction of the codes' variance along each axis
    class_names: list[str]
    description: str
    codes: np.ndarray | None = None  # float32 (N, D): each image's code
    method: str = "pca"  # "plane" (2-d codes), "pca" or "tsne": see the module's docstring

    @property
    def coding_size(self) -> int:
        return int(self.mean.size)

    def to_code(self, coords: np.ndarray) -> np.ndarray:
        """Map coordinates (…, 2) → codes (…, D): the inverse of a linear projection, on its plane; on a
        t-SNE map, the inverse-distance weighted mean of the codes of the nearest dots."""
        if self.method == "tsne":
            return latent_neighbours.interpolate(coords, self.coords, self.codes)
        return self.mean + np.asarray(coords, np.float32) @ self.components

    def to_map(self, codes: np.ndarray) -> np.ndarray:
        """Codes (…, D) → map coordinates (…, 2); on a t-SNE map, the blend of the places of the nearest codes."""
        if self.method == "tsne":
            return latent_neighbours.interpolate(codes, self.codes, self.coords)
        return (np.asarray(codes, np.float32) - self.mean) @ self.components.T

    def subset(self, keep: np.ndarray, coords: np.ndarray, method: str, description: str) -> LatentMap:
        """The images ``keep`` (indices) of this map, placed at ``coords`` by ``method``."""
        return LatentMap(
            coords=np.asarray(coords, np.float32),
            labels=self.labels[keep],
            images=self.images[keep],
            mean=self.mean,
            components=self.components,
            explained=np.zeros(2, np.float32),
            class_names=self.class_names,
            description=description,
            codes=None if self.codes is None else self.codes[keep],
            method=method,
        )


def compute_latent_map(
    model: torch.nn.Module,
    images: torch.Tensor,
    labels: torch.Tensor,
    class_names: list[str],
    description: str = "",
    batch: int = 1000,
) -> LatentMap:
    """Encode ``images`` (uint8 (N, 28, 28)) and project the codes on a plane."""
    codes = encode(model, images, batch)
    z = torch.from_numpy(codes).double()
    d = z.shape[1]
    if d <= 2:
        mean = torch.zeros(d, dtype=torch.float64)
        components = torch.eye(2, d, dtype=torch.float64)
        variance = z.var(dim=0)
        explained = (variance / variance.sum().clamp_min(1e-12)).tolist() + [0.0] * (2 - d)
    else:
        mean = z.mean(dim=0)
        _u, s, vh = torch.linalg.svd(z - mean, full_matrices=False)
        components = vh[:2]
        explained = ((s[:2] ** 2) / (s**2).sum().clamp_min(1e-12)).tolist()
    coords = (z - mean) @ components.T
    return LatentMap(
        coords=coords.float().numpy(),
        labels=np.asarray(labels, dtype=np.int64),
        images=np.asarray(images, dtype=np.uint8),
        mean=mean.float().numpy(),
        components=components.float().numpy(),
        explained=np.asarray(explained[:2], np.float32),
        class_names=list(class_names),
        description=description,
        codes=np.asarray(codes, np.float32),
        method="plane" if d <= 2 else "pca",
    )


def decode_manifold(
    model: torch.nn.Module, x_range: tuple[float, float], y_range: tuple[float, float], steps: int = 20
) -> np.ndarray:
    """The decoder's images tiled over a region of a 2-d latent plane, as in the lecture's figures:
    ``steps`` × ``steps`` images decoded at the centres of a grid's cells — float32 (steps·28, steps·28)
    in [0, 1], row 0 at the top (the largest y), as a picture is read."""
    steps = max(int(steps), 1)
    (x0, x1), (y0, y1) = (sorted(map(float, x_range)), sorted(map(float, y_range)))
    xs = x0 + (np.arange(steps) + 0.5) * (x1 - x0) / steps
    ys = y1 - (np.arange(steps) + 0.5) * (y1 - y0) / steps  # from the top down
    grid = np.stack(np.meshgrid(xs, ys), axis=-1).reshape(-1, 2).astype(np.float32)  # row by row
    tiles = decode(model, grid).reshape(steps, steps, 28, 28)
    return tiles.transpose(0, 2, 1, 3).reshape(steps * 28, steps * 28)


def held_out_images(dataset_name: str, source_kind: str = "auto", limit: int = MAX_POINTS, record: dict | None = None):
    """A dataset's validation split plus its test split (images a model never trained on), from what is on
    this machine: (images uint8 (N, 28, 28), labels, class names, a description).

    ``record`` is the checkpoint's dataset record: a model trained on a folder of pictures
    (``requested_source`` "images") is mapped with the pictures of that folder, converted the same way."""
    from engine.data import DatasetError, load_dataset

    record = record or {}
    if record.get("requested_source") == "images" and record.get("location"):
        from engine.data.image_folder import load_image_folder

        dataset = load_image_folder(record["location"], str(record.get("recipe") or "mnist"), name=dataset_name)
        return _held_out(dataset, limit)
    kind = source_kind
    if kind not in ("embedded", "full", "auto"):
        kind = "auto"
    try:  # what is on this machine, never a download: the map must come quickly, offline too
        dataset = load_dataset(dataset_name, kind, allow_download=False)
    except DatasetError:  # e.g. a model trained on the full data, on a machine with the embedded subset only
        dataset = load_dataset(dataset_name, "auto", allow_download=False)
    return _held_out(dataset, limit)


def _held_out(dataset, limit: int):
    from engine.data import dataset_title

    _train, val = dataset.split()
    images = torch.cat([val.images, dataset.test.images])
    labels = torch.cat([val.labels, dataset.test.labels])
    if len(images) > limit:
        keep = torch.randperm(len(images), generator=torch.Generator().manual_seed(0))[:limit]
        images, labels = images[keep], labels[keep]
    return (
        images,
        labels,
        list(dataset.class_names),
        _("{count} held-out images of {dataset} ({source})").format(
            count=len(images), dataset=dataset_title(dataset.name), source=dataset.source.shown_describe()
        ),
    )
