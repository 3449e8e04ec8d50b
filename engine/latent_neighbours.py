"""Going between a non-linear map and the codes by way of nearest neighbours.

A t-SNE map has no inverse: a point of the map between the dots is no code at
all. What the page decodes there is the inverse-distance weighted mean of the
codes of the point's ``k`` nearest dots — exactly a dot's own code on that dot,
and a smooth blend in between. The other way (a new code, such as the Draw
page's drawing, placed on the map) is the same blend of the map positions of the
code's nearest codes. Plain numpy: a few thousand dots are searched by brute
force in well under a millisecond per point.
"""

from __future__ import annotations

import numpy as np

K_NEIGHBOURS = 8  # dots blended; the page says "the 8 nearest points"
_EXACT = 1e-9  # closer than this, a query *is* that dot
_CHUNK = 256  # queries per distance matrix (a (256, N) float64 block)


def nearest(points: np.ndarray, queries: np.ndarray, k: int = K_NEIGHBOURS) -> tuple[np.ndarray, np.ndarray]:
    """The indices (Q, k) into ``points`` (N, d) of each query's (Q, d) ``k`` nearest points, nearest
    first, and their Euclidean distances (Q, k)."""
    points = np.asarray(points, np.float64)
    queries = np.atleast_2d(np.asarray(queries, np.float64))
    k = max(1, min(int(k), len(points)))
    squared_norms = (points**2).sum(axis=1)
    indices, distances = [], []
    for start in range(0, len(queries), _CHUNK):
        block = queries[start : start + _CHUNK]
        d2 = (block**2).sum(axis=1)[:, None] - 2 * block @ points.T + squared_norms[None, :]
        np.maximum(d2, 0.0, out=d2)
        part = np.argpartition(d2, k - 1, axis=1)[:, :k] if k < len(points) else np.tile(np.arange(k), (len(block), 1))
        part_d2 = np.take_along_axis(d2, part, axis=1)
        order = np.argsort(part_d2, axis=1, kind="stable")
        indices.append(np.take_along_axis(part, order, axis=1))
        distances.append(np.sqrt(np.take_along_axis(part_d2, order, axis=1)))
    if not indices:
        return np.zeros((0, k), np.int64), np.zeros((0, k), np.float64)
    return np.concatenate(indices), np.concatenate(distances)


def inverse_distance_weights(distances: np.ndarray) -> np.ndarray:
    """Weights (Q, k) summing to 1 per row, ∝ 1 / distance; a row with a zero distance gives all its
    weight to that neighbour (the query sits on it)."""
    distances = np.asarray(distances, np.float64)
    exact = distances < _EXACT
    weights = 1.0 / np.maximum(distances, _EXACT)
    on_a_point = exact.any(axis=1)
    weights[on_a_point] = exact[on_a_point].astype(np.float64)
    return weights / weights.sum(axis=1, keepdims=True)


def interpolate(queries: np.ndarray, space: np.ndarray, values: np.ndarray, k: int = K_NEIGHBOURS) -> np.ndarray:
    """For each query (…, d) in ``space`` (N, d): the inverse-distance weighted mean of the ``values``
    (N, v) of its ``k`` nearest points of ``space`` — float32 (…, v)."""
    queries = np.asarray(queries, np.float64)
    flat = queries.reshape(-1, queries.shape[-1])
    indices, distances = nearest(space, flat, k)
    weights = inverse_distance_weights(distances)
    blended = np.einsum("qk,qkv->qv", weights, np.asarray(values, np.float64)[indices])
    return blended.astype(np.float32).reshape(*queries.shape[:-1], -1)
