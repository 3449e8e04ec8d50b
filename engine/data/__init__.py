"""MNIST and Fashion-MNIST, from wherever they are: imported, local, downloaded or embedded.

Loaded data lives in memory as uint8 tensors; trainers draw batches by index.
"""

from engine.data.catalog import CATALOG, DATASET_NAMES, CatalogEntry, FileSpec, class_names, dataset_title
from engine.data.dataset import Dataset, ImageSet, SourceInfo
from engine.data.download import download_files
from engine.data.idx import DatasetError, DownloadCancelled
from engine.data.sources import DataConfig, find_sources, import_folder, load_dataset

__all__ = [
    "CATALOG",
    "DATASET_NAMES",
    "CatalogEntry",
    "DataConfig",
    "Dataset",
    "DatasetError",
    "DownloadCancelled",
    "FileSpec",
    "ImageSet",
    "SourceInfo",
    "class_names",
    "dataset_title",
    "download_files",
    "find_sources",
    "import_folder",
    "load_dataset",
]
