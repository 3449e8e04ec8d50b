"""Finding a dataset's files and loading them, in the order a user expects.

``source="auto"`` tries (1) the folder the user imported, (2) the standard
local places (the app's data folder, Debian's dataset-fashion-mnist), (3) a
download from the official mirrors into the app's data folder, and (4) the
embedded subset, which always works offline. A source that is there but
broken is skipped with a logged warning; "full" does the same without the
embedded fallback and raises a DatasetError that lists what it tried.
"""

from __future__ import annotations

import gzip
import hashlib
import logging
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np
import torch

from engine.data.catalog import (
    CATALOG,
    DEBIAN_FASHION_DIR,
    IDX_FILES,
    TEST_LABELS,
    TITLES,
    TRAIN_LABELS,
    CatalogEntry,
    check_name,
    class_names,
)
from engine.data.dataset import Dataset, ImageSet, SourceInfo
from engine.data.download import Cancel, Progress, download_files
from engine.data.idx import (
    DatasetError,
    DownloadCancelled,
    images_from_bytes,
    is_gzip,
    labels_from_bytes,
    read_idx_bytes,
)
from engine.i18n import N_, _
from engine.paths import EMBEDDED_DATA_DIR, folder_problem, missing_asset_message, user_datasets_dir

log = logging.getLogger(__name__)

# Sub-folders where other tools leave the same files (torchvision's layout).
_SUBFOLDERS = ("", "raw", "MNIST/raw", "FashionMNIST/raw")


def _candidates(folder: Path, base: str) -> list[Path]:
    """Raw before .gz (faster), then Kaggle's 'train-images.idx3-ubyte' spelling."""
    dotted = base.replace("-idx", ".idx")
    return [folder / n for n in (base, base + ".gz", dotted, dotted + ".gz")]


def locate_files(folder: str | Path) -> dict[str, Path]:
    """The four IDX files of ``folder``, keyed by standard name; DatasetError naming any missing."""
    folder = Path(folder).expanduser()
    if not folder.is_dir():
        raise DatasetError(_("{folder} is not a folder").format(folder=folder))
    for sub in _SUBFOLDERS:
        where = folder / sub if sub else folder
        found = {base: next((p for p in _candidates(where, base) if p.is_file()), None) for base in IDX_FILES}
        if any(found.values()):
            break
    else:
        where = folder  # nothing anywhere: name the folder the user gave
    missing = [base for base, path in found.items() if path is None]
    if missing:
        names = ", ".join(_("{base} (or {base}.gz)").format(base=base) for base in missing)
        raise DatasetError(_("{where} is missing {names}").format(where=where, names=names))
    return found  # type: ignore[return-value]


def _has_files(folder: Path) -> bool:
    try:
        locate_files(folder)
        return True
    except DatasetError:
        return False


def load_folder(name: str, folder: str | Path, source: SourceInfo, *, catalog: CatalogEntry | None = None) -> Dataset:
    """Read and check the four files; with ``catalog``, also their sizes and SHA-256."""
    files = locate_files(folder)
    specs = {spec.name: spec for spec in catalog.files} if catalog else {}
    arrays = {}
    for base, path in files.items():
        kind = "images" if "images" in base else "labels"
        dims, data = read_idx_bytes(path, kind)
        spec = specs.get(base)
        if spec is not None:
            if len(data) != spec.size:
                raise DatasetError(
                    _("{file}: {n:,} bytes, the official {TITLES} file has {size:,}").format(
                        file=path.name, n=len(data), TITLES=TITLES[name], size=spec.size
                    )
                )
            if spec.sha256 and hashlib.sha256(data).hexdigest() != spec.sha256:
                raise DatasetError(
                    _("{file}: SHA-256 differs from the official {TITLES} file").format(
                        file=path.name, TITLES=TITLES[name]
                    )
                )
        if kind == "images":
            arrays[base] = images_from_bytes(data, dims)
        else:
            arrays[base] = labels_from_bytes(data, dims, path)
    sets = []
    for images_name, labels_name in zip(IDX_FILES[::2], IDX_FILES[1::2]):
        images, labels = arrays[images_name], arrays[labels_name]
        if len(images) != len(labels):
            raise DatasetError(
                _("{name} has {n:,} images but {name2} has {n2:,} labels").format(
                    name=files[images_name].name, n=len(images), name2=files[labels_name].name, n2=len(labels)
                )
            )
        sets.append(ImageSet(torch.from_numpy(images), torch.from_numpy(labels.astype(np.int64))))
    return Dataset(name, class_names(name), sets[0], sets[1], source)


