"""A folder of pictures as a dataset: one sub-folder per class (torchvision's ImageFolder
convention) or a flat folder of unlabelled images.

Each picture, whatever its size, mode or format, goes through
:func:`engine.imageio.read_image` (which refuses corrupt, truncated, disguised
and oversized files) and is turned into a 28×28 grey image either by the MNIST
recipe the Draw page uses (:func:`engine.inference.prepare`: inverted if dark
on light, cropped, fitted in 20×20, centred by mass) or by a plain resize that
keeps the whole picture (aspect kept, centred on black). A file that cannot be
used is skipped with its reason; the import never fails because of one file.

The result is the same :class:`~engine.data.dataset.Dataset` an IDX source
gives, so every family trains on it: the pictures are shuffled with a fixed
seed (class folders would otherwise put one class in the validation split) and
one in seven is held out as the test split, as in MNIST (10,000 of 70,000).
Unlabelled pictures all get label 0, class "unlabelled".
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import torch

from engine.data.dataset import Dataset, ImageSet, SourceInfo
from engine.data.idx import DatasetError, DownloadCancelled
from engine.i18n import N_, _, ngettext

IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".bmp", ".gif", ".tif", ".tiff", ".webp", ".ppm", ".pgm", ".pbm"})
RECIPES = {
    "mnist": N_("MNIST recipe (like the Draw page: inverted if dark on light, cropped, centred)"),
    "resize": N_("plain resize (the whole picture, aspect kept)"),
}
UNLABELLED = N_("unlabelled")
MAX_IMAGES = 100_000  # more would not fit a laptop's memory as tensors and take minutes to read
TEST_SHARE = 7  # one picture in TEST_SHARE is held out as the test split
SHUFFLE_SEED = 0

Progress = Callable[[int, int], None]  # (done, total)
Cancel = Callable[[], bool]


@dataclass(frozen=True)
class FolderLayout:
    """What a folder holds, before any picture is read."""

    folder: Path
    class_names: tuple[str, ...]  # sub-folder names, sorted; ("unlabelled",) for a flat folder
    files: tuple[tuple[Path, int], ...]  # (picture, label)
    labelled: bool
    not_pictures: int = 0  # files whose suffix is not a picture's (ignored, not counted as skipped)
    over_limit: int = 0  # pictures beyond MAX_IMAGES (left out)


@dataclass
class FolderImport:
    """The pictures of a folder, converted: what the preview shows and what training uses."""

    layout: FolderLayout
    recipe: str
    images: np.ndarray  # uint8 (N, 28, 28)
    labels: np.ndarray  # int64 (N,)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (file name relative to the folder, reason)

    def counts(self) -> dict[str, int]:
        """How many pictures each class kept, in class order."""
        found = Counter(int(label) for label in self.labels)
        return {name: found.get(i, 0) for i, name in enumerate(self.layout.class_names)}

    def skipped_reasons(self) -> dict[str, int]:
        """How many files were skipped for each kind of reason (the reason without the file's name)."""
        return dict(Counter(_reason_kind(reason) for _name, reason in self.skipped))


def is_picture(path: Path) -> bool:
    return path.suffix.lower() in IMAGE_SUFFIXES and not path.name.startswith(".")


def _pictures(folder: Path) -> list[Path]:
    try:
        return sorted(p for p in folder.iterdir() if p.is_file() and is_picture(p))
    except OSError:
        return []


def scan_folder(folder: str | Path) -> FolderLayout:
    """Find the pictures: one sub-folder per class (each with pictures), else the folder's own pictures.

    A DatasetError when there are none."""
    folder = Path(folder).expanduser()
    if not folder.is_dir():
        raise DatasetError(_("{folder} is not a folder").format(folder=folder))
    try:
        entries = sorted(folder.iterdir())
    except OSError as exc:
        reason = exc.strerror or exc
        raise DatasetError(_("Cannot read {folder}: {reason}").format(folder=folder, reason=reason)) from exc
    classes = [(d.name, _pictures(d)) for d in entries if d.is_dir() and not d.name.startswith(".")]
    classes = [(name, files) for name, files in classes if files]
    not_pictures = sum(1 for p in entries if p.is_file() and not is_picture(p) and not p.name.startswith("."))
    if classes:
        names = tuple(name for name, _files in classes)
        files = [(path, label) for label, (_name, paths) in enumerate(classes) for path in paths]
        labelled = True
    else:
        names = (UNLABELLED,)
        files = [(path, 0) for path in _pictures(folder)]
        labelled = False
    if not files:
        raise DatasetError(
            _(
                "{folder} holds no pictures: expected one sub-folder of pictures per class, or the "
                "pictures themselves (PNG, JPEG, BMP, GIF, TIFF, WebP, PPM/PGM)"
            ).format(folder=folder)
        )
    over = max(0, len(files) - MAX_IMAGES)
    if over:  # a fixed spread over every class, not the first classes only
        keep = np.linspace(0, len(files) - 1, MAX_IMAGES).round().astype(int)
        files = [files[i] for i in keep]
    return FolderLayout(folder, names, tuple(files), labelled, not_pictures, over)


def has_pictures(folder: str | Path) -> bool:
    """True if :func:`scan_folder` finds pictures there (no picture is read)."""
    try:
        scan_folder(folder)
        return True
    except DatasetError:
        return False


def convert(grey: np.ndarray, recipe: str) -> np.ndarray | None:
    """A grey picture (float, [0, 1]) → uint8 (28, 28) by ``recipe``; None if the MNIST recipe finds nothing."""
    from engine.inference import prepare
    from engine.preprocess import SIZE, fit_into

    if recipe == "mnist":
        prepared = prepare(grey)
        if prepared.empty:
            return None
        image = prepared.input
    elif recipe == "resize":
        image = fit_into(grey, SIZE)
    else:
        raise ValueError(
            _("unknown recipe {recipe!r}; expected one of {items}").format(recipe=recipe, items=", ".join(RECIPES))
        )
    return np.clip(np.rint(image * 255.0), 0, 255).astype(np.uint8)


def read_folder(
    folder: str | Path,
    recipe: str = "mnist",
    *,
    limit: int | None = None,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> FolderImport:
    """Read and convert the pictures of ``folder`` (the first ``limit`` spread over the classes, if given)."""
    from engine.imageio import MAX_FILE_BYTES, ImageError, read_image

    if recipe not in RECIPES:
        raise DatasetError(
            _("Unknown recipe {recipe!r}; expected one of {recipes}").format(recipe=recipe, recipes=", ".join(RECIPES))
        )
    layout = scan_folder(folder)
    files = list(layout.files)
    if limit is not None and len(files) > limit:
        keep = np.linspace(0, len(files) - 1, limit).round().astype(int)
        files = [files[i] for i in keep]
    images: list[np.ndarray] = []
    labels: list[int] = []
    skipped: list[tuple[str, str]] = []
    for done, (path, label) in enumerate(files):
        if cancel is not None and cancel():
            raise DownloadCancelled(_("The import was cancelled."))
        if progress is not None and done % 64 == 0:
            progress(done, len(files))
        name = path.relative_to(layout.folder).as_posix()
        try:
            if path.stat().st_size > MAX_FILE_BYTES:
                raise ImageError(_("{name} is too big to be an image we can use").format(name=path.name))
            grey = read_image(path)
        except ImageError as exc:
            skipped.append((name, str(exc)))
            continue
        except (OSError, MemoryError) as exc:  # anything else about one file: skip it, never stop the import
            skipped.append((name, _("could not read {file}: {reason}").format(file=path.name, reason=exc)))
            continue
        image = convert(grey, recipe)
        if image is None:
            skipped.append((name, _("{name}: nothing drawn was found (a blank picture)").format(name=path.name)))
            continue
        images.append(image)
        labels.append(label)
    if progress is not None:
        progress(len(files), len(files))
    stack = np.stack(images) if images else np.zeros((0, 28, 28), np.uint8)
    return FolderImport(layout, recipe, stack, np.asarray(labels, np.int64), skipped)


def dataset_name_for(folder: str | Path) -> str:
    """A file-safe name for the dataset a folder makes ("My digits!" → "my-digits")."""
    slug = re.sub(r"[^a-z0-9]+", "-", Path(folder).expanduser().resolve().name.lower()).strip("-")
    return slug[:40] or "pictures"


def to_dataset(imported: FolderImport, name: str | None = None) -> Dataset:
    """The converted pictures as a Dataset: shuffled with a fixed seed, one in seven held out as test."""
    n = len(imported.labels)
    if n < 2:
        raise DatasetError(
            ngettext(
                "{folder}: only {n} picture could be used; at least 2 are needed",
                "{folder}: only {n} pictures could be used; at least 2 are needed",
                n,
            ).format(folder=imported.layout.folder, n=n)
        )
    order = torch.randperm(n, generator=torch.Generator().manual_seed(SHUFFLE_SEED))
    images = torch.from_numpy(imported.images)[order]
    labels = torch.from_numpy(imported.labels)[order]
    n_test = max(1, n // TEST_SHARE)
    train = ImageSet(images[: n - n_test], labels[: n - n_test])
    test = ImageSet(images[n - n_test :], labels[n - n_test :])
    layout = imported.layout
    title = _("image folder, {recipe}").format(recipe=_(RECIPES[imported.recipe]).split(" (")[0])
    source = SourceInfo("imported", str(layout.folder), title)
    names = tuple(_(c) if c == UNLABELLED else c for c in layout.class_names)
    return Dataset(name or dataset_name_for(layout.folder), names, train, test, source)


def load_image_folder(
    folder: str | Path,
    recipe: str = "mnist",
    *,
    name: str | None = None,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> Dataset:
    """Read, convert and split a folder of pictures (see the module's docstring)."""
    return to_dataset(read_folder(folder, recipe, progress=progress, cancel=cancel), name)


def _reason_kind(reason: str) -> str:
    """A skip reason without its file name, to count the reasons ("is truncated", "is damaged …")."""
    kind = re.sub(r"^\S+?\.(png|jpe?g|bmp|gif|tiff?|webp|ppm|pgm|pbm)(: | )", "", reason, flags=re.IGNORECASE)
    return re.sub(r"\(.*\)$", "", kind).strip()
