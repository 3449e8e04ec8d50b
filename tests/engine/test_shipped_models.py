"""The pretrained models shipped in assets/models: present, loadable, and as the manifest says.

The manifest is written by ``assets/make_pretrained.py``; if a file is
retrained or replaced by hand, these tests say so.
"""

from __future__ import annotations

import hashlib
import json

import pytest
import torch

from engine.checkpoint import load_checkpoint, read_meta
from engine.cli import evaluate_checkpoint
from engine.data import DatasetError, load_dataset
from engine.models import AUTOENCODER_FAMILIES
from engine.paths import SHIPPED_MODELS_DIR

MANIFEST = SHIPPED_MODELS_DIR / "manifest.json"
pytestmark = pytest.mark.skipif(not MANIFEST.exists(), reason="no shipped models: run assets/make_pretrained.py")


def manifest() -> list[dict]:
    return json.loads(MANIFEST.read_text())["models"] if MANIFEST.exists() else []


def test_the_manifest_lists_every_file_as_it_is():
    models = manifest()
    files = {p.name for p in SHIPPED_MODELS_DIR.glob("*.safetensors")}
    assert {m["file"] for m in models} == files
    assert not json.loads(MANIFEST.read_text())["quick"]
    for m in models:
        data = (SHIPPED_MODELS_DIR / m["file"]).read_bytes()
        assert len(data) == m["bytes"] and hashlib.sha256(data).hexdigest() == m["sha256"], m["file"]
        assert {"dataset", "source", "epochs", "seed", "command", "metrics"} <= set(m)
        meta = read_meta(SHIPPED_MODELS_DIR / m["file"])
        assert meta["family"] == m["family"] and meta["name"] == m["name"]
        assert meta["dataset"]["name"] == m["dataset"]


def test_every_family_ships_for_both_datasets_and_the_set_stays_small():
    models = manifest()
    for dataset in ("mnist", "fashion-mnist"):
        families = {m["family"] for m in models if m["dataset"] == dataset}
        assert set(AUTOENCODER_FAMILIES) | {"gan"} <= families, dataset
    assert any(m["family"] == "dcgan" for m in models)
    noises = {json.dumps(m["options"]) for m in models if m["family"] == "denoising"}
    assert any("gaussian" in n for n in noises) and any("dropout" in n for n in noises)
    assert sum(m["bytes"] for m in models) < 16e6


@pytest.mark.parametrize(
    ("dataset", "source"), [("mnist", "embedded"), ("fashion-mnist", "full"), ("fashion-mnist", "embedded")]
)
def test_manifest_metrics_match_a_fresh_evaluate(dataset, source):
    entries = [m for m in manifest() if m["dataset"] == dataset and m["source"] == source]
    if not entries:
        pytest.skip(f"no shipped {dataset} model from the {source} data")
    try:  # the full Fashion-MNIST is on disk only where Debian's dataset-fashion-mnist is installed
        data = load_dataset(dataset, source, allow_download=False)
    except DatasetError as exc:
        pytest.skip(f"the data these models were evaluated on is not on this machine: {exc}")
    for m in entries:
        checkpoint = load_checkpoint(SHIPPED_MODELS_DIR / m["file"])
        fresh = evaluate_checkpoint(checkpoint, data)
        for key, value in fresh.items():
            assert value == pytest.approx(m["metrics"][key], rel=1e-4, abs=1e-5), (m["file"], key)


def test_the_shipped_autoencoders_reconstruct_well():
    """The lecture's quality: rounded accuracy above 0.9 on held-out images for every autoencoder."""
    for m in manifest():
        if m["family"] in AUTOENCODER_FAMILIES:
            # a 2-D code (the latent map's VAEs) squeezes each image into two numbers: a lower bar
            two_d = "--coding-size" in m["options"] and m["options"][m["options"].index("--coding-size") + 1] == "2"
            assert m["metrics"]["rounded_accuracy"] > (0.85 if two_d else 0.9), m["file"]
            assert m["metrics"]["bce"] < 0.35, m["file"]


def test_the_shipped_generators_sample():
    for m in manifest():
        if m["family"] in ("gan", "dcgan", "vae"):
            model = load_checkpoint(SHIPPED_MODELS_DIR / m["file"]).model
            with torch.no_grad():
                images = model.sample(16, torch.Generator().manual_seed(0))
            assert images.shape == (16, 28, 28) and torch.isfinite(images).all()
            assert images.std() > 0.1, m["file"]  # not a flat grey