def _label_count(path: Path) -> int:
    """Number of labels a file declares, read from its 8-byte header only."""
    opener = gzip.open if is_gzip(path) else open
    with opener(path, "rb") as stream:
        header = stream.read(8)
    return int.from_bytes(header[4:8], "big")


def embedded_source(name: str) -> SourceInfo | None:
    folder = EMBEDDED_DATA_DIR / name
    try:
        files = locate_files(folder)
        train, test = _label_count(files[TRAIN_LABELS]), _label_count(files[TEST_LABELS])
    except (DatasetError, OSError):
        return None
    return SourceInfo("embedded", str(folder), f"embedded subset ({train:,} train / {test:,} test)", (train, test))


def local_sources(name: str) -> list[SourceInfo]:
    """The standard places, whether or not they hold the files."""
    places = [SourceInfo("local", str(user_datasets_dir() / name), "app data folder")]
    if name == "fashion-mnist":
        places.append(SourceInfo("local", str(DEBIAN_FASHION_DIR), N_("Debian package dataset-fashion-mnist")))
    return places


def _imported_source(folder: str | Path) -> SourceInfo:
    return SourceInfo("imported", str(Path(folder).expanduser()), "imported folder")


def find_sources(name: str, imported_dir: str | Path | None = None) -> list[SourceInfo]:
    """The sources available now, in the order "auto" tries them (no network)."""
    check_name(name)
    found = []
    if imported_dir is not None and _has_files(Path(imported_dir)):
        found.append(_imported_source(imported_dir))
    found += [s for s in local_sources(name) if _has_files(Path(s.location))]
    embedded = embedded_source(name)
    if embedded is not None:
        found.append(embedded)
    return found


def import_folder(name: str, folder: str | Path) -> SourceInfo:
    """Check that all four files of ``folder`` parse; return its SourceInfo."""
    check_name(name)
    source = _imported_source(folder)
    load_folder(name, folder, source)
    return source


def _load_embedded(name: str) -> Dataset:
    source = embedded_source(name)
    if source is None:
        raise DatasetError(
            _("The embedded {title} subset cannot be read. {missing}").format(
                title=TITLES[name], missing=missing_asset_message("data", name)
            )
        )
    return load_folder(name, source.location, source)


def load_dataset(
    name: str,
    source: str = "auto",
    *,
    imported_dir: str | Path | None = None,
    allow_download: bool = True,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    catalog: CatalogEntry | None = None,
) -> Dataset:
    """Load ``name`` from ``source``: "auto", "embedded", "full" or a folder path.

    ``catalog`` replaces the built-in sizes, hashes and mirrors (tests use it).
    With ``allow_download=False`` nothing touches the network.
    """
    check_name(name)
    entry = catalog or CATALOG[name]
    if source == "embedded":
        return _load_embedded(name)
    if source not in ("auto", "full"):
        folder = Path(source).expanduser()
        if not folder.is_dir():
            raise DatasetError(
                _("Unknown source {source!r}: expected auto, embedded, full or a folder").format(source=source)
            )
        return load_folder(name, folder, _imported_source(folder))

    failures: list[str] = []
    tries: list[tuple[SourceInfo, CatalogEntry | None]] = []
    if imported_dir is not None:
        tries.append((_imported_source(imported_dir), None))
    tries += [(s, entry) for s in local_sources(name)]
    for info, check in tries:
        if info.kind == "local" and not _has_files(Path(info.location)):
            failures.append(_("{source}: no dataset files there").format(source=info.shown_describe()))
            continue
        try:
            return load_folder(name, info.location, info, catalog=check)
        except DatasetError as exc:
            log.warning("Skipping %s: %s", info.describe(), exc)
            failures.append(f"{info.shown_describe()}: {exc}")

    problem = folder_problem(user_datasets_dir() / name) if allow_download else None
    if problem:  # the app data folder cannot be written: nowhere to download to
        failures.append(_("download: {reason}").format(reason=problem))
    elif allow_download:
        folder = user_datasets_dir() / name
        try:
            mirror = download_files(entry.files, entry.mirrors, folder, progress=progress, cancel=cancel)
            info = SourceInfo("download", mirror or str(folder))
            return load_folder(name, folder, info, catalog=entry)
        except DownloadCancelled:
            raise
        except DatasetError as exc:
            log.warning("Download of %s failed: %s", name, exc)
            failures.append(_("download: {reason}").format(reason=exc))
    else:
        failures.append(_("download: not allowed"))

    if source == "auto":
        return _load_embedded(name)
    raise DatasetError(
        _("No full copy of {dataset} is available. Tried:").format(dataset=TITLES[name])
        + "\n  "
        + "\n  ".join(failures)
    )


