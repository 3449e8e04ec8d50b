"""Sources and datasets: embedded always works, "auto" honours the user's order, errors name files."""

from __future__ import annotations

import gzip

import numpy as np
import pytest
import torch

from engine.data import (
    DATASET_NAMES,
    Dataset,
    DatasetError,
    ImageSet,
    SourceInfo,
    class_names,
    find_sources,
    import_folder,
    load_dataset,
)
from engine.data.catalog import DEBIAN_FASHION_DIR, IDX_FILES
from engine.data.idx import encode_idx


@pytest.fixture(autouse=True)
def empty_home(tmp_path, monkeypatch):
    """An empty app data folder, so only the sources a test creates exist."""
    monkeypatch.setenv("LATENT_STUDIO_HOME", str(tmp_path / "home"))


def make_folder(folder, n_train=50, n_test=20, gz=True, names=IDX_FILES):
    rng = np.random.default_rng(1)
    arrays = (
        rng.integers(0, 256, (n_train, 28, 28)),
        np.arange(n_train) % 10,
        rng.integers(0, 256, (n_test, 28, 28)),
        np.arange(n_test) % 10,
    )
    folder.mkdir(parents=True, exist_ok=True)
    for name, array in zip(names, arrays):
        data = encode_idx(array)
        if gz:
            (folder / f"{name}.gz").write_bytes(gzip.compress(data, mtime=0))
        else:
            (folder / name).write_bytes(data)
    return folder


@pytest.mark.parametrize("name, n_train, n_test", [("mnist", 4000, 1000), ("fashion-mnist", 10000, 2000)])
def test_embedded_subset_loads_balanced(name, n_train, n_test):
    dataset = load_dataset(name, "embedded")
    assert dataset.name == name and dataset.class_names == class_names(name)
    assert dataset.train.images.dtype == torch.uint8 and dataset.train.images.shape == (n_train, 28, 28)
    assert dataset.train.labels.dtype == torch.int64
    assert dataset.train.labels.bincount().tolist() == [n_train // 10] * 10
    assert dataset.test.labels.bincount().tolist() == [n_test // 10] * 10
    assert dataset.source.kind == "embedded"
    assert dataset.source.describe() == (f"embedded subset ({n_train:,} train / {n_test:,} test) — assets/data/{name}")


def test_class_names_and_unknown_dataset():
    assert DATASET_NAMES == ("mnist", "fashion-mnist")
    assert class_names("mnist") == tuple("0123456789")
    assert class_names("fashion-mnist")[0] == "T-shirt/top" and class_names("fashion-mnist")[9] == "Ankle boot"
    with pytest.raises(DatasetError, match="mnist, fashion-mnist"):
        load_dataset("cifar10")


def test_auto_picks_imported_folder_first(tmp_path):
    folder = make_folder(tmp_path / "mine")
    dataset = load_dataset("fashion-mnist", imported_dir=folder, allow_download=False)
    assert dataset.source == SourceInfo("imported", str(folder), "imported folder")
    assert (len(dataset.train), len(dataset.test)) == (50, 20)
    assert dataset.source.describe() == f"imported folder — {folder}"
    assert find_sources("fashion-mnist", imported_dir=folder)[0].kind == "imported"


def test_auto_without_full_copy_falls_back_to_embedded(tmp_path):
    broken = make_folder(tmp_path / "broken")
    (broken / "t10k-labels-idx1-ubyte.gz").write_bytes(b"garbage")
    dataset = load_dataset("mnist", imported_dir=broken, allow_download=False)
    assert dataset.source.kind == "embedded"
    assert [s.kind for s in find_sources("mnist")] == ["embedded"]


def test_full_without_copy_is_a_clear_error():
    with pytest.raises(DatasetError, match="No full copy of MNIST") as info:
        load_dataset("mnist", "full", allow_download=False)
    assert "download: not allowed" in str(info.value)


def test_app_folder_with_wrong_files_is_skipped(tmp_path):
    make_folder(tmp_path / "home" / "datasets" / "mnist")  # far from 47,040,016 bytes
    with pytest.raises(DatasetError, match="the official MNIST file has 47,040,016"):
        load_dataset("mnist", "full", allow_download=False)


def test_missing_file_is_named(tmp_path):
    folder = make_folder(tmp_path / "partial")
    (folder / "train-labels-idx1-ubyte.gz").unlink()
    with pytest.raises(DatasetError, match="missing train-labels-idx1-ubyte"):
        import_folder("mnist", folder)
    with pytest.raises(DatasetError, match="missing train-labels-idx1-ubyte"):
        load_dataset("mnist", str(folder))


def test_folder_path_source_and_other_layouts(tmp_path):
    raw = make_folder(tmp_path / "raw-files", gz=False)
    assert load_dataset("mnist", str(raw)).source.kind == "imported"
    kaggle = [n.replace("-idx", ".idx") for n in IDX_FILES]
    make_folder(tmp_path / "kaggle", names=kaggle, gz=False)
    assert len(import_folder("mnist", tmp_path / "kaggle").location) > 0
    make_folder(tmp_path / "tv" / "MNIST" / "raw")
    assert len(load_dataset("mnist", str(tmp_path / "tv")).train) == 50
    with pytest.raises(DatasetError, match="expected auto, embedded, full or a folder"):
        load_dataset("mnist", str(tmp_path / "nowhere"))


def test_import_folder_reports_bad_file(tmp_path):
    folder = make_folder(tmp_path / "bad")
    (folder / "t10k-images-idx3-ubyte.gz").write_bytes(gzip.compress(b"\0\0\x08\x03" + bytes(12), mtime=0))
    with pytest.raises(DatasetError, match="t10k-images-idx3-ubyte.gz: images are 0×0"):
        import_folder("mnist", folder)


def test_split_follows_the_lecture():
    def dataset(n):
        images = torch.zeros(n, 28, 28, dtype=torch.uint8)
        labels = torch.arange(n) % 10
        return Dataset(
            "mnist",
            class_names("mnist"),
            ImageSet(images, labels),
            ImageSet(images, labels),
            SourceInfo("embedded", "x"),
        )

    train, val = dataset(60_000).split()
    assert (len(train), len(val)) == (55_000, 5_000)
    assert val.labels[0] == 55_000 % 10
    train, val = dataset(4_000).split()
    assert (len(train), len(val)) == (3_600, 400)
    moved = dataset(10).to("cpu")
    assert moved.train.images.device.type == "cpu" and len(moved.test) == 10


@pytest.mark.skipif(not DEBIAN_FASHION_DIR.is_dir(), reason="Debian's dataset-fashion-mnist is not installed")
def test_full_fashion_from_debian_package():
    dataset = load_dataset("fashion-mnist", "full", allow_download=False)
    assert (len(dataset.train), len(dataset.test)) == (60_000, 10_000)
    assert dataset.source.describe() == ("Debian package dataset-fashion-mnist — /usr/share/datasets/fashion-mnist")
    assert dataset.train.labels.bincount().tolist() == [6000] * 10
    assert [s.kind for s in find_sources("fashion-mnist")] == ["local", "embedded"]
