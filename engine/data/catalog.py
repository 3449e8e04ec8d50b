"""What the engine knows about each dataset: classes, files, sizes, hashes, mirrors.

Sizes and SHA-256 sums are of the *decompressed* IDX files, so a copy that was
recompressed (Debian's dataset-fashion-mnist) still verifies. The archive sums
are those of the .gz files the official mirrors serve; they are used only when
no decompressed sum is known (MNIST).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from engine.data.idx import DatasetError
from engine.i18n import N_, _

DATASET_NAMES = ("mnist", "fashion-mnist")

_CLASS_NAMES = {
    "mnist": tuple(str(digit) for digit in range(10)),
    "fashion-mnist": (  # English here (files and the judge use them); _() where shown
        N_("T-shirt/top"),
        N_("Trouser"),
        N_("Pullover"),
        N_("Dress"),
        N_("Coat"),
        N_("Sandal"),
        N_("Shirt"),
        N_("Sneaker"),
        N_("Bag"),
        N_("Ankle boot"),
    ),
}

TITLES = {"mnist": "MNIST", "fashion-mnist": "Fashion-MNIST"}


def dataset_title(name: str) -> str:
    """How people write a dataset's name ("Fashion-MNIST"); unknown names come back as they are."""
    return TITLES.get(name, name)


# The four standard files, in the order (train images, train labels, test images, test labels).
TRAIN_IMAGES = "train-images-idx3-ubyte"
TRAIN_LABELS = "train-labels-idx1-ubyte"
TEST_IMAGES = "t10k-images-idx3-ubyte"
TEST_LABELS = "t10k-labels-idx1-ubyte"
IDX_FILES = (TRAIN_IMAGES, TRAIN_LABELS, TEST_IMAGES, TEST_LABELS)

FULL_TRAIN = 60_000
FULL_TEST = 10_000

DEBIAN_FASHION_DIR = Path("/usr/share/datasets/fashion-mnist")


@dataclass(frozen=True)
class FileSpec:
    """One file of a dataset as the mirrors serve it (``<name>.gz``)."""

    name: str  # standard IDX name, without .gz
    size: int  # decompressed bytes
    sha256: str | None = None  # of the decompressed bytes
    archive_sha256: str | None = None  # of the .gz as served by the mirrors
    archive_size: int | None = None  # of the .gz; for progress only


@dataclass(frozen=True)
class CatalogEntry:
    name: str
    files: tuple[FileSpec, ...]
    mirrors: tuple[str, ...]  # base URLs, tried in order; https only (engine.data.download refuses http)


CATALOG: dict[str, CatalogEntry] = {
    "mnist": CatalogEntry(
        name="mnist",
        files=(
            FileSpec(
                TRAIN_IMAGES,
                47_040_016,
                None,
                "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609",
                9_912_422,
            ),
            FileSpec(
                TRAIN_LABELS, 60_008, None, "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c", 28_881
            ),
            FileSpec(
                TEST_IMAGES,
                7_840_016,
                None,
                "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6",
                1_648_877,
            ),
            FileSpec(
                TEST_LABELS, 10_008, None, "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6", 4_542
            ),
        ),
        mirrors=(
            "https://ossci-datasets.s3.amazonaws.com/mnist/",
            "https://storage.googleapis.com/cvdf-datasets/mnist/",
        ),
    ),
    "fashion-mnist": CatalogEntry(
        name="fashion-mnist",
        files=(
            FileSpec(
                TRAIN_IMAGES,
                47_040_016,
                "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888",
                "3aede38d61863908ad78613f6a32ed271626dd12800ba2636569512369268a84",
                26_421_880,
            ),
            FileSpec(
                TRAIN_LABELS,
                60_008,
                "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9",
                "a04f17134ac03560a47e3764e11b92fc97de4d1bfaf8ba1a3aa29af54cc90845",
                29_515,
            ),
            FileSpec(
                TEST_IMAGES,
                7_840_016,
                "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b",
                "346e55b948d973a97e58d2351dde16a484bd415d4595297633bb08f03db6a073",
                4_422_102,
            ),
            FileSpec(
                TEST_LABELS,
                10_008,
                "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34",
                "67da17c76eaffca5446c3361aaab5c3cd6d1c2608764d35dfb1850b086bf8dd5",
                5_148,
            ),
        ),
        # https only: the project's S3 website mirror speaks plain http, where anyone on the way could
        # swap the files (the pinned SHA-256 would refuse them, but the user would lose the download).
        mirrors=("https://raw.githubusercontent.com/zalandoresearch/fashion-mnist/master/data/fashion/",),
    ),
}


def check_name(name: str) -> str:
    """Return ``name`` if it is a known dataset, else raise a DatasetError listing them."""
    if name not in DATASET_NAMES:
        raise DatasetError(
            _("Unknown dataset {name!r}; valid names: {names}").format(name=name, names=", ".join(DATASET_NAMES))
        )
    return name


def class_names(name: str) -> tuple[str, ...]:
    """The ten class names of a dataset, in label order."""
    return _CLASS_NAMES[check_name(name)]
