"""The t-SNE latent map: deterministic, cached per model, recomputed from a corrupt cache; decoding a map
point through its nearest dots' codes; the decoded manifold of a 2-d plane."""

from __future__ import annotations

import os

import numpy as np
import pytest
import torch

from engine import latent_cache, latent_tsne
from engine.latent_map import compute_latent_map, decode_manifold
from engine.latent_tsne import TsneSettings, cached_tsne_map, run_tsne, tsne_map

FAST = TsneSettings(points=300, early_iterations=40, iterations=60)


class CodesModel(torch.nn.Module):
    """An "encoder" that gives fixed codes, whatever the images."""

    def __init__(self, codes: np.ndarray) -> None:
        super().__init__()
        self.codes = torch.from_numpy(codes)

    def encode(self, x):
        return self.codes[: len(x)]


def _clusters(n: int = 360, d: int = 10, seed: int = 1):
    rng = np.random.default_rng(seed)
    labels = np.arange(n) % 3
    centres = rng.normal(0, 6, (3, d))
    return (centres[labels] + rng.normal(0, 1, (n, d))).astype(np.float32), labels


@pytest.fixture
def base():
    codes, labels = _clusters()
    images = torch.zeros(len(codes), 28, 28, dtype=torch.uint8)
    return compute_latent_map(CodesModel(codes), images, torch.from_numpy(labels), ["a", "b", "c"], "test images")


@pytest.fixture
def checkpoint(tmp_path):
    path = tmp_path / "model.safetensors"
    path.write_bytes(b"weights")
    return path


class Recorder:
    def __init__(self, cancel_after: int | None = None) -> None:
        self.fractions: list[float] = []
        self.cancel_after = cancel_after

    def set_progress(self, fraction: float) -> None:
        self.fractions.append(fraction)

    def is_cancelled(self) -> bool:
        return self.cancel_after is not None and len(self.fractions) > self.cancel_after


def _nearest_label_agreement(coords: np.ndarray, labels: np.ndarray) -> float:
    d2 = ((coords[:, None] - coords[None]) ** 2).sum(-1)
    np.fill_diagonal(d2, np.inf)
    return float((labels[d2.argmin(axis=1)] == labels).mean())


def test_tsne_is_deterministic_separates_the_clusters_and_reports_progress(base):
    keep = latent_tsne.subset_indices(len(base.codes), FAST.points, FAST.seed)
    assert len(keep) == 300
    recorder = Recorder()
    first = run_tsne(base.codes[keep], FAST, recorder)
    second = run_tsne(base.codes[keep], FAST)
    assert first.shape == (300, 2)
    assert np.array_equal(first, second)
    assert _nearest_label_agreement(first, base.labels[keep]) > 0.95
    assert recorder.fractions[0] == 0.0 and recorder.fractions[-1] == 1.0
    assert recorder.fractions == sorted(recorder.fractions) and len(recorder.fractions) > 5


def test_a_second_request_reads_the_cache_and_a_corrupt_cache_is_recomputed(base, checkpoint, monkeypatch):
    calls = []
    real = latent_tsne.run_tsne
    monkeypatch.setattr(latent_tsne, "run_tsne", lambda *a, **k: calls.append(1) or real(*a, **k))
    assert cached_tsne_map(base, checkpoint, FAST) is None
    first = tsne_map(base, checkpoint, FAST)
    assert first.method == "tsne" and len(first.coords) == 300 and len(calls) == 1
    again = tsne_map(base, checkpoint, FAST)
    assert len(calls) == 1 and np.array_equal(again.coords, first.coords)
    assert np.array_equal(again.labels, first.labels) and np.array_equal(again.codes, first.codes)

    entries = list(latent_cache.cache_dir().glob("*.npz"))
    assert len(entries) == 1
    entries[0].write_bytes(b"PK\x03\x04 not a zip at all")
    recomputed = tsne_map(base, checkpoint, FAST)
    assert len(calls) == 2 and np.array_equal(recomputed.coords, first.coords)
    assert cached_tsne_map(base, checkpoint, FAST) is not None  # the corrupt file was replaced


def test_a_retrained_model_or_other_settings_are_not_served_the_old_layout(base, checkpoint, monkeypatch):
    calls = []
    real = latent_tsne.run_tsne
    monkeypatch.setattr(latent_tsne, "run_tsne", lambda *a, **k: calls.append(1) or real(*a, **k))
    tsne_map(base, checkpoint, FAST)
    assert cached_tsne_map(base, checkpoint, TsneSettings(points=200, early_iterations=40, iterations=60)) is None
    checkpoint.write_bytes(b"new weights!")  # another size (and time): another model
    os.utime(checkpoint, ns=(1, 1))
    assert cached_tsne_map(base, checkpoint, FAST) is None
    tsne_map(base, checkpoint, FAST)
    assert len(calls) == 2
    assert len(list(latent_cache.cache_dir().glob("*.npz"))) == 1  # the old version's entry is gone


def test_a_cancelled_tsne_returns_nothing_and_caches_nothing(base, checkpoint):
    assert tsne_map(base, checkpoint, FAST, Recorder(cancel_after=2)) is None
    assert cached_tsne_map(base, checkpoint, FAST) is None


def test_a_map_point_decodes_to_its_neighbours_weighted_code(base, checkpoint):
    latent = tsne_map(base, checkpoint, FAST)
    assert np.array_equal(latent.to_code(latent.coords[5]), latent.codes[5])  # exact on a dot
    assert np.allclose(latent.to_map(latent.codes[7]), latent.coords[7])  # and back
    point = (latent.coords[5] + latent.coords[9]) / 2 + 0.01
    distances = np.linalg.norm(latent.coords - point, axis=1)
    nearest = np.argsort(distances)[:8]
    weights = 1 / distances[nearest]
    expected = (weights[:, None] * latent.codes[nearest]).sum(0) / weights.sum()
    assert np.allclose(latent.to_code(point), expected, atol=1e-5)


def test_a_2d_model_maps_its_plane_exactly_and_tiles_the_decoded_manifold():
    codes = np.random.default_rng(0).normal(size=(50, 2)).astype(np.float32)
    latent = compute_latent_map(CodesModel(codes), torch.zeros(50, 28, 28, dtype=torch.uint8), torch.zeros(50), ["a"])
    assert latent.method == "plane"
    assert np.array_equal(latent.coords, codes) and np.array_equal(latent.to_code(codes[3]), codes[3])

    class Painter(torch.nn.Module):  # draws its code: x in the left half, y in the right half
        def decode(self, z):
            image = torch.zeros(len(z), 28, 28)
            image[:, :, :14] = z[:, :1, None]
            image[:, :, 14:] = z[:, 1:, None]
            return image

    mosaic = decode_manifold(Painter(), (0.0, 1.0), (0.0, 1.0), steps=4)
    assert mosaic.shape == (112, 112)
    assert mosaic[0, 0] == pytest.approx(0.125) and mosaic[0, 14] == pytest.approx(0.875)  # top left: x low, y high
    assert mosaic[111, 111 - 14] == pytest.approx(0.875) and mosaic[111, 111] == pytest.approx(0.125)
