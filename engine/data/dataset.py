"""The in-memory dataset the trainers draw batches from, and where it came from."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import torch

from engine.i18n import N_, _
from engine.paths import ASSETS_DIR

FULL_TRAIN_SIZE = 60_000
LECTURE_VALIDATION = 5_000  # X_train_full[-5000:] in the lecture

SOURCE_KINDS = ("imported", "local", "download", "embedded")


@dataclass(frozen=True)
class ImageSet:
    """Images and their labels, kept whole in memory; batches are drawn by index."""

    images: torch.Tensor  # uint8 (N, 28, 28)
    labels: torch.Tensor  # int64 (N,)

    def __len__(self) -> int:
        return int(self.labels.shape[0])

    def to(self, device) -> ImageSet:
        return ImageSet(self.images.to(device), self.labels.to(device))

    def take(self, index) -> ImageSet:
        """The subset at ``index`` (a slice, a list or a tensor of indices)."""
        return ImageSet(self.images[index], self.labels[index])


HEADINGS = {  # a source's default title per kind (English; _() where shown)
    "imported": N_("imported folder"),
    "local": N_("app data folder"),
    "download": N_("download from official mirror"),
    "embedded": N_("embedded subset"),
}


@dataclass(frozen=True)
class SourceInfo:
    """Where a dataset's files are, in words a user can read."""

    kind: str  # "imported" | "local" | "download" | "embedded"
    location: str  # folder path or URL
    title: str = ""  # what precedes the location in describe(); a default per kind
    sizes: tuple[int, ...] = ()  # the embedded subset's (train, test) image counts, for shown_heading()

    def heading(self) -> str:
        """What the source is, without where: "embedded subset (…)", "app data folder" — in English, as
        checkpoints and the CLI's JSON record it (:meth:`shown_heading` is for people)."""
        return self.title or HEADINGS.get(self.kind, self.kind)

    def describe(self) -> str:
        return f"{self.heading()} — {_display(self.location)}"

    def shown_heading(self) -> str:
        """:meth:`heading` in the user's language."""
        if self.kind == "embedded" and len(self.sizes) == 2:
            return _("embedded subset ({train} train / {test} test)").format(train=self.sizes[0], test=self.sizes[1])
        return _(self.heading())

    def shown_describe(self) -> str:
        """:meth:`describe` in the user's language."""
        return f"{self.shown_heading()} — {_display(self.location)}"


def _display(location: str) -> str:
    """Paths among the app's own files are shown from the assets folder's parent (assets/data/mnist)."""
    if "://" in location:
        return location
    try:
        return Path(location).resolve().relative_to(ASSETS_DIR.parent).as_posix()
    except ValueError:
        return location


@dataclass(frozen=True)
class Dataset:
    name: str  # "mnist" | "fashion-mnist"
    class_names: tuple[str, ...]
    train: ImageSet  # the whole training file (60,000 for the full data)
    test: ImageSet
    source: SourceInfo

    def split(self) -> tuple[ImageSet, ImageSet]:
        """(train, validation): the lecture's last 5,000 of 60,000, otherwise the last 10%."""
        n = len(self.train)
        n_val = LECTURE_VALIDATION if n == FULL_TRAIN_SIZE else max(1, n // 10)
        return self.train.take(slice(0, n - n_val)), self.train.take(slice(n - n_val, n))

    def to(self, device) -> Dataset:
        return Dataset(self.name, self.class_names, self.train.to(device), self.test.to(device), self.source)
