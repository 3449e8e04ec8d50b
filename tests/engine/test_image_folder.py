"""A folder of pictures becomes a dataset every family trains on (issue 12, point 8)."""

from __future__ import annotations

import json
import subprocess
import sys

import numpy as np
import pytest
from PIL import Image

from engine.data import DataConfig, DatasetError
from engine.data.image_folder import UNLABELLED, load_image_folder, read_folder, scan_folder


def _digit(value: int, size: int, rng) -> np.ndarray:
    """A dark-on-light blob drawn somewhere on a pale page, like a phone photo of a digit."""
    page = np.full((size, size), 230, np.uint8)
    top, left = rng.integers(0, size // 3, 2)
    page[top : top + size // 2, left + value : left + value + size // 6] = 20
    return page


def make_class_folder(root, per_class=6, classes=("zero", "one", "two")):
    rng = np.random.default_rng(0)
    for label, name in enumerate(classes):
        (root / name).mkdir(parents=True)
        for i in range(per_class):
            size = int(rng.integers(30, 90))
            image = Image.fromarray(_digit(label, size, rng))
            mode = ("L", "RGB", "RGBA", "P")[i % 4]  # any mode
            suffix = ".png" if i % 3 else ".jpg"
            image = image.convert(mode if suffix == ".png" else "RGB")
            image.save(root / name / f"{name}-{i}{suffix}")
    (root / "one" / "broken.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"garbage" * 10)  # a corrupt file
    (root / "two" / "empty.png").write_bytes(b"")  # and an empty one
    (root / "notes.txt").write_text("not a picture")
    return root


def test_a_class_folder_imports_with_its_counts_and_the_reasons_for_what_was_skipped(tmp_path):
    folder = make_class_folder(tmp_path / "my digits")
    layout = scan_folder(folder)
    assert layout.labelled and layout.class_names == ("one", "two", "zero")  # sorted, as ImageFolder does
    imported = read_folder(folder, "mnist")
    assert imported.counts() == {"one": 6, "two": 6, "zero": 6}
    assert sorted(name for name, _reason in imported.skipped) == ["one/broken.png", "two/empty.png"]
    assert all(reason for _name, reason in imported.skipped)
    assert imported.images.shape == (18, 28, 28) and imported.images.dtype == np.uint8
    # The MNIST recipe: light ink on black, centred, like the Draw page's input.
    assert imported.images[:, 0, :].max() < 40 and imported.images.max() > 200


def test_a_flat_folder_is_one_unlabelled_class_and_a_plain_resize_keeps_the_whole_picture(tmp_path):
    rng = np.random.default_rng(1)
    for i in range(10):
        Image.fromarray((rng.random((40, 60)) * 255).astype(np.uint8)).save(tmp_path / f"photo{i}.png")
    imported = read_folder(tmp_path, "resize")
    assert imported.layout.class_names == (UNLABELLED,) and not imported.layout.labelled
    assert imported.counts() == {UNLABELLED: 10} and set(imported.labels.tolist()) == {0}
    dataset = load_image_folder(tmp_path, "resize")
    assert len(dataset.train) + len(dataset.test) == 10 and len(dataset.test) >= 1
    assert dataset.class_names == ("unlabelled",)


def test_a_folder_without_pictures_says_so(tmp_path):
    (tmp_path / "readme.txt").write_text("hello")
    with pytest.raises(DatasetError, match="no pictures"):
        scan_folder(tmp_path)


def test_a_picture_folder_trains_every_family_for_a_few_steps(tmp_path):
    from engine.models import FAMILIES, default_model_config
    from engine.train import create_trainer, default_train_config, events

    folder = make_class_folder(tmp_path / "pics", per_class=12)
    config = DataConfig.from_source("mnist", str(folder))
    assert config.source_kind == "images" and config.dataset == "pics"
    dataset = config.load()
    assert dataset.class_names == ("one", "two", "zero")
    for family in FAMILIES:
        train = default_train_config(family, epochs=1, max_steps_per_epoch=3, batch_size=8, threads=1)
        trainer = create_trainer(default_model_config(family), train, dataset)
        ended = list(trainer.run())[-1]
        assert ended.reason == events.FINISHED, (family, ended.message)


def test_the_cli_trains_on_a_folder_of_pictures_and_the_latent_map_reads_it_back(tmp_path):
    from engine.checkpoint import load_checkpoint
    from engine.latent_map import held_out_images

    folder = make_class_folder(tmp_path / "pics", per_class=12)
    out = tmp_path / "model.safetensors"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "engine",
            "train",
            "stacked",
            "--source",
            str(folder),
            "--epochs",
            "1",
            "--max-steps",
            "3",
            "--batch-size",
            "8",
            "--threads",
            "1",
            "--out",
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert "2 skipped" in result.stderr and "one/broken.png" in result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1])["epochs"] == 1
    record = load_checkpoint(out).meta["dataset"]
    assert record["name"] == "pics" and record["requested_source"] == "images" and record["recipe"] == "mnist"
    images, labels, names, _where = held_out_images(record["name"], record["source_kind"], record=record)
    assert names == ["one", "two", "zero"] and len(images) == len(labels) > 0