SOURCE_KINDS_REQUESTED = ("auto", "embedded", "full", "folder", "images")  # what a person can ask for


@dataclass(frozen=True)
class DataConfig:
    """Which data a run trains on, as a person chose it: the CLI's ``--dataset``/``--source``,
    the Train page's data choice, the training worker and the checkpoint's record all use this one."""

    dataset: str  # "mnist" | "fashion-mnist"; for "images", a name made from the folder's (image_folder)
    source_kind: str = "auto"  # "auto" | "embedded" | "full" | "folder" (see load_dataset) | "images"
    location: str | None = None  # the folder of IDX files, for "folder"; of pictures, for "images"
    imported_dir: str | None = None  # a folder the user imported: "auto" and "full" try it first
    allow_download: bool = True  # may "auto" and "full" fetch the files from the official mirrors
    recipe: str = "mnist"  # "images" only: "mnist" (the Draw page's recipe) or "resize" (engine.data.image_folder)

    def __post_init__(self) -> None:
        if self.source_kind != "images":
            check_name(self.dataset)
        if self.source_kind not in SOURCE_KINDS_REQUESTED:
            raise DatasetError(
                _("Unknown source kind {kind!r}; expected one of {kinds}").format(
                    kind=self.source_kind, kinds=", ".join(SOURCE_KINDS_REQUESTED)
                )
            )
        if self.source_kind in ("folder", "images") and not self.location:
            raise DatasetError(_("A folder source needs the folder's path"))

    @classmethod
    def from_source(cls, dataset: str, source: str, **options) -> DataConfig:
        """From what ``load_dataset`` (and the CLI's ``--source``) takes: auto, embedded, full or a folder."""
        if source in ("auto", "embedded", "full"):
            return cls(dataset, source, **options)
        folder = Path(source).expanduser()
        if folder.is_dir() and not _has_files(folder):
            from engine.data.image_folder import dataset_name_for, has_pictures

            if has_pictures(folder):  # pictures, not IDX files: a dataset of its own, named after the folder
                return cls(dataset_name_for(folder), "images", location=str(folder), **options)
        return cls(dataset, "folder", location=str(folder), **options)

    @classmethod
    def from_images(cls, folder: str | Path, recipe: str = "mnist") -> DataConfig:
        """A folder of pictures (one sub-folder per class, or flat), converted by ``recipe``."""
        from engine.data.image_folder import dataset_name_for

        folder = Path(folder).expanduser()
        return cls(dataset_name_for(folder), "images", location=str(folder), allow_download=False, recipe=recipe)

    @property
    def source(self) -> str:
        """The ``source`` argument of :func:`load_dataset`."""
        return self.location if self.source_kind in ("folder", "images") else self.source_kind  # type: ignore[return-value]

    def load(self, *, progress: Progress | None = None, cancel: Cancel | None = None) -> Dataset:
        if self.source_kind == "images":
            from engine.data.image_folder import load_image_folder

            return load_image_folder(self.location, self.recipe, name=self.dataset, progress=progress, cancel=cancel)
        return load_dataset(
            self.dataset,
            self.source,
            imported_dir=self.imported_dir,
            allow_download=self.allow_download,
            progress=progress,
            cancel=cancel,
        )

    def to_dict(self) -> dict:
        return asdict(self)
